/// `stories`: the near-duplicate clusters of `StoryDetector` as rows.
extension Evaluator {
    /// Every story with at least one article matching the query's article
    /// condition, its columns made from all its articles; the row filter
    /// (`articles > 1`) applies to those columns. Most articles first, then
    /// the earliest.
    func storyRows(_ q: CheckedQuery) -> AggregateTable {
        let stories = corpus.stories(threshold: storyThreshold)
        var chosen = Set<Int32>()
        for d in matchingDocuments(q) { chosen.insert(stories.storyOf[d]) }
        let dates = corpus.dateColumn
        let earlier = { (a: Int32, b: Int32) in self.publishedEarlier(Int(a), Int(b)) }
        var table = AggregateTable()
        var sortKeys: [(articles: Int, first: Int32)] = []
        for s in chosen {
            if stop.shouldStop() { break }
            let members = stories.members[Int(s)].sorted(by: earlier)
            let first = members[0]
            var outlets: [String] = [], seen = Set<String>()
            // Sources and ids from the records and the ids section, the title alone spelled:
            // a story's members are never decoded whole.
            for m in members {
                if let src = corpus.articles.metadata(Int(m)).source, seen.insert(src.lowercased()).inserted { outlets.append(src) }
            }
            let days = members.map { dates[Int($0)] }.filter { $0 != Int32.min }
            let article = corpus.articles.metadata(Int(first))
            let title = corpus.index.blocks.spelled(.title, Int(first)).map { String(decoding: $0.bytes, as: UTF8.self) }
                ?? corpus.articles[Int(first)].title
            let row: [Column: Value] = [
                .id: .string(article.id), .title: .string(title),
                .articles: .integer(members.count), .sources: .integer(outlets.count),
                .firstDate: days.min().map { .date(Day(ordinal: $0)) } ?? .null,
                .firstSource: article.source.map(Value.string) ?? .null,
                .lastDate: days.max().map { .date(Day(ordinal: $0)) } ?? .null,
                .members: .strings(members.map { corpus.articleID(Int($0)) }),
                .outlets: .strings(outlets),
            ]
            if case .all = q.rowFilter {} else if !Evaluator.holds(q.rowFilter, { row[$0] ?? .null }) { continue }
            table.rows.append(row)
            table.ids.append(article.id)
            sortKeys.append((members.count, first))
        }
        let order = table.rows.indices.sorted { a, b in
            sortKeys[a].articles != sortKeys[b].articles ? sortKeys[a].articles > sortKeys[b].articles : earlier(sortKeys[a].first, sortKeys[b].first)
        }
        table.rows = order.map { table.rows[$0] }
        table.ids = order.map { table.ids[$0] }
        return table
    }
}
