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
}
