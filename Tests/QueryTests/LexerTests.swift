import XCTest
@testable import Warta

final class LexerTests: XCTestCase {
    func lex(_ s: String) -> (kinds: [TokenKind], texts: [String], errors: [String]) {
        var l = Lexer(s)
        let t = l.tokenize()
        return (t.map(\.kind), t.map(\.text), l.diagnostics.map(\.message))
    }

    func testTokensAndRanges() {
        let s = "articles where mentions \"To Lam\" and date = 2024-06-20"
        var l = Lexer(s)
        let t = l.tokenize()
        XCTAssertEqual(t.map(\.kind), [.word, .word, .word, .string, .word, .word, .equal, .date, .end])
        XCTAssertEqual(t[3].text, "To Lam")
        XCTAssertEqual(t[3].range, 24..<32)
        XCTAssertEqual(t[7].range, 44..<54)
        XCTAssertTrue(l.diagnostics.isEmpty)
    }

    func testLiterals() {
        let cases: [(String, [TokenKind], [String])] = [
            ("'single' \"double\" “curly”", [.string, .string, .string, .end], ["single", "double", "curly", ""]),
            (#""a \"q\" \\ \n \u{1F600}""#, [.string, .end], ["a \"q\" \\ \n 😀", ""]),
            ("2024-06 2024 -1 5", [.date, .integer, .integer, .integer, .end], ["2024-06", "2024", "-1", "5", ""]),
            ("/Putin\\s+tiba/i", [.regex, .end], ["Putin\\s+tiba", ""]),
            ("/a\\/b/", [.regex, .end], ["a/b", ""]),
            ("a <= b != c <> d >= e", [.word, .lessEqual, .word, .notEqual, .word, .notEqual, .word, .greaterEqual, .word, .end],
             ["a", "<=", "b", "!=", "c", "<>", "d", ">=", "e", ""]),
            ("date.month -- a comment\n# another\nx", [.word, .word, .end], ["date.month", "x", ""]),
        ]
        for (s, kinds, texts) in cases {
            let r = lex(s)
            XCTAssertEqual(r.kinds, kinds, s)
            XCTAssertEqual(r.texts, texts, s)
            XCTAssertEqual(r.errors, [], s)
        }
    }

    func testProblemsAreDiagnosedWithRanges() {
        let cases: [(String, String, Range<Int>)] = [
            ("\"open", "unterminated string", 0..<1),
            ("/open", "unterminated regular expression", 0..<1),
            ("\"\\q\"", "unknown escape '\\q' (use \\\" \\' \\\\ \\n \\t or \\u{…})", 1..<3),
            ("2024-02-30", "'2024-02-30' is not a valid date (expected YYYY-MM-DD or YYYY-MM)", 0..<10),
            ("2024-13", "'2024-13' is not a valid date (expected YYYY-MM-DD or YYYY-MM)", 0..<7),
            ("99999999999999999999", "integer '99999999999999999999' is too large (the limit is 9223372036854775807)", 0..<20),
            ("a @ b", "unexpected character '@'", 2..<3),
            ("/x/g", "unknown regular expression flag 'g' (only 'i' is supported)", 3..<4),
        ]
        for (s, message, range) in cases {
            var l = Lexer(s)
            _ = l.tokenize()
            XCTAssertEqual(l.diagnostics.first?.message, message, s)
            XCTAssertEqual(l.diagnostics.first?.range, range, s)
        }
    }

    func testAMegabyteStringLexesInOnePass() {
        let big = "\"" + String(repeating: "a", count: 1_000_000) + "\""
        let r = lex(big)
        XCTAssertEqual(r.kinds, [.string, .end])
        XCTAssertEqual(r.texts[0].count, 1_000_000)
    }
}
