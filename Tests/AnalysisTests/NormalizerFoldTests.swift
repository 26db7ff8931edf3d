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
}
