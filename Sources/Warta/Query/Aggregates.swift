import Foundation

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
        if case .all = q.condition, q.setName == nil, q.scope == nil { return nil }
        var inScope = [Bool](repeating: false, count: corpus.articles.count)
        for d in matchingDocuments(q) { inScope[d] = true }
        return inScope
    }

    /// `terms`: every word of the articles in scope with its count and
    /// document frequency, stop words left out unless asked for, most
    /// frequent first; with a subset, its keyness against the rest.
    func termRows(_ q: CheckedQuery) -> AggregateTable {
        if let c = q.collocation { return collocateRows(q, c) }
        let inScope = scope(q)
        let index = corpus.index
        var table = AggregateTable()
        // Keyness compares the subset's words with the rest of the corpus.
        var subsetWords = 0
        if let inScope {
            for (d, inside) in inScope.enumerated() where inside {
                for f in IndexedField.allCases { subsetWords += Int(index.fieldLengths[f.rawValue][d]) }
            }
        }
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
            var row: [Column: Value] = [.term: .string(term), .stem: .string(corpus.stems[id]), .count: .integer(count),
                                        .articles: .integer(articles), .score: .null, .keyness: .null]
            if inScope != nil {
                row[.keyness] = .number(Evaluator.logLikelihood(a: count, b: index.termFrequencies[id] - count,
                                                                c: subsetWords, d: index.totalWords - subsetWords))
            }
            if case .all = q.rowFilter {} else if !Evaluator.holds(q.rowFilter, { row[$0] ?? .null }) { continue }
            table.rows.append(row)
            table.ids.append(term)
        }
        sortByCount(&table, key: .count, name: .term)
        return table
    }

    /// Signed log-likelihood (G²) of a word seen `a` times in `c` words of a
    /// subset and `b` times in the `d` words of the rest: positive when the
    /// subset uses it more than the rest does (Rayson & Garside, 2000).
    static func logLikelihood(a: Int, b: Int, c: Int, d: Int) -> Double {
        let a = Double(a), b = Double(max(0, b)), c = Double(c), d = Double(d)
        guard c > 0, d > 0, a + b > 0 else { return 0 }
        let e1 = c * (a + b) / (c + d), e2 = d * (a + b) / (c + d)
        var g2 = 0.0
        if a > 0 { g2 += a * log(a / e1) }
        if b > 0 { g2 += b * log(b / e2) }
        g2 *= 2
        return a / c >= b / d ? g2 : -g2
    }

    /// `terms where collocates "Putin" within 5`: the words within the window
    /// around each occurrence of the node in the articles in scope, with
    /// logDice = 14 + log2(2·f(xy) / (f(x) + f(y))) over corpus frequencies
    /// (Rychlý, 2008): comparable across corpora, highest first.
    func collocateRows(_ q: CheckedQuery, _ c: Collocation) -> AggregateTable {
        let inScope = scope(q)
        let index = corpus.index
        var together = [Int: Int]()
        var nodeCount = 0
        for field in c.node.fields {
            var search = c.node
            search.fields = [field]
            for it in phraseIterators(search) {
                var d = it.next()
                while d != noMoreDocs {
                    if stop.shouldStop() { break }
                    if (inScope == nil || inScope![d]), it.matches() {
                        let words = index.forward(field, d)
                        let base = words.startIndex
                        for span in it.spans() {
                            nodeCount += 1
                            let lo = max(0, span.lowerBound - c.window), hi = min(words.count, span.upperBound + c.window)
                            for p in lo..<hi where p < span.lowerBound || p >= span.upperBound {
                                together[Int(words[base + p]), default: 0] += 1
                            }
                        }
                    }
                    d = it.next()
                }
            }
        }
        var table = AggregateTable()
        for (id, f) in together {
            let term = index.termsByID[id]
            if !q.includeStopwords && StopWords.contains(term) { continue }
            let logDice = 14 + log2(2 * Double(f) / Double(nodeCount + index.termFrequencies[id]))
            let row: [Column: Value] = [.term: .string(term), .stem: .string(corpus.stems[id]), .count: .integer(f),
                                        .articles: .null, .score: .number(logDice), .keyness: .null]
            if case .all = q.rowFilter {} else if !Evaluator.holds(q.rowFilter, { row[$0] ?? .null }) { continue }
            table.rows.append(row)
            table.ids.append(term)
        }
        sortByCount(&table, key: .score, name: .term)
        return table
    }

    /// `entities`: every entity mentioned in the articles in scope, with how
    /// many articles mention it and how often, most mentioned first.
    func entityRows(_ q: CheckedQuery) -> AggregateTable {
        let inScope = scope(q)
        var articles = [Int](repeating: 0, count: corpus.entityTable.count)
        var mentions = [Int](repeating: 0, count: corpus.entityTable.count)
        // From the entity postings (one position per mention, title and text),
        // not from the articles: no text is spelled to count mentions.
        let fields = IndexedField.allCases.map { corpus.entityPostings[$0.rawValue].records }
        for e in articles.indices {
            if stop.shouldStop() { break }
            // Not through PostingTable: a walk over every entity keeps none of their lists.
            let lists = fields.map { $0.lazyPostings(e) }
            var cursors = [Int](repeating: 0, count: lists.count)
            while true {
                var doc = UInt32.max
                for (k, l) in lists.enumerated() where cursors[k] < l.count { doc = min(doc, l.docs[cursors[k]]) }
                if doc == UInt32.max { break }
                let counted = inScope == nil || inScope![Int(doc)]
                if counted { articles[e] += 1 }
                for (k, l) in lists.enumerated() where cursors[k] < l.count && l.docs[cursors[k]] == doc {
                    if counted { mentions[e] += Int(l.freqs[cursors[k]]) }
                    cursors[k] += 1
                }
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
            if case .number(let p) = x[key], case .number(let q) = y[key], p != q { return p > q }
            return x[name]?.text ?? "" < y[name]?.text ?? ""
        }
        table.rows = order.map { table.rows[$0] }
        table.ids = order.map { table.ids[$0] }
    }
}
