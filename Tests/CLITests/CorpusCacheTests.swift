import Foundation
import XCTest

/// The cache of folder and .jsonl indexes, as a user meets it: the second
/// `warta -c` on an unchanged corpus maps the index the first one kept, and
/// any change to the corpus is seen at once.
final class CorpusCacheTests: XCTestCase {
    var folder: URL!
    var corpus: URL!
    var cache: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("warta-cache-\(UUID().uuidString)")
        corpus = folder.appendingPathComponent("news")
        cache = folder.appendingPathComponent("cache")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try write("a.md", "# Putin di Hanoi\n\nPresiden Putin tiba di Hanoi pada Rabu (19/6/2024).\n")
        try write("b.md", "# To Lam menyambut\n\nTo Lam menyambut Putin di Hanoi.\n")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Writes a file of the corpus dated a minute ago: old enough to be cached.
    func write(_ name: String, _ text: String, age: TimeInterval = 60) throws {
        let url = corpus.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -age)], ofItemAtPath: url.path)
    }

    func warta(_ statement: String, _ extra: [String] = [], environment: [String: String] = [:]) throws -> WartaProcess.Output {
        var env = ["WARTA_CACHE_DIR": cache.path, "WARTA_TRACE": "1"]
        for (k, v) in environment { env[k] = v }
        return try WartaProcess.run(["--corpus", corpus.path] + extra + ["-c", statement], environment: env)
    }

    var entries: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: cache.path)) ?? []).filter { $0.hasSuffix(".widx") }.sorted()
    }

    func testTheSecondOpeningUsesTheIndexTheFirstKept() throws {
        let first = try warta("count articles where mentions \"Putin\"")
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(first.stdout, "2\n")
        XCTAssertTrue(first.stderr.contains("cache: stored"), first.stderr)
        XCTAssertEqual(entries.count, 1)
        let second = try warta("count articles where mentions \"Putin\"")
        XCTAssertEqual(second.stdout, "2\n")
        XCTAssertTrue(second.stderr.contains("cache: using"), second.stderr)
        // The cached entry is an index file like any other.
        let check = try WartaProcess.run(["check", cache.appendingPathComponent(entries[0]).path])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
    }

    func testAnswersFromTheCacheAreTheAnswersOfABuild() throws {
        let statements = ["articles where mentions \"Putin\" show id, title, date, text",
                          "count articles group by date", "terms limit 10", "sentences where mentions \"Hanoi\"",
                          "entities"]
        _ = try warta("count articles")
        for s in statements {
            let cached = try warta(s), built = try warta(s, ["--no-cache"])
            XCTAssertTrue(cached.stderr.contains("cache: using"), cached.stderr)
            XCTAssertEqual(cached.status, 0, cached.stderr)
            XCTAssertEqual(cached.stdout, built.stdout, s)
        }
    }

    func testAChangedFileIsSeenAndTheOldEntryRemoved() throws {
        _ = try warta("count articles")
        let before = entries
        // The same size, a different word: only the file's times tell it apart.
        try write("b.md", "# To Lam menyambut\n\nTo Lam menyambut Biden di Hanoi.\n", age: 30)
        let r = try warta("count articles where mentions \"Putin\"")
        XCTAssertEqual(r.stdout, "1\n")
        XCTAssertTrue(r.stderr.contains("cache: stored"), r.stderr)
        XCTAssertEqual(entries.count, 1)
        XCTAssertNotEqual(entries, before)
    }

    func testAddedAndRemovedFilesAreSeen() throws {
        XCTAssertEqual(try warta("count articles").stdout, "2\n")
        try write("c.jsonl", "{\"id\": \"c1\", \"title\": \"Putin\", \"text\": \"Putin lagi.\"}\n")
        XCTAssertEqual(try warta("count articles").stdout, "3\n")
        // Files the loader does not read change nothing.
        try write("notes.csv", "x")
        try write(".hidden.md", "# x\n\nx\n")
        XCTAssertTrue(try warta("count articles").stderr.contains("cache: using"))
        try FileManager.default.removeItem(at: corpus.appendingPathComponent("a.md"))
        XCTAssertEqual(try warta("count articles").stdout, "2\n")
    }

    func testAFileChangedJustNowKeepsTheIndexOutOfTheCache() throws {
        try write("b.md", "# To Lam\n\nTo Lam di Hanoi.\n", age: 0)
        let r = try warta("count articles")
        XCTAssertEqual(r.stdout, "2\n")
        XCTAssertTrue(r.stderr.contains("cache: not storing"), r.stderr)
        XCTAssertEqual(entries, [])
    }

    func testADamagedEntryIsRebuiltNotUsed() throws {
        _ = try warta("count articles")
        let entry = cache.appendingPathComponent(entries[0])
        var data = try Data(contentsOf: entry)
        data[data.count / 2] ^= 0xFF
        try data.write(to: entry)
        let r = try warta("count articles where mentions \"Putin\"")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "2\n")
        XCTAssertTrue(r.stderr.contains("is unsound; rebuilding it"), r.stderr)
        try Data(data.prefix(100)).write(to: entry)
        let truncated = try warta("count articles where mentions \"Putin\"")
        XCTAssertEqual(truncated.stdout, "2\n")
        XCTAssertTrue(try warta("count articles").stderr.contains("cache: using"))
    }

    func testTheCacheCanBeTurnedOff() throws {
        XCTAssertEqual(try warta("count articles", ["--no-cache"]).stdout, "2\n")
        XCTAssertEqual(try warta("count articles", environment: ["WARTA_CACHE": "off"]).stdout, "2\n")
        // A gazetteer of one's own is not the standard analysis: never cached.
        let tsv = folder.appendingPathComponent("extra.tsv")
        try Data("Hanoi Raya\tplace\tHanoi\n".utf8).write(to: tsv)
        XCTAssertEqual(try warta("count articles", ["--entities", tsv.path]).status, 0)
        XCTAssertEqual(entries, [])
    }

    func testAJSONLinesFileIsCachedAndTheShellOpensItFromTheCache() throws {
        let file = folder.appendingPathComponent("news.jsonl")
        try Data("{\"id\": \"x1\", \"title\": \"Putin\", \"text\": \"Putin di Hanoi.\"}\n".utf8).write(to: file)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -60)], ofItemAtPath: file.path)
        let env = ["WARTA_CACHE_DIR": cache.path, "WARTA_TRACE": "1"]
        let first = try WartaProcess.run(["--corpus", file.path, "-c", "count articles"], environment: env)
        XCTAssertEqual(first.stdout, "1\n")
        let shell = try WartaProcess.run([], stdin: ".open \(file.path)\ncount articles where mentions \"Hanoi\"\n", environment: env)
        XCTAssertTrue(shell.stdout.hasPrefix("opened news: 1 articles\n1\n"), shell.stdout)
        XCTAssertTrue(shell.stderr.contains("cache: using"), shell.stderr)
    }
}
