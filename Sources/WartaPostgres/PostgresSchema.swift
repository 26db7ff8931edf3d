/// The tables warta keeps in PostgreSQL, created or migrated on load.
///
/// Articles live in `articles`: on a single node a plain table; on a sharded
/// corpus the coordinator's `articles` is partitioned by hash of `id` over
/// foreign tables (`articles_s0`, `articles_s1`, …, postgres_fdw), each the
/// `articles` table of one shard. The corpus-wide tables (`warta_corpus`,
/// `warta_terms`, `warta_shards`) stay on the node warta talks to.
enum PostgresSchema {
    /// Bumped when the tables change; `warta_schema_version` holds the version a database has.
    static let version = 1

    /// One article: the fields as warta found them, and what the SQL compiler reads.
    static let articleColumns = """
        id text NOT NULL,
        ordinal bigint NOT NULL,
        hash text NOT NULL,
        title text NOT NULL,
        text text NOT NULL,
        raw text NOT NULL,
        date integer,
        dates integer[] NOT NULL,
        source text,
        url text,
        lang text,
        fields jsonb NOT NULL,
        keys jsonb NOT NULL,
        words jsonb NOT NULL,
        buckets jsonb NOT NULL,
        title_len integer NOT NULL,
        text_len integer NOT NULL,
        title_tf jsonb NOT NULL,
        text_tf jsonb NOT NULL,
        title_tsv tsvector NOT NULL,
        text_tsv tsvector NOT NULL
        """

    /// The articles table of a single node or of one shard, with a GIN index per text field.
    static let articleTable = [
        "CREATE TABLE IF NOT EXISTS articles (\(articleColumns), PRIMARY KEY (id))",
        "CREATE INDEX IF NOT EXISTS articles_title_tsv ON articles USING gin (title_tsv)",
        "CREATE INDEX IF NOT EXISTS articles_text_tsv ON articles USING gin (text_tsv)",
        "CREATE INDEX IF NOT EXISTS articles_date ON articles (date)",
    ]

    /// The corpus-wide tables, on the node warta talks to.
    static let corpusTables = [
        "CREATE TABLE IF NOT EXISTS warta_corpus (articles bigint NOT NULL, title_words bigint NOT NULL, text_words bigint NOT NULL, metadata text[] NOT NULL)",
        "CREATE TABLE IF NOT EXISTS warta_terms (term text PRIMARY KEY, stem text NOT NULL, total integer NOT NULL, capitalized integer NOT NULL, title_df integer NOT NULL, text_df integer NOT NULL)",
        "CREATE INDEX IF NOT EXISTS warta_terms_stem ON warta_terms (stem)",
        "CREATE TABLE IF NOT EXISTS warta_shards (n integer PRIMARY KEY, server text NOT NULL, tablename text NOT NULL, location text NOT NULL)",
    ]

    /// Creates the version table, or checks the version the database has.
    /// - Returns: whether the database was empty of warta's tables.
    @discardableResult
    /// - Parameter migrate: a load creates or migrates; a query only reads the
    ///   version (a reader may have no right to create anything) and refuses an older one.
    static func prepare(_ db: PostgresConnection, migrate: Bool = true) throws -> Bool {
        if migrate { try db.query("CREATE TABLE IF NOT EXISTS warta_schema_version (version integer NOT NULL)") }
        guard let found = try db.scalar("SELECT max(version) FROM warta_schema_version") else {
            guard migrate else { throw PostgresError("\(db.redactedURL) holds no warta corpus (load one with: warta load PATH --into URL)") }
            try db.query("INSERT INTO warta_schema_version VALUES ($1::integer)", [String(version)])
            return true
        }
        guard let v = Int(found), v <= version else {
            throw PostgresError("\(db.redactedURL) holds warta schema version \(found); this warta knows versions up to \(version)")
        }
        // Version 1 is the first: later versions migrate here, one step at a
        // time; rows written by an older analysis change hash, so a load rewrites them.
        if v < version {
            guard migrate else {
                throw PostgresError("\(db.redactedURL) holds warta schema version \(v); load it again with this warta to migrate it to \(version)")
            }
            try db.query("UPDATE warta_schema_version SET version = $1::integer", [String(version)])
        }
        return false
    }

    /// Settings of the database that holds articles (a single node, a shard),
    /// where the owner may set them: GIN bitmaps rather than sequential scans
    /// for common words (a scan reads every tsvector), also behind
    /// postgres_fdw's cursor; no JIT, which costs more than it saves here.
    static func tune(_ db: PostgresConnection) throws {
        for setting in ["random_page_cost = 1.1", "cursor_tuple_fraction = 1.0", "jit = off"] {
            _ = try? db.query(try Sharding.built(db, "SELECT format('ALTER DATABASE %I SET \(setting)', current_database())"))
        }
    }

    /// Whether the node's `articles` table is partitioned (a coordinator).
    static func isCoordinator(_ db: PostgresConnection) throws -> Bool {
        try db.scalar("SELECT count(*) FROM warta_shards") != "0"
    }
}
