import Foundation
import WartaPostgres
import XCTest

/// `warta load … --into`, `--corpus postgresql://…` and `.open` as a user runs
/// them, on the servers of `scripts/pg-cluster` (see PostgresTests for the
/// environment variables, which `scripts/test` sets; without them this fails, saying so).
final class PostgresCommandLineTests: XCTestCase {
    static var made: [(server: String, name: String)] = []

    override class func tearDown() {
        for (server, name) in made { _ = try? PostgresConnection(url: server).query("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
        super.tearDown()
    }

    /// A new database on the server named by `variable` (its first URL), as a URL.
    func fresh(_ variable: String) throws -> String {
        let env = ProcessInfo.processInfo.environment
        guard let server = env[variable]?.split(separator: ",").first.map(String.init) else {
            throw PostgresError("\(variable) is not set: run scripts/test (which starts the servers), "
                                + "or eval \"$(scripts/pg-cluster start)\" first")
        }
        let name = "warta_cli_\(getpid())_\(PostgresCommandLineTests.made.count)"
        try PostgresConnection(url: server).query("CREATE DATABASE \(name)")
        PostgresCommandLineTests.made.append((server, name))
        return PostgresCommandLineTests.url(server, database: name)
    }

    /// `postgresql://host:port/db` with another database.
    static func url(_ server: String, database: String) -> String {
        String(server[..<(server.lastIndex(of: "/") ?? server.endIndex)]) + "/" + database
    }

    func testLoadThenQueryOnSingleNodeAndSharded() throws {
        let seeds = WartaProcess.root.appendingPathComponent("seeds").path
        let single = try fresh("WARTA_PG_URL"), coordinator = try fresh("WARTA_PG_SHARDED_URL")
        let env = ProcessInfo.processInfo.environment["WARTA_PG_SHARD_URLS"] ?? ""
        let shards = try env.split(separator: ",").enumerated().map { i, url -> String in
            let name = "warta_cli_\(getpid())_shard\(i)"
            try PostgresConnection(url: String(url)).query("CREATE DATABASE \(name)")
            PostgresCommandLineTests.made.append((String(url), name))
            return PostgresCommandLineTests.url(String(url), database: name)
        }
        var r = try WartaProcess.run(["load", seeds, "--into", single])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("loaded 5 articles: 5 added"), r.stdout)
        r = try WartaProcess.run(["load", seeds, "--into", coordinator, "--shards", shards.joined(separator: ",")])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("(over 2 shards)"), r.stdout)
        for url in [single, coordinator] {
            r = try WartaProcess.run(["--corpus", url, "-c", #"articles where mentions "To Lam" and date = 2024-06-20"#])
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertTrue(r.stdout.contains("002_886ca11fc7c36e11") && r.stdout.contains("004_0fb8b6c0066fb73e")
                          && r.stdout.contains("(2 articles)"), r.stdout)
            // The shell's .open, then a statement PostgreSQL refuses, naming what it cannot do.
            r = try WartaProcess.run([], stdin: ".open \(url)\ncount articles\narticles where mentions /Putin/ show id\n")
            XCTAssertTrue(r.stdout.contains("opened postgresql://") && r.stdout.contains("\n5\n"), r.stdout)
            XCTAssertTrue(r.stderr.contains("not supported on PostgreSQL: regular expressions"), r.stderr)
        }
    }

    func testAPasswordIsNeverPrinted() throws {
        let r = try WartaProcess.run(["--corpus", "postgresql://ann:s3cret@127.0.0.1:1/news", "-c", "count articles"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("postgresql://ann:***@127.0.0.1:1/news"), r.stderr)
        XCTAssertFalse(r.stderr.contains("s3cret") || r.stdout.contains("s3cret"), r.stderr)
    }
}
