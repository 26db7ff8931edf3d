import Warta
import WartaPostgres

/// `.info` and `.schema`.
enum Info {
    static func text(_ corpus: Corpus) -> String {
        text(name: corpus.name + (corpus.path.map { " (\($0))" } ?? ""), corpus.summary, warnings: corpus.warnings.count)
    }

    /// `.info` of a session: its corpus, or the database its statements run on.
    static func text(_ session: Session) throws -> String {
        guard let db = session.executor as? PostgresExecutor else { return text(session.corpus) }
        return text(name: db.corpusName + (db.isSharded ? " (PostgreSQL, \(db.shardCount) shards)" : " (PostgreSQL)"), try db.summary(), warnings: 0)
    }

    static func text(name: String, _ s: CorpusSummary, warnings: Int) -> String {
        var out = "corpus    \(name)\n"
        out += "articles  \(s.articles)\n"
        out += "words     \(s.words)\n"
        out += "terms     \(s.terms)\n"
        if let first = s.firstDate, let last = s.lastDate {
            out += "dates     \(first) to \(last)\(s.undated > 0 ? " (\(s.undated) undated)" : "")\n"
        } else {
            out += "dates     none found\n"
        }
        let shown = s.sources.prefix(10).map { "\($0.name) \($0.articles)" }.joined(separator: ", ")
        out += "sources   \(s.sources.count)\(shown.isEmpty ? "" : ": " + shown)\(s.sources.count > 10 ? ", …" : "")\n"
        if !s.languages.isEmpty {
            out += "languages \(s.languages.map { "\($0.name) \($0.articles)" }.joined(separator: ", "))\n"
        }
        if warnings > 0 { out += "warnings  \(warnings) while loading\n" }
        return out
    }

    /// What one row of each unit is (reference, section 3).
    static let rows: [Unit: String] = [
        .articles: "one row per article", .paragraphs: "one row per paragraph of an article's cleaned body",
        .sentences: "one row per sentence", .quotes: "one row per direct quotation",
        .entities: "one row per named entity", .terms: "one row per normalized word",
    ]

    /// `.schema [UNIT]`: the units this version answers and their fields.
    static func schema(_ session: Session, unit: String = "") throws -> String {
        let answered = Unit.allCases.filter { (try? session.checked("count \($0.rawValue)")) != nil }
        var shown = answered
        if !unit.isEmpty {
            guard let u = Unit(rawValue: unit.lowercased()) else {
                throw Diagnostic(.error, "unknown unit '\(unit)'; units: \(Schema.units.joined(separator: ", "))")
            }
            guard answered.contains(u) else { return "\(u.rawValue): not answered by this version of warta yet\n" }
            shown = [u]
        }
        var out = ""
        for u in shown {
            out += "\(u.rawValue): \(rows[u] ?? "")\n"
            let fields = Schema.fields(of: u, metadata: session.corpus.metadataFields)
            // A paragraph's or a term's article fields are the article's own: one line says so.
            var listed = fields.filter { if case .article = $0.column { return false }; return true }
                .map { ($0.name, $0.type.rawValue, $0.summary) }
            if listed.count < fields.count {
                listed.append(("article.FIELD", "", "a field of its article: article.date, article.source, …"))
            }
            let w = listed.map(\.0.count).max() ?? 0
            let tw = listed.map(\.1.count).max() ?? 0
            for (name, type, summary) in listed {
                out += "  " + name.padding(w) + "  " + type.padding(tw) + "  " + summary + "\n"
            }
        }
        let missing = Unit.allCases.filter { !answered.contains($0) }.map(\.rawValue)
        if unit.isEmpty && !missing.isEmpty {
            out += "\(missing.joined(separator: ", ")): not answered by this version of warta yet\n"
        }
        out += "group by also takes date.year, date.month, date.week, date.day\n"
        return out
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
