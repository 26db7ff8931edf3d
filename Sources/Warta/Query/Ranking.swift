import Foundation

/// BM25 over the positive text predicates of a query.
extension Evaluator {
    /// BM25 parameters; the title counts double, as a headline word says more.
    static let k1 = 1.2, b = 0.75
    static let fieldWeights: [IndexedField: Double] = [.title: 2.0, .text: 1.0]

    /// BM25 of each document in `docs` (ascending) for the positive text searches of `c`.
    func scores(_ docs: [Int], for c: Condition) -> [Double] {
        var terms: [ScoringTerm] = []
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
                    if stop.shouldStop() { break }
                    var cur = it.doc
                    if cur < d { cur = it.advance(to: d) }
                    if cur == noMoreDocs { break }
                    guard cur == d else { continue }
                    scores[k] += ScoredList.contribution(tf: Double(it.frequency), length: Double(lengths[d]),
                                                         average: avg, idf: idf, weight: weight)
                }
            }
        }
        return scores
    }

    struct ScoringTerm: Hashable {
        var field: IndexedField
        var word: WordPattern
    }

    /// The distinct (field, word) pairs of `c`'s positive text searches, in the order the
    /// query names them (so a score sums its parts in the same order every time).
    func collectScoringTerms(_ c: Condition, positive: Bool, into terms: inout [ScoringTerm]) {
        switch c {
        case .and(let parts), .or(let parts):
            for p in parts { collectScoringTerms(p, positive: positive, into: &terms) }
        case .not(let inner):
            collectScoringTerms(inner, positive: !positive, into: &terms)
        case .text(let s) where positive:
            for f in s.fields {
                for w in s.phrase + (s.near?.phrase ?? []) {
                    let t = ScoringTerm(field: f, word: w)
                    if !terms.contains(t) { terms.append(t) }
                }
            }
        default:
            break
        }
    }
}

/// What ranking needs to know of one posting list ahead of a query, so that
/// a top-k need not score every match: the BM25 contribution of each
/// posting, and the postings in descending order of contribution (an
/// impact-ordered view of the list, as score-at-a-time engines keep).
struct Impacts: Sendable {
    /// The contribution of posting `i` (the list's document `docs[i]`).
    var contributions: [Double]
    /// The documents, largest contribution first (ties by document).
    var orderedDocs: [UInt32]
    /// Their contributions, in the same order: a walk down the impact
    /// order reads both arrays front to back.
    var orderedContributions: [Double]
}

/// Impacts computed on first use and kept for the life of the corpus.
typealias ImpactCache = MadeOnce<String, Impacts>

/// One posting list that contributes to a BM25 score, with what the
/// contribution needs and its impacts.
struct ScoredList {
    let list: PostingList
    let idf: Double
    let weight: Double
    let lengths: ValueColumn<UInt32>
    let average: Double
    let impacts: Impacts

    init(list: PostingList, field: IndexedField, index: InvertedIndex, documents: Int, cache: ImpactCache?, key: String?) {
        self.list = list
        let df = Double(list.count)
        let idf = log(1 + (Double(documents) - df + 0.5) / (df + 0.5))
        self.idf = idf
        let weight = Evaluator.fieldWeights[field] ?? 1
        self.weight = weight
        let lengths = index.fieldLengths[field.rawValue]
        self.lengths = lengths
        let average = max(1, index.averageLength(of: field))
        self.average = average
        let make = { () -> Impacts in
            var scores = [Double](repeating: 0, count: list.count)
            for i in 0..<list.count {
                scores[i] = ScoredList.contribution(tf: Double(list.freqs[i]), length: Double(lengths[Int(list.docs[i])]),
                                                    average: average, idf: idf, weight: weight)
            }
            var order = (0..<Int32(list.count)).map { $0 }
            order.sort { scores[Int($0)] != scores[Int($1)] ? scores[Int($0)] > scores[Int($1)] : $0 < $1 }
            return Impacts(contributions: scores, orderedDocs: order.map { list.docs[Int($0)] },
                           orderedContributions: order.map { scores[Int($0)] })
        }
        if let cache, let key { impacts = cache.value(key, make: make) } else { impacts = make() }
    }

    /// Lists of more postings than this keep their impacts in the corpus's cache.
    static let cachedFrom = 64

    @inline(__always)
    static func contribution(tf: Double, length: Double, average: Double, idf: Double, weight: Double) -> Double {
        let norm = Evaluator.k1 * (1 - Evaluator.b + Evaluator.b * length / average)
        return weight * idf * tf * (Evaluator.k1 + 1) / (tf + norm)
    }

}

extension Evaluator {
    /// The lists a condition's positive text searches score with.
    func scoredLists(for c: Condition) -> [ScoredList] {
        var terms: [ScoringTerm] = []
        collectScoringTerms(c, positive: true, into: &terms)
        let n = corpus.articles.count
        var out: [ScoredList] = []
        for t in terms {
            // Each expanded word keeps its own cached impacts; a merged prefix does not.
            let words: [String]
            switch t.word {
            case .exact(let w): words = [w]
            case .prefix(let p): words = Array(corpus.index.terms(withPrefix: p))
            case .stem(let w): words = corpus.wordForms(sameStemAs: w)
            }
            if words.count <= Evaluator.prefixUnionLimit {
                for w in words {
                    let list = corpus.index.postings(for: w, in: t.field)
                    if list.count > ScoredList.cachedFrom {
                        out.append(ScoredList(list: list, field: t.field, index: corpus.index, documents: n,
                                              cache: corpus.impacts, key: "\(t.field.rawValue):\(w)"))
                    } else if list.count > 0 {
                        // A short list's impacts cost less to make than to look up.
                        out.append(ScoredList(list: list, field: t.field, index: corpus.index, documents: n, cache: nil, key: nil))
                    }
                }
            } else {
                out += postings(t.word, t.field).map {
                    ScoredList(list: $0, field: t.field, index: corpus.index, documents: n, cache: nil, key: nil)
                }
            }
        }
        return out
    }

    /// Matches scored one by one rather than through the impact order.
    static let exhaustiveLimit = 256
    /// The threshold algorithm gives way to scoring every match once it has
    /// scored more than this share of them (1/16), as each of its scores
    /// searches every list from the start.
    static let scoringShare = 16

    /// The `k` best articles of `matches` by BM25, best first, ties by id,
    /// without scoring every match: the threshold algorithm over the
    /// impact-ordered lists. Each step takes the next posting of the list
    /// whose next contribution is largest and, if its article matches and
    /// is new, scores it in full. No article yet unseen can score more than
    /// the sum of the lists' next contributions, so once the k-th best beats
    /// that sum the page is final. A small match set is scored whole.
    /// - Returns: the articles with their scores, and how many were scored.
    func topDocuments(_ matches: DocBits, for c: Condition, k: Int) -> (best: [(doc: Int, score: Double)], scored: Int) {
        guard k > 0 else { return ([], 0) }
        let total = matches.count
        if total == 0 { return ([], 0) }
        let lists = scoredLists(for: c)
        return RankView.with(lists[...], []) { views in
            if total > Evaluator.exhaustiveLimit && !views.isEmpty,
               let page = thresholdTop(matches, views, k: k, budget: total, scoringBudget: k + total / Evaluator.scoringShare) { return page }
            // A small match set, or matches no list holds: score every match.
            var top = TopDocuments(k: k, idRank: corpus.idRank)
            var cursors = [Int](repeating: 0, count: views.count)
            var scored = 0
            matches.forEach { d in
                var s = 0.0
                for i in views.indices { s += views[i].score(d, from: &cursors[i]) }
                scored += 1
                top.consider(d, s)
            }
            return (top.best, scored)
        }
    }

    /// The threshold algorithm over impact-ordered lists; nil when the lists
    /// run out before the page is settled (matches that no list holds score
    /// 0 and may still belong on it), or when it has taken `budget` postings
    /// or scored `scoringBudget` articles without settling it: then the
    /// scores are flat enough (several words or'ed, each bounding the others'
    /// articles) that scoring every match in document order, where each
    /// list's cursor only moves forward, costs less than walking on.
    private func thresholdTop(_ matches: DocBits, _ views: [RankView], k: Int, budget: Int,
                              scoringBudget: Int) -> (best: [(doc: Int, score: Double)], scored: Int)? {
        var top = TopDocuments(k: k, idRank: corpus.idRank)
        var seen = DocBits(capacity: matches.capacity)
        var cursor = [Int](repeating: 0, count: views.count)
        var scored = 0
        var steps = 0
        while true {
            var bound = 0.0, lead = -1, leadValue = -Double.infinity
            for i in views.indices where cursor[i] < views[i].orderedDocs.count {
                let v = views[i].orderedContributions[cursor[i]]
                bound += v
                if v > leadValue { leadValue = v; lead = i }
            }
            if lead < 0 { break }
            if top.isFull, top.worstScore > bound { return (top.best, scored) }
            let d = Int(views[lead].orderedDocs[cursor[lead]])
            cursor[lead] += 1
            if matches.contains(d) && !seen.contains(d) {
                seen.insert(d)
                var s = 0.0
                for i in views.indices { s += views[i].score(d) }
                scored += 1
                top.consider(d, s)
            }
            steps &+= 1
            if steps > budget || scored > scoringBudget { return nil }
            if stop.shouldStop() { return (top.best, scored) }
        }
        // Every list is exhausted: each match any list holds was scored.
        if top.isFull, top.worstScore > 0 { return (top.best, scored) }
        return nil
    }
}

/// A scored list's arrays, borrowed for the length of a ranking.
struct RankView {
    let docs: UnsafeBufferPointer<UInt32>
    let contributions: UnsafeBufferPointer<Double>
    let orderedDocs: UnsafeBufferPointer<UInt32>
    let orderedContributions: UnsafeBufferPointer<Double>

    /// Calls `body` with views of `lists`, valid for the call.
    static func with<R>(_ lists: ArraySlice<ScoredList>, _ views: [RankView], _ body: ([RankView]) -> R) -> R {
        guard let first = lists.first else { return body(views) }
        return first.list.docs.withUnsafeBufferPointer { d in
            first.impacts.contributions.withUnsafeBufferPointer { c in
                first.impacts.orderedDocs.withUnsafeBufferPointer { od in
                    first.impacts.orderedContributions.withUnsafeBufferPointer { oc in
                        with(lists.dropFirst(), views + [RankView(docs: d, contributions: c, orderedDocs: od, orderedContributions: oc)], body)
                    }
                }
            }
        }
    }

    /// The contribution to document `d` (0 when the list lacks it).
    @inline(__always)
    func score(_ d: Int) -> Double {
        var from = 0
        return score(d, from: &from)
    }

    /// The contribution to document `d`, searching forward from `cursor`
    /// (for documents asked in ascending order); moves the cursor.
    @inline(__always)
    func score(_ d: Int, from cursor: inout Int) -> Double {
        let target = UInt32(truncatingIfNeeded: d)
        let lo = gallop(docs, to: target, from: cursor)
        cursor = lo
        guard lo < docs.count, docs[lo] == target else { return 0 }
        return contributions[lo]
    }
}

/// The k best documents seen so far, best first (score descending, then id
/// order), kept sorted by binary insertion.
struct TopDocuments {
    let k: Int
    let idRank: ValueColumn<Int32>
    private(set) var best: [(doc: Int, score: Double)] = []

    init(k: Int, idRank: ValueColumn<Int32>) {
        self.k = k
        self.idRank = idRank
        best.reserveCapacity(min(k, 4096))
    }

    var isFull: Bool { best.count >= k }
    /// The k-th best score (when full).
    var worstScore: Double { best.last?.score ?? -.infinity }

    /// Whether `a` ranks after `b`.
    @inline(__always)
    private func after(_ a: (doc: Int, score: Double), _ b: (doc: Int, score: Double)) -> Bool {
        a.score != b.score ? a.score < b.score : idRank[a.doc] > idRank[b.doc]
    }

    mutating func consider(_ doc: Int, _ score: Double) {
        let entry = (doc: doc, score: score)
        if isFull, let last = best.last, !after(last, entry) { return }
        var lo = 0, hi = best.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if after(entry, best[mid]) { lo = mid + 1 } else { hi = mid }
        }
        best.insert(entry, at: lo)
        if best.count > k { best.removeLast() }
    }
}
