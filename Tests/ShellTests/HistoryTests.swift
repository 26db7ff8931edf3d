import Foundation
import XCTest
@testable import warta

/// The shell's history file.
final class HistoryTests: XCTestCase {
    var dir: URL!
    var path: String { dir.appendingPathComponent("history").path }
    var warnings: [String] = []

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("warta-history-\(getpid())-\(name.hashValue)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        warnings = []
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    func history() -> History {
        History(path: path, warn: { self.warnings.append($0) })
    }

    func fileText() -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    func testPasswordsInDatabaseURLsNeverReachTheFile() throws {
        let history = History(path: path, warn: { self.warnings.append($0) })
        history.add(".open postgresql://ann:s3cret@db.example/news")
        history.add(".open postgresql://db.example/news?user=ann&password=s3cret")
        history.add(#"articles where mentions "postgres" and source = "password""#)
        let file = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertFalse(file.contains("s3cret"), file)
        XCTAssertEqual(history.entries, [".open postgresql://ann:***@db.example/news", ".open postgresql://db.example/news?user=ann&password=***",
                                         #"articles where mentions "postgres" and source = "password""#])
    }

    func testEncodingKeepsAnEntryOnOneLine() {
        let cases: [(String, String)] = [
            ("count articles", "count articles"),
            ("articles where\ndate = 2024", "articles where\\ndate = 2024"),
            ("mentions /a\\s+b/", "mentions /a\\\\s+b/"),
            ("a\r\nb", "a\\r\\nb"),
        ]
        for (entry, line) in cases {
            XCTAssertEqual(History.encode(entry), line)
            XCTAssertEqual(History.decode(line), entry)
        }
        XCTAssertEqual(History.decode("odd \\x and \\"), "odd \\x and \\", "unknown escapes stay as written")
    }

    func testEntriesAreAppendedAndReloaded() throws {
        let h = history()
        XCTAssertTrue(h.add("count articles"))
        XCTAssertFalse(h.add("count articles"), "a repeat of the last entry is dropped")
        XCTAssertFalse(h.add("   "))
        XCTAssertTrue(h.add("articles where mentions \"To Lam\" and\ndate = 2024-06-20"))
        XCTAssertTrue(h.add("count articles"), "only consecutive repeats are dropped")
        XCTAssertEqual(fileText(), "count articles\narticles where mentions \"To Lam\" and\\ndate = 2024-06-20\ncount articles\n")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
        XCTAssertEqual(history().entries, ["count articles", "articles where mentions \"To Lam\" and\ndate = 2024-06-20", "count articles"])
        XCTAssertEqual(warnings, [])
    }

    func testAMissingFileIsCreatedOnTheFirstEntry() {
        let h = history()
        XCTAssertEqual(h.entries, [])
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
        h.add("articles")
        XCTAssertEqual(fileText(), "articles\n")
        XCTAssertEqual(warnings, [])
    }

    func testTheFileIsTrimmedToTheCapacity() {
        let lines = (1...(History.capacity + 150)).map { "count articles limit \($0)\n" }.joined()
        _ = FileManager.default.createFile(atPath: path, contents: Data(lines.utf8))
        let h = history()
        XCTAssertEqual(h.entries.count, History.capacity)
        XCTAssertEqual(h.entries.first, "count articles limit 151")
        XCTAssertEqual(fileText().split(separator: "\n").count, History.capacity)
        h.add("count articles")
        XCTAssertEqual(h.entries.count, History.capacity)
        XCTAssertEqual(h.entries.last, "count articles")
    }

    func testALineCutShortByACrashDoesNotSwallowTheNext() {
        _ = FileManager.default.createFile(atPath: path, contents: Data("count articles\narticles wh".utf8))
        let h = history()
        h.add("articles limit 1")
        XCTAssertEqual(fileText(), "count articles\narticles wh\narticles limit 1\n")
    }

    func testAnUnreadableFileWarnsOnceAndTheShellGoesOn() throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)  // a folder, not a file
        let h = history()
        h.add("count articles")
        h.add("articles")
        XCTAssertEqual(warnings.count, 1, "\(warnings)")
        XCTAssertTrue(warnings[0].hasPrefix("warning: cannot read the history file"), warnings[0])
        XCTAssertEqual(h.entries, ["count articles", "articles"], "history still works within the session")
    }

    func testAFileThatCannotBeWrittenWarnsOnce() {
        // A folder that does not exist: even root cannot create a file there.
        let h = History(path: dir.appendingPathComponent("no-such-folder/history").path, warn: { self.warnings.append($0) })
        XCTAssertEqual(warnings, [], "a missing file is no problem until it is written")
        h.add("count articles")
        h.add("articles")
        XCTAssertEqual(warnings.count, 1, "\(warnings)")
        XCTAssertTrue(warnings[0].hasPrefix("warning: cannot write the history file"), warnings[0])
        XCTAssertEqual(h.entries, ["count articles", "articles"])
    }

    func testWhereTheFileIs() {
        XCTAssertEqual(History.defaultPath(environment: ["HOME": "/home/ana"]), "/home/ana/.warta_history")
        XCTAssertEqual(History.defaultPath(environment: ["HOME": "/home/ana", "WARTA_HISTORY": "/tmp/h"]), "/tmp/h")
        XCTAssertNil(History.defaultPath(environment: ["HOME": "/home/ana", "WARTA_HISTORY": ""]))
    }
}
