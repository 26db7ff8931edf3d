import Foundation

/// Folds a word to the form the index stores: lower case, no diacritics.
///
/// "Nguyễn" and "nguyen", "CAFÉ" and "cafe" become the same term, so users
/// find names however an outlet spelled them. ASCII, nearly all of an
/// Indonesian corpus, takes a fast path that never touches Foundation.
public enum Normalizer {
    /// Folds the UTF-8 bytes of one token (a run of letters, digits and marks).
    public static func fold(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var how = WordCoding.asTerm
        var hash: TermHash = (0, 0, 0, 0)
        return fold(bytes, writing: &how, hashing: &hash)
    }

    /// The same, and how the bytes are written with respect to the term (`WordCoding.writing`)
    /// and the term's hash for the term table (`TermNumbers.hash`), made while its bytes are at hand.
    @inline(__always)
    static func fold(_ bytes: UnsafeBufferPointer<UInt8>, writing how: inout UInt8, hashing hash: inout TermHash) -> String {
        let n = bytes.count
        if let p = bytes.baseAddress, n > 0, isASCII(p, n) {
            // Eight bytes at a time (SWAR; every byte is below 0x80, so no sum carries into the next
            // byte): the capitals are lowered, and counted with the lower-case letters.
            var capitals = 0, lowers = 0
            let term = String(unsafeUninitializedCapacity: n) { out in
                var prefix: UInt64 = 0, rest: UInt64 = 0
                var k = 0
                while k < n {
                    let c = min(8, n - k)
                    let x = TermNumbers.bytes(p, k, c)
                    let upper = ByteFlags.within(x, 0x41, 0x5A), lower = ByteFlags.within(x, 0x61, 0x7A)
                    capitals &+= upper.nonzeroBitCount
                    lowers &+= lower.nonzeroBitCount
                    let folded = x | upper >> 2
                    if k == 0 { prefix = folded } else if k == 8 { rest = folded }
                    withUnsafeBytes(of: folded.littleEndian) { w in
                        UnsafeMutableRawPointer(out.baseAddress! + k).copyMemory(from: w.baseAddress!, byteCount: c)
                    }
                    k += 8
                }
                hash = TermNumbers.hash(prefix: prefix, rest: rest, bytes: UnsafePointer(out.baseAddress!), count: n)
                return n
            }
            how = asciiWriting(capitals: capitals, lowers: lowers, first: p[0])
            return term
        }
        let term = foldUnicode(String(decoding: bytes, as: UTF8.self))
        how = WordCoding.writing(bytes, term)
        hash = TermNumbers.hash(term)
        return term
    }

    /// What `fold(_:writing:hashing:)` gives, without making the term where its hash holds it whole
    /// (up to 16 bytes: `TermNumbers.term(of:)` makes it when it is asked for): nil then, and the
    /// term (longer) otherwise. An ASCII word of up to 16 bytes, nearly every word, is read as two
    /// words of eight bytes, lowered and hashed in registers.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, writing how: inout UInt8, hashing hash: inout TermHash) -> String? {
        let n = bytes.count
        if n <= 16, let p = bytes.baseAddress, n > 0 {
            let x0 = TermNumbers.bytes(p, 0, min(8, n)), x1 = n > 8 ? TermNumbers.bytes(p, 8, n - 8) : 0
            if (x0 | x1) & ByteFlags.highs == 0 {
                let upper0 = ByteFlags.within(x0, 0x41, 0x5A), upper1 = ByteFlags.within(x1, 0x41, 0x5A)
                hash = TermNumbers.hash(prefix: x0 | upper0 >> 2, rest: x1 | upper1 >> 2, bytes: p, count: n)
                how = asciiWriting(capitals: upper0.nonzeroBitCount &+ upper1.nonzeroBitCount,
                                   lowers: ByteFlags.within(x0, 0x61, 0x7A).nonzeroBitCount &+ ByteFlags.within(x1, 0x61, 0x7A).nonzeroBitCount,
                                   first: p[0])
                return nil
            }
        }
        let term = fold(bytes, writing: &how, hashing: &hash)
        return hash.length > 16 ? term : nil
    }

    /// How an ASCII word is written with respect to its term (`WordCoding.writing`), from its count
    /// of capitals and of lower-case letters and its first byte.
    @inline(__always)
    private static func asciiWriting(capitals: Int, lowers: Int, first: UInt8) -> UInt8 {
        if capitals == 0 { return WordCoding.asTerm }
        if capitals == 1 && first >= 0x41 && first <= 0x5A { return WordCoding.capitalized }
        return lowers == 0 ? WordCoding.upperCase : WordCoding.literal
    }

    /// Whether the `n` bytes at `p` are all ASCII, read eight at a time.
    @inline(__always)
    private static func isASCII(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var k = 0
        while k < n {
            if TermNumbers.bytes(p, k, min(8, n - k)) & ByteFlags.highs != 0 { return false }
            k += 8
        }
        return true
    }

    /// Folds any string token.
    public static func fold(_ word: String) -> String {
        var w = word
        return w.withUTF8 { fold($0) }
    }

    private static func foldUnicode(_ word: String) -> String {
        // Diacritic-insensitive folding decomposes (NFD) and drops the marks;
        // then lower-casing handles scripts without case mapping unchanged.
        let folded = word.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        var out = ""
        out.unicodeScalars.reserveCapacity(folded.unicodeScalars.count)
        for s in folded.unicodeScalars where !Tokenizer.isMark(s) {
            out.unicodeScalars.append(s)
        }
        return out
    }
}
