import XCTest
@testable import Warta

/// The bitset plan answers exactly what the posting iterators answer, for
/// every shape of condition, and its pieces behave as sets.
final class MatchSetTests: XCTestCase {
    let e = Evaluator(corpus: TopKTests.corpus, sets: [:])

    func word(_ w: String, near: (Int, String)? = nil) -> Condition {
        let parts = w.split(separator: " ").map { WordPattern.exact(String($0)) }
        var s = TextSearch(fields: IndexedField.allCases, phrase: parts, written: w)
        if let (d, other) = near { s.near = TextSearch.Near(distance: d, phrase: [.exact(other)]) }
        return .text(s)
    }

    func viaIterators(_ c: Condition) -> [Int] {
        e.drained(e.iterator(for: c)).documents
    }

    func testEveryShapeMatchesTheIterators() {
        let dateCheck = Condition.dateRange(.date, lower: nil, upper: nil)
        let conditions: [Condition] = [
            .all, word("putin"), word("nothing-here"), word("korea utara"), word("putin", near: (2, "kim")),
            word("pakta", near: (0, "pertahanan")), word("putin putin"),
            .and([word("putin"), word("kim")]), .or([word("gempa"), word("hanoi"), word("vietnam")]),
            .and([word("rusia"), .not(word("vietnam"))]), .not(word("yang")),
            .and([word("presiden"), word("korea utara"), .not(word("putin", near: (3, "kim")))]),
            .or([.and([word("putin"), word("hanoi")]), .not(word("dan"))]),
            .and([word("putin"), dateCheck]), .and([.not(word("putin")), .not(word("kim"))]),
            .text(TextSearch(fields: IndexedField.allCases, phrase: [.prefix("pre")], written: "pre*")),
            .text(TextSearch(fields: [.title], phrase: [.exact("putin")], written: "putin")),
        ]
        for c in conditions {
            XCTAssertEqual(e.matchSet(c).documents, viaIterators(c), "\(c)")
        }
    }

    func testAnIDLookupAnswersWhatComparingEveryArticlesIDAnswers() {
        // More than a group of eight ids, mixed case, non-ASCII, and the Kelvin sign, whose
        // lowercase is "k": `id = "…"` reads the ids section once instead of every article.
        let ids = ["Click-001", "click-001x", "click-002", "CLICK-003", "\u{212A}ompas-9", "kompas-9", "Kompas-10",
                   "berita-é", "BERITA-É", "berita-e\u{301}", "z-1", "Z-2", "a-1"]
        let corpus = Corpus(name: "ids", articles: ids.map { Article(id: $0, title: "t", text: "kata", raw: "") })
        let e = Evaluator(corpus: corpus, sets: [:])
        for value in ["click-001", "CLICK-003", "kompas-9", "KOMPAS-9", "Berita-É", "berita-é", "nope", "", "z-2", "A-1"] {
            for op in [ComparisonOperator.equal, .notEqual] {
                let c = Condition.compare(.id, op, .string(value))
                var everyID = DocBits.all(corpus.articles.count)
                everyID.filter(stop: { false }, e.articleCheck(c))
                XCTAssertEqual(e.matchSet(c).documents, everyID.documents, "id \(op) \(value)")
            }
        }
        XCTAssertEqual(e.matchSet(.compare(.id, .equal, .string("kompas-9"))).documents.count, 2)
        XCTAssertEqual(e.matchSet(.compare(.id, .equal, .string("BERITA-é"))).documents.count, 3)
    }

    func testARareWordJoinedWithACommonOneLeapfrogsToTheSameAnswer() {
        // "hanoi" in titles only is far rarer than "yang" anywhere.
        let rare = Condition.text(TextSearch(fields: [.title], phrase: [.exact("hanoi")], written: "hanoi"))
        let c = Condition.and([rare, word("yang")])
        XCTAssertLessThan(e.estimatedMatches(rare) * Evaluator.leapfrogRatio, e.estimatedMatches(word("yang")))
        XCTAssertEqual(e.matchSet(c).documents, viaIterators(c))
    }

    func testAWordsSetDecodedStraightIntoBitsIsItsPostingList() {
        // Long lists (kept as sets) and short ones, streamed, then from the kept set or the decoded list.
        let articles = (0..<400).map { i in
            Article(id: String(format: "a%03d", i), title: "t", text: (i % 3 == 0 ? "umum " : "") + (i % 97 == 5 ? "langka " : "") + "kata",
                    raw: "")
        }
        let corpus = Corpus(name: "bits", articles: articles)
        let table = corpus.index.postings[IndexedField.text.rawValue]
        for term in ["umum", "langka", "kata"] {
            let id = Int(corpus.index.termID(term)!)
            for round in 0..<2 {
                var streamed = DocBits(capacity: corpus.articles.count)
                table.insertDocuments(id, into: &streamed)
                XCTAssertEqual(streamed.documents, table[id].docs.map(Int.init), "\(term), round \(round)")
            }
        }
        XCTAssertEqual(table.records.postingCount(Int(corpus.index.termID("umum")!)), 134)
    }

    func testBitsAreSets() {
        var a = DocBits(capacity: 130)
        for d in [0, 63, 64, 129] { a.insert(d) }
        XCTAssertEqual(a.count, 4)
        XCTAssertEqual(a.documents, [0, 63, 64, 129])
        var b = a
        b.complement()
        XCTAssertEqual(b.count, 126)
        XCTAssertFalse(b.contains(129))
        XCTAssertTrue(b.contains(128))
        b.formUnion(a)
        XCTAssertEqual(b.count, 130)
        b.subtract(a)
        b.formIntersection(a)
        XCTAssertTrue(b.isEmpty)
        var c = DocBits.all(130)
        c.filter { $0 % 2 == 0 }
        XCTAssertEqual(c.count, 65)
        XCTAssertFalse(c.contains(130))
        XCTAssertFalse(c.contains(-1))
    }
}
