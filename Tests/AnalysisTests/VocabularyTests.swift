import XCTest
@testable import Warta

/// The vocabulary answers by word, however it was made: from words and their
/// counts, from an index builder's numbered terms, or one occurrence at a time.
final class VocabularyTests: XCTestCase {
    func testEveryWayOfMakingItAnswersAlike() {
        let words = ["kunjungan", "kunjung", "putin", "presiden", "pertanggungjawabannya", "mengunjungi", "hanoi"]
        let totals = [40, 3, 90, 200, 5, 12, 30]
        let capitalized = [0, 0, 85, 20, 0, 0, 29]
        let given = Vocabulary(words: words, totals: totals, capitalized: capitalized)
        var table = TermNumbers()
        for w in words { _ = table.id(of: w) }
        let numbered = Vocabulary(numbered: table, totals: totals, capitalized: capitalized)
        var added = Vocabulary()
        for (k, w) in words.enumerated() {
            for c in 0..<totals[k] { added.add(w, capitalizedMidSentence: c < capitalized[k]) }
        }
        for v in [given, numbered, added] {
            XCTAssertEqual(v.distinctWords, words.count)
            XCTAssertEqual(Set(v.words), Set(words))
            XCTAssertEqual(words.map { v.count(of: $0) }, totals)
            XCTAssertEqual(words.map { v.capitalizedCount(of: $0) }, capitalized)
            XCTAssertEqual(words.map { v.isName($0) }, [false, false, true, false, false, false, true])
            XCTAssertEqual(v.count(of: "jakarta"), 0)
            XCTAssertFalse(v.isName("jakarta"))
            let stemmer = Stemmer(vocabulary: v)
            XCTAssertEqual(stemmer.stem("mengunjungi"), "kunjung")
            XCTAssertEqual(stemmer.stem("putin"), "putin")
        }
        // A word given twice has the counts given last.
        let twice = Vocabulary(words: ["a", "a"], totals: [1, 2], capitalized: [0, 0])
        XCTAssertEqual(twice.count(of: "a"), 2)
        XCTAssertEqual(twice.distinctWords, 1)
    }
}
