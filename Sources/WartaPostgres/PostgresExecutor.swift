import Foundation
import Warta

/// Runs checked statements on a corpus kept in PostgreSQL, single node or
/// sharded: each statement becomes SQL that does the work in the database
/// (counts, groups, the top-k page), and only the page comes back.
///
/// On a sharded corpus every statement is written once per shard against the
/// shard's foreign table and the parts are joined with `UNION ALL`: counts and
/// groups are summed, and each shard's own top-k (its own `LIMIT`) is merged.
public final class PostgresExecutor: StatementExecutor {
    let db: PostgresConnection
    let catalog: TermCatalog
    /// The tables a statement runs on: `articles`, or one foreign table per shard.
    let tables: [String]
    /// Where each shard is (URLs without passwords), for explain.
    let shardLocations: [String]
    public let corpusName: String
    public var metadataFields: [String] { catalog.metadataFields }

    /// Opens the corpus at `url` (`postgresql://…`); libpq also reads `PG*` variables and `~/.pgpass`.
    public init(url: String) throws {
        db = try PostgresConnection(url: url)
        let hasTables = try db.scalar("SELECT count(*) FROM pg_class WHERE relname IN ('warta_corpus', 'warta_shards', 'warta_schema_version')") == "3"
        guard hasTables else {
            throw PostgresError("\(db.redactedURL) holds no warta corpus (load one with: warta load PATH --into URL)")
        }
        try PostgresSchema.prepare(db, migrate: false)
        catalog = try TermCatalog(db)
        let shards = try db.query("SELECT tablename, location FROM warta_shards ORDER BY n")
        tables = shards.isEmpty ? ["articles"] : shards.map { $0[0] ?? "" }
        shardLocations = shards.map { $0[1] ?? "" }
        corpusName = db.redactedURL
        // Ranking reads many rows' frequencies: JIT compiles for longer than they take.
        try db.query("SET jit = off")
        // Only reads, whatever the role may do.
        try db.query("SET default_transaction_read_only = on")
    }

    /// Whether the corpus is spread over shards.
    public var isSharded: Bool { !shardLocations.isEmpty }
    /// How many shards (0 on a single node).
    public var shardCount: Int { shardLocations.count }

    /// Statistics for `.info`: each computed in the database (per shard, combined).
    public func summary() throws -> CorpusSummary {
        func perShard(_ select: String, group: String? = nil) -> String {
            tables.map { "(SELECT \(select) FROM \($0)" + (group.map { " GROUP BY \($0)" } ?? "") + ")" }.joined(separator: " UNION ALL ")
        }
        let dates = try db.query("SELECT min(d), max(d), sum(u) FROM (" + perShard("min(date) AS d, count(*) FILTER (WHERE date IS NULL) AS u") + " UNION ALL "
                                 + perShard("max(date), 0") + ") AS s").first ?? []
        func ranked(_ column: String) throws -> [(name: String, articles: Int)] {
            var counts: [String: Int] = [:]
            for r in try db.query(perShard("\(column), count(*)", group: column)) where r[0] != nil {
                counts[r[0] ?? "", default: 0] += Int(r[1] ?? "0") ?? 0
            }
            return counts.map { ($0.key, $0.value) }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        }
        let terms = Int(try db.scalar("SELECT count(*) FROM warta_terms") ?? "0") ?? 0
        return CorpusSummary(articles: catalog.articles, words: catalog.titleWords + catalog.textWords, terms: terms,
                             undated: Int(dates.count > 2 ? dates[2] ?? "0" : "0") ?? 0,
                             firstDate: dates.first.flatMap { $0 }.flatMap { Int32($0) }.map { Day(ordinal: $0) },
                             lastDate: (dates.count > 1 ? dates[1] : nil).flatMap { Int32($0) }.map { Day(ordinal: $0) },
                             sources: try ranked("source"), languages: try ranked("lang"))
    }

    // MARK: - StatementExecutor

    /// The time limit last given to the server (0: none).
    private var timeout = 0

    /// The session's Ctrl-C, for the statement about to run.
    private var isCancelled: (@Sendable () -> Bool)?

    public func prepare(_ settings: Settings, isCancelled: (@Sendable () -> Bool)?) throws {
        self.isCancelled = isCancelled
        let wanted = settings.timeoutMilliseconds ?? 0
        guard wanted != timeout else { return }
        try db.query("SELECT set_config('statement_timeout', $1::text, false)", [String(wanted)])
        timeout = wanted
    }

    func query(_ s: SQLStatement) throws -> [[String?]] {
        try db.query(s.sql, s.params, isCancelled: isCancelled)
    }

    /// Runs `body`, turning the server's time-limit error into warta's own message.
    func limited<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as PostgresError where e.message.contains("statement timeout") {
            throw Diagnostic(.error, "statement stopped after its time limit of \(timeout) ms (.timeout or --timeout sets it)")
        } catch let e as PostgresError where e.message.contains("due to user request") {
            throw Diagnostic(.error, "statement cancelled")
        }
    }

    public func count(_ q: CheckedQuery, sets: [String: [Int]]) throws -> QueryResult {
        try limited { try countOrGroups(q, sets: sets) }
    }

    func countOrGroups(_ q: CheckedQuery, sets: [String: [Int]]) throws -> QueryResult {
        if q.groupBy.isEmpty { return .count(try total(try countPlan(q, sets: sets))) }
        return try groupedCounts([("count", q)], shared: q, isComparison: false, sets: sets)
    }

    public func rows(_ q: CheckedQuery, sets: [String: [Int]], settings: Settings) throws -> QueryResult {
        try limited { try page(q, sets: sets, settings: settings) }
    }

    func page(_ q: CheckedQuery, sets: [String: [Int]], settings: Settings) throws -> QueryResult {
        if settings.kwicLines { throw unsupported("keyword-in-context lines (.format kwic)") }
        let plan = try rowsPlan(q, sets: sets, settings: settings)
        let matched = try total(plan.count)
        var rows: [[Value]] = [], ids: [String] = []
        for r in try query(plan.page) {
            ids.append(r[0] ?? "")
            rows.append(zip(q.columns, r.dropFirst()).map { PostgresExecutor.value($0.0, $0.1) })
        }
        if let column = q.columns.firstIndex(of: .snippet) {
            let made = try snippets(q, ids: ids)
            for i in rows.indices { rows[i][column] = made[ids[i]] ?? .null }
        }
        let available = max(0, matched - q.offset)
        let wanted = q.limit.map { min($0, available) } ?? available
        return .rows(RowSet(unit: q.unit, unitKind: q.unitKind, columns: q.columns.map(\.name), ids: ids, rows: rows,
                            matched: matched, leftOutByRowLimit: max(0, wanted - rows.count)))
    }

    /// The snippets of the page's articles, made as the native engine makes
    /// them: from an index of just these articles. A match depends only on its
    /// own article for words, phrases, prefixes and `near`; a root (`stem`)
    /// depends on the whole corpus's stemmer, so it is refused here.
    func snippets(_ q: CheckedQuery, ids: [String]) throws -> [String: Value] {
        if SQLCompiler.hasStem(q.condition) { throw unsupported("snippets of a 'stem' search") }
        guard !ids.isEmpty else { return [:] }
        // Every field, so that the condition keeps these articles in the small index too.
        let articles = try PostgresLoader.fetchArticles(db, ids: ids)
        var local = q
        local.setName = nil
        local.scope = nil
        local.sample = nil
        local.order = []
        local.limit = nil
        local.offset = 0
        local.columns = [.snippet]
        guard case .rows(let r) = try NativeExecutor(corpus: Corpus(name: "page", articles: articles)).rows(local, sets: [:], settings: Settings()) else {
            return [:]
        }
        var out: [String: Value] = [:]
        for (id, row) in zip(r.ids, r.rows) { out[id] = row[0] }
        return out
    }

    public func documents(_ q: CheckedQuery, sets: [String: [Int]]) throws -> [Int] {
        try limited { try matching(q, sets: sets) }
    }

    func matching(_ q: CheckedQuery, sets: [String: [Int]]) throws -> [Int] {
        var compiler = SQLCompiler(catalog: catalog)
        let w = try whereClause(q, sets: sets, &compiler)
        let sql = tables.map { "(SELECT ordinal FROM \($0) WHERE \(w))" }.joined(separator: " UNION ALL ")
        return try query(SQLStatement(sql: sql, params: compiler.params.values)).compactMap { $0[0].flatMap { Int($0) } }.sorted()
    }

    public func explain(_ statement: CheckedStatement, sets: [String: [Int]]) throws -> String {
        var statements: [(String, SQLStatement)] = []
        switch statement {
        case .count(let q):
            let plan = try countPlan(q, sets: sets)
            if q.groupBy.isEmpty {
                statements.append(("count", plan))
            } else {
                statements += [("groups", try groupStatement(q, q.groupBy, sets: sets)),
                               ("totals", try groupStatement(q.totals(of: q.unitKind), q.groupBy, sets: sets))]
            }
        case .rows(let q):
            let plan = try rowsPlan(q, sets: sets, settings: Settings())
            statements += [("matches", plan.count), ("page", plan.page)]
        case .let(_, .rows(let q)):
            let plan = try countPlan(q, sets: sets)
            statements.append(("set", plan))
        case .compare(let c):
            for (label, q) in c.series {
                var scoped = q
                scoped.scope = c.shared.scope
                statements.append(("series \(label)", try groupStatement(scoped, c.shared.groupBy, sets: sets)))
            }
            statements.append(("totals", try groupStatement(c.shared.totals(of: .articles), c.shared.groupBy, sets: sets)))
        case .spread:
            throw unsupported("spread (the first date each outlet carried a match)")
        default:
            return "runs on the client: named sets and commands"
        }
        var out = ["PostgreSQL: \(corpusName)" + (isSharded ? " (coordinator of \(tables.count) shards: \(shardLocations.joined(separator: ", ")))" : " (single node)")]
        for (name, s) in statements {
            out.append("\(name) SQL: \(s.sql)")
            if !s.params.isEmpty {
                out.append("  parameters: " + s.params.enumerated().map { "$\($0.offset + 1) = \($0.element ?? "NULL")" }.joined(separator: ", "))
            }
            out += try plan(of: s).map { "  " + $0 }
        }
        return out.joined(separator: "\n")
    }

    // MARK: - Plans

    /// One SQL statement and its bound values.
    struct SQLStatement {
        var sql: String
        var params: [String?]
    }

    /// The condition of a query as a WHERE clause (its named set included).
    func whereClause(_ q: CheckedQuery, sets: [String: [Int]], _ compiler: inout SQLCompiler) throws -> String {
        guard q.unitKind == .articles else {
            throw unsupported("\(q.unitKind.rawValue) (only articles run on PostgreSQL)")
        }
        if q.sample != nil { throw unsupported("sample") }
        var w = try compiler.condition(q.condition)
        if let scope = q.scope, scope.condition != .all { w = "(\(w) AND \(try compiler.condition(scope.condition)))" }
        for set in [q.setName, q.scope?.setName].compactMap({ $0 }) {
            let ordinals = "{" + (sets[set] ?? []).map(String.init).joined(separator: ",") + "}"
            w = "(ordinal = ANY(" + compiler.params.bind(ordinals, "bigint[]") + ") AND \(w))"
        }
        return w
    }

    /// `count(*)` on every shard, summed.
    func countPlan(_ q: CheckedQuery, sets: [String: [Int]]) throws -> SQLStatement {
        var compiler = SQLCompiler(catalog: catalog)
        let w = try whereClause(q, sets: sets, &compiler)
        return SQLStatement(sql: countSQL(w), params: compiler.params.values)
    }

    func countSQL(_ w: String) -> String {
        if tables.count == 1 { return "SELECT count(*) FROM \(tables[0]) WHERE \(w)" }
        let arms = tables.map { "(SELECT count(*) AS n FROM \($0) WHERE \(w))" }
        return "SELECT coalesce(sum(n), 0)::bigint FROM (" + arms.joined(separator: " UNION ALL ") + ") AS shards"
    }

    func total(_ s: SQLStatement) throws -> Int {
        Int(try query(s).first?.first.flatMap { $0 } ?? "0") ?? 0
    }

    /// The count of matches and the page of rows (each shard's top-k merged).
    func rowsPlan(_ q: CheckedQuery, sets: [String: [Int]], settings: Settings) throws -> (count: SQLStatement, page: SQLStatement) {
        var compiler = SQLCompiler(catalog: catalog)
        let w = try whereClause(q, sets: sets, &compiler)
        let count = SQLStatement(sql: countSQL(w), params: compiler.params.values)
        let needScores = q.ranked && (q.order.isEmpty || q.order.contains { $0.column == .score } || q.columns.contains(.score))
        var score = "NULL::float8"
        if needScores {
            score = try compiler.score(q.condition) { field, query in
                var c = SQLCompiler(catalog: catalog)
                let bound = c.params.bind(query, "tsquery")
                return try total(SQLStatement(sql: countSQL("(\(field.name)_tsv @@ \(bound))"), params: c.params.values))
            }
        }
        var select = ["id"]
        for c in q.columns { select.append(try PostgresExecutor.expression(c, score: score, &compiler)) }
        var keys: [(sql: String, descending: Bool)] = []
        for k in q.order {
            keys.append((try PostgresExecutor.sortExpression(k.column, &compiler), k.descending))
        }
        if needScores { keys.append(("score", true)) }
        keys.append((compiler.params.jsonField("keys", "=id"), false))
        var page = q.limit ?? Int.max
        if let cap = settings.maxRows { page = min(page, max(0, cap)) }
        let perShard = page == Int.max ? nil : q.offset + page
        let columns = select.enumerated().map { "\($0.element) AS c\($0.offset)" }
            + keys.enumerated().map { "\($0.element.sql == "score" ? score : $0.element.sql) AS k\($0.offset)" }
        let order = keys.indices.map { "k\($0) \(keys[$0].descending ? "DESC" : "ASC") NULLS LAST" }.joined(separator: ", ")
        let outer = (0..<select.count).map { "c\($0)" }.joined(separator: ", ")
        var sql: String
        if tables.count == 1 {
            sql = "SELECT \(outer) FROM (SELECT \(columns.joined(separator: ", ")) FROM \(tables[0]) WHERE \(w)) AS a ORDER BY \(order)"
        } else {
            let arms = tables.map { t in
                "(SELECT \(columns.joined(separator: ", ")) FROM \(t) WHERE \(w) ORDER BY \(order)"
                    + (perShard.map { " LIMIT \($0)" } ?? "") + ")"
            }
            sql = "SELECT \(outer) FROM (" + arms.joined(separator: " UNION ALL ") + ") AS shards ORDER BY \(order)"
        }
        if page != Int.max { sql += " LIMIT " + compiler.params.bind(String(page), "bigint") }
        if q.offset > 0 { sql += " OFFSET " + compiler.params.bind(String(q.offset), "bigint") }
        return (count, SQLStatement(sql: sql, params: compiler.params.values))
    }

    /// A shown column as SQL.
    static func expression(_ c: Column, score: String, _ compiler: inout SQLCompiler) throws -> String {
        switch c {
        case .id, .title, .text, .raw, .source, .url, .lang, .date, .dates: return c.name
        case .words: return "text_len"
        case .score: return score
        case .matched: return "NULL"
        case .metadata(let name): return "(fields ->> " + compiler.params.bind(name, "text") + ")"
        case .snippet: return "NULL"  // made on the client for the page: see snippets(_:ids:)
        case .kwic: throw unsupported("keyword-in-context lines (show kwic)")
        default: throw unsupported("the column '\(c.name)'")
        }
    }

    /// A sort key as SQL: strings by their folded form, as the native engine compares them.
    static func sortExpression(_ c: Column, _ compiler: inout SQLCompiler) throws -> String {
        switch c {
        case .id, .title, .source, .url, .lang, .metadata:
            return compiler.params.jsonField("keys", compiler.stringKey(c) ?? "")
        case .date: return "date"
        case .words: return "text_len"
        case .score: return "score"
        default: throw unsupported("ordering by '\(c.name)'")
        }
    }

    /// A row's value from its text form.
    static func value(_ c: Column, _ text: String?) -> Value {
        switch c {
        case .matched: return .strings([])
        case .dates: return .dates(parseIntArray(text).map { Day(ordinal: Int32($0)) })
        default: break
        }
        guard let text else { return .null }
        switch c {
        case .date: return Int32(text).map { .date(Day(ordinal: $0)) } ?? .null
        case .words: return Int(text).map(Value.integer) ?? .null
        case .score: return Double(text).map(Value.number) ?? .null
        default: return .string(text)
        }
    }

    // MARK: - Explain

    /// The plan PostgreSQL runs: on shards, the SQL each shard runs and its time.
    func plan(of s: SQLStatement) throws -> [String] {
        let lines = try db.query("EXPLAIN (ANALYZE, VERBOSE, COSTS OFF) " + s.sql, s.params).compactMap { $0[0] }
        var out: [String] = []
        var shard = -1
        for line in lines {
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.contains("Foreign Scan") {
                shard += 1
                let time = t.range(of: "actual time=").map { String(t[$0.upperBound...].prefix { $0 != " " }) } ?? "?"
                let ms = time.split(separator: "..").last.map(String.init) ?? time
                out.append("shard \(shard + 1)" + (shard < shardLocations.count ? " (\(shardLocations[shard]))" : "") + ": \(ms) ms")
            } else if t.hasPrefix("Remote SQL:") {
                out.append("  " + t)
            } else if !isSharded && (t.contains("Index Scan") || t.contains("Seq Scan") || t.contains("Sort Method")) {
                out.append(t)
            } else if t.hasPrefix("Execution Time:") {
                out.append(t)
            }
        }
        return out
    }
}
