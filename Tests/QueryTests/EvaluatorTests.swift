import XCTest
@testable import Warta

/// Statements run against a small corpus built by hand, so each expected
/// answer can be checked by reading the articles below.
final class EvaluatorTests: XCTestCase {
    static let corpus: Corpus = {
        func a(_ id: String, _ title: String, _ text: String, _ date: String?, _ source: String?, fields: [String: String] = [:]) -> Article {
            Article(id: id, title: title, text: text, raw: title + "\n" + text, date: date.flatMap { Day(iso: $0) },
                    dates: date.flatMap { Day(iso: $0) }.map { [$0] } ?? [], source: source, lang: "id", fields: fields)
        }
        return Corpus(name: "test", articles: [
            a("c", "Putin tiba di Hanoi", "Presiden Vietnam To Lam menyambut Putin. Putin dan Kim Jong-un.", "2024-06-20", "b.com", fields: ["category": "news"]),
            a("a", "Kim Jong Un dan Putin", "Pakta pertahanan ditandatangani. Putin berkunjung.", "2024-06-19", "a.com"),
            a("b", "Ekonomi Vietnam", "Kunjungan dagang ke Hanoi. Tidak ada pakta sama sekali, hanya pertahanan.", nil, nil),
            a("d", "To Lam", "Lam to the people.", "2023-01-05", "A.com"),
        ])
    }()

    func run(_ s: String) throws -> QueryResult {
        try Session(corpus: EvaluatorTests.corpus).run(s)
    }

    func ids(_ s: String) throws -> [String] {
        guard case .rows(let r) = try run(s) else { XCTFail("not rows: \(s)"); return [] }
        return r.ids
    }

    func count(_ s: String) throws -> Int {
        guard case .count(let n) = try run("count " + s) else { XCTFail("not a count: \(s)"); return -1 }
        return n
    }

    func testMentions() throws {
        XCTAssertEqual(Set(try ids("articles where mentions \"To Lam\"")), ["c", "d"])
        XCTAssertEqual(try ids("articles where mentions \"Kim Jong Un\" order by id"), ["a", "c"])  // Kim Jong-un too
        XCTAssertEqual(try ids("articles where mentions \"kunjung*\" order by id"), ["b"])  // not "berkunjung": a prefix starts the word
        XCTAssertEqual(try ids("articles where mentions \"pakta\" near 1 \"pertahanan\" order by id"), ["a"])
        XCTAssertEqual(try ids("articles where mentions \"pertahanan\" near 6 \"pakta\" order by id"), ["a", "b"])
        XCTAssertEqual(try ids("articles where mentions \"Putin\" at least 3 times"), ["c"])
        XCTAssertEqual(try ids("articles where mentions \"Hanoi Putin\""), [])  // title and body never join
        XCTAssertEqual(try count("articles where mentions \"tidak ada\""), 1)
    }

    func testBooleanStructure() throws {
        XCTAssertEqual(try ids("articles where mentions \"Putin\" and not mentions \"Kim\""), [])
        XCTAssertEqual(try ids("articles where not mentions \"Putin\""), ["b", "d"])
        XCTAssertEqual(try ids("articles where mentions \"Hanoi\" or date is null order by id"), ["b", "c"])
        XCTAssertEqual(try ids("articles where (mentions \"Putin\" or mentions \"Lam\") and source = \"A.COM\" order by id"), ["a", "d"])
    }

    func testComparisons() throws {
        XCTAssertEqual(try ids("articles where date = 2024-06-20"), ["c"])
        XCTAssertEqual(try ids("articles where date = 2024-06"), ["a", "c"])
        XCTAssertEqual(try ids("articles where date < 2024"), ["d"])
        XCTAssertEqual(try ids("articles where date != 2024-06-20"), ["a", "d"])  // null is not "different"
        XCTAssertEqual(try ids("articles where date between 2024-06-19 and 2024-06-20"), ["a", "c"])
        XCTAssertEqual(try ids("articles where date is null"), ["b"])
        XCTAssertEqual(try ids("articles where source in (\"a.com\", \"b.com\")"), ["a", "c", "d"])
        XCTAssertEqual(try ids("articles where source is not null and source != \"a.com\""), ["c"])
        XCTAssertEqual(try ids("articles where words > 8"), ["b", "c"])
        XCTAssertEqual(try ids("articles where title contains \"to lam\""), ["d"])
        XCTAssertEqual(try ids("articles where text contains \"to lam\""), ["c"])
        XCTAssertEqual(try ids("articles where source contains \"com\""), ["a", "c", "d"])
        XCTAssertEqual(try ids("articles where dates contains 2024-06"), ["a", "c"])
        XCTAssertEqual(try ids("articles where category = \"news\""), ["c"])
        XCTAssertEqual(try ids("articles where id in (\"d\", \"a\")"), ["a", "d"])
    }

    func testOrderingLimitsAndProjection() throws {
        XCTAssertEqual(try ids("articles"), ["a", "b", "c", "d"])
        XCTAssertEqual(try ids("articles order by date desc"), ["c", "a", "d", "b"])  // nulls last
        XCTAssertEqual(try ids("articles order by date"), ["d", "a", "c", "b"])
        XCTAssertEqual(try ids("articles order by source, id"), ["a", "d", "c", "b"])
        XCTAssertEqual(try ids("articles order by id limit 2 offset 1"), ["b", "c"])
        XCTAssertEqual(try ids("articles limit 0"), [])
        guard case .rows(let r) = try run("articles where mentions \"putin\" show score, title") else { return XCTFail() }
        XCTAssertEqual(r.columns, ["score", "title"])
        XCTAssertEqual(r.matched, 2)
        // Three mentions and one in the title outrank one in the title and one in the body.
        XCTAssertEqual(r.ids, ["c", "a"])
        guard case .number(let s0) = r.rows[0][0], case .number(let s1) = r.rows[1][0] else { return XCTFail() }
        XCTAssertGreaterThan(s0, s1)
    }

    func testGroupedCounts() throws {
        guard case .groups(let g) = try run("count articles group by date.year") else { return XCTFail() }
        XCTAssertEqual(g.rows, [GroupRow(group: [.string("2023")], counts: [1], total: 1), GroupRow(group: [.string("2024")], counts: [2], total: 2),
                                GroupRow(group: [.null], counts: [1], total: 1)])
        guard case .groups(let s) = try run("count articles group by source order by count desc") else { return XCTFail() }
        XCTAssertEqual(s.rows.first, GroupRow(group: [.string("a.com")], counts: [2], total: 2))  // case folded
        guard case .groups(let y) = try run("count articles where mentions \"putin\" group by date.year") else { return XCTFail() }
        XCTAssertEqual(y.rows, [GroupRow(group: [.string("2023")], counts: [0], total: 1), GroupRow(group: [.string("2024")], counts: [2], total: 2)])
        XCTAssertEqual(y.rows[1].share(), 1)
        XCTAssertNil(GroupRow(group: [.null], counts: [0], total: 0).share())
    }

    func testNamedSets() throws {
        let session = Session(corpus: EvaluatorTests.corpus)
        _ = try session.run("let p = articles where mentions \"Putin\"")
        _ = try session.run("let h = articles where mentions \"Hanoi\"")
        XCTAssertEqual(session.setSizes.map(\.size), [2, 2])
        guard case .rows(let r) = try session.run("p where date = 2024-06-19") else { return XCTFail() }
        XCTAssertEqual(r.ids, ["a"])
        guard case .rows(let e) = try session.run("p except h") else { return XCTFail() }
        XCTAssertEqual(e.ids, ["a"])
        guard case .rows(let u) = try session.run("p union h") else { return XCTFail() }
        XCTAssertEqual(u.ids, ["a", "b", "c"])
    }
}
