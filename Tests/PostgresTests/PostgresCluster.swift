import Foundation
import Warta
import WartaPostgres

/// The servers of `scripts/pg-cluster`, named by environment variables:
/// `WARTA_PG_URL` (a single node), `WARTA_PG_SHARDED_URL` (a coordinator) and
/// `WARTA_PG_SHARD_URLS` (its shards, comma-separated). `scripts/test` starts
/// them when they are not named; without them the tests fail, saying so.
enum PostgresCluster {
    static let environment = ProcessInfo.processInfo.environment

    /// The repository's root (for seeds/ and grammar/).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// What a PostgreSQL test says when the servers are not named.
    static let unnamed = "needs WARTA_PG_URL, WARTA_PG_SHARDED_URL and WARTA_PG_SHARD_URLS: "
        + "run scripts/test (which starts the servers), or eval \"$(scripts/pg-cluster start)\" first"

    /// The URLs; an error when they are not named.
    static func urls() throws -> (single: String, coordinator: String, shards: [String]) {
        guard let single = environment["WARTA_PG_URL"], let coordinator = environment["WARTA_PG_SHARDED_URL"],
              let shards = environment["WARTA_PG_SHARD_URLS"]?.split(separator: ",").map(String.init), shards.count >= 2 else {
            throw PostgresError("PostgreSQL tests " + unnamed)
        }
        return (single, coordinator, shards)
    }

    private static let counter = Counter()

    /// A new, empty database on the server of `url`; its connection string.
    static func freshDatabase(on url: String) throws -> String {
        let name = "warta_test_\(getpid())_\(counter.next())"
        let admin = try PostgresConnection(url: url)
        try admin.query("CREATE DATABASE \(name)")
        var parts = PostgresURL.parts(url)
        parts["dbname"] = name
        created.append((url, name))
        return parts.filter { !$0.value.isEmpty && ["host", "port", "user", "password", "dbname"].contains($0.key) }
            .sorted { $0.key < $1.key }
            .map { "\($0.key)='" + $0.value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'" }
            .joined(separator: " ")
    }

    nonisolated(unsafe) static var created: [(server: String, name: String)] = []

    /// Drops the databases the tests made.
    static func dropCreated() {
        for (server, name) in created.reversed() {
            _ = try? PostgresConnection(url: server).query("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        }
        created = []
    }

    /// Loads `articles` into a new single-node database and a new sharded one.
    static func load(_ articles: [Article]) throws -> (single: String, sharded: String) {
        let (single, coordinator, shards) = try urls()
        let s = try freshDatabase(on: single)
        _ = try PostgresLoader.load(articles: articles, into: s)
        let c = try freshDatabase(on: coordinator)
        let parts = try shards.map { try freshDatabase(on: $0) }
        _ = try PostgresLoader.load(articles: articles, into: c, shards: parts)
        return (s, c)
    }

    final class Counter: @unchecked Sendable {
        private var n = 0
        private let lock = NSLock()
        func next() -> Int { lock.lock(); defer { lock.unlock() }; n += 1; return n }
    }
}
