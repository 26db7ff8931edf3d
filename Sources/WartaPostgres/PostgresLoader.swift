import Foundation
import Warta

/// What a load did.
public struct PostgresLoadReport: Sendable {
    /// Articles written for the first time.
    public var added = 0
    /// Articles whose content changed, written again.
    public var replaced = 0
    /// Articles already there unchanged.
    public var unchanged = 0
    /// Articles in the database that the load did not name (kept).
    public var kept = 0
    /// Problems met while reading the files.
    public var warnings: [LoadWarning] = []
    /// Shards written to (0: a single node).
    public var shards = 0

    /// One line for people: `5 articles: 5 added, 0 replaced, 0 unchanged, 0 kept`.
    public var summary: String {
        let total = added + replaced + unchanged + kept
        return "\(total) articles: \(added) added, \(replaced) replaced, \(unchanged) unchanged, \(kept) kept"
            + (shards > 0 ? " (over \(shards) shards)" : "")
    }
}

/// Loads articles into PostgreSQL with warta's own loading and analysis.
///
/// Loading again replaces the articles whose content changed (a hash of every
/// field) and keeps the rest. The corpus-wide tables (word stems, document
/// frequencies, lengths) are rebuilt from every article the database then
/// holds, since the stemmer learns its roots from the whole corpus.
public enum PostgresLoader {
    /// Rows per INSERT.
    static let batch = 100

    /// Loads `path` (a folder, a `.jsonl` file or one article) into `url`;
    /// with `shards`, `url` is the coordinator and the articles are spread over them.
    public static func load(path: String, into url: String, shards: [String] = []) throws -> PostgresLoadReport {
        let loaded = try CorpusLoader.load(path: path)
        return try load(articles: loaded.articles, warnings: loaded.warnings, into: url, shards: shards)
    }

    /// Loads `articles` (ids unique) into `url`, as ``load(path:into:shards:)``.
    public static func load(articles: [Article], warnings: [LoadWarning] = [], into url: String,
                            shards: [String] = []) throws -> PostgresLoadReport {
        let db = try PostgresConnection(url: url)
        try PostgresSchema.prepare(db)
        for sql in PostgresSchema.corpusTables { try db.query(sql) }
        let coordinator = try PostgresSchema.isCoordinator(db)
        if shards.isEmpty {
            if !coordinator {
                for sql in PostgresSchema.articleTable { try db.query(sql) }
                try PostgresSchema.tune(db)
            }
        } else {
            try Sharding.setUp(coordinator: db, shards: shards)
        }
        var report = PostgresLoadReport(warnings: warnings, shards: try Int(db.scalar("SELECT count(*) FROM warta_shards") ?? "0") ?? 0)

        // What the database holds now.
        var existing: [String: (hash: String, ordinal: Int)] = [:]
        var nextOrdinal = 0
        for row in try db.query("SELECT id, hash, ordinal FROM articles") {
            let ordinal = Int(row[2] ?? "0") ?? 0
            existing[row[0] ?? ""] = (row[1] ?? "", ordinal)
            nextOrdinal = max(nextOrdinal, ordinal + 1)
        }
        var rows: [ArticleRow] = []
        var replacedIDs: [String] = []
        var named = Set<String>()
        for a in articles {
            named.insert(a.id)
            let hash = ArticleRow.hash(a)
            if let old = existing[a.id] {
                if old.hash == hash { report.unchanged += 1; continue }
                replacedIDs.append(a.id)
                rows.append(try ArticleRow(a, ordinal: old.ordinal))
                report.replaced += 1
            } else {
                rows.append(try ArticleRow(a, ordinal: nextOrdinal))
                nextOrdinal += 1
                report.added += 1
            }
        }
        let keptIDs = existing.keys.filter { !named.contains($0) }
        report.kept = keptIDs.count

        // The whole corpus as it will be, for stems, frequencies and lengths.
        var all = articles
        if !keptIDs.isEmpty { all += try fetchArticles(db, ids: keptIDs) }
        let corpus = Corpus(name: "load", articles: all.sorted { (existing[$0.id]?.ordinal ?? Int.max) < (existing[$1.id]?.ordinal ?? Int.max) })

        try db.transaction {
            if !replacedIDs.isEmpty { try db.query("DELETE FROM articles WHERE id = ANY($1::text[])", [arrayLiteral(replacedIDs)]) }
            for start in stride(from: 0, to: rows.count, by: batch) {
                let chunk = rows[start..<min(rows.count, start + batch)]
                var params: [String?] = []
                var tuples: [String] = []
                for r in chunk {
                    var slots: [String] = []
                    for (v, type) in zip(r.values, ArticleRow.types) {
                        params.append(v)
                        slots.append("$\(params.count)::\(type)")
                    }
                    tuples.append("(" + slots.joined(separator: ", ") + ")")
                }
                try db.query("INSERT INTO articles (\(ArticleRow.columns.joined(separator: ", "))) VALUES " + tuples.joined(separator: ", "), params)
            }
            try writeCorpusTables(db, corpus)
        }
        if report.shards > 0 { try Sharding.analyze(coordinator: db) } else { try db.query("ANALYZE articles") }
        return report
    }

    /// Articles back from the table (to rebuild the corpus-wide tables).
    static func fetchArticles(_ db: PostgresConnection, ids: [String]) throws -> [Article] {
        try db.query("SELECT id, title, text, raw, date, dates, source, url, lang, fields::text FROM articles WHERE id = ANY($1::text[])",
                     [arrayLiteral(ids)]).map { r in
            let fields = (try? JSONSerialization.jsonObject(with: Data((r[9] ?? "{}").utf8))) as? [String: String] ?? [:]
            return Article(id: r[0] ?? "", title: r[1] ?? "", text: r[2] ?? "", raw: r[3] ?? "",
                           date: r[4].flatMap { Int32($0) }.map { Day(ordinal: $0) },
                           dates: parseIntArray(r[5]).map { Day(ordinal: Int32($0)) },
                           source: r[6], url: r[7], lang: r[8], fields: fields)
        }
    }

    /// Word stems and counts, document frequencies and field lengths of the whole corpus.
    static func writeCorpusTables(_ db: PostgresConnection, _ corpus: Corpus) throws {
        try db.query("DELETE FROM warta_terms")
        try db.query("DELETE FROM warta_corpus")
        let terms = Array(corpus.index.terms(withPrefix: ""))
        let vocabulary = corpus.stemmer.learnedVocabulary
        for start in stride(from: 0, to: terms.count, by: 2000) {
            let chunk = Array(terms[start..<min(terms.count, start + 2000)])
            let columns: [[String]] = [
                chunk,
                chunk.map { corpus.stemmer.stem($0) },
                chunk.map { String(vocabulary.count(of: $0)) },
                chunk.map { String(vocabulary.capitalizedCount(of: $0)) },
                chunk.map { String(corpus.index.postings(for: $0, in: .title).count) },
                chunk.map { String(corpus.index.postings(for: $0, in: .text).count) },
            ]
            try db.query("""
                INSERT INTO warta_terms (term, stem, total, capitalized, title_df, text_df)
                SELECT * FROM unnest($1::text[], $2::text[], $3::integer[], $4::integer[], $5::integer[], $6::integer[])
                """, columns.map(arrayLiteral))
        }
        var titleWords = 0, textWords = 0
        for a in corpus.articles {
            titleWords += Tokenizer.terms(a.title).count
            textWords += Tokenizer.terms(a.text).count
        }
        try db.query("INSERT INTO warta_corpus VALUES ($1::bigint, $2::bigint, $3::bigint, $4::text[])",
                     [String(corpus.articles.count), String(titleWords), String(textWords), arrayLiteral(corpus.metadataFields)])
    }
}

/// `{"a","b\"c"}`: a PostgreSQL array literal of strings (a bound value, never SQL).
func arrayLiteral(_ items: [String]) -> String {
    "{" + items.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        .joined(separator: ",") + "}"
}

/// `{1,2,3}` → [1, 2, 3].
func parseIntArray(_ text: String?) -> [Int] {
    guard let text else { return [] }
    return text.trimmingCharacters(in: CharacterSet(charactersIn: "{}")).split(separator: ",").compactMap { Int($0) }
}
