/// Reads a column of an article as a typed value.
enum Projection {
    static func value(_ c: Column, _ corpus: Corpus, _ d: Int, score: Double?) -> Value {
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
        }
    }

    /// The group(s) an article falls in; a list field puts it in several.
    static func groupValues(_ key: GroupKey, _ corpus: Corpus, _ d: Int) -> [Value] {
        let a = corpus.articles[d]
        switch key {
        case .column(let c):
            if c == .dates { return a.dates.isEmpty ? [.null] : Array(Set(a.dates)).sorted().map(Value.date) }
            let v = value(c, corpus, d, score: nil)
            if case .string(let s) = v, c != .id { return [.string(s.lowercased())] }
            return [v]
        case .dateBucket(let c, let bucket):
            let days: [Day] = c == .dates ? a.dates : (a.date.map { [$0] } ?? [])
            if days.isEmpty { return [.null] }
            return Array(Set(days.map { bucketLabel($0, bucket) })).sorted().map(Value.string)
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
        case (.string(let x), .string(let y)):
            return c(x.lowercased(), y.lowercased())
        case (.integer(let x), .integer(let y)): return c(x, y)
        case (.number(let x), .number(let y)): return c(x, y)
        case (.date(let x), .date(let y)): return c(x, y)
        default: return c(a.text, b.text)
        }
    }
}
