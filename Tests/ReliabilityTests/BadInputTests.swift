import Foundation
import XCTest

/// The bad-input table of docs/bad-input.md, one test per row, through the
/// real binary: each bad input gets its clear error or warning, and the same
/// process then answers a good statement.
final class BadInputTests: XCTestCase {
    static let good = WartaBinary.root.appendingPathComponent("seeds/002_886ca11fc7c36e11.txt")

    /// A corpus folder holding one good article and `bad` under `name`;
    /// `count articles` must answer `count` after the warning `warning`.
    func corpusRow(_ name: String, _ bad: [UInt8], warning: String?, count: Int,
                   file: StaticString = #filePath, line: UInt = #line) throws {
        let dir = try temporaryFolder(self)
        try FileManager.default.copyItem(at: Self.good, to: dir.appendingPathComponent("good.txt"))
        try Data(bad).write(to: dir.appendingPathComponent(name))
        let r = try WartaBinary.run(["--corpus", dir.path, "-c", "count articles", "-c", "count articles where mentions \"To Lam\""])
        XCTAssertFalse(r.crashed, r.stderr, file: file, line: line)
        XCTAssertEqual(r.status, 0, r.stderr, file: file, line: line)
        XCTAssertEqual(r.stdout, "\(count)\n1\n", r.stderr, file: file, line: line)
        if let warning {
            XCTAssertTrue(r.stderr.contains("/\(name)") && r.stderr.contains("warning: " + warning),
                          "expected a warning '\(warning)' naming \(name), got: \(r.stderr)", file: file, line: line)
        } else {
            XCTAssertEqual(r.stderr, "", file: file, line: line)
        }
    }

    /// `bad` run as a statement with --keep-going, then `count articles`:
    /// the error (its first line, exactly) on standard error, exit status 1, and the count.
    func statementRow(_ bad: String, error: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let r = try WartaBinary.run(["--keep-going", "-c", bad, "-c", "count articles"])
        XCTAssertFalse(r.crashed, r.stderr, file: file, line: line)
        XCTAssertEqual(r.status, 1, r.stderr, file: file, line: line)
        XCTAssertEqual(r.stdout, "5\n", r.stderr, file: file, line: line)
        XCTAssertEqual(r.stderr.split(separator: "\n").first.map(String.init), "error: " + error, file: file, line: line)
    }

    /// `bad` as line 1 of a script file, `count articles` as line 2, with --keep-going.
    func scriptRow(_ bad: String, error: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let dir = try temporaryFolder(self)
        try Data((bad + "\ncount articles\n").utf8).write(to: dir.appendingPathComponent("bad.wq"))
        let r = try WartaBinary.run(["--keep-going", "bad.wq"], cwd: dir)
        XCTAssertFalse(r.crashed, String(r.stderr.prefix(2000)), file: file, line: line)
        XCTAssertEqual(r.status, 1, String(r.stderr.prefix(2000)), file: file, line: line)
        XCTAssertEqual(r.stdout, "5\n", String(r.stderr.prefix(2000)), file: file, line: line)
        let first = r.stderr.split(separator: "\n").first.map(String.init) ?? ""
        XCTAssertTrue(first.hasPrefix("bad.wq:1:") && first.hasSuffix("error: " + error), first, file: file, line: line)
    }

    // MARK: corpus files

    func testInvalidUTF8IsRepairedWithAWarning() throws {
        let bytes = Array("Judul berita\n\nIsi berita yang ".utf8) + [0xFF, 0xFE, 0xC3, 0x28] + Array(" rusak di tengah.\n".utf8)
        try corpusRow("invalid.txt", bytes, warning: "invalid UTF-8 at byte 30; bad bytes replaced with U+FFFD", count: 2)
    }

    func testNULBytesSkipTheFile() throws {
        try corpusRow("nul.txt", Array("Judul\n\nIsi\u{0}berita.\n".utf8), warning: "looks like a binary file (it contains NUL bytes); skipped", count: 1)
    }

    func testAnEmptyFileIsSkipped() throws {
        try corpusRow("empty.txt", [], warning: "empty file; skipped", count: 1)
        try corpusRow("empty.jsonl", [], warning: "empty file; skipped", count: 1)
    }

    func testABinaryFileWithATxtNameIsSkipped() throws {
        // The start of a PNG image: a real binary has NUL bytes.
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]
        var state: UInt32 = 7
        for _ in 0..<4096 {
            state = state &* 1_103_515_245 &+ 12345
            png.append(UInt8(truncatingIfNeeded: state >> 16))
        }
        try corpusRow("picture.txt", png, warning: "looks like a binary file (it contains NUL bytes); skipped", count: 1)
    }

    /// One line of 50 MB with no line break: loads as one article (a .txt)
    /// or is reported as a line that is not JSON (a .jsonl); nothing hangs.
    func testAFileThatIsOne50MBLine() throws {
        let size = 50 * 1024 * 1024
        var line = [UInt8](repeating: UInt8(ascii: " "), count: size)
        let word = Array("Berita ".utf8)
        for i in stride(from: 0, to: size - word.count, by: 997) { line.replaceSubrange(i..<(i + word.count), with: word) }
        try corpusRow("long.jsonl", line, warning: "not valid JSON: expected a value at column 1; line skipped", count: 1)
        try corpusRow("long.txt", line, warning: nil, count: 2)
    }

    func testJSONLinesWithBadLinesKeepTheGoodOnes() throws {
        let text = #"{"id": "a", "text": "Isi."}"# + "\nnot json\n" + #"{"id": "a", "text": "lagi"}"# + "\n\u{FEFF}[1]\n"
        let dir = try temporaryFolder(self)
        try Data(text.utf8).write(to: dir.appendingPathComponent("news.jsonl"))
        let r = try WartaBinary.run(["--corpus", dir.appendingPathComponent("news.jsonl").path, "-c", "count articles"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "1\n")
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 3, r.stderr)
        XCTAssertTrue(r.stderr.contains("news.jsonl:2: warning: not valid JSON"), r.stderr)
        XCTAssertTrue(r.stderr.contains("news.jsonl:3: warning: duplicate id 'a'"), r.stderr)
    }

    /// A binary given as a script: refused before any of it runs.
    func testABinaryScript() throws {
        let read = try WartaBinary.run(["--keep-going", "-c", ".read /bin/true", "-c", "count articles"])
        XCTAssertEqual(read.status, 1)
        XCTAssertEqual(read.stdout, "5\n")
        XCTAssertTrue(read.stderr.hasPrefix("error: cannot read '/bin/true': it looks like a binary file (it contains NUL bytes)\n"), read.stderr)
        let script = try WartaBinary.run(["/bin/true"])
        XCTAssertEqual(script.status, 2)
        XCTAssertEqual(script.stderr, "warta: error: cannot read script '/bin/true': it looks like a binary file (it contains NUL bytes)\n")
    }

    // MARK: statements

    func testTenThousandNestedParentheses() throws {
        let deep = "articles where " + String(repeating: "(", count: 10_000) + "mentions \"Putin\"" + String(repeating: ")", count: 10_000)
        try scriptRow(deep, error: "expression nested too deeply (the limit is 256 levels)")
        let nots = "articles where " + String(repeating: "not ", count: 10_000) + "mentions \"Putin\""
        try scriptRow(nots, error: "expression nested too deeply (the limit is 256 levels)")
        let groups = "articles where mentions /" + String(repeating: "(", count: 10_000) + "a" + String(repeating: ")", count: 10_000) + "/"
        try scriptRow(groups, error: "invalid regular expression: groups nested too deeply (max 500)")
    }

    /// A 1 MB string literal: one word finds nothing; 200,000 words are
    /// more than a phrase may hold.
    func testAOneMegabyteStringLiteral() throws {
        let dir = try temporaryFolder(self)
        let word = "articles where mentions \"" + String(repeating: "a", count: 1_000_000) + "\""
        try Data((word + "\ncount articles\n").utf8).write(to: dir.appendingPathComponent("big.wq"))
        let r = try WartaBinary.run(["big.wq"], cwd: dir)
        XCTAssertFalse(r.crashed)
        XCTAssertEqual(r.status, 0, String(r.stderr.prefix(500)))
        XCTAssertEqual(r.stdout.split(separator: "\n").suffix(2), ["(0 articles)", "5"])
        let phrase = "articles where mentions \"" + String(repeating: "kata ", count: 200_000) + "\""
        try scriptRow(phrase, error: "a phrase of 200000 words is too long (the limit is 64)")
    }

    /// In a script, an open quote continues on the next lines (a string may
    /// hold line breaks), so an unterminated string takes the rest of the
    /// script with it; given alone, it is an error at the quote.
    func testUnterminatedStringRegexAndParenthesis() throws {
        try statementRow("articles where mentions \"Putin", error: "unterminated string")
        try statementRow("articles where mentions /Putin", error: "unterminated regular expression")
        try statementRow("articles where (mentions \"Putin\"", error: "expected ')' to close '(', found end of statement")
        let r = try WartaBinary.run(["--keep-going", "-"], stdin: "articles where mentions \"Putin\ncount articles\n")
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout, "")
        XCTAssertTrue(r.stderr.hasPrefix("<stdin>:1:25: error: unterminated string\n"), r.stderr)
    }

    /// `/(a+)+$/` takes exponential time in a backtracking engine; warta's is linear.
    func testCatastrophicBacktrackingPatternOnALongRunOfAs() throws {
        let dir = try temporaryFolder(self)
        let a = String(repeating: "a", count: 100_000)
        let lines = [#"{"id": "as", "title": "A", "text": "\#(a)!"}"#, #"{"id": "as2", "title": "B", "text": "\#(a)"}"#]
        try Data(lines.joined(separator: "\n").utf8).write(to: dir.appendingPathComponent("a.jsonl"))
        let start = Date()
        let r = try WartaBinary.run(["--corpus", dir.appendingPathComponent("a.jsonl").path, "--format", "jsonl", "--timeout", "20000",
                                     "-c", "articles where text matches /(a+)+$/ show id", "-c", "count articles"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "{\"id\": \"as2\"}\n{\"count\": 2}\n")
        XCTAssertLessThan(Date().timeIntervalSince(start), 20)
    }

    func testImpossibleDates() throws {
        try statementRow("articles where date = 2024-02-30", error: "'2024-02-30' is not a valid date (expected YYYY-MM-DD or YYYY-MM)")
        try statementRow("articles where date = 2024-13-01", error: "'2024-13-01' is not a valid date (expected YYYY-MM-DD or YYYY-MM)")
        try statementRow("articles where date between 2023-02-29 and 2024", error: "'2023-02-29' is not a valid date (expected YYYY-MM-DD or YYYY-MM)")
    }

    func testIntegersPastInt64() throws {
        try statementRow("articles where words > 9223372036854775808",
                         error: "integer '9223372036854775808' is too large (the limit is 9223372036854775807)")
        try statementRow("articles limit 99999999999999999999999",
                         error: "integer '99999999999999999999999' is too large (the limit is 9223372036854775807)")
    }

    func testUnknownEscapes() throws {
        try statementRow(#"articles where mentions "\q""#, error: #"unknown escape '\q' (use \" \' \\ \n \t or \u{…})"#)
        try statementRow(#"articles where mentions /\q/"#, error: #"invalid regular expression: unknown escape '\q'"#)
    }

    func testNegativeLimitAndOffset() throws {
        try statementRow("articles limit -1", error: "limit must be 0 or more, not -1")
        try statementRow("articles limit 1 offset -1", error: "offset must be 0 or more, not -1")
    }

    func testUnknownUnitFieldCommandAndFlag() throws {
        try statementRow("artikel where date = 2024", error: "unknown unit 'artikel' (did you mean 'articles'?)")
        try statementRow("articles where dat = 2024", error: "unknown field 'dat' (did you mean 'date'?)")
        try statementRow(".frobnicate", error: "unknown command '.frobnicate' (type .help for the commands)")
        try statementRow(".fromat csv", error: "unknown command '.fromat' (did you mean '.format'?)")
        try statementRow("articles where mentions /Putin/g", error: "unknown regular expression flag 'g' (only 'i' is supported)")
        try statementRow(".format yaml", error: "unknown format 'yaml'; formats: table, json, jsonl, csv, markdown, kwic, svg")
        // A flag of the command line: a usage error, exit status 2, before anything runs.
        let r = try WartaBinary.run(["--frobnicate", "-c", "count articles"])
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.stdout, "")
        XCTAssertTrue(r.stderr.hasPrefix("warta: Unknown option '--frobnicate'\nUsage: warta"), r.stderr)
    }

    /// Limits given on the command line are checked like any other input.
    func testOutOfRangeLimitsOnTheCommandLine() throws {
        for args in [["--timeout", "0"], ["--timeout=-5"], ["--max-rows=-1"], ["--timeout", "99999999999999999999"]] {
            let r = try WartaBinary.run(args + ["-c", "count articles"])
            XCTAssertEqual(r.status, 2, "\(args): \(r.stderr)")
            XCTAssertEqual(r.stdout, "", "\(args)")
            XCTAssertTrue(r.stderr.hasPrefix("warta: "), r.stderr)
        }
    }
}
