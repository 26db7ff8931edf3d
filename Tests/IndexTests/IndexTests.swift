import XCTest
@testable import Warta

final class IndexTests: XCTestCase {
    func makeIndex(_ bodies: [String]) -> InvertedIndex {
        var b = IndexBuilder()
        for body in bodies { b.add(fields: [.title: "", .text: body]) }
        return b.build()
    }

    func docs(_ it: DocIterator) -> [Int] {
        var out: [Int] = []
        var d = it.next()
        while d != noMoreDocs {
            if it.matches() { out.append(d) }
            d = it.next()
        }
        return out
    }

    func testPostingsHoldDocsFrequenciesAndPositions() {
        let index = makeIndex(["putin tiba putin", "kim", "putin"])
        let p = index.postings(for: "putin", in: .text)
        XCTAssertEqual(p.docs, [0, 2])
        XCTAssertEqual(p.freqs, [2, 1])
        XCTAssertEqual(Array(p.positions(at: 0)), [0, 2])
        XCTAssertEqual(index.postings(for: "absent", in: .text).count, 0)
        XCTAssertEqual(Array(index.fieldLengths[IndexedField.text.rawValue]), [3, 1, 1])
    }

    func testAdvanceGallopsToTheFirstDocAtOrAfterTarget() {
        let bodies = (0..<1000).map { $0 % 7 == 0 ? "x" : "y" }
        let it = PostingIterator(makeIndex(bodies).postings(for: "x", in: .text))
        XCTAssertEqual(it.advance(to: 8), 14)
        XCTAssertEqual(it.advance(to: 14 + 1), 21)
        XCTAssertEqual(it.advance(to: 995), noMoreDocs)
    }

    func testConjunctionDisjunctionExclusion() {
        let index = makeIndex(["a b", "a", "b", "a b c", "c"])
        func it(_ t: String) -> DocIterator { PostingIterator(index.postings(for: t, in: .text)) }
        XCTAssertEqual(docs(ConjunctionIterator([it("a"), it("b")])), [0, 3])
        XCTAssertEqual(docs(DisjunctionIterator([it("b"), it("c")])), [0, 2, 3, 4])
        XCTAssertEqual(docs(ExclusionIterator(required: it("a"), excluded: it("b"))), [1])
        XCTAssertEqual(docs(ExclusionIterator(required: AllDocsIterator(count: 5), excluded: it("a"))), [2, 4])
        XCTAssertEqual(docs(ConjunctionIterator([it("a"), AllDocsIterator(count: 5) { $0 > 0 }])), [1, 3])
    }

    func testPhrasesCheckPositions() {
        let index = makeIndex(["to lam said", "lam to", "to the lam", "kata to lam"])
        func slot(_ t: String) -> [PostingIterator] { [PostingIterator(index.postings(for: t, in: .text))] }
        XCTAssertEqual(docs(PhraseIterator(slots: [slot("to"), slot("lam")])), [0, 3])
        XCTAssertEqual(docs(PhraseIterator(slots: [slot("lam"), slot("to")])), [1])
        // Repeated words and a match after a false start, three words long.
        let more = makeIndex(["a a b c", "a b a b c", "a b x a b", "c a b"])
        func slot2(_ t: String) -> [PostingIterator] { [PostingIterator(more.postings(for: t, in: .text))] }
        XCTAssertEqual(docs(PhraseIterator(slots: [slot2("a"), slot2("b"), slot2("c")])), [0, 1])
        XCTAssertEqual(docs(PhraseIterator(slots: [slot2("a"), slot2("a")])), [0])
        XCTAssertEqual(docs(PhraseIterator(slots: [slot2("b"), slot2("a")])), [1])
    }

    func testNearCountsWordsBetweenInEitherOrder() {
        let index = makeIndex(["pakta a b pertahanan", "pertahanan a b c pakta", "pakta a b c d e f pertahanan"])
        func slot(_ t: String) -> [PostingIterator] { [PostingIterator(index.postings(for: t, in: .text))] }
        XCTAssertEqual(docs(PhraseIterator(slots: [slot("pakta"), slot("pertahanan")], near: (1, 2))), [0])
        XCTAssertEqual(docs(PhraseIterator(slots: [slot("pakta"), slot("pertahanan")], near: (1, 3))), [0, 1])
        XCTAssertEqual(docs(PhraseIterator(slots: [slot("pakta"), slot("pertahanan")], near: (1, 6))), [0, 1, 2])
    }

    func testPrefixExpansionIsSortedAndBounded() {
        let index = makeIndex(["kunjungan mengunjungi kunjung berkunjung kuning"])
        XCTAssertEqual(Array(index.terms(withPrefix: "kunjung")), ["kunjung", "kunjungan"])
        XCTAssertEqual(Array(index.terms(withPrefix: "zzz")), [])
    }
}
