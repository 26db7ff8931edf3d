import XCTest
@testable import Warta

final class ParserTests: XCTestCase {
    func parse(_ s: String) throws -> Statement { try Parser.parse(s).get() }

    func error(_ s: String) -> Diagnostic? {
        if case .failure(let d) = Parser.parse(s) { return d }
        return nil
    }

    func testTheFlagshipStatement() throws {
        let s = try parse("articles where mentions \"To Lam\" and date = 2024-06-20")
        guard case .query(let q) = s else { return XCTFail("not a query") }
        XCTAssertEqual(q.unit.text, "articles")
        guard case .and(let a, let b)? = q.filter,
              case .predicate(.mentions(.words(.string("To Lam", _)), nil), _) = a,
              case .predicate(.comparison(let f, .equal, .date("2024-06-20", _)), _) = b else {
            return XCTFail("unexpected tree \(String(describing: q.filter))")
        }
        XCTAssertEqual(f.text, "date")
        XCTAssertEqual(f.range, 37..<41)
    }

    func testPrecedenceNotAndOr() throws {
        // not binds tightest, then and, then or: a or (not b and c)
        guard case .query(let q) = try parse("articles where mentions \"a\" or not mentions \"b\" and mentions \"c\""),
              case .or(_, .and(.not, _))? = q.filter else { return XCTFail("wrong precedence") }
        guard case .query(let p) = try parse("articles where (mentions \"a\" or mentions \"b\") and mentions \"c\""),
              case .and(.or, _)? = p.filter else { return XCTFail("parentheses ignored") }
    }

    func testClausesInAnyOrder() throws {
        guard case .query(let a) = try parse("articles show id limit 3 where mentions \"Putin\" order by date"),
              case .query(let b) = try parse("articles where mentions \"Putin\" order by date limit 3 show id") else { return XCTFail() }
        XCTAssertEqual(Printer.print(a), Printer.print(b))
    }

    func testClauses() throws {
        guard case .query(let q) = try parse("ARTICLES WHERE source is not null ORDER BY date DESC, id LIMIT 3 OFFSET 2 SHOW id, title") else {
            return XCTFail()
        }
        XCTAssertEqual(q.orderBy.map(\.field.text), ["date", "id"])
        XCTAssertEqual(q.orderBy.map(\.descending), [true, nil])
        XCTAssertEqual(q.limit, .integer(3, 63..<64))
        XCTAssertEqual(q.offset, .integer(2, 72..<73))
        XCTAssertEqual(q.show.map(\.text), ["id", "title"])
        guard case .count(let c, _) = try parse("count articles group by date.month") else { return XCTFail() }
        XCTAssertEqual(c.groupBy.map(\.text), ["date.month"])
    }

    func testPredicateForms() throws {
        let forms = [
            "articles where mentions \"pakta\" near 5 \"pertahanan\"",
            "articles where mentions \"Putin\" at least 5 times",
            "articles where mentions stem \"kunjungan\"",
            "articles where mentions entity \"Korea Utara\"",
            "articles where mentions /Putin\\s+tiba/i",
            "articles where date between 2024-06-19 and 2024-06-20",
            "articles where source in (\"a\", \"b\")",
            "articles where source not in (\"a\")",
            "articles where date is null",
            "articles where title contains \"Vietnam\"",
            "articles where title matches /^Putin/",
            "articles where dates contains 2024-06-19",
            "articles where words >= 100 and words < 1000 and id != \"x\"",
            "let v = articles where mentions \"Putin\"",
            "v except w",
            "explain count articles",
            ".open /tmp/x y",
        ]
        for f in forms { XCTAssertNoThrow(try parse(f), f) }
    }

    func testCommandsKeepTheirArgumentWhole() throws {
        guard case .command(let name, let arg, _) = try parse("  .open ~/my corpus/ ; ") else { return XCTFail() }
        XCTAssertEqual(name.text, ".open")
        XCTAssertEqual(arg, "~/my corpus/")
    }

    func testErrorsSayWhatWasExpectedAndWhere() {
        let cases: [(String, String, Range<Int>)] = [
            ("articles wher mentions \"x\"", "expected end of statement, found 'wher' (did you mean 'where'?)", 9..<13),
            ("articles where", "expected a condition (mentions \"…\", a field comparison, not, or '('), found end of statement", 14..<15),
            ("articles where (mentions \"a\"", "expected ')' to close '(', found end of statement", 28..<29),
            ("articles where date", "expected a comparison after 'date' (=, !=, <, <=, >, >=, between, in, is null, contains, matches), found end of statement", 19..<20),
            ("articles where date = ", "expected a value after '=', found end of statement", 22..<23),
            ("articles limit \"x\"", "expected a row count after 'limit', found string \"x\"", 15..<18),
            ("articles limit 2 show id limit 3", "'limit' is given twice; a statement has one limit clause", 25..<30),
            ("articles where mentions \"a\" naer 5 \"b\"", "expected end of statement, found 'naer' (did you mean 'near'?)", 28..<32),
            ("count articles gruop by source", "expected end of statement, found 'gruop' (did you mean 'group'?)", 15..<20),
        ]
        for (s, message, range) in cases {
            let d = error(s)
            XCTAssertEqual(d?.message, message, s)
            XCTAssertEqual(d?.range, range, s)
        }
    }

    func testDeepNestingIsRefusedNotACrash() {
        let deep = "articles where " + String(repeating: "(", count: 10_000) + "mentions \"a\"" + String(repeating: ")", count: 10_000)
        XCTAssertEqual(error(deep)?.message, "expression nested too deeply (the limit is 256 levels)")
        let nots = "articles where " + String(repeating: "not ", count: 5_000) + "mentions \"a\""
        XCTAssertNotNil(error(nots))
    }
}

