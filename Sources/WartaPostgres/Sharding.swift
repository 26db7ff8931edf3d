/// A corpus spread over several PostgreSQL servers: the coordinator's
/// `articles` is partitioned by hash of `id`, each partition a postgres_fdw
/// foreign table (`articles_s0`, …) over the `articles` table of one shard.
///
/// Statements never go through the partitioned table for their work: the
/// executor writes one query per shard against its foreign table (a count, a
/// top-k with its own LIMIT, a grouped count), which postgres_fdw ships whole,
/// and joins them with `UNION ALL` so the coordinator runs them all at once
/// (`async_capable`) and only combines what they return.
enum Sharding {
    /// Creates (the first time) or checks the coordinator's shards.
    static func setUp(coordinator db: PostgresConnection, shards: [String]) throws {
        let known = try db.query("SELECT location FROM warta_shards ORDER BY n").map { $0[0] ?? "" }
        let wanted = shards.map(PostgresURL.redact)
        if !known.isEmpty {
            guard known == wanted else {
                throw PostgresError("\(db.redactedURL) already spreads its corpus over \(known.count) shards (\(known.joined(separator: ", "))); load into a new database to change them")
            }
            return
        }
        if try db.scalar("SELECT count(*) FROM pg_class WHERE relname = 'articles' AND relkind = 'r'") != "0" {
            throw PostgresError("\(db.redactedURL) holds a single-node corpus; load shards into a new database")
        }
        for shard in shards {
            let s = try PostgresConnection(url: shard)
            try PostgresSchema.prepare(s)
            for sql in PostgresSchema.articleTable { try s.query(sql) }
            try PostgresSchema.tune(s)
        }
        try db.query("CREATE EXTENSION IF NOT EXISTS postgres_fdw")
        try db.query("CREATE TABLE IF NOT EXISTS articles (\(PostgresSchema.articleColumns)) PARTITION BY HASH (id)")
        for (i, shard) in shards.enumerated() {
            let p = PostgresURL.parts(shard)
            let server = "warta_shard_\(i)", table = "articles_s\(i)"
            // DDL takes no parameters: the server quotes the values itself (format %L).
            try db.query(try built(db, """
                SELECT format('CREATE SERVER %I FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host %L, port %L, dbname %L, async_capable ''true'', fetch_size ''1000'', fdw_tuple_cost ''1.0'')',
                              $1::text, $2::text, $3::text, $4::text)
                """, [server, p["host"] ?? "localhost", p["port"] ?? "5432", p["dbname"] ?? (p["user"] ?? "postgres")]))
            var mapping = "SELECT format('CREATE USER MAPPING FOR CURRENT_USER SERVER %I OPTIONS (user %L', $1::text, $2::text)"
            var params = [server, p["user"] ?? "postgres"]
            if let password = p["password"] {
                mapping += " || format(', password %L', $3::text)"
                params.append(password)
            }
            try db.query(try built(db, mapping + " || ')'", params))
            try db.query(try built(db, """
                SELECT format('CREATE FOREIGN TABLE %I PARTITION OF articles FOR VALUES WITH (MODULUS %s, REMAINDER %s) SERVER %I OPTIONS (table_name ''articles'', batch_size ''100'')',
                              $1::text, $2::integer, $3::integer, $4::text)
                """, [table, String(shards.count), String(i), server]))
            try db.query("INSERT INTO warta_shards VALUES ($1::integer, $2::text, $3::text, $4::text)",
                         [String(i), server, table, PostgresURL.redact(shard)])
        }
    }

    /// Refreshes the coordinator's statistics of its foreign tables.
    static func analyze(coordinator db: PostgresConnection) throws {
        for row in try db.query("SELECT tablename FROM warta_shards ORDER BY n") {
            try db.query(try built(db, "SELECT format('ANALYZE %I', $1::text)", [row[0] ?? ""]))
        }
    }

    /// A statement the server wrote with its own quoting (`format('%I %L')`).
    static func built(_ db: PostgresConnection, _ sql: String, _ params: [String?] = []) throws -> String {
        guard let text = try db.scalar(sql, params) else { throw PostgresError("PostgreSQL returned no statement") }
        return text
    }
}
