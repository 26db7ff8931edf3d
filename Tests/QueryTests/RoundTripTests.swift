import XCTest
@testable import Warta

/// Printing a parse tree and parsing it again gives the same tree.
final class RoundTripTests: XCTestCase {
    func roundTrip(_ s: String, file: StaticString = #filePath, line: UInt = #line) {
        guard case .success(let first) = Parser.parse(s) else { return XCTFail("does not parse: \(s)", file: file, line: line) }
        let printed = Printer.print(first)
        guard case .success(let second) = Parser.parse(printed) else {
            return XCTFail("printed form does not parse: \(printed)", file: file, line: line)
        }
        XCTAssertEqual(Printer.print(second), printed, file: file, line: line)
    }

    func testHandWrittenStatements() {
        for s in [
            "articles where mentions \"To Lam\" and date = 2024-06-20",
            "ARTICLES WHERE a = 1 OR NOT b != 'x' AND c < 2024-06",
            "count articles where (mentions \"a\" or mentions \"b\") and not mentions \"c\" group by date.month order by count desc limit 5",
            "articles where mentions \"pakta\" near 5 \"pertahanan\" at least 2 times order by date desc, id limit 3 offset 1 show id, title",
            "articles where title matches /a\\/b\\s+/i and source not in (\"x\", \"y\\\"z\") and date is not null",
            "articles where mentions \"tab\\there\\nnewline \\u{1F600}\" and words between 1 and 100",
            "let v = articles where mentions stem \"kunjungan\"",
            "explain count v where mentions entity \"Korea Utara\"",
            "v except w",
            ".open /tmp/a b",
        ] {
            roundTrip(s)
        }
    }

    /// Random statements built from the grammar's pieces.
    func testGeneratedStatements() {
        var rng = SystemRandomNumberGenerator()
        let predicates = [
            "mentions \"Putin\"", "mentions \"kunjung*\"", "mentions \"a b\" near 3 \"c\"", "date = 2024-06-20",
            "date between 2024 and 2024-06", "source in (\"a\", 'b')", "title contains \"x\"", "date is null",
            "source is not null", "words >= 10", "title matches /^P/i", "dates contains 2024-06-19", "id != \"x\"",
            "mentions \"Putin\" at least 2 times", "source not in (\"a\")",
        ]
        func expr(_ depth: Int) -> String {
            if depth == 0 || Int.random(in: 0..<3, using: &rng) == 0 { return predicates.randomElement(using: &rng)! }
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: return "\(expr(depth - 1)) and \(expr(depth - 1))"
            case 1: return "\(expr(depth - 1)) or \(expr(depth - 1))"
            case 2: return "not \(expr(depth - 1))"
            default: return "(\(expr(depth - 1)))"
            }
        }
        for _ in 0..<500 {
            var s = "articles where " + expr(4)
            if Bool.random(using: &rng) { s += " order by date desc, id" }
            if Bool.random(using: &rng) { s += " limit 7" }
            roundTrip(s)
        }
    }
}
