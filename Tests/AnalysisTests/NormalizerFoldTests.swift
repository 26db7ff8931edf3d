import XCTest
@testable import Warta

/// An ASCII word is folded eight bytes at a time: its term, how it is written
/// and its hash must be those a byte-by-byte reading gives.
final class NormalizerFoldTests: XCTestCase {
    func testASCIIWordsFoldAsByteByByte() {
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@[`{".utf8)
        var words: [[UInt8]] = [Array("A".utf8), Array("Jakarta".utf8), Array("KPK".utf8), Array("iPhone".utf8),
                                Array("PERTANGGUNGJAWABANNYA".utf8), Array("2024".utf8)]
        for _ in 0..<5000 {
            let n = Int.random(in: 1...40, using: &rng)
            words.append((0..<n).map { _ in alphabet.randomElement(using: &rng)! })
        }
        for w in words {
            let expected = String(decoding: w.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
            var how = WordCoding.asTerm
            var hash: TermHash = (0, 0, 0, 0)
            let term = w.withUnsafeBufferPointer { Normalizer.fold($0, writing: &how, hashing: &hash) }
            XCTAssertEqual(term, expected)
            let h = TermNumbers.hash(expected)
            XCTAssertTrue(hash == h, "hash of \(expected)")
            XCTAssertEqual(how, w.withUnsafeBufferPointer { WordCoding.writing($0, expected) }, "how \(String(decoding: w, as: UTF8.self)) is written")
        }
    }

    /// Hashing a word without making its term gives what folding gives; the term is made only
    /// when it is over 16 bytes, and one of up to 16 comes back whole from its hash.
    func testHashingAWordAgreesWithFoldingIt() {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["a", "Z", "9", "é", "É", "ß", "ñ", "Đ", "日", "ǅ", "\u{301}", "ka", "BARU", "x"]
        var words = ["A", "abcdefgh", "ABCDEFGH", "abcdefghi", "abcdefghijklmnop", "ABCDEFGHIJKLMNOPQ", "Éa", "Nguyễn",
                     "pertanggungjawabannya", "ĐÀNẴNG", "\u{301}\u{301}"]
        for _ in 0..<3000 {
            words.append((0..<Int.random(in: 1...14, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined())
        }
        for w in words {
            var foldHow = WordCoding.asTerm, how = WordCoding.asTerm
            var foldHash: TermHash = (0, 0, 0, 0), hash: TermHash = (1, 1, 1, 1)
            let bytes = Array(w.utf8)
            let term = bytes.withUnsafeBufferPointer { Normalizer.fold($0, writing: &foldHow, hashing: &foldHash) }
            let long = bytes.withUnsafeBufferPointer { Normalizer.hash($0, writing: &how, hashing: &hash) }
            XCTAssertTrue(hash == foldHash, "hash of \(w)")
            XCTAssertEqual(how, foldHow, "how \(w) is written")
            XCTAssertEqual(hash.length, term.utf8.count, w)
            if term.utf8.count > 16 {
                XCTAssertEqual(long, term, w)
            } else {
                XCTAssertNil(long, w)
                XCTAssertEqual(TermNumbers.term(of: hash), term, w)
            }
        }
    }
}
