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
        var ascii = true
        for b in bytes where b >= 0x80 { ascii = false; break }
        if ascii {
            // Counted while folding: the capitals, the lower-case letters, and whether the first byte is a capital.
            var capitals = 0, lowers = 0
            let term = String(unsafeUninitializedCapacity: bytes.count) { out in
                for (i, b) in bytes.enumerated() {
                    let upper = b >= 0x41 && b <= 0x5A
                    capitals &+= upper ? 1 : 0
                    lowers &+= (b >= 0x61 && b <= 0x7A) ? 1 : 0
                    out[i] = upper ? b | 0x20 : b
                }
                hash = TermNumbers.hash(bytes: UnsafeBufferPointer(rebasing: out[0..<bytes.count]))
                return bytes.count
            }
            if capitals == 0 {
                how = WordCoding.asTerm
            } else if capitals == 1 && bytes[0] >= 0x41 && bytes[0] <= 0x5A {
                how = WordCoding.capitalized
            } else {
                how = lowers == 0 ? WordCoding.upperCase : WordCoding.literal
            }
            return term
        }
        let term = foldUnicode(String(decoding: bytes, as: UTF8.self))
        how = WordCoding.writing(bytes, term)
        hash = TermNumbers.hash(term)
        return term
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
