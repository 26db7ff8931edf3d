/// One word of a text: its folded form and where it stands in the text.
public struct WordToken: Sendable, Hashable {
    /// The folded term (see `Normalizer`).
    public var term: String
    /// UTF-8 byte offsets of the word in the original text.
    public var range: Range<Int>
}

/// Splits text into words the way the index and the query language agree on.
///
/// A word is a maximal run of letters, digits and combining marks; anything
/// else separates words. So hyphenated names split ("Kim Jong-un" is kim,
/// jong, un, and finds "Kim Jong Un"), apostrophes split ("Jum'at"), and
/// straight and curly quotes are never part of a word. This is the rule of
/// SQLite FTS5's unicode61 and tantivy's simple tokenizer, which keeps match
/// counts comparable across the three.
public enum Tokenizer {
    /// Every word of `text`, in order.
    public static func words(_ text: String) -> [WordToken] {
        var out: [WordToken] = []
        forEachWord(text) { term, range in out.append(WordToken(term: term, range: range)) }
        return out
    }

    /// Just the folded terms of `text`, in order.
    public static func terms(_ text: String) -> [String] {
        var out: [String] = []
        forEachWord(text) { term, _ in out.append(term) }
        return out
    }

    /// Calls `body` with each word's folded term and UTF-8 byte range.
    public static func forEachWord(_ text: String, _ body: (String, Range<Int>) -> Void) {
        var text = text
        text.withUTF8 { buf in
            forEachWord(utf8: buf, body)
        }
    }

    /// The same over raw UTF-8 (which must be valid UTF-8).
    public static func forEachWord(utf8 buf: UnsafeBufferPointer<UInt8>, _ body: (String, Range<Int>) -> Void) {
        forEachToken(utf8: buf) { start, end, _, hash, long in
            if hash.length > 0 { body(long ?? TermNumbers.term(of: hash), start..<end) }
        }
    }

    /// Each word's byte range, how it is written (`WordCoding`) and its term's hash, with the term
    /// itself only where the hash does not hold it whole (`Normalizer.hash`); a word whose term
    /// folds to nothing comes with an empty hash (length 0). Every way of tokenizing goes through
    /// this loop. Within an ASCII word the bytes are read eight at a time to its end.
    @inline(__always)
    static func forEachToken(utf8 buf: UnsafeBufferPointer<UInt8>, _ body: (Int, Int, UInt8, TermHash, String?) -> Void) {
        let n = buf.count
        var i = 0
        var start = -1
        @inline(__always) func emit(_ end: Int) {
            var how = WordCoding.asTerm
            var hash: TermHash = (0, 0, 0, 0)
            let long = Normalizer.hash(UnsafeBufferPointer(rebasing: buf[start..<end]), writing: &how, hashing: &hash)
            body(start, end, how, hash, long)
        }
        while i < n {
            let b = buf[i]
            if b < 0x80 {
                if (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) {
                    if start < 0 { start = i }
                    i += 1
                    // The rest of a run of ASCII letters and digits, eight bytes at a time: where it
                    // stops, the byte-at-a-time loop goes on (a word may go on in another script).
                    while i + 8 <= n {
                        let x = UnsafeRawPointer(buf.baseAddress! + i).loadUnaligned(as: UInt64.self).littleEndian
                        let word = ByteFlags.within(x | 0x2020_2020_2020_2020, 0x61, 0x7A) | ByteFlags.within(x, 0x30, 0x39)
                        let notWord = ~word & ByteFlags.highs
                        if notWord != 0 { i += notWord.trailingZeroBitCount / 8; break }
                        i += 8
                    }
                    continue
                }
                if start >= 0 { emit(i); start = -1 }
                i += 1
            } else {
                let (scalar, len) = decode(buf, at: i)
                if isWordScalar(scalar, continuing: start >= 0) {
                    if start < 0 { start = i }
                } else if start >= 0 {
                    emit(i)
                    start = -1
                }
                i += len
            }
        }
        if start >= 0 { emit(n) }
    }

    /// Decodes the scalar at `i` (input is valid UTF-8; a stray byte decodes as U+FFFD).
    @inline(__always)
    static func decode(_ buf: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int) {
        let b0 = UInt32(buf[i])
        let n = buf.count
        func cont(_ k: Int) -> UInt32? {
            guard i + k < n, buf[i + k] & 0xC0 == 0x80 else { return nil }
            return UInt32(buf[i + k] & 0x3F)
        }
        if b0 & 0xE0 == 0xC0, let c1 = cont(1) {
            return (Unicode.Scalar(((b0 & 0x1F) << 6) | c1) ?? "\u{FFFD}", 2)
        }
        if b0 & 0xF0 == 0xE0, let c1 = cont(1), let c2 = cont(2) {
            return (Unicode.Scalar(((b0 & 0x0F) << 12) | (c1 << 6) | c2) ?? "\u{FFFD}", 3)
        }
        if b0 & 0xF8 == 0xF0, let c1 = cont(1), let c2 = cont(2), let c3 = cont(3) {
            return (Unicode.Scalar(((b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3) ?? "\u{FFFD}", 4)
        }
        return ("\u{FFFD}", 1)
    }

    /// Letters and digits of any script start or continue a word; combining
    /// marks only continue one (a lone mark is not a word).
    @inline(__always)
    static func isWordScalar(_ s: Unicode.Scalar, continuing: Bool) -> Bool {
        let p = s.properties
        if p.isAlphabetic { return !isMark(s) || continuing }
        switch p.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber: return true
        case .nonspacingMark, .spacingMark, .enclosingMark: return continuing
        default: return false
        }
    }

    @inline(__always)
    static func isMark(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
