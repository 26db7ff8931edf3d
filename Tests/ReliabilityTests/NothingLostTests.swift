import Foundation
import XCTest

/// Nothing lost: a file warta writes is replaced in one step or appended in
/// one write, so a kill at any moment leaves the previous content usable.
final class NothingLostTests: XCTestCase {
    /// A corpus whose every statement prints about a megabyte.
    func bigCorpus(in dir: URL) throws -> URL {
        let body = String(repeating: "Presiden Putin tiba di Hanoi dan bertemu To Lam. ", count: 40)
        var lines: [String] = []
        for i in 0..<500 { lines.append(#"{"id": "a\#(i)", "title": "Berita \#(i)", "text": "\#(body)"}"#) }
        let url = dir.appendingPathComponent("big.jsonl")
        try Data(lines.joined(separator: "\n").utf8).write(to: url)
        return url
    }

    func files(in dir: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
    }

    /// SIGKILL while `.output FILE` is being written: FILE keeps its previous content.
    func testAKillWhileWritingOutputKeepsThePreviousContent() throws {
        let dir = try temporaryFolder(self)
        let corpus = try bigCorpus(in: dir)
        let out = dir.appendingPathComponent("out").appendingPathComponent("report.txt")
        try FileManager.default.createDirectory(at: out.deletingLastPathComponent(), withIntermediateDirectories: true)
        let previous = "the report of yesterday\n"
        try Data(previous.utf8).write(to: out)
        let script = ".output \(out.path)\n" + String(repeating: "articles show id, text\n", count: 200)
        try Data(script.utf8).write(to: dir.appendingPathComponent("long.wq"))

        let p = WartaBinary.process(["--corpus", corpus.path, "long.wq"], cwd: dir)
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        // Wait until results are being written, then kill.
        let deadline = Date().addingTimeInterval(120)
        var seen = 0
        while Date() < deadline && p.isRunning {
            let temporary = files(in: out.deletingLastPathComponent()).filter { $0.hasPrefix(".report.txt.warta-") }
            if let t = temporary.first,
               let size = try? FileManager.default.attributesOfItem(atPath: out.deletingLastPathComponent().appendingPathComponent(t).path)[.size] as? Int,
               size > 100_000 {
                seen = size
                break
            }
            usleep(5_000)
        }
        XCTAssertTrue(p.isRunning, "warta finished before it could be killed")
        XCTAssertGreaterThan(seen, 0, "no results were written")
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationReason, .uncaughtSignal)
        XCTAssertEqual(try String(contentsOf: out, encoding: .utf8), previous)
    }

    func testOutputIsInPlaceWhenOutputSwitchesOrWartaExits() throws {
        let dir = try temporaryFolder(self)
        let a = dir.appendingPathComponent("a.txt"), b = dir.appendingPathComponent("b.txt")
        try Data("old a\n".utf8).write(to: a)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: a.path)
        let r = try WartaBinary.run(["--format", "jsonl", "-"], stdin: """
            .output \(a.path)
            count articles
            .output \(b.path)
            count articles where date is null
            .output
            count articles where date = 2024-06-19
            .output \(a.path)
            count articles where mentions "Putin"

            """)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "{\"count\": 1}\n")
        XCTAssertEqual(try String(contentsOf: a, encoding: .utf8), "{\"count\": 5}\n")
        XCTAssertEqual(try String(contentsOf: b, encoding: .utf8), "{\"count\": 2}\n")
        XCTAssertEqual(files(in: dir), ["a.txt", "b.txt"], "no temporary file left behind")
        let mode = try FileManager.default.attributesOfItem(atPath: a.path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o640, "a replaced file keeps its permissions")
    }

    func testAnOutputFileThatCannotBeWrittenIsAnErrorAndTheSessionGoesOn() throws {
        let r = try WartaBinary.run(["--keep-going", "-c", ".output /no/such/folder/x.txt", "-c", "count articles"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout, "5\n")
        XCTAssertTrue(r.stderr.hasPrefix("error: cannot write '/no/such/folder/x.txt': No such file or directory\n"), r.stderr)
        let folder = try WartaBinary.run(["--keep-going", "-c", ".output /tmp", "-c", "count articles"])
        XCTAssertEqual(folder.status, 1)
        XCTAssertEqual(folder.stdout, "5\n")
        XCTAssertTrue(folder.stderr.hasPrefix("error: cannot write '/tmp': it is a folder\n"), folder.stderr)
    }

    /// Through a symbolic link, the file it names is replaced; the link stays.
    func testOutputThroughASymbolicLink() throws {
        let dir = try temporaryFolder(self)
        let target = dir.appendingPathComponent("target.txt"), link = dir.appendingPathComponent("link.txt")
        try Data("old\n".utf8).write(to: target)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        let r = try WartaBinary.run(["-c", ".output \(link.path)", "-c", "count articles"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "5\n")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link.path), target.path)
    }

    /// SIGKILL in the middle of a shell session: every history entry written
    /// before the kill is a whole line, in order (one O_APPEND write each).
    func testAKillDuringAShellSessionKeepsTheHistoryWhole() throws {
        guard let tmux = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            XCTFail("tmux is not installed (scripts/setup installs it)"); return
        }
        let dir = try temporaryFolder(self)
        let history = dir.appendingPathComponent("history")
        let earlier = "count articles where date is null"
        try Data((earlier + "\n").utf8).write(to: history)
        let socket = dir.appendingPathComponent("sock").path
        /// Runs a tmux command and waits for it with posix_spawn and waitpid
        /// (Foundation's Process can wait forever for a client whose server
        /// forked off it); `output` goes through a file, never a pipe the
        /// server could hold open.
        @discardableResult
        func tmuxRun(_ args: [String], output: Bool = false) throws -> String {
            let outFile = dir.appendingPathComponent("tmux.out").path
            let argv = [tmux, "-S", socket, "-f", "/dev/null"] + args
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, output ? outFile : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            var cArgs = argv.map { strdup($0) } + [nil]
            defer { for a in cArgs { free(a) } }
            var pid: pid_t = 0
            guard posix_spawn(&pid, tmux, &actions, nil, &cArgs, environ) == 0 else { throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "cannot start tmux"]) }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            guard output else { return "" }
            return ((try? String(contentsOfFile: outFile, encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        defer { _ = try? tmuxRun(["kill-server"]) }
        try tmuxRun(["new-session", "-d", "-x", "120", "-y", "40",
                     "exec env HOME=\(dir.path) TERM=xterm LANG=C.UTF-8 WARTA_HISTORY=\(history.path) SWIFT_BACKTRACE=enable=no \(WartaBinary.binary.path)"])
        let pid = Int32(try tmuxRun(["display", "-p", "#{pane_pid}"], output: true)) ?? 0
        XCTAssertGreaterThan(pid, 0)
        let statements = (1...120).map { "count articles where words > \($0)" }
        for s in statements { try tmuxRun(["send-keys", "-l", s]); try tmuxRun(["send-keys", "Enter"]) }
        // Kill once part of the session is in the file.
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let lines = (try? String(contentsOf: history, encoding: .utf8))?.split(separator: "\n").count ?? 0
            if lines > 20 { break }
            usleep(5_000)
        }
        kill(pid, SIGKILL)
        let text = try String(contentsOf: history, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines.first, earlier, "the earlier history is kept")
        XCTAssertEqual(lines.last, "", "the file ends with a whole line")
        let entries = Array(lines.dropFirst().dropLast())
        XCTAssertGreaterThan(entries.count, 20)
        XCTAssertEqual(entries, Array(statements.prefix(entries.count)), "entries are whole and in order")
    }
}
