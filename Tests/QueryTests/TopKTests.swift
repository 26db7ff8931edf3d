import XCTest
@testable import Warta

/// A ranked page scores only the documents that can reach it, and gives
/// exactly the rows that scoring every match would give.
final class TopKTests: XCTestCase {
    /// Articles whose texts mix a few words at random, so scores vary and
    /// tie; as in news, most mention a name once and a few are about it.
    static let corpus: Corpus = {
        var rng = SplitMix(seed: 42)
        let words = ["putin", "kim", "vietnam", "hanoi", "pakta", "pertahanan", "rusia", "korea", "utara", "presiden"]
        let filler = ["yang", "dan", "di", "ke", "dari", "untuk", "dengan", "pada", "ini", "itu", "juga", "akan"]
        var articles: [Article] = []
        for i in 0..<3000 {
            let n = 20 + Int(rng.next() % 120)
            // Coverage clusters in time, and so in the order articles arrive.
            let topical = (2000..<2030).contains(i)
            let text = (0..<n).map { _ -> String in
                let r = rng.next() % 100
                if r < (topical ? 30 : 3) { return words[Int(rng.next() % UInt64(words.count))] }
                return filler[Int(rng.next() % UInt64(filler.count))]
            }.joined(separator: " ")
            let title = (0..<6).map { _ in (topical ? words : filler)[Int(rng.next() % UInt64(topical ? words.count : filler.count))] }.joined(separator: " ")
            articles.append(Article(id: String(format: "a%04d", i), title: title, text: text, raw: text))
        }
        return Corpus(name: "random", articles: articles)
    }()

    func ids(_ s: String) throws -> [String] {
        guard case .rows(let r) = try Session(corpus: TopKTests.corpus).run(s) else { return [] }
        return r.ids
    }

    func testPagesEqualTheFullRanking() throws {
        for query in ["mentions \"putin\"", "mentions \"putin\" and mentions \"kim\"", "mentions \"putin\" or mentions \"hanoi\"",
                      "mentions \"korea utara\"", "mentions \"pakta\" near 2 \"pertahanan\"", "mentions \"pre*\"",
                      "mentions \"rusia\" and not mentions \"vietnam\""] {
            let all = try ids("articles where \(query)")
            for (limit, offset) in [(1, 0), (10, 0), (10, 5), (37, 3), (1000, 0)] {
                let page = try ids("articles where \(query) limit \(limit) offset \(offset)")
                XCTAssertEqual(page, Array(all.dropFirst(offset).prefix(limit)), "\(query) limit \(limit) offset \(offset)")
            }
        }
    }

    func testFewerDocumentsAreScoredThanMatch() throws {
        let e = Evaluator(corpus: TopKTests.corpus, sets: [:])
        let c = Condition.text(TextSearch(fields: IndexedField.allCases, phrase: [.exact("putin")], written: "putin"))
        let docs = e.matchingDocuments(c)
        let (best, scored) = e.topDocuments(e.matchSet(c), for: c, k: 10)
        XCTAssertEqual(best.count, 10)
        XCTAssertGreaterThan(docs.count, 100)
        XCTAssertLessThan(scored, docs.count / 2, "the impact order should spare most matches")
    }
}

/// A small deterministic generator for test data.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
