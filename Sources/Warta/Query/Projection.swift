/// Reads a column of a row as a typed value.
enum Projection {
    /// A column of an article.
    static func value(_ c: Column, _ corpus: Corpus, _ d: Int, score: Double?, matchedFor condition: Condition? = nil) -> Value {
        // Columns kept apart from the article record are read without decoding it.
        switch c {
        case .id: return .string(corpus.articleID(d))
        case .words: return .integer(Int(corpus.index.fieldLengths[IndexedField.text.rawValue][d]))
        case .score: return score.map(Value.number) ?? .null
        case .date, .dates, .source, .url, .lang, .metadata:
            // Metadata is read from the article's record alone: its text is not spelled out.
            let m = corpus.articles.metadata(d)
            switch c {
            case .date: return m.date.map(Value.date) ?? .null
            case .dates: return .dates(m.dates)
            case .source: return m.source.map(Value.string) ?? .null
            case .url: return m.url.map(Value.string) ?? .null
            case .lang: return m.lang.map(Value.string) ?? .null
            case .metadata(let name): return m.fields[name].map(Value.string) ?? .null
            default: break
            }
        default: break
        }
        let a = corpus.articles[d]
        switch c {
        case .id: return .string(a.id)
        case .title: return .string(a.title)
        case .text: return .string(a.text)
        case .raw: return .string(a.raw)
        case .date: return a.date.map(Value.date) ?? .null
        case .dates: return .dates(a.dates)
        case .source: return a.source.map(Value.string) ?? .null
        case .url: return a.url.map(Value.string) ?? .null
        case .lang: return a.lang.map(Value.string) ?? .null
        case .words: return .integer(Int(corpus.index.fieldLengths[IndexedField.text.rawValue][d]))
        case .score: return score.map(Value.number) ?? .null
        case .metadata(let name): return a.fields[name].map(Value.string) ?? .null
        case .matched: return .strings(condition.map { matchedAliases($0, corpus, d) } ?? [])
        case .article(let inner): return value(inner, corpus, d, score: nil)
        default: return .null
        }
    }

    /// A column of the `k`-th paragraph, sentence or quote of article `d`.
    static func unitValue(_ c: Column, _ corpus: Corpus, _ d: Int, _ unit: Unit, _ k: Int) -> Value {
        let structure = corpus.structures[d]
        switch c {
        case .id: return .string(unitID(corpus, d, unit, k))
        case .n: return .integer(k + 1)
        case .text:
            let bytes = structure.spans(of: unit)[k].bytes
            let utf8 = Array(corpus.articles[d].text.utf8)
            let lo = max(0, min(Int(bytes.lowerBound), utf8.count)), hi = max(lo, min(Int(bytes.upperBound), utf8.count))
            return .string(String(decoding: utf8[lo..<hi], as: UTF8.self))
        case .copies, .copiesIn:
            guard unit == .paragraphs else { return .null }
            let cluster = corpus.copies.clusterOf[d][k]
            let docs = cluster >= 0 ? corpus.copies.articles[Int(cluster)] : [Int32(d)]
            if c == .copies { return .integer(docs.count) }
            return .strings(docs.filter { Int($0) != d }.map { corpus.articles[Int($0)].id })
        case .speaker:
            guard unit == .quotes else { return .null }
            return structure.quotes[k].speaker.map(Value.string) ?? .null
        case .article(let inner): return value(inner, corpus, d, score: nil)
        default: return .null
        }
    }

    /// `002_886ca11fc7c36e11#s12`: the article and the unit's position.
    static func unitID(_ corpus: Corpus, _ d: Int, _ unit: Unit, _ k: Int) -> String {
        let letter = unit == .paragraphs ? "p" : (unit == .sentences ? "s" : "q")
        return "\(corpus.articles[d].id)#\(letter)\(k + 1)"
    }

    /// Aliases of the entities named by the condition's entity predicates, as found in article `d`.
    static func matchedAliases(_ c: Condition, _ corpus: Corpus, _ d: Int) -> [String] {
        let ids = Set(c.positiveEntitySearches.compactMap { corpus.entityIDs[$0.name] })
        guard !ids.isEmpty else { return [] }
        var seen = Set<String>(), out: [String] = []
        for o in corpus.structures[d].entities where ids.contains(o.entity) && seen.insert(o.alias).inserted {
            out.append(o.alias)
        }
        return out
    }

    /// The column a grouping reads.
    static func groupColumn(_ key: GroupKey) -> Column {
        switch key {
        case .column(let c), .dateBucket(let c, _): return c
        }
    }

    /// The group(s) a value falls in; a list puts its row in several.
    static func groupValues(_ key: GroupKey, _ v: Value) -> [Value] {
        switch key {
        case .column:
            switch v {
            case .dates(let ds): return ds.isEmpty ? [.null] : Array(Set(ds)).sorted().map(Value.date)
            case .strings(let ss): return ss.isEmpty ? [.null] : Array(Set(ss.map { $0.lowercased() })).sorted().map(Value.string)
            case .string(let s): return [.string(s.lowercased())]
            default: return [v]
            }
        case .dateBucket(_, let bucket):
            let days: [Day]
            switch v {
            case .date(let d): days = [d]
            case .dates(let ds): days = ds
            default: days = []
            }
            if days.isEmpty { return [.null] }
            if bucket == "day" { return Array(Set(days)).sorted().map(Value.date) }
            return Array(Set(days.map { bucketLabel($0, bucket) })).sorted().map(Value.string)
        }
    }

    /// A group's value as first written: the raw string (or list item) whose folded form it is.
    static func displayValue(_ group: Value, _ raw: Value) -> Value {
        guard case .string(let g) = group else { return group }
        switch raw {
        case .string(let s) where s.lowercased() == g: return raw
        case .strings(let ss): return ss.first { $0.lowercased() == g }.map(Value.string) ?? group
        default: return group
        }
    }

    /// `2024`, `2024-06`, `2024-W25`, `2024-06-20`.
    static func bucketLabel(_ d: Day, _ bucket: String) -> String {
        switch bucket {
        case "year": return String(d.description.prefix(4))
        case "month": return String(d.description.prefix(7))
        case "week":
            // ISO 8601 week: the week belongs to the year of its Thursday.
            let thursday = Day(ordinal: d.ordinal - Int32(d.weekday) + 4)
            let jan1 = Day(year: thursday.year, month: 1, day: 1)!
            let week = Int(thursday.ordinal - jan1.ordinal) / 7 + 1
            return "\(thursday.year)-W\(week < 10 ? "0" : "")\(week)"
        default: return d.description
        }
    }

    /// -1, 0, 1; values of different kinds order by kind.
    static func compareForSort(_ a: Value, _ b: Value) -> Int {
        func c<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : (x > y ? 1 : 0) }
        switch (a, b) {
        case (.null, .null): return 0
        case (.null, _): return 1
        case (_, .null): return -1
        case (.string(let x), .string(let y)): return c(x.lowercased(), y.lowercased())
        case (.integer(let x), .integer(let y)): return c(x, y)
        case (.number(let x), .number(let y)): return c(x, y)
        case (.date(let x), .date(let y)): return c(x, y)
        default: return c(a.text, b.text)
        }
    }
}
