import XCTest
@testable import Warta

final class CheckerTests: XCTestCase {
    let checker = Checker(metadataFields: ["category"], setNames: ["visits"])

    func check(_ s: String) throws -> CheckedStatement {
        try checker.check(try Parser.parse(s).get())
    }

    func error(_ s: String) -> Diagnostic? {
        do {
            _ = try check(s)
            return nil
        } catch {
            return error as? Diagnostic
        }
    }

    func query(_ s: String) throws -> CheckedQuery {
        switch try check(s) {
        case .rows(let q), .count(let q): return q
        default: throw Diagnostic(.error, "not a query")
        }
    }

    func testResolvesFieldsAndDates() throws {
        let q = try query("articles where mentions \"To Lam\" and date = 2024-06")
        let june1 = Day(year: 2024, month: 6, day: 1)!.ordinal, june30 = Day(year: 2024, month: 6, day: 30)!.ordinal
        XCTAssertEqual(q.condition, .and([
            .text(TextSearch(fields: [.title, .text], phrase: [.exact("to"), .exact("lam")], written: "To Lam")),
            .dateRange(.date, lower: june1, upper: june30),
        ]))
        XCTAssertTrue(q.ranked)
        XCTAssertEqual(q.columns, [.id, .title, .date, .source])
    }

    func testPartialDatesAreSpans() throws {
        let y = try query("articles where date < 2024")
        XCTAssertEqual(y.condition, .dateRange(.date, lower: nil, upper: Day(year: 2023, month: 12, day: 31)!.ordinal))
        let after = try query("articles where date > 2024-06")
        XCTAssertEqual(after.condition, .dateRange(.date, lower: Day(year: 2024, month: 7, day: 1)!.ordinal, upper: nil))
    }

    func testPrefixesAndMetadataFields() throws {
        let q = try query("articles where mentions \"kunjung*\" and category = \"news\"")
        XCTAssertEqual(q.condition, .and([
            .text(TextSearch(fields: [.title, .text], phrase: [.prefix("kunjung")], written: "kunjung*")),
            .compare(.metadata("category"), .equal, .string("news")),
        ]))
        XCTAssertEqual(try query("visits where date is null").setName, "visits")
    }

    /// Field names are found whatever their case, metadata names in any script included.
    func testFieldNamesIgnoreCase() throws {
        XCTAssertEqual(try query("articles where DATE = 2024-06 show ID, Title").columns, [.id, .title])
        XCTAssertEqual(try query("articles where Category = \"news\"").condition, .compare(.metadata("category"), .equal, .string("news")))
        XCTAssertTrue(Checker.sameName("Καλύτερα", "καλύτερα"))
        XCTAssertTrue(Checker.sameName("straße", "STRASSE") == ("straße".lowercased() == "STRASSE".lowercased()))
        XCTAssertFalse(Checker.sameName("date", "dates"))
        XCTAssertTrue(Checker.sameName("Date", "dATE"))
    }

    func testNegatedTextDoesNotRank() throws {
        XCTAssertFalse(try query("articles where not mentions \"Putin\"").ranked)
        XCTAssertTrue(try query("articles where title contains \"Putin\"").ranked)
    }

    func testErrorsNameTheLikelyFix() {
        let cases: [(String, String, Range<Int>, String?)] = [
            ("articles where dat = 2024-06-20", "unknown field 'dat' (did you mean 'date'?)", 15..<18, "date"),
            ("artikles", "unknown unit 'artikles' (did you mean 'articles'?)", 0..<8, "articles"),
            ("vists where date is null", "unknown unit 'vists' (did you mean 'visits'?)", 0..<5, "visits"),
            ("articles where words = \"many\"", "'words' is an integer; expected a number, found string \"many\"", 23..<29, nil),
            ("articles where date = \"soon\"", "'date' is a date; expected 2024-06-20, 2024-06 or 2024, found string \"soon\"", 22..<28, nil),
            ("articles where dates = 2024-06-19", "'dates' is a list of dates; write 'dates contains 2024-06-19'", 15..<20, nil),
            ("articles limit -1", "limit must be 0 or more, not -1", 15..<17, nil),
            ("articles group by source", "'group by' counts rows: write count articles … group by source", 18..<24, nil),
            ("count articles group by date.mnth", "unknown date bucket 'mnth' (did you mean 'month'?)", 24..<33, "month"),
            ("articles where mentions \"!!!\"", "nothing to search for: \"!!!\" has no words", 24..<29, nil),
            ("articles where id is null", "'id' is never null", 15..<17, nil),
            ("count articles show id", "count prints numbers; 'show' has nothing to choose", 20..<22, nil),
            ("a union b", "unknown set 'a'", 0..<1, nil),
        ]
        for (s, message, range, suggestion) in cases {
            let d = error(s)
            XCTAssertEqual(d?.message, message, s)
            XCTAssertEqual(d?.range, range, s)
            XCTAssertEqual(d?.suggestion, suggestion, s)
        }
    }
}
