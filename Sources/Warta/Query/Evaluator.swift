import Foundation

/// Runs checked queries over the native index: turns conditions into posting
/// iterators, ranks with BM25, sorts, limits and projects.
///
/// The checked statement knows nothing of posting lists; this is where the
/// native executor turns it into its own work. A database executor would
/// turn the same `CheckedQuery` into SQL.
struct Evaluator {
    let corpus: Corpus
    /// Named sets: ascending ordinals.
    let sets: [String: [Int]]

    /// Above this many expansions a prefix is merged into one posting list
    /// rather than unioned term by term at query time.
    static let prefixUnionLimit = 32

    // MARK: - Matching

    /// Ascending ordinals of the documents matching `q`'s unit and condition.
    func matchingDocuments(_ q: CheckedQuery) -> [Int] {
        var it = iterator(for: q.condition)
        if let set = q.setName {
            it = ConjunctionIterator([ArrayDocIterator(sets[set] ?? []), it])
        }
        var out: [Int] = []
        var d = it.next()
        while d != noMoreDocs {
            if it.matches() { out.append(d) }
            d = it.next()
        }
        return out
    }

    func iterator(for c: Condition) -> DocIterator {
        let n = corpus.articles.count
        switch c {
        case .all:
            return AllDocsIterator(count: n)
        case .and(let parts):
            var positive: [DocIterator] = []
            var negative: [DocIterator] = []
            for p in parts {
                if case .not(let inner) = p { negative.append(iterator(for: inner)) } else { positive.append(iterator(for: p)) }
            }
            var it: DocIterator = positive.isEmpty ? AllDocsIterator(count: n) : (positive.count == 1 ? positive[0] : ConjunctionIterator(positive))
            for e in negative { it = ExclusionIterator(required: it, excluded: e) }
            return it
        case .or(let parts):
            return DisjunctionIterator(parts.map(iterator(for:)))
        case .not(let inner):
            return ExclusionIterator(required: AllDocsIterator(count: n), excluded: iterator(for: inner))
        case .text(let search):
            return textIterator(search)
        default:
            return AllDocsIterator(count: n, check: columnCheck(c))
        }
    }

    private func textIterator(_ s: TextSearch) -> DocIterator {
        var phrases: [PhraseIterator] = []
        for field in s.fields {
            guard let first = slots(s.phrase, field) else { continue }
            if let near = s.near {
                guard let second = slots(near.phrase, field) else { continue }
                phrases.append(PhraseIterator(slots: first + second, near: (first.count, near.distance)))
            } else {
                phrases.append(PhraseIterator(slots: first))
            }
        }
        if phrases.isEmpty { return EmptyIterator() }
        if s.minimumCount > 1 { return MinimumCountIterator(phrases: phrases, minimum: s.minimumCount) }
        return phrases.count == 1 ? phrases[0] : DisjunctionIterator(phrases)
    }

    /// One slot per word; nil when a word occurs nowhere in the field.
    private func slots(_ phrase: [WordPattern], _ field: IndexedField) -> [[PostingIterator]]? {
        var out: [[PostingIterator]] = []
        for w in phrase {
            let lists = postings(w, field)
            if lists.isEmpty { return nil }
            out.append(lists.map(PostingIterator.init))
        }
        return out
    }

    func postings(_ w: WordPattern, _ field: IndexedField) -> [PostingList] {
        switch w {
        case .exact(let t):
            let l = corpus.index.postings(for: t, in: field)
            return l.count == 0 ? [] : [l]
        case .prefix(let p):
            let lists = corpus.index.terms(withPrefix: p).map { corpus.index.postings(for: $0, in: field) }.filter { $0.count > 0 }
            if lists.count <= Evaluator.prefixUnionLimit { return lists }
            return [PostingList.merging(lists)]
        }
    }

    // MARK: - Column filters

    private func columnCheck(_ c: Condition) -> (Int) -> Bool {
        let articles = corpus.articles
        switch c {
        case .dateRange(let col, let lower, let upper):
            let lo = lower ?? Int32.min + 1, hi = upper ?? Int32.max
            if col == .date {
                let dates = corpus.dateColumn
                return { d in let v = dates[d]; return v != Int32.min && v >= lo && v <= hi }
            }
            return { _ in false }
        case .dateListContains(_, let lo, let hi):
            return { d in articles[d].dates.contains { let o = $0.ordinal; return o >= lo && o <= hi } }
        case .isNull(let col):
            return { d in
                switch col {
                case .date: return articles[d].date == nil
                case .dates: return articles[d].dates.isEmpty
                default: if case .null = Projection.value(col, corpus, d, score: nil) { return true } else { return false }
                }
            }
        case .compare(let col, let op, let value):
            return { d in
                let v = Projection.value(col, corpus, d, score: nil)
                return Evaluator.compare(v, op, value)
            }
        case .columnWords(let col, let words):
            return { d in
                guard case .string(let s) = Projection.value(col, corpus, d, score: nil) else { return false }
                return Evaluator.containsWords(Tokenizer.terms(s), words)
            }
        case .regex(let cols, let pattern, let ci):
            guard let re = try? LinearRegex(pattern, caseInsensitive: ci) else { return { _ in false } }
            return { d in
                for col in cols {
                    if case .string(var s) = Projection.value(col, corpus, d, score: nil),
                       s.withUTF8({ re.matches(in: $0) }) { return true }
                }
                return false
            }
        default:
            return { _ in false }
        }
    }

    static func compare(_ v: Value, _ op: ComparisonOperator, _ target: ScalarValue) -> Bool {
        let order: Int
        switch (v, target) {
        case (.integer(let a), .integer(let b)):
            order = a < b ? -1 : (a > b ? 1 : 0)
        case (.string(let a), .string(let b)):
            let x = a.lowercased(), y = b.lowercased()
            order = x < y ? -1 : (x > y ? 1 : 0)
        case (.string(let a), .integer(let b)):
            let x = a.lowercased(), y = String(b)
            order = x < y ? -1 : (x > y ? 1 : 0)
        default:
            return false  // null compares with nothing
        }
        switch op {
        case .equal: return order == 0
        case .notEqual: return order != 0
        case .less: return order < 0
        case .lessEqual: return order <= 0
        case .greater: return order > 0
        case .greaterEqual: return order >= 0
        }
    }

    static func containsWords(_ terms: [String], _ words: [String]) -> Bool {
        guard !words.isEmpty, terms.count >= words.count else { return words.isEmpty }
        for start in 0...(terms.count - words.count) {
            var ok = true
            for k in 0..<words.count where terms[start + k] != words[k] { ok = false; break }
            if ok { return true }
        }
        return false
    }

    // MARK: - Ranking

    /// BM25 parameters; the title counts double, as a headline word says more.
    static let k1 = 1.2, b = 0.75
    static let fieldWeights: [IndexedField: Double] = [.title: 2.0, .text: 1.0]

    /// BM25 of each document in `docs` (ascending) for the positive text searches of `c`.
    func scores(_ docs: [Int], for c: Condition) -> [Double] {
        var terms = Set<ScoringTerm>()
        collectScoringTerms(c, positive: true, into: &terms)
        var scores = [Double](repeating: 0, count: docs.count)
        let n = Double(corpus.articles.count)
        for t in terms {
            let lists = postings(t.word, t.field)
            let avg = max(1, corpus.index.averageLength(of: t.field))
            let lengths = corpus.index.fieldLengths[t.field.rawValue]
            let weight = Evaluator.fieldWeights[t.field] ?? 1
            for list in lists {
                let df = Double(list.count)
                let idf = log(1 + (n - df + 0.5) / (df + 0.5))
                let it = PostingIterator(list)
                for (k, d) in docs.enumerated() {
                    var cur = it.doc
                    if cur < d { cur = it.advance(to: d) }
                    if cur == noMoreDocs { break }
                    guard cur == d else { continue }
                    let tf = Double(it.frequency)
                    let norm = Evaluator.k1 * (1 - Evaluator.b + Evaluator.b * Double(lengths[d]) / avg)
                    scores[k] += weight * idf * tf * (Evaluator.k1 + 1) / (tf + norm)
                }
            }
        }
        return scores
    }

    private struct ScoringTerm: Hashable {
        var field: IndexedField
        var word: WordPattern
    }

    private func collectScoringTerms(_ c: Condition, positive: Bool, into terms: inout Set<ScoringTerm>) {
        switch c {
        case .and(let parts), .or(let parts):
            for p in parts { collectScoringTerms(p, positive: positive, into: &terms) }
        case .not(let inner):
            collectScoringTerms(inner, positive: !positive, into: &terms)
        case .text(let s) where positive:
            for f in s.fields {
                for w in s.phrase + (s.near?.phrase ?? []) { terms.insert(ScoringTerm(field: f, word: w)) }
            }
        default:
            break
        }
    }

    // MARK: - Rows, counts, groups

    func rows(_ q: CheckedQuery) -> RowSet {
        let docs = matchingDocuments(q)
        let needScores = q.ranked && (q.order.isEmpty || q.order.contains { $0.column == .score } || q.columns.contains(.score))
        let scores = needScores ? self.scores(docs, for: q.condition) : []
        var order = Array(docs.indices)
        let articles = corpus.articles
        let idRank = corpus.idRank
        func idLess(_ a: Int, _ b: Int) -> Bool { idRank[docs[a]] < idRank[docs[b]] }
        if q.order.isEmpty {
            if needScores {
                order.sort { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : idLess($0, $1) }
            } else {
                order.sort(by: idLess)
            }
        } else {
            // Each key's values are computed once, not in every comparison.
            let keyValues: [[Value]] = q.order.map { key in
                docs.indices.map { Projection.value(key.column, corpus, docs[$0], score: needScores ? scores[$0] : nil) }
            }
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
                return idLess(a, b)
            }
        }
        let start = min(q.offset, order.count)
        let end = q.limit.map { min(order.count, start + $0) } ?? order.count
        var rows: [[Value]] = []
        var ids: [String] = []
        rows.reserveCapacity(end - start)
        for k in order[start..<end] {
            ids.append(articles[docs[k]].id)
            rows.append(q.columns.map { Projection.value($0, corpus, docs[k], score: needScores ? scores[k] : nil) })
        }
        return RowSet(unit: q.unit, columns: q.columns.map(\.name), rows: rows, ids: ids, matched: docs.count)
    }

    func count(_ q: CheckedQuery) -> QueryResult {
        let docs = matchingDocuments(q)
        guard let key = q.groupBy.first else { return .count(docs.count) }
        var counts: [Value: Int] = [:]
        let articles = corpus.articles
        for d in docs {
            for v in Projection.groupValues(key, corpus, d) { counts[v, default: 0] += 1 }
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
        return .groups(GroupedCounts(key: key.name, groups: Array(groups[start..<end]), total: docs.count))
    }
}

/// Iterates a sorted array of ordinals (a named set).
final class ArrayDocIterator: DocIterator {
    let docs: [Int]
    private var i = -1

    init(_ docs: [Int]) { self.docs = docs }

    override func next() -> Int {
        i += 1
        doc = i < docs.count ? docs[i] : noMoreDocs
        return doc
    }

    override var cost: Int { docs.count }
}

extension PostingList {
    /// One list holding every occurrence of several (a prefix's expansions).
    static func merging(_ lists: [PostingList]) -> PostingList {
        var pairs: [(UInt32, UInt32)] = []
        for l in lists {
            for i in 0..<l.docs.count {
                for p in l.positions(at: i) { pairs.append((l.docs[i], p)) }
            }
        }
        pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var out = PostingList()
        for (d, p) in pairs { out.add(doc: d, position: p) }
        return out
    }
}
