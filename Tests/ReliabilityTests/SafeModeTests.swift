import Foundation
import XCTest
import Warta

/// Safe mode: a service passes strangers' statements straight in; nothing
/// they type reads or writes a file, and the session goes on.
final class SafeModeTests: XCTestCase {
    static let corpus: Corpus = {
        let jsonl = #"{"id": "a", "title": "Putin tiba", "text": "Putin tiba di Hanoi, Rabu (19/6/2024)."}"#
        return Corpus(name: "t", articles: CorpusLoader.load(data: Array(jsonl.utf8), name: "t.jsonl").articles)
    }()

    func testTheEngineRefusesCommandsThatTouchFiles() throws {
        let session = Session(corpus: Self.corpus, safeMode: true)
        for command in [".read /etc/passwd", ".open /etc", ".output /tmp/x", ".entities /etc/passwd", ".OPEN seeds", "  .read x.wq;"] {
            XCTAssertThrowsError(try session.run(command), command) { error in
                XCTAssertTrue((error as? Diagnostic)?.message.hasSuffix("touches the file system; refused in safe mode") == true, "\(error)")
            }
            guard case .count(let n) = try session.run("count articles where mentions \"Putin\"") else { return XCTFail() }
            XCTAssertEqual(n, 1, "the session goes on after \(command)")
        }
        XCTAssertThrowsError(try session.checkAllowed(command: ".read"))
        XCTAssertNoThrow(try session.checkAllowed(command: ".schema"))
    }

    func testSafeModeIsOffByDefaultAndCanBeSet() throws {
        let session = Session(corpus: Self.corpus)
        XCTAssertFalse(session.safeMode)
        XCTAssertNoThrow(try session.checkAllowed(command: ".read"))
        session.safeMode = true
        XCTAssertThrowsError(try session.checkAllowed(command: ".read"))
        XCTAssertEqual(Session.fileSystemCommands, [".open", ".read", ".output", ".entities"])
    }

    /// The acceptance test of the issue, through the real binary.
    func testReadingEtcPasswdIsRefusedAndTheEngineGoesOn() throws {
        let r = try WartaBinary.run(["--safe", "--keep-going", "-c", ".read /etc/passwd", "-c", "count articles"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout, "5\n")
        XCTAssertEqual(r.stderr, """
            error: '.read' touches the file system; refused in safe mode
              .read /etc/passwd
              ^~~~~

            """)
        XCTAssertFalse(r.stderr.contains("root:"))
    }

    func testEveryFileCommandIsRefusedInAScriptFromStandardInput() throws {
        let dir = try temporaryFolder(self)
        let target = dir.appendingPathComponent("out.txt")
        let script = """
            .open /etc
            .output \(target.path)
            count articles
            .entities /etc/passwd
            .read /etc/passwd
            .pager on
            .output
            count articles where mentions "Putin"

            """
        let r = try WartaBinary.run(["--safe", "--keep-going", "-"], stdin: script)
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout, "5\n5\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: target.path))
        let errors = r.stderr.split(separator: "\n").filter { $0.hasPrefix("<stdin>:") }
        XCTAssertEqual(errors.map { String($0) }, [
            "<stdin>:1:1: error: '.open' touches the file system; refused in safe mode",
            "<stdin>:2:1: error: '.output' touches the file system; refused in safe mode",
            "<stdin>:4:1: error: '.entities' touches the file system; refused in safe mode",
            "<stdin>:5:1: error: '.read' touches the file system; refused in safe mode",
            "<stdin>:6:1: error: the pager can run commands and write files; refused in safe mode",
            "<stdin>:7:1: error: '.output' touches the file system; refused in safe mode",
        ])
    }

    /// Without --safe the same commands work (the operator's own scripts).
    func testWithoutSafeModeReadWorks() throws {
        let dir = try temporaryFolder(self)
        try Data("count articles\n".utf8).write(to: dir.appendingPathComponent("inner.wq"))
        let r = try WartaBinary.run(["-c", ".read inner.wq"], cwd: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "5\n")
    }
}
