/// `spread …`: who ran it first and who followed. Per outlet, the first
/// date it carried a matching article, in date order.
extension Evaluator {
    /// Whether article `a` comes before `b` in date order: an earlier date
    /// first, an undated article last, the same day by id.
    func publishedEarlier(_ a: Int, _ b: Int) -> Bool {
        let dates = corpus.dateColumn
        let x = dates[a] == Int32.min ? Int32.max : dates[a], y = dates[b] == Int32.min ? Int32.max : dates[b]
        return x != y ? x < y : corpus.idRank[a] < corpus.idRank[b]
    }

    func spread(_ q: CheckedQuery, settings: Settings = Settings()) -> QueryResult {
        var docs = matchingDocuments(q)
        if q.unitKind == .stories {
            // A story's spread is its articles' spread.
            let table = storyRows(q)
            let stories = corpus.stories(threshold: storyThreshold)
            var all: [Int] = []
            for id in table.ids { if let d = corpus.ordinalByID[id] { all += stories.members[Int(stories.storyOf[d])].map(Int.init) } }
            docs = Array(Set(all)).sorted()
        }
        struct Outlet { var name: Value; var first: Int; var articles: Int }
        var outlets: [Value: Outlet] = [:]
        let dates = corpus.dateColumn
        let earlier = publishedEarlier
        for d in docs {
            let source = corpus.articles[d].source
            let key: Value = source.map { .string($0.lowercased()) } ?? .null
            if var o = outlets[key] {
                o.articles += 1
                if earlier(d, o.first) { o.first = d }
                outlets[key] = o
            } else {
                outlets[key] = Outlet(name: source.map(Value.string) ?? .null, first: d, articles: 1)
            }
        }
        let ordered = outlets.values.sorted { a, b in
            if a.first != b.first { return earlier(a.first, b.first) }
            return a.name.text < b.name.text
        }
        let start = dates.isEmpty ? nil : ordered.first.flatMap { dates[$0.first] == Int32.min ? nil : dates[$0.first] }
        var rows = ordered.map { o -> [Value] in
            let day = dates[o.first]
            let date: Value = day == Int32.min ? .null : .date(Day(ordinal: day))
            let after: Value = (day == Int32.min || start == nil) ? .null : .integer(Int(day - start!))
            return [o.name, date, .string(corpus.articles[o.first].id), .integer(o.articles), after]
        }
        var ids = ordered.map { corpus.articles[$0.first].id }
        let total = rows.count
        let first = min(q.offset, rows.count)
        var end = q.limit.map { min(rows.count, first + $0) } ?? rows.count
        var leftOut = 0
        if let cap = settings.maxRows, end - first > cap { leftOut = end - first - cap; end = first + cap }
        rows = Array(rows[first..<end])
        ids = Array(ids[first..<end])
        return .rows(RowSet(unit: q.unit, unitKind: .articles, columns: ["source", "first_date", "first_id", "articles", "days_after"],
                            rows: rows, ids: ids, matched: total, leftOutByRowLimit: leftOut, noun: "outlet"))
    }
}
