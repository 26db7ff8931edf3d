/// Rows computed over articles: a frequency list of terms, the entities.
struct AggregateTable {
    var rows: [[Column: Value]] = []
    var ids: [String] = []
}

extension Evaluator {
    /// Whether a condition holds for a row whose columns `read` gives.
    static func holds(_ c: Condition, _ read: (Column) -> Value) -> Bool {
        switch c {
        case .all: return true
        case .and(let ps): return ps.allSatisfy { holds($0, read) }
        case .or(let ps): return ps.contains { holds($0, read) }
        case .not(let inner): return !holds(inner, read)
        default: return valueCheck(c)(read)
        }
    }

    /// Articles a frequency list or an entity count runs over (nil: all).
    private func scope(_ q: CheckedQuery) -> [Bool]? {
        if case .all = q.condition, q.setName == nil { return nil }
        var inScope = [Bool](repeating: false, count: corpus.articles.count)
        for d in matchingDocuments(q.condition, within: q.setName) { inScope[d] = true }
        return inScope
    }

    /// `terms`: every word of the articles in scope with its count and
    /// document frequency, stop words left out unless asked for, most
    /// frequent first.
    func termRows(_ q: CheckedQuery) -> AggregateTable {
        let inScope = scope(q)
        let index = corpus.index
        var table = AggregateTable()
        for (id, term) in index.termsByID.enumerated() {
            if stop.shouldStop() { break }
            if !q.includeStopwords && StopWords.contains(term) { continue }
            var count = 0, articles = 0
            let title = index.postings[IndexedField.title.rawValue][id], text = index.postings[IndexedField.text.rawValue][id]
            // Merge the two fields' documents: an article counts once.
            var i = 0, j = 0
            while i < title.docs.count || j < text.docs.count {
                let a = i < title.docs.count ? title.docs[i] : UInt32.max
                let b = j < text.docs.count ? text.docs[j] : UInt32.max
                let d = min(a, b)
                var n = 0
                if a == d { n += Int(title.freqs[i]); i += 1 }
                if b == d { n += Int(text.freqs[j]); j += 1 }
                if inScope == nil || inScope![Int(d)] {
                    count += n
                    articles += 1
                }
            }
            if count == 0 { continue }
            let row: [Column: Value] = [.term: .string(term), .stem: .string(corpus.stem(term)), .count: .integer(count), .articles: .integer(articles)]
            if case .all = q.rowFilter {} else if !Evaluator.holds(q.rowFilter, { row[$0] ?? .null }) { continue }
            table.rows.append(row)
            table.ids.append(term)
        }
        sortByCount(&table, key: .count, name: .term)
        return table
    }

    /// `entities`: every entity mentioned in the articles in scope, with how
    /// many articles mention it and how often, most mentioned first.
    func entityRows(_ q: CheckedQuery) -> AggregateTable {
        let inScope = scope(q)
        var articles = [Int](repeating: 0, count: corpus.entityTable.count)
        var mentions = [Int](repeating: 0, count: corpus.entityTable.count)
        for (d, s) in corpus.structures.enumerated() where inScope == nil || inScope![d] {
            if stop.shouldStop() { break }
            var seen = Set<Int32>()
            for o in s.entities {
                mentions[Int(o.entity)] += 1
                if seen.insert(o.entity).inserted { articles[Int(o.entity)] += 1 }
            }
        }
        var table = AggregateTable()
        for (i, e) in corpus.entityTable.enumerated() where mentions[i] > 0 {
            let row: [Column: Value] = [.name: .string(e.name), .type: .string(e.type), .aliases: .strings(e.aliases),
                                        .articles: .integer(articles[i]), .mentions: .integer(mentions[i])]
            if case .all = q.rowFilter {} else if !Evaluator.holds(q.rowFilter, { row[$0] ?? .null }) { continue }
            table.rows.append(row)
            table.ids.append(e.name)
        }
        sortByCount(&table, key: .mentions, name: .name)
        return table
    }

    private func sortByCount(_ table: inout AggregateTable, key: Column, name: Column) {
        let order = table.rows.indices.sorted { a, b in
            let x = table.rows[a], y = table.rows[b]
            if case .integer(let p) = x[key], case .integer(let q) = y[key], p != q { return p > q }
            return x[name]?.text ?? "" < y[name]?.text ?? ""
        }
        table.rows = order.map { table.rows[$0] }
        table.ids = order.map { table.ids[$0] }
    }
}
