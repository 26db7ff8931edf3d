import Warta

/// What the SQL compiler needs to know of the corpus's words, read from the
/// corpus-wide tables: prefix expansions, word forms of a root, document
/// frequencies, and the sizes BM25 reads. Answers are kept for the life of the
/// connection (a load through another connection is seen on the next open).
final class TermCatalog {
    let db: PostgresConnection
    /// Articles, and words in all titles and all bodies.
    let articles: Int
    let titleWords: Int
    let textWords: Int
    let metadataFields: [String]
    private var dfCache: [String: (title: Int, text: Int)] = [:]
    private var stemmer: Stemmer?

    init(_ db: PostgresConnection) throws {
        self.db = db
        guard let row = try db.query("SELECT articles, title_words, text_words, metadata FROM warta_corpus").first else {
            throw PostgresError("\(db.redactedURL) holds no warta corpus (load one with: warta load PATH --into URL)")
        }
        articles = Int(row[0] ?? "0") ?? 0
        titleWords = Int(row[1] ?? "0") ?? 0
        textWords = Int(row[2] ?? "0") ?? 0
        metadataFields = PostgresArray.strings(row[3])
    }

    /// BM25's average field length, as the native index computes it (at least 1).
    func averageLength(_ field: IndexedField) -> Double {
        guard articles > 0 else { return 1 }
        return max(1, Double(field == .title ? titleWords : textWords) / Double(articles))
    }

    /// Every corpus word starting with `prefix`, ascending (as the native index expands `kunjung*`).
    func terms(withPrefix prefix: String) throws -> [String] {
        try db.query("SELECT term FROM warta_terms WHERE starts_with(term, $1::text)", [prefix])
            .compactMap { $0[0] }.filter { $0.hasPrefix(prefix) }.sorted()
    }

    /// Every corpus word with the same root as `word` (`Corpus.wordForms(sameStemAs:)`).
    func wordForms(sameStemAs word: String) throws -> [String] {
        let folded = Normalizer.fold(word)
        var roots: Set<String> = []
        if let stem = try db.scalar("SELECT stem FROM warta_terms WHERE term = $1::text", [folded]) {
            roots.insert(stem)
        } else {
            // A word the corpus lacks is stemmed by the corpus's own rules and roots.
            roots.insert(folded)
            roots.insert(try corpusStemmer().stem(folded))
        }
        return try db.query("SELECT term FROM warta_terms WHERE stem = ANY($1::text[])", [arrayLiteral(roots.sorted())])
            .compactMap { $0[0] }.sorted()
    }

    /// Reads the document frequencies of `terms` in one query (a prefix may have thousands).
    func prefetchFrequencies(_ terms: [String]) throws {
        let missing = terms.filter { dfCache[$0] == nil }
        guard missing.count > 1 else { return }
        for term in missing { dfCache[term] = (0, 0) }
        for r in try db.query("SELECT term, title_df, text_df FROM warta_terms WHERE term = ANY($1::text[])", [arrayLiteral(missing)]) {
            dfCache[r[0] ?? ""] = (Int(r[1] ?? "0") ?? 0, Int(r[2] ?? "0") ?? 0)
        }
    }

    /// Articles whose `field` holds `term`.
    func documentFrequency(_ term: String, _ field: IndexedField) throws -> Int {
        if let known = dfCache[term] { return field == .title ? known.title : known.text }
        let row = try db.query("SELECT title_df, text_df FROM warta_terms WHERE term = $1::text", [term]).first
        let df = (Int(row?[0] ?? "0") ?? 0, Int(row?[1] ?? "0") ?? 0)
        dfCache[term] = df
        return field == .title ? df.0 : df.1
    }

    /// The stemmer the native engine would build: the same rules over the same word counts.
    private func corpusStemmer() throws -> Stemmer {
        if let stemmer { return stemmer }
        let rows = try db.query("SELECT term, total, capitalized FROM warta_terms")
        let made = Stemmer(vocabulary: Vocabulary(words: rows.map { $0[0] ?? "" }, totals: rows.map { Int($0[1] ?? "0") ?? 0 },
                                                  capitalized: rows.map { Int($0[2] ?? "0") ?? 0 }))
        stemmer = made
        return made
    }
}

/// PostgreSQL's text form of arrays, read back.
enum PostgresArray {
    /// `{a,"b c",NULL}` → ["a", "b c"] (NULLs dropped).
    static func strings(_ text: String?) -> [String] {
        guard let text, text.count >= 2 else { return [] }
        var out: [String] = []
        var current = "", quoted = false, escaped = false, wasQuoted = false
        for ch in text.dropFirst().dropLast() {
            if escaped { current.append(ch); escaped = false; continue }
            switch ch {
            case "\\" where quoted: escaped = true
            case "\"": quoted.toggle(); wasQuoted = true
            case "," where !quoted:
                if wasQuoted || current != "NULL" { out.append(current) }
                current = ""; wasQuoted = false
            default: current.append(ch)
            }
        }
        if !text.dropFirst().dropLast().isEmpty, wasQuoted || current != "NULL" { out.append(current) }
        return out
    }
}
