/// Byte-level reading shared by the recognizer, the sentence splitter and the
/// quote finder. Everything works on UTF-8 bytes and offsets, never on
/// `Character`s: grapheme breaking is what makes naive Swift text code slow.
enum TextBytes {
    /// A word of the text: a maximal run of letters, digits and marks, the
    /// same rule as `Tokenizer`, so hyphens, apostrophes and quotes separate.
    struct Word {
        var start: Int
        var end: Int
        /// Starts with an upper-case letter.
        var capitalised: Bool
        /// Opens a sentence (or a line, or a quotation).
        var initial: Bool
        /// Index of the line (text between newlines) holding it.
        var line: Int
    }

    /// The words of `buf`, with their flags.
    static func words(_ buf: UnsafeBufferPointer<UInt8>) -> [Word] {
        var out: [Word] = []
        out.reserveCapacity(buf.count / 6)
        let n = buf.count
        var i = 0
        var start = -1
        var capital = false
        var line = 0
        while i < n {
            let b = buf[i]
            var len = 1
            let isWord: Bool
            if b < 0x80 {
                isWord = (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
                if isWord && start < 0 { capital = b >= 0x41 && b <= 0x5A }
            } else {
                let (scalar, l) = Tokenizer.decode(buf, at: i)
                len = l
                isWord = Tokenizer.isWordScalar(scalar, continuing: start >= 0)
                if isWord && start < 0 {
                    let p = scalar.properties
                    capital = p.isUppercase || p.generalCategory == .titlecaseLetter
                }
            }
            if isWord {
                if start < 0 { start = i }
            } else {
                if start >= 0 {
                    out.append(Word(start: start, end: i, capitalised: capital, initial: false, line: line))
                    start = -1
                }
                if b == 0x0A { line += 1 }
            }
            i += len
        }
        if start >= 0 { out.append(Word(start: start, end: n, capitalised: capital, initial: false, line: line)) }
        markInitials(&out, buf)
        return out
    }

    /// The same words, from where the tokenizer found them (`starts[k] ..< ends[k]`,
    /// every run of letters and digits of `buf`): only the bytes between words are read.
    static func words(_ buf: UnsafeBufferPointer<UInt8>, starts: [Int32], ends: [Int32]) -> [Word] {
        let count = min(starts.count, ends.count)
        var out: [Word] = []
        out.reserveCapacity(count)
        var line = 0, previous = 0
        for k in 0..<count {
            let start = Int(starts[k]), end = Int(ends[k])
            // The gap before the word, read once: its line breaks, and whether it opens a sentence
            // (`markInitials`; the first word always does).
            var initial = k == 0
            for j in previous..<start {
                if buf[j] == 0x0A { line += 1 }
                if !initial && opensSentence(buf, at: j, prev: out[k - 1], next: start) { initial = true }
            }
            let b = buf[start]
            let capital: Bool
            if b < 0x80 {
                capital = b >= 0x41 && b <= 0x5A
            } else {
                let p = Tokenizer.decode(buf, at: start).0.properties
                capital = p.isUppercase || p.generalCategory == .titlecaseLetter
            }
            out.append(Word(start: start, end: end, capitalised: capital, initial: initial, line: line))
            previous = end
        }
        return out
    }

    private static func markInitials(_ out: inout [Word], _ buf: UnsafeBufferPointer<UInt8>) {
        // A word opens a sentence when what lies between it and the word before
        // holds a line break, an opening quotation mark, or a full stop, "?" or
        // "!" that is not the dot of an abbreviation ("Mr. Putin").
        for k in out.indices {
            if k == 0 { out[k].initial = true; continue }
            let prev = out[k - 1]
            out[k].initial = gapOpensSentence(buf, prev: prev, next: out[k].start)
        }
    }

    private static func gapOpensSentence(_ buf: UnsafeBufferPointer<UInt8>, prev: Word, next: Int) -> Bool {
        var j = prev.end
        while j < next {
            if opensSentence(buf, at: j, prev: prev, next: next) { return true }
            j += 1
        }
        return false
    }

    /// Whether byte `j` of the gap between word `prev` and the word at `next` opens a sentence:
    /// a line break, an opening quotation mark, or a full stop, "?" or "!" that is not the dot of
    /// an abbreviation.
    @inline(__always)
    private static func opensSentence(_ buf: UnsafeBufferPointer<UInt8>, at j: Int, prev: Word, next: Int) -> Bool {
        switch buf[j] {
        case 0x0A, 0x22, 0x28: return true  // newline, straight quote, "("
        case 0x3F, 0x21: return true  // ? !
        case 0x2E:  // .
            return !(j == prev.end && SentenceSplitter.isAbbreviation(buf, wordStart: prev.start, dot: j))
        case 0xE2 where j + 2 < next && buf[j + 1] == 0x80:
            // “ (E2 80 9C) and … (E2 80 A6) open; ” and ’ do not.
            return buf[j + 2] == 0x9C || buf[j + 2] == 0xA6
        default: return false
        }
    }

    /// The folded form of the word at `range` (see `Normalizer`).
    @inline(__always)
    static func fold(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        Normalizer.fold(UnsafeBufferPointer(rebasing: buf[start..<end]))
    }

    /// What separates two words of a name, reduced to the marks that matter:
    /// white space and hyphens disappear (so "Kim Jong-un" is "Kim Jong Un"),
    /// a curly apostrophe becomes a straight one, other marks stay ("Mr. Putin"
    /// keeps its dot). `nil` when the gap crosses a line break.
    static func gapKey(_ buf: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> String? {
        var key: [UInt8] = []
        var j = from
        while j < to {
            let b = buf[j]
            if b == 0x0A { return nil }
            if b == 0x20 || b == 0x09 || b == 0x0D || b == 0x2D {
                j += 1
            } else if b == 0xC2 && j + 1 < to && buf[j + 1] == 0xA0 {  // no-break space
                j += 2
            } else if b == 0xE2 && j + 2 < to && buf[j + 1] == 0x80 && (buf[j + 2] == 0x90 || buf[j + 2] == 0x91) {
                j += 3  // ‐ ‑ hyphens
            } else if b == 0xE2 && j + 2 < to && buf[j + 1] == 0x80 && buf[j + 2] == 0x99 {
                key.append(0x27)  // ’
                j += 3
            } else {
                key.append(b)
                j += 1
            }
        }
        return String(decoding: key, as: UTF8.self)
    }

    /// The bytes as a string.
    @inline(__always)
    static func string(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: buf[start..<end]), as: UTF8.self)
    }

    /// ASCII white space or a no-break space starting at `i`; returns its length.
    @inline(__always)
    static func spaceLength(_ buf: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let b = buf[i]
        if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D { return 1 }
        if b == 0xC2 && i + 1 < buf.count && buf[i + 1] == 0xA0 { return 2 }
        return 0
    }

    /// Runs `body` over the UTF-8 bytes of `text` without copying when it is native.
    @inline(__always)
    static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var t = text
        return t.withUTF8(body)
    }
}
