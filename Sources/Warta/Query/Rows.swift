/// The rows a query yields before sorting and projection, whatever the unit:
/// a way to read any column of row `i`, its id, and its natural order.
struct RowSource {
    var count: Int
    var value: (Column, Int) -> Value
    var id: (Int) -> String
    /// The order when the statement names none.
    var naturalLess: (Int, Int) -> Bool
}

extension Evaluator {
    /// The rows of `q` (articles, units or aggregates), unsorted.
    func rowSource(_ q: CheckedQuery, withScores: Bool) -> RowSource {
        switch q.unitKind {
        case .articles:
            let docs = matchingDocuments(q)
            let scores = withScores ? self.scores(docs, for: q.condition) : []
            let idRank = corpus.idRank
            let corpus = self.corpus
            return RowSource(
                count: docs.count,
                value: { c, i in Projection.value(c, corpus, docs[i], score: withScores ? scores[i] : nil, matchedFor: q.condition) },
                id: { corpus.articles[docs[$0]].id },
                naturalLess: withScores
                    ? { a, b in scores[a] != scores[b] ? scores[a] > scores[b] : idRank[docs[a]] < idRank[docs[b]] }
                    : { a, b in idRank[docs[a]] < idRank[docs[b]] })
        case .paragraphs, .sentences, .quotes:
            let unit = q.unitKind
            let rows = unitRows(q)
            let idRank = corpus.idRank
            let corpus = self.corpus
            return RowSource(
                count: rows.count,
                value: { c, i in Projection.unitValue(c, corpus, rows[i].doc, unit, rows[i].index) },
                id: { Projection.unitID(corpus, rows[$0].doc, unit, rows[$0].index) },
                naturalLess: { a, b in
                    let x = rows[a], y = rows[b]
                    return x.doc != y.doc ? idRank[x.doc] < idRank[y.doc] : x.index < y.index
                })
        case .terms, .entities:
            let table = q.unitKind == .terms ? termRows(q) : entityRows(q)
            return RowSource(count: table.rows.count, value: { c, i in table.rows[i][c] ?? .null },
                             id: { table.ids[$0] }, naturalLess: { $0 < $1 })
        }
    }

    /// Paragraphs, sentences or quotes matching `q`, in document order.
    func unitRows(_ q: CheckedQuery) -> [(doc: Int, index: Int)] {
        let docs = matchingDocuments(q)
        let matcher = UnitMatcher(evaluator: self, unit: q.unitKind)
        var out: [(doc: Int, index: Int)] = []
        for d in docs {
            let spans = corpus.structures[d].spans(of: q.unitKind)
            for k in spans.indices where matcher.matches(q.condition, doc: d, index: k) {
                out.append((d, k))
            }
        }
        return out
    }

    // MARK: - Rows, counts, groups

    func rows(_ q: CheckedQuery) -> RowSet {
        let needScores = q.unitKind == .articles && q.ranked
            && (q.order.isEmpty || q.order.contains { $0.column == .score } || q.columns.contains(.score))
        let source = rowSource(q, withScores: needScores)
        var order = Array(0..<source.count)
        if q.order.isEmpty {
            order.sort(by: source.naturalLess)
        } else {
            // Each key's values are read once, not in every comparison.
            let keyValues: [[Value]] = q.order.map { key in (0..<source.count).map { source.value(key.column, $0) } }
            order.sort { a, b in
                for (k, key) in q.order.enumerated() {
                    let c = Projection.compareForSort(keyValues[k][a], keyValues[k][b])
                    if c != 0 {
                        // Nulls last whichever the direction.
                        if case .null = keyValues[k][a] { return false }
                        if case .null = keyValues[k][b] { return true }
                        return key.descending ? c > 0 : c < 0
                    }
                }
                return source.naturalLess(a, b)
            }
        }
        let start = min(q.offset, order.count)
        let end = q.limit.map { min(order.count, start + $0) } ?? order.count
        var rows: [[Value]] = []
        var ids: [String] = []
        rows.reserveCapacity(end - start)
        for i in order[start..<end] {
            ids.append(source.id(i))
            rows.append(q.columns.map { source.value($0, i) })
        }
        return RowSet(unit: q.unit, unitKind: q.unitKind, columns: q.columns.map(\.name), rows: rows, ids: ids, matched: source.count)
    }

    func count(_ q: CheckedQuery) -> QueryResult {
        let source = rowSource(q, withScores: false)
        guard let key = q.groupBy.first else { return .count(source.count) }
        var counts: [Value: Int] = [:]
        for i in 0..<source.count {
            for v in Projection.groupValues(key, source.value(Projection.groupColumn(key), i)) { counts[v, default: 0] += 1 }
        }
        var groups = counts.map { GroupCount(group: $0.key, count: $0.value) }
        groups.sort { a, b in
            if case .null = a.group { return false }
            if case .null = b.group { return true }
            return Projection.compareForSort(a.group, b.group) < 0
        }
        if let sort = q.order.first {
            if sort.column == .metadata("count") {
                groups = groups.enumerated().sorted { x, y in
                    x.element.count != y.element.count ? (sort.descending ? x.element.count > y.element.count : x.element.count < y.element.count) : x.offset < y.offset
                }.map(\.element)
            } else if sort.descending {
                let nulls = groups.filter { $0.group == .null }
                groups = groups.filter { $0.group != .null }.reversed() + nulls
            }
        }
        let start = min(q.offset, groups.count)
        let end = q.limit.map { min(groups.count, start + $0) } ?? groups.count
        return .groups(GroupedCounts(key: key.name, groups: Array(groups[start..<end]), total: source.count))
    }
}
