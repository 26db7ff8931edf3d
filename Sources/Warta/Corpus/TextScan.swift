// Byte-level helpers shared by the cleaner, the date finder and the source
// finder. They work on UTF-8 bytes because every phrase the rules look for is
// ASCII (Indonesian and English need no accents), and because this code runs
// over every line of every article: no regular expressions, no allocation
// per byte.

@inline(__always) func lowerASCII(_ b: UInt8) -> UInt8 {
    (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
}

@inline(__always) func isASCIIAlpha(_ b: UInt8) -> Bool {
    let l = b | 0x20
    return l >= 0x61 && l <= 0x7A
}

@inline(__always) func isDigitByte(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

@inline(__always) func isASCIIAlnum(_ b: UInt8) -> Bool { isASCIIAlpha(b) || isDigitByte(b) }

@inline(__always) func isSpaceByte(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }

/// A byte that may be part of a word: ASCII letters and digits, and any
/// non-ASCII byte (the pieces of "é", "’" and the like are never separators
/// the rules care about).
@inline(__always) func isWordByte(_ b: UInt8) -> Bool { isASCIIAlnum(b) || b >= 0x80 }

/// A phrase compiled for matching: lower-case bytes, words separated by a
/// single space, and whether a colon must follow (phrases written "Foto:").
struct Phrase: Sendable {
    var bytes: [UInt8]
    var needsColon: Bool
    var text: String

    init(_ text: String) {
        var t = Substring(text)
        needsColon = t.hasSuffix(":")
        if needsColon { t = t.dropLast() }
        var out: [UInt8] = []
        var lastSpace = true
        for b in t.utf8 {
            if isSpaceByte(b) {
                if !lastSpace { out.append(0x20) }
                lastSpace = true
            } else {
                out.append(lowerASCII(b))
                lastSpace = false
            }
        }
        while out.last == 0x20 { out.removeLast() }
        bytes = out
        self.text = text
    }

    /// Matches at `start`, ignoring ASCII case and collapsing runs of
    /// spaces; requires a word boundary after the phrase and, for "X:"
    /// phrases, the colon (spaces before it allowed). Returns the index just
    /// past the match (past the colon when one is needed).
    func match(_ s: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        var i = start
        let n = s.count
        for p in bytes {
            if p == 0x20 {
                guard i < n, isSpaceByte(s[i]) else { return nil }
                while i < n, isSpaceByte(s[i]) { i += 1 }
            } else {
                guard i < n, lowerASCII(s[i]) == p else { return nil }
                i += 1
            }
        }
        if let last = bytes.last, isWordByte(last), i < n, isWordByte(s[i]) { return nil }
        if needsColon {
            var j = i
            while j < n, isSpaceByte(s[j]) { j += 1 }
            guard j < n, s[j] == UInt8(ascii: ":") else { return nil }
            return j + 1
        }
        return i
    }
}

/// Phrases grouped by their first byte, so a line is compared only with the
/// phrases that could start where it does.
struct PhraseTable: Sendable {
    private var buckets: [[(phrase: Phrase, tag: Int)]] = Array(repeating: [], count: 256)

    mutating func add(_ phrase: Phrase, tag: Int) {
        guard let first = phrase.bytes.first else { return }
        buckets[Int(first)].append((phrase, tag))
    }

    /// The longest phrase matching at `start`: its tag and end index.
    func match(_ s: UnsafeBufferPointer<UInt8>, at start: Int) -> (tag: Int, end: Int)? {
        guard start < s.count else { return nil }
        var best: (tag: Int, end: Int)?
        for entry in buckets[Int(lowerASCII(s[start]))] {
            if let end = entry.phrase.match(s, at: start), end > (best?.end ?? -1) {
                best = (entry.tag, end)
            }
        }
        return best
    }
}

/// Runs `body` over the UTF-8 bytes of `s` without copying native strings.
@inline(__always) func withUTF8Bytes<R>(_ s: Substring, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    if let r = s.utf8.withContiguousStorageIfAvailable(body) { return r }
    var copy = String(s)
    return copy.withUTF8(body)
}

@inline(__always) func withUTF8Bytes<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    if let r = s.utf8.withContiguousStorageIfAvailable(body) { return r }
    var copy = s
    return copy.withUTF8(body)
}

/// Words separated by ASCII spaces.
func countWords(_ s: UnsafeBufferPointer<UInt8>) -> Int {
    var count = 0
    var inWord = false
    for b in s {
        if isSpaceByte(b) { inWord = false } else if !inWord { inWord = true; count += 1 }
    }
    return count
}

/// Trims spaces, tabs, carriage returns, no-break spaces and the zero-width
/// characters scraped pages leave at line ends.
func trimLine(_ s: Substring) -> Substring {
    func junk(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x20, 0x09, 0x0D, 0x0B, 0x0C, 0xA0, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060,
             0xFEFF, 0x3000, 0x2000...0x200A:
            return true
        default:
            return false
        }
    }
    let u = s.unicodeScalars
    var lo = u.startIndex
    var hi = u.endIndex
    while lo < hi, junk(u[lo]) { lo = u.index(after: lo) }
    while hi > lo, junk(u[u.index(before: hi)]) { hi = u.index(before: hi) }
    return Substring(u[lo..<hi])
}

/// Whether the line ends a sentence: a final ".", "!", "?", "…", or a closing
/// quotation mark or bracket after one.
func endsSentence(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = s.count - 1
    // Step back over closing quotes and brackets: `kata Putin.”`, `(AFP)`.
    while i >= 0 {
        let b = s[i]
        if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: ")") { i -= 1; continue }
        // ” (E2 80 9D) and ’ (E2 80 99)
        if b == 0x9D || b == 0x99, i >= 2, s[i - 1] == 0x80, s[i - 2] == 0xE2 { i -= 3; continue }
        break
    }
    guard i >= 0 else { return false }
    let b = s[i]
    if b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") { return true }
    if b == 0xA6, i >= 2, s[i - 1] == 0x80, s[i - 2] == 0xE2 { return true }  // …
    return false
}

/// A word of up to 12 ASCII letters packed into an integer, case folded, 5
/// bits a letter: a dictionary key that costs no allocation. Apostrophes
/// (' and ’) are skipped, so "Jum'at" and "Jum’at" pack as "jumat".
/// `nil` for anything else.
func packLetters(_ s: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> UInt64? {
    var key: UInt64 = 0
    var letters = 0
    var i = lo
    while i < hi {
        let b = s[i]
        if isASCIIAlpha(b) {
            letters += 1
            guard letters <= 12 else { return nil }
            key = packLetter(b, after: key)
            i += 1
        } else if b == UInt8(ascii: "'") {
            i += 1
        } else if b == 0xE2, i + 2 < hi, s[i + 1] == 0x80, s[i + 2] == 0x99 {
            i += 3
        } else {
            return nil
        }
    }
    return letters == 0 ? nil : key
}

/// `packLetters` for a string literal: for building the tables.
func packLetters(_ word: String) -> UInt64 {
    var copy = word
    return copy.withUTF8 { packLetters($0, 0, $0.count) }!
}

/// `key` (the packed letters before) with the ASCII letter `b` after them: five bits a letter, case ignored.
@inline(__always)
func packLetter(_ b: UInt8, after key: UInt64) -> UInt64 { key << 5 | UInt64((b | 0x20) - 0x60) }

/// A small map of words to a byte, by a key the caller makes of each word (a number, never 0),
/// with open addressing: one probe answers which of several word lists a word is on. The
/// language guess looks up every word of every article, and hashing with `Dictionary`'s
/// SipHash costs more than the rest of that work together.
struct WordKeyMap: Sendable {
    private var keys = [UInt64](repeating: 0, count: 256)
    private var values = [UInt8](repeating: 0, count: 256)

    /// Later pairs win over earlier ones with the same word.
    /// - Parameter key: a word's key (never 0), as the caller makes it of the words it looks up.
    init(_ pairs: [(String, UInt8)], key keyOf: (String) -> UInt64) {
        for (w, v) in pairs {
            let key = keyOf(w)
            var h = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 56)
            while keys[h] != 0, keys[h] != key { h = (h + 1) & 255 }
            keys[h] = key
            values[h] = v
        }
    }

    /// The word's value; 0 when it is on no list (keys are never 0: 0 marks a free slot).
    @inline(__always)
    func value(_ key: UInt64) -> UInt8 {
        var h = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 56)
        while true {
            let k = keys[h]
            if k == key { return values[h] }
            if k == 0 { return 0 }
            h = (h + 1) & 255
        }
    }
}

/// Eight bytes at a time: where, from `i` on, the first byte lies whose flag `flags` sets (the
/// high bit of its byte in the word of eight read little-endian); the first index from which
/// fewer than eight bytes are left when no byte before it is flagged. The caller reads on
/// byte by byte from there: this only skips what it would have passed over.
@inline(__always)
func skipUnflagged(_ s: UnsafeBufferPointer<UInt8>, from i: Int, _ flags: (UInt64) -> UInt64) -> Int {
    var j = i
    guard let base = s.baseAddress else { return j }
    while j + 8 <= s.count {
        let f = flags(UnsafeRawPointer(base + j).loadUnaligned(as: UInt64.self).littleEndian)
        if f != 0 { return j + f.trailingZeroBitCount / 8 }
        j += 8
    }
    return j
}

/// Flags for `skipUnflagged`. Each byte's flag depends on that byte alone, so the lowest flag
/// is always exact (the plain zero-byte trick may flag a byte above a true zero byte: harmless
/// here, as only the lowest is used).
enum ByteFlags {
    static let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080

    /// The bytes equal to `b`.
    @inline(__always)
    static func equal(_ v: UInt64, _ b: UInt8) -> UInt64 {
        let x = v ^ (ones &* UInt64(b))
        return (x &- ones) & ~x & highs
    }

    /// The ASCII bytes in `lo...hi` (`hi` < 0x7F).
    @inline(__always)
    static func within(_ v: UInt64, _ lo: UInt8, _ hi: UInt8) -> UInt64 {
        let x = v & ~highs
        let atLeastLo = (x &+ ones &* UInt64(0x80 - lo)) & highs
        let aboveHi = (x &+ ones &* UInt64(0x7F - hi)) & highs
        return atLeastLo & ~aboveHi & ~v & highs
    }
}

/// The first `j` from `i` on with `j + 2 < s.count` where a full stop, "!" or "?" is followed
/// by a space or a tab (where the next sentence starts, at `j + 2`); `max(i, s.count - 2)` when
/// there is none. Those three bytes are rare in running text: most words of eight hold none.
func sentenceEnd(_ s: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
    let n = s.count
    var j = i
    @inline(__always) func isEnd(_ b: UInt8) -> Bool { b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") }
    while j + 2 < n {
        // Skipped only where two more bytes follow every byte of the eight.
        if j + 10 <= n {
            j = skipUnflagged(UnsafeBufferPointer(rebasing: s[..<(n - 2)]), from: j) {
                ByteFlags.equal($0, 0x2E) | ByteFlags.equal($0, 0x21) | ByteFlags.equal($0, 0x3F)
            }
            guard j + 2 < n else { break }
        }
        if isEnd(s[j]) && isSpaceByte(s[j + 1]) { return j }
        j += 1
    }
    return j
}
