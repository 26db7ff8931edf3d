import Foundation

/// BM25 over the positive text predicates of a query.
extension Evaluator {
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
                    if stop.shouldStop() { break }
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

    struct ScoringTerm: Hashable {
        var field: IndexedField
        var word: WordPattern
    }

    func collectScoringTerms(_ c: Condition, positive: Bool, into terms: inout Set<ScoringTerm>) {
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
}

/// What ranking needs to know of one posting list ahead of a query, so that
/// a top-k need not score every match: an upper bound of the contribution
/// for each block of postings, and the champions — the postings with the
/// largest contributions, best first — with a bound for all the others.
struct Impacts: Sendable {
    static let blockSize = 32
    static let champions = 256
    var blockMaxima: [Double]
    var championDocs: [Int32]
    var championScores: [Double]
    /// No posting outside the champions contributes more than this.
    var rest: Double
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
            var maxima: [Double] = []
            maxima.reserveCapacity(list.count / Impacts.blockSize + 1)
            var scores = [Double](repeating: 0, count: list.count)
            var best = 0.0
            for i in 0..<list.count {
                if i > 0 && i % Impacts.blockSize == 0 { maxima.append(best); best = 0 }
                let c = ScoredList.contribution(tf: Double(list.freqs[i]), length: Double(lengths[Int(list.docs[i])]),
                                                average: average, idf: idf, weight: weight)
                scores[i] = c
                best = max(best, c)
            }
            if list.count > 0 { maxima.append(best) }
            let order = scores.indices.sorted { scores[$0] > scores[$1] }
            let top = order.prefix(Impacts.champions)
            let rest = order.count > Impacts.champions ? scores[order[Impacts.champions]] : 0
            return Impacts(blockMaxima: maxima, championDocs: top.map { Int32(list.docs[$0]) },
                           championScores: top.map { scores[$0] }, rest: rest)
        }
        if let cache, let key { impacts = cache.value(key, make: make) } else { impacts = make() }
    }

    @inline(__always)
    static func contribution(tf: Double, length: Double, average: Double, idf: Double, weight: Double) -> Double {
        let norm = Evaluator.k1 * (1 - Evaluator.b + Evaluator.b * length / average)
        return weight * idf * tf * (Evaluator.k1 + 1) / (tf + norm)
    }

    /// The exact contribution to document `d` (0 when the list lacks it).
    func score(_ d: Int) -> Double {
        var lo = 0, hi = list.docs.count
        let target = UInt32(d)
        while lo < hi {
            let mid = (lo + hi) >> 1
            if list.docs[mid] < target { lo = mid + 1 } else { hi = mid }
        }
        guard lo < list.docs.count, list.docs[lo] == target else { return 0 }
        return ScoredList.contribution(tf: Double(list.freqs[lo]), length: Double(lengths[d]), average: average, idf: idf, weight: weight)
    }
}

extension Evaluator {
    /// The lists a condition's positive text searches score with.
    func scoredLists(for c: Condition) -> [ScoredList] {
        var terms = Set<ScoringTerm>()
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
                    if list.count > 0 {
                        out.append(ScoredList(list: list, field: t.field, index: corpus.index, documents: n,
                                              cache: corpus.impacts, key: "\(t.field.rawValue):\(w)"))
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

    /// The `k` best of `docs` (ascending ordinals) by BM25, best first, ties by id,
    /// without scoring every document. First the champions of each list that
    /// match are scored; a document that is no list's champion scores at most
    /// the sum of the lists' `rest`, so when the k-th best beats that, the page
    /// is final. Otherwise the remaining documents are scored in order of
    /// their block-max bound until none can beat the k-th.
    /// - Returns: positions in `docs` with their scores, and how many were scored.
    func topScores(_ docs: [Int], for c: Condition, k: Int) -> (best: [(Int, Double)], scored: Int) {
        guard k > 0, !docs.isEmpty else { return ([], 0) }
        let lists = scoredLists(for: c)
        let idRank = corpus.idRank
        var position = [Int32](repeating: -1, count: corpus.articles.count)
        for (i, d) in docs.enumerated() { position[d] = Int32(i) }
        var best: [(Int, Double)] = []
        var done = [Bool](repeating: false, count: docs.count)
        var scored = 0
        func worse(_ a: (Int, Double), _ b: (Int, Double)) -> Bool {
            a.1 != b.1 ? a.1 < b.1 : idRank[docs[a.0]] > idRank[docs[b.0]]
        }
        func consider(_ i: Int) {
            done[i] = true
            var s = 0.0
            for l in lists { s += l.score(docs[i]) }
            scored += 1
            let entry = (i, s)
            if best.count < k {
                best.append(entry)
                best.sort { worse($1, $0) }
            } else if worse(best[k - 1], entry) {
                best[k - 1] = entry
                best.sort { worse($1, $0) }
            }
        }
        for l in lists {
            for d in l.impacts.championDocs {
                let i = Int(position[Int(d)])
                if i >= 0 && !done[i] { consider(i) }
            }
        }
        let outside = lists.reduce(0) { $0 + $1.impacts.rest }
        if best.count == k, let last = best.last, last.1 > outside { return (best, scored) }
        // The champions did not settle it: bound the rest by block maxima.
        var bounds = [Double](repeating: 0, count: docs.count)
        for l in lists {
            var block = 0
            let size = Impacts.blockSize
            let docsOfList = l.list.docs
            for (i, d) in docs.enumerated() {
                if stop.shouldStop() { break }
                while block < l.impacts.blockMaxima.count && Int(docsOfList[min(docsOfList.count - 1, (block + 1) * size - 1)]) < d { block += 1 }
                guard block < l.impacts.blockMaxima.count else { break }
                if Int(docsOfList[block * size]) <= d { bounds[i] += l.impacts.blockMaxima[block] }
            }
        }
        let byBound = docs.indices.filter { !done[$0] }
            .sorted { bounds[$0] != bounds[$1] ? bounds[$0] > bounds[$1] : idRank[docs[$0]] < idRank[docs[$1]] }
        for i in byBound {
            if best.count == k, let last = best.last, bounds[i] < last.1 { break }
            if stop.shouldStop() { break }
            consider(i)
        }
        return (best, scored)
    }
}
