/// The rows a query yields before sorting and projection, whatever the unit:
/// a way to read any column of row `i`, its id, and its natural order.
struct RowSource {
    var count: Int
    var value: (Column, Int) -> Value
    var id: (Int) -> String
    /// The order when the statement names none.
    var naturalLess: (Int, Int) -> Bool
    /// The article of row `i` and the words of its body the row covers
    /// (nil for rows that are not text: terms, entities).
    var location: ((Int) -> (doc: Int, tokens: Range<Int>))?
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
                id: { corpus.articleID(docs[$0]) },
                naturalLess: withScores
                    ? { a, b in scores[a] != scores[b] ? scores[a] > scores[b] : idRank[docs[a]] < idRank[docs[b]] }
                    : { a, b in idRank[docs[a]] < idRank[docs[b]] },
                location: { i in (docs[i], 0..<Int(corpus.index.fieldLengths[IndexedField.text.rawValue][docs[i]])) })
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
                },
                location: { i in
                    let t = corpus.structures[rows[i].doc].spans(of: unit)[rows[i].index].tokens
                    return (rows[i].doc, Int(t.lowerBound)..<Int(t.upperBound))
                })
        case .terms, .entities, .stories:
            let table = q.unitKind == .terms ? termRows(q) : (q.unitKind == .entities ? entityRows(q) : storyRows(q))
            return RowSource(count: table.rows.count, value: { c, i in table.rows[i][c] ?? .null },
                             id: { table.ids[$0] }, naturalLess: { $0 < $1 }, location: nil)
        }
    }

    /// Paragraphs, sentences or quotes matching `q`, in document order.
    func unitRows(_ q: CheckedQuery) -> [(doc: Int, index: Int)] {
        let docs = matchingDocuments(q)
        let matcher = UnitMatcher(evaluator: self, unit: q.unitKind)
        var out: [(doc: Int, index: Int)] = []
        for d in docs {
            if stop.shouldStop() { break }
            let spans = corpus.structures[d].spans(of: q.unitKind)
            for k in spans.indices where matcher.matches(q.condition, doc: d, index: k) {
                out.append((d, k))
            }
        }
        return out
    }

    // MARK: - Rows, counts, groups

    func rows(_ q: CheckedQuery, settings: Settings = Settings()) -> QueryResult {
        if let top = topRows(q, settings) { return top }
        let needScores = q.unitKind == .articles && q.ranked
            && (q.order.isEmpty || q.order.contains { $0.column == .score } || q.columns.contains(.score))
        let source = rowSource(q, withScores: needScores)
        let wantsKWIC = q.columns.contains(.kwic) || q.order.contains { $0.column == .left || $0.column == .right }
            || (settings.kwicLines && source.location != nil)
        let rowOrder = q.order.filter { $0.column != .left && $0.column != .right }
        var order = q.sample.map { Evaluator.sampled($0, source) } ?? Array(0..<source.count)
        if rowOrder.isEmpty {
            order.sort(by: source.naturalLess)
        } else {
            // Each key's values are read once, not in every comparison.
            var keyValues: [[Value]] = rowOrder.map { _ in Array(repeating: .null, count: source.count) }
            for (k, key) in rowOrder.enumerated() { for i in order { keyValues[k][i] = source.value(key.column, i) } }
            order.sort { a, b in
                for (k, key) in rowOrder.enumerated() {
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
        if wantsKWIC, let location = source.location {
            return kwic(q, source, order, location, settings)
        }
        let start = min(q.offset, order.count)
        var end = q.limit.map { min(order.count, start + $0) } ?? order.count
        var leftOut = 0
        if let cap = settings.maxRows, end - start > cap {
            leftOut = end - start - cap
            end = start + cap
        }
        let shown = Array(order[start..<end])
        var snippets: [Int: Value] = [:]
        if q.columns.contains(.snippet), let location = source.location {
            snippets = self.snippets(q, shown, location)
        }
        var rows: [[Value]] = []
        var ids: [String] = []
        rows.reserveCapacity(shown.count)
        for i in shown {
            ids.append(source.id(i))
            rows.append(q.columns.map { $0 == .snippet ? snippets[i] ?? .null : source.value($0, i) })
        }
        return .rows(RowSet(unit: q.unit, unitKind: q.unitKind, columns: q.columns.map(\.name), rows: rows, ids: ids,
                            matched: source.count, leftOutByRowLimit: leftOut))
    }

    /// A ranked page of articles (`… limit 10`, ordered by score): only the
    /// documents that can reach the page are scored.
    private func topRows(_ q: CheckedQuery, _ settings: Settings) -> QueryResult? {
        guard q.unitKind == .articles, q.ranked, q.sample == nil, let limit = q.limit, q.order.isEmpty || q.order == [SortKey(column: .score, descending: true)],
              !q.columns.contains(.kwic), !settings.kwicLines else { return nil }
        let matches = matchingSet(q)
        let matched = matches.count
        var k = q.offset + limit
        if let cap = settings.maxRows { k = min(k, q.offset + cap) }
        let (best, _) = topDocuments(matches, for: q.condition, k: k)
        let page = Array(best.dropFirst(q.offset))
        var snippets: [Int: Value] = [:]
        if q.columns.contains(.snippet) {
            snippets = self.snippets(q, page.indices.map { $0 }) { i in
                (page[i].doc, 0..<Int(self.corpus.index.fieldLengths[IndexedField.text.rawValue][page[i].doc]))
            }
        }
        let rows = page.enumerated().map { (i, hit) in
            q.columns.map { c -> Value in
                c == .snippet ? snippets[i] ?? .null : Projection.value(c, corpus, hit.doc, score: hit.score, matchedFor: q.condition)
            }
        }
        let wanted = min(limit, max(0, matched - q.offset))
        return .rows(RowSet(unit: q.unit, unitKind: q.unitKind, columns: q.columns.map(\.name), rows: rows,
                            ids: page.map { corpus.articleID($0.doc) }, matched: matched,
                            leftOutByRowLimit: max(0, wanted - page.count)))
    }

    /// The best passage of each row, matches marked.
    private func snippets(_ q: CheckedQuery, _ rows: [Int], _ location: (Int) -> (doc: Int, tokens: Range<Int>)) -> [Int: Value] {
        var finder = HitFinder(evaluator: self, condition: q.condition)
        var out: [Int: Value] = [:]
        var tokenized: (doc: Int, text: TokenizedText)?
        for i in rows.sorted(by: { location($0).doc < location($1).doc }) {
            let (doc, span) = location(i)
            if tokenized?.doc != doc { tokenized = (doc, TokenizedText(corpus.articles[doc].text)) }
            let hits = finder.hits(in: doc)
            var within = span
            if q.unitKind == .articles {
                // An article's snippet stays in one paragraph: the one with the most hits.
                let paragraphs = corpus.structures[doc].paragraphs.map { Int($0.tokens.lowerBound)..<Int($0.tokens.upperBound) }
                if let best = paragraphs.max(by: { a, b in
                    hits.filter { a.contains($0.lowerBound) }.count < hits.filter { b.contains($0.lowerBound) }.count
                }), !hits.isEmpty {
                    within = best
                } else if let first = paragraphs.first {
                    within = first
                }
            }
            out[i] = .marked(Passages.snippet(corpus.articles[doc].text, tokens: tokenized!.text, hits: hits, within: within))
        }
        return out
    }

    /// One line per hit, in row order or sorted by their context.
    private func kwic(_ q: CheckedQuery, _ source: RowSource, _ order: [Int],
                      _ location: (Int) -> (doc: Int, tokens: Range<Int>), _ settings: Settings) -> QueryResult {
        let contextSort = q.order.first { $0.column == .left || $0.column == .right }
        // Without a context sort, lines past the limit are never needed.
        let needed = contextSort == nil ? q.limit.map { q.offset + $0 } : nil
        var finder = HitFinder(evaluator: self, condition: q.condition)
        var perRow: [Int: [KWICLine]] = [:]
        var total = 0
        // Hits come from iterators that only move forward: visit rows by article.
        let byDoc = (needed == nil ? order : Array(order.prefix(needed!))).sorted { location($0).doc < location($1).doc }
        var tokenized: (doc: Int, text: TokenizedText)?
        var hitsCache: (doc: Int, hits: [Range<Int>])?
        for i in byDoc {
            if stop.shouldStop() { break }
            let (doc, span) = location(i)
            if tokenized?.doc != doc { tokenized = (doc, TokenizedText(corpus.articles[doc].text)) }
            if hitsCache?.doc != doc { hitsCache = (doc, finder.hits(in: doc)) }
            let text = corpus.articles[doc].text
            let lines = hitsCache!.hits.filter { $0.lowerBound >= span.lowerBound && $0.upperBound <= span.upperBound }.map {
                Passages.kwic(text, tokens: tokenized!.text, hit: $0, within: span, left: settings.leftContext,
                              right: settings.rightContext, id: source.id(i))
            }
            perRow[i] = lines
        }
        var lines: [KWICLine] = []
        for i in order { lines += perRow[i] ?? [] }
        total = lines.count
        if let sort = contextSort {
            // By the words nearest the match: the left context read backwards.
            func key(_ l: KWICLine) -> [String] {
                let words = Tokenizer.terms(sort.column == .left ? l.left : l.right)
                return sort.column == .left ? words.reversed() : words
            }
            let keys = lines.map(key)
            let idx = lines.indices.sorted { a, b in
                let x = keys[a], y = keys[b]
                if x == y { return a < b }
                let less = x.lexicographicallyPrecedes(y)
                return sort.descending ? !less : less
            }
            lines = idx.map { lines[$0] }
        }
        let start = min(q.offset, lines.count)
        var end = q.limit.map { min(lines.count, start + $0) } ?? lines.count
        if let cap = settings.maxRows { end = min(end, start + cap) }
        if needed != nil { total = max(total, end) }
        return .kwic(Array(lines[start..<end]), matched: total)
    }

    func count(_ q: CheckedQuery) -> QueryResult {
        if !q.groupBy.isEmpty { return groupedCount(q) }
        // Articles are counted as they are matched: a population count, nothing scored or listed.
        if q.unitKind == .articles && q.sample == nil { return .count(matchingSet(q).count) }
        let source = rowSource(q, withScores: false)
        guard let sample = q.sample else { return .count(source.count) }
        return .count(Evaluator.sampled(sample, source).count)
    }

    /// `sample N seed S per FIELD M`: the rows whose hash of seed and id is
    /// smallest, at most M for each value of FIELD. The hash is FNV-1a then
    /// SplitMix64, fixed here, so the same seed picks the same rows on any
    /// machine, whatever order the corpus was loaded in.
    static func sampled(_ s: Sample, _ source: RowSource) -> [Int] {
        var keyed: [(key: UInt64, row: Int)] = []
        keyed.reserveCapacity(source.count)
        for i in 0..<source.count {
            keyed.append((CopyDetector.mix(FNV1a.hash(source.id(i)) ^ CopyDetector.mix(s.seed)), i))
        }
        keyed.sort { $0.key != $1.key ? $0.key < $1.key : $0.row < $1.row }
        var out: [Int] = []
        var taken: [Value: Int] = [:]
        for (_, i) in keyed where out.count < s.size {
            if let per = s.per {
                var v = source.value(per, i)
                if case .string(let str) = v { v = .string(str.lowercased()) }
                if taken[v, default: 0] >= s.perLimit { continue }
                taken[v, default: 0] += 1
            }
            out.append(i)
        }
        return out
    }
}

/// What a session sets for the statements it runs (the shell's `.context`, `.format kwic`).
public struct Settings: Sendable, Hashable {
    /// Context before a match in keyword-in-context lines.
    public var leftContext = ContextWidth(8, .words)
    /// Context after a match.
    public var rightContext = ContextWidth(8, .words)
    /// Print rows with text matches as keyword-in-context lines (`.format kwic`).
    public var kwicLines = false
    /// Jaccard similarity of two bodies' word 3-grams from which they are
    /// one story (`stories`, `spread`); 0.5 by default.
    public var storyThreshold = StoryDetector.defaultThreshold
    /// Stop a statement that runs longer than this (nil: no limit).
    public var timeoutMilliseconds: Int?
    /// Return at most this many rows; the result says how many were left out (nil: no cap).
    public var maxRows: Int?

    /// The defaults: 8 words of context each side, no KWIC mode, no time limit, no row cap.
    public init() {}
}
