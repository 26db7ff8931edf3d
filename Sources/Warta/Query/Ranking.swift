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

/// One posting list that contributes to a BM25 score, with what the
/// contribution needs and an upper bound of it for every block of
/// `blockSize` postings.
struct ScoredList {
    static let blockSize = 32
    let list: PostingList
    let idf: Double
    let weight: Double
    let lengths: [UInt32]
    let average: Double
    /// The largest contribution of any posting in each block.
    let blockMaxima: [Double]

    init(list: PostingList, field: IndexedField, index: InvertedIndex, documents: Int) {
        self.list = list
        let df = Double(list.count)
        idf = log(1 + (Double(documents) - df + 0.5) / (df + 0.5))
        weight = Evaluator.fieldWeights[field] ?? 1
        lengths = index.fieldLengths[field.rawValue]
        average = max(1, index.averageLength(of: field))
        var maxima: [Double] = []
        maxima.reserveCapacity(list.count / ScoredList.blockSize + 1)
        var best = 0.0
        for i in 0..<list.count {
            if i > 0 && i % ScoredList.blockSize == 0 { maxima.append(best); best = 0 }
            best = max(best, ScoredList.contribution(tf: Double(list.freqs[i]), length: Double(lengths[Int(list.docs[i])]),
                                                     average: average, idf: idf, weight: weight))
        }
        if list.count > 0 { maxima.append(best) }
        blockMaxima = maxima
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
        return terms.flatMap { t in postings(t.word, t.field).map { ScoredList(list: $0, field: t.field, index: corpus.index, documents: n) } }
    }

    /// The `k` best of `docs` (ascending ordinals) by BM25, best first, ties by id,
    /// without scoring every document: each document's score is bounded by the
    /// block maxima of its lists; documents are scored in order of their bound,
    /// and the search stops when no bound left can beat the k-th score.
    /// - Returns: positions in `docs` with their scores, and how many were scored.
    func topScores(_ docs: [Int], for c: Condition, k: Int) -> (best: [(Int, Double)], scored: Int) {
        guard k > 0, !docs.isEmpty else { return ([], 0) }
        let lists = scoredLists(for: c)
        var bounds = [Double](repeating: 0, count: docs.count)
        for l in lists {
            // Walk the matches and the list's blocks together: a block bounds every
            // document between its first and last posting.
            var block = 0
            let size = ScoredList.blockSize
            let docsOfList = l.list.docs
            for (i, d) in docs.enumerated() {
                if stop.shouldStop() { break }
                while block < l.blockMaxima.count && Int(docsOfList[min(docsOfList.count - 1, (block + 1) * size - 1)]) < d { block += 1 }
                guard block < l.blockMaxima.count else { break }
                if Int(docsOfList[block * size]) <= d { bounds[i] += l.blockMaxima[block] }
            }
        }
        let idRank = corpus.idRank
        let byBound = docs.indices.sorted { bounds[$0] != bounds[$1] ? bounds[$0] > bounds[$1] : idRank[docs[$0]] < idRank[docs[$1]] }
        var best: [(Int, Double)] = []
        var scored = 0
        func worse(_ a: (Int, Double), _ b: (Int, Double)) -> Bool {
            a.1 != b.1 ? a.1 < b.1 : idRank[docs[a.0]] > idRank[docs[b.0]]
        }
        for i in byBound {
            if best.count == k, let last = best.last, bounds[i] < last.1 { break }
            if stop.shouldStop() { break }
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
        return (best, scored)
    }
}
