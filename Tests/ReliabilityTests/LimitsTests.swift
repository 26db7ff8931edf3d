import Foundation
import XCTest

/// The limits that keep a statement bounded, through the binary: each stops
/// cleanly with a clear message, and the next statement runs.
final class LimitsTests: XCTestCase {
    /// 500 articles of about 2 KB: a regular expression over all of them takes a while.
    func corpus() throws -> URL {
        let dir = try temporaryFolder(self)
        let body = String(repeating: "Presiden Putin tiba di Hanoi dan bertemu To Lam. ", count: 40)
        let lines = (0..<500).map { #"{"id": "a\#($0)", "title": "Berita \#($0)", "text": "\#(body)"}"# }
        let url = dir.appendingPathComponent("big.jsonl")
        try Data(lines.joined(separator: "\n").utf8).write(to: url)
        return url
    }

    static let slow = #"count articles where text matches /(\w+\s+){1,40}x$/"#

    func testATimeLimitStopsAStatementAndTheNextRuns() throws {
        let r = try WartaBinary.run(["--corpus", try corpus().path, "--timeout", "20", "--keep-going", "-c", Self.slow, "-c", "count articles"])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(r.stdout, "500\n", "no partial answer, then the next statement")
        XCTAssertEqual(r.stderr, """
            error: statement stopped after its time limit of 20 ms (.timeout or --timeout sets it)
              \(Self.slow)
              ^\(String(repeating: "~", count: Self.slow.count - 1))

            """)
    }

    func testTimeoutInAScript() throws {
        let r = try WartaBinary.run(["--corpus", try corpus().path, "--keep-going", "-"], stdin: """
            .timeout 20
            \(Self.slow)
            .timeout off
            count articles where mentions "Putin"
            .timeout 99999999999

            """)
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout, "500\n")
        let errors = r.stderr.split(separator: "\n").filter { $0.hasPrefix("<stdin>") }
        XCTAssertEqual(errors, [
            "<stdin>:2:1: error: statement stopped after its time limit of 20 ms (.timeout or --timeout sets it)",
            "<stdin>:5:1: error: usage: .timeout [MILLISECONDS|off]",
        ])
    }

    func testTheRowCapSaysHowManyWereLeftOut() throws {
        let r = try WartaBinary.run(["--max-rows", "2", "-c", "articles show id", "-c", "count articles"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout.split(separator: "\n").suffix(4), ["000_fb609a331a1786d6", "001_c3db5a084bcb6aec", "(2 of 5 articles)", "5"])
        XCTAssertEqual(r.stderr, "warning: 3 more rows left out by the row limit of 2 (--max-rows)\n")
    }
}
