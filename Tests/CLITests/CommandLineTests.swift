import Foundation
import XCTest

/// The command line as people use it: statements, scripts, pipes, formats, exit statuses.
final class CommandLineTests: XCTestCase {
    func warta(_ args: String..., stdin: String? = nil, cwd: URL? = nil) throws -> WartaProcess.Output {
        try WartaProcess.run(args, stdin: stdin, cwd: cwd)
    }

    func ids(_ jsonl: String) -> [String] {
        jsonl.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) .flatMap { ($0 as? [String: Any])?["id"] as? String }
        }
    }

    // Acceptance of the spine issue, on the bundled corpus.

    func testToLamOnTheTwentieth() throws {
        let r = try warta("-c", "articles where mentions \"To Lam\" and date = 2024-06-20", "--format", "jsonl")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(ids(r.stdout), ["002_886ca11fc7c36e11", "004_0fb8b6c0066fb73e"])
        for line in r.stdout.split(separator: "\n") {
            let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            XCTAssertEqual(Set(o.keys), ["id", "title", "date", "source"])
            XCTAssertEqual(o["date"] as? String, "2024-06-20")
        }
    }

    func testMentionsCountsAndDates() throws {
        let lam = try warta("-c", "articles where mentions \"To Lam\" order by id", "--format", "jsonl")
        XCTAssertEqual(ids(lam.stdout), ["000_fb609a331a1786d6", "002_886ca11fc7c36e11", "004_0fb8b6c0066fb73e"])
        let count = try warta("-c", "count articles where mentions \"Putin\"", "--format", "jsonl")
        XCTAssertEqual(count.stdout, "{\"count\": 5}\n")
        let day = try warta("-c", "articles where date = 2024-06-19", "--format", "jsonl")
        XCTAssertEqual(ids(day.stdout), ["001_c3db5a084bcb6aec"])
    }

    func testAMisspeltFieldExitsOneWithACaret() throws {
        let r = try warta("-c", "articles where dat = 2024-06-20")
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout, "")
        XCTAssertEqual(r.stderr, """
            error: unknown field 'dat' (did you mean 'date'?)
              articles where dat = 2024-06-20
                             ^~~

            """)
    }

    func testUsageErrorsExitTwo() throws {
        let flag = try warta("--frobnicate")
        XCTAssertEqual(flag.status, 2)
        XCTAssertTrue(flag.stderr.contains("--frobnicate"), flag.stderr)
        let missing = try warta("--corpus", "/no/such/corpus", "-c", "count articles")
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("/no/such/corpus"), missing.stderr)
        let script = try warta("/no/such/script.wq")
        XCTAssertEqual(script.status, 2)
        let format = try warta("--format", "yaml", "-c", "count articles")
        XCTAssertEqual(format.status, 2)
    }

    func testTheBundledCorpusIsFoundFromAnyDirectory() throws {
        let r = try warta("-c", "count articles", cwd: URL(fileURLWithPath: "/"))
        XCTAssertEqual(r.stdout, "5\n")
    }

    func testRepeatedStatementsRunInOrder() throws {
        let r = try warta("-c", "count articles", "-c", "count articles where date is null", "--format", "jsonl")
        XCTAssertEqual(r.stdout, "{\"count\": 5}\n{\"count\": 2}\n")
    }

    func testPipedStatements() throws {
        let r = try warta("--format", "jsonl", stdin: "articles where mentions \"To Lam\";\ncount articles\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 4)
        XCTAssertEqual(lines.last, "{\"count\": 5}")
    }

    func testScriptErrorsNameFileLineAndColumn() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("warta-cli-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "count articles\narticles where dat = 1\ncount articles\n".write(to: dir.appendingPathComponent("bad.wq"), atomically: true, encoding: .utf8)
        let r = try warta("bad.wq", cwd: dir)
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout, "5\n")  // the first statement ran, the third did not
        XCTAssertTrue(r.stderr.hasPrefix("bad.wq:2:16: error: unknown field 'dat' (did you mean 'date'?)"), r.stderr)
        let going = try warta("--keep-going", "bad.wq", cwd: dir)
        XCTAssertEqual(going.status, 1)
        XCTAssertEqual(going.stdout, "5\n5\n")
    }

    func testFormats() throws {
        let csv = try warta("-c", "articles where date = 2024-06-19 show id, date, title", "--format", "csv")
        XCTAssertEqual(csv.stdout, "id,date,title\r\n001_c3db5a084bcb6aec,2024-06-19,Mengapa Putin Langsung Kunjungi Vietnam Setelah Korea Utara?\r\n")
        let md = try warta("-c", "count articles group by date", "--format", "markdown")
        XCTAssertEqual(md.stdout, "| date | count | total | share |\n| --- | --- | --- | --- |\n| 2024-06-19 | 1 | 1 | 1 |\n| 2024-06-20 | 2 | 2 | 1 |\n| null | 2 | 2 | 1 |\n")
        let json = try warta("-c", "articles where date = 2024-06-19 show title", "--format", "json")
        let array = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        XCTAssertEqual(array?.count, 1)
        XCTAssertEqual(array?.first?["id"] as? String, "001_c3db5a084bcb6aec")  // machine formats keep the id
    }

    func testTableFitsTheWidth() throws {
        let r = try warta("-c", "articles show id, title, text")
        for line in r.stdout.split(separator: "\n") {
            XCTAssertLessThanOrEqual(line.count, 100, String(line))
        }
        XCTAssertTrue(r.stdout.hasSuffix("(5 articles)\n"))
    }
}
