import Warta

/// `.info` and `.schema`.
enum Info {
    static func text(_ corpus: Corpus) -> String {
        let s = corpus.summary
        var out = "corpus    \(corpus.name)\(corpus.path.map { " (\($0))" } ?? "")\n"
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
        if !corpus.warnings.isEmpty { out += "warnings  \(corpus.warnings.count) while loading\n" }
        return out
    }

    static func schema(_ corpus: Corpus) -> String {
        var out = "articles: one row per article\n"
        let fields = Schema.articleFields.map { ($0.name, $0.type.rawValue, $0.summary) }
            + corpus.metadataFields.map { ($0, "string", "metadata") }
        let w = fields.map(\.0.count).max() ?? 0
        let tw = fields.map(\.1.count).max() ?? 0
        for (name, type, summary) in fields {
            out += "  " + name.padding(w) + "  " + type.padding(tw) + "  " + summary + "\n"
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
