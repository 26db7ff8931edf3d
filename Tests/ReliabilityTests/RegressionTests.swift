import Foundation
import XCTest
import Warta

/// Inputs that crashed warta, found by the fuzzers or by hand while
/// building the bad-input table. Each runs in a process of its own (the
/// binary, or this test bundle again), so a crash fails one test rather
/// than ending the whole run.
final class RegressionTests: XCTestCase {
    func statement(_ s: String, extra: [String] = [], file: StaticString = #filePath, line: UInt = #line) throws -> WartaBinary.Output {
        let r = try WartaBinary.run(extra + ["--keep-going", "--format", "jsonl", "-c", s, "-c", "count articles"])
        XCTAssertFalse(r.crashed, "crashed: \(s)\n\(r.stderr.prefix(3000))", file: file, line: line)
        XCTAssertTrue(r.stdout.hasSuffix("{\"count\": 5}\n"), "the process goes on after: \(s)", file: file, line: line)
        return r
    }

    /// Found by hand: `start + limit` overflowed (Rows.swift, rows, kwic lines and groups).
    func testLimitAndOffsetNearIntMax() throws {
        let big = "9223372036854775807"
        var r = try statement("articles limit \(big) offset \(big)")
        XCTAssertEqual(r.stdout, "{\"count\": 5}\n")
        r = try statement("articles limit \(big) offset 3 show id")
        XCTAssertEqual(r.stdout, "{\"id\": \"003_899be7ee89dab36b\"}\n{\"id\": \"004_0fb8b6c0066fb73e\"}\n{\"count\": 5}\n")
        r = try statement("count articles group by date limit \(big) offset 2")
        XCTAssertEqual(r.stdout, "{\"group\": null, \"count\": 2, \"total\": 2, \"share\": 1}\n{\"count\": 5}\n")
        _ = try statement("articles where mentions \"Putin\" limit \(big) offset 1 show kwic")
        _ = try statement("articles where mentions \"Putin\" limit 1 offset \(big) show kwic")
        _ = try statement("articles where mentions \"Putin\" limit 1 offset 1 show kwic", extra: ["--max-rows", big])
        _ = try statement("sentences where mentions \"Putin\" limit \(big) offset 5")
        // A ranked page (top-k by score).
        r = try statement("articles where mentions \"Putin\" limit 1 offset \(big)")
        XCTAssertEqual(r.stdout, "{\"count\": 5}\n")
        _ = try statement("articles where mentions \"Putin\" limit \(big) offset 1", extra: ["--max-rows", big])
    }

    /// Found by hand: a time limit of Int.max milliseconds overflowed when
    /// turned into nanoseconds (StopSignal.swift). The command line now
    /// refuses such a limit; an embedding tool can still set it.
    func testATimeLimitOfIntMaxMilliseconds() throws {
        try runInChildProcess("LibraryProbes/testHugeTimeLimit")
    }

    /// Found by hand: a negative row cap made an upside-down range (Rows.swift).
    /// The command line refuses one; an embedding tool can still set it.
    func testANegativeRowCap() throws {
        try runInChildProcess("LibraryProbes/testNegativeRowCap")
    }

    /// Found by hand: control characters from a corpus or a script reach the
    /// terminal raw, so a scraped article (or a script from someone else)
    /// could send escape sequences (ESC: colours, the window title, OSC 52
    /// clipboard writes). The table, snippets, KWIC lines and the echo of
    /// an error should show them as U+FFFD (or a space), never as bytes.
    func testControlCharactersNeverReachTheTerminal() throws {
        let dir = try temporaryFolder(self)
        let line = #"{"id": "e", "title": "Judul \u001b[31mmerah\u001b]0;pwned\u0007", "text": "Putin tiba \u001b[2J di Hanoi \u009b31m hari ini."}"#
        try Data(line.utf8).write(to: dir.appendingPathComponent("esc.jsonl"))
        let corpus = dir.appendingPathComponent("esc.jsonl").path
        for args in [["-c", "articles show id, title, text"], ["-c", "articles where mentions \"Putin\" show snippet"],
                     ["-c", "articles where mentions \"Putin\" show kwic"], ["--format", "kwic", "-c", "articles where mentions \"Hanoi\""]] {
            let r = try WartaBinary.run(["--corpus", corpus] + args)
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertFalse(r.stdout.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{9B}" || $0 == "\u{07}" }, "\(args): \(r.stdout.debugDescription)")
        }
        let typed = try WartaBinary.run(["-c", "articles where \u{1B}]0;pwned\u{07}"])
        XCTAssertEqual(typed.status, 1)
        XCTAssertFalse(typed.stderr.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" }, typed.stderr.debugDescription)
    }

    /// Runs one test of `LibraryProbes` in a new process of this test bundle.
    func runInChildProcess(_ test: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        p.arguments = ["ReliabilityTests.\(test)"]
        var env = ProcessInfo.processInfo.environment
        env["WARTA_PROBE"] = "1"
        env["SWIFT_BACKTRACE"] = "enable=no"
        p.environment = env
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationReason, .exit, "crashed:\n\(text.suffix(3000))", file: file, line: line)
        XCTAssertEqual(p.terminationStatus, 0, String(text.suffix(3000)), file: file, line: line)
        XCTAssertTrue(text.contains("Executed 1 test"), String(text.suffix(3000)), file: file, line: line)
    }
}

/// Library calls that once crashed; run only as a child of RegressionTests.
final class LibraryProbes: XCTestCase {
    var isChild: Bool { ProcessInfo.processInfo.environment["WARTA_PROBE"] == "1" }

    func session() -> Session {
        let jsonl = #"{"id": "a", "title": "Putin tiba", "text": "Putin tiba di Hanoi."}"#
        return Session(corpus: Corpus(name: "t", articles: CorpusLoader.load(data: Array(jsonl.utf8), name: "t.jsonl").articles))
    }

    func testNegativeRowCap() throws {
        guard isChild else { return }
        let session = session()
        session.settings.maxRows = -1
        for s in ["articles", "articles where mentions \"Putin\" show kwic", "count articles group by id"] {
            _ = try session.run(s)
        }
    }

    func testHugeTimeLimit() throws {
        guard isChild else { return }
        let session = session()
        session.settings.timeoutMilliseconds = Int.max
        guard case .count(let n) = try session.run("count articles") else { return XCTFail() }
        XCTAssertEqual(n, 1)
        session.settings.timeoutMilliseconds = Int.min
        _ = try? session.run("articles where mentions \"Putin\"")
    }
}
