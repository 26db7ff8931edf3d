import XCTest
@testable import Warta

/// The term table numbers terms in order of first sight, whatever their
/// length, across its growth, and looked up one at a time or together.
final class TermNumbersTests: XCTestCase {
    /// Terms of every length from 1 to 40 bytes, many sharing their first 16 bytes (told apart
    /// by the string), some not ASCII, each met more than once.
    private func words() -> [String] {
        var words: [String] = []
        let stems = ["a", "pemberantasan", "pertanggungjawabannya", "kemerdekaan", "ç", "ß", "日本"]
        for n in 0..<3000 {
            let stem = stems[n % stems.count]
            words.append(String(repeating: stem, count: 1 + n % 5) + String(n % 997))
            words.append(stem)
        }
        return words
    }

    func testIDsAreInOrderOfFirstSight() {
        let words = words()
        var expected: [String: UInt32] = [:]
        var order: [String] = []
        for w in words where expected[w] == nil {
            expected[w] = UInt32(order.count)
            order.append(w)
        }
        var one = TermNumbers()
        let oneByOne = words.map { one.id(of: $0) }
        XCTAssertEqual(oneByOne, words.map { expected[$0]! })
        XCTAssertEqual(one.terms, order)

        var together = TermNumbers()
        together.reserve(10)
        var ids: [UInt32] = []
        for lo in stride(from: 0, to: words.count, by: 333) {
            together.appendIDs(of: words[lo..<min(words.count, lo + 333)], to: &ids)
        }
        XCTAssertEqual(ids, oneByOne)
        XCTAssertEqual(together.count, order.count)
        for (id, w) in order.enumerated() { XCTAssertEqual(together.existingID(of: w), UInt32(id)) }
        XCTAssertNil(together.existingID(of: "pertanggungjawabannyaX"))
        XCTAssertNil(together.existingID(of: ""))
    }

    /// A tokenized text's words are looked up by their hashes, a term made only when it is new:
    /// the ids and the terms are those the terms themselves give.
    func testTokenizedWordsTakeTheIDsOfTheirTerms() {
        let text = words().enumerated().map { $0.offset % 7 == 0 ? $0.element.uppercased() : $0.element }.joined(separator: " ")
        let tokens = TokenizedText(text)
        XCTAssertEqual(tokens.terms, Tokenizer.terms(text))
        var byTerm = TermNumbers(), byHash = TermNumbers()
        var expected: [UInt32] = [], ids: [UInt32] = []
        byTerm.appendIDs(of: Tokenizer.terms(text), to: &expected)
        byHash.appendIDs(of: tokens, to: &ids)
        XCTAssertEqual(ids, expected)
        XCTAssertEqual(byHash.terms, byTerm.terms)
        for (k, h) in tokens.hashes.enumerated() {
            XCTAssertEqual(byHash.existingID(hashed: h) { tokens.term(k) }, expected[k])
        }
        XCTAssertNil(byHash.existingID(hashed: TermNumbers.hash("pertanggungjawabannyaX")) { "pertanggungjawabannyaX" })
    }

    func testTermsSharingSixteenBytesAreTold() {
        var t = TermNumbers()
        let a = "abcdefghijklmnop1", b = "abcdefghijklmnop2", c = "abcdefghijklmnop"
        XCTAssertEqual([a, b, c, a, c, b].map { t.id(of: $0) }, [0, 1, 2, 0, 2, 1])
    }

    func testReserveKeepsTheIDs() {
        var t = TermNumbers()
        XCTAssertEqual(t.id(of: "jakarta"), 0)
        t.reserve(100_000)
        XCTAssertEqual(t.id(of: "bandung"), 1)
        XCTAssertEqual(t.id(of: "jakarta"), 0)
        XCTAssertEqual(t.existingID(of: "bandung"), 1)
    }
}
