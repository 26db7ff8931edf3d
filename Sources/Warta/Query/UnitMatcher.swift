/// Decides whether one paragraph, sentence or quote matches a condition.
///
/// Text predicates are answered from the postings, not by reading the text
/// again: the occurrences of a phrase in the article's body are word
/// positions, and a unit matches when an occurrence lies within its span.
/// Articles are visited in ascending order, so each phrase iterator only
/// moves forward.
final class UnitMatcher {
    let evaluator: Evaluator
    let unit: Unit
    private var searches: [TextSearch: [PhraseIterator]] = [:]
    private var spansCache: [TextSearch: (doc: Int, spans: [Range<Int>])] = [:]
    private var articleCache: [Condition: (doc: Int, value: Bool)] = [:]

    init(evaluator: Evaluator, unit: Unit) {
        self.evaluator = evaluator
        self.unit = unit
    }

    func matches(_ c: Condition, doc: Int, index k: Int) -> Bool {
        switch c {
        case .all: return true
        case .and(let ps): return ps.allSatisfy { matches($0, doc: doc, index: k) }
        case .or(let ps): return ps.contains { matches($0, doc: doc, index: k) }
        case .not(let inner): return !matches(inner, doc: doc, index: k)
        case .entity(let e):
            if e.scope == .article { return articleMatches(c, doc) }
            guard let id = evaluator.corpus.entityIDs[e.name] else { return false }
            let span = evaluator.corpus.structures[doc].spans(of: unit)[k].tokens
            let n = evaluator.corpus.structures[doc].entities.filter {
                $0.entity == id && $0.field == .text && $0.tokens.lowerBound >= span.lowerBound && $0.tokens.upperBound <= span.upperBound
            }.count
            return n >= e.minimumCount
        case .text(let s):
            let span = evaluator.corpus.structures[doc].spans(of: unit)[k].tokens
            let lo = Int(span.lowerBound), hi = Int(span.upperBound)
            if s.scope == .article { return articleMatches(c, doc) }
            var n = 0
            for occurrence in occurrences(s, doc) where occurrence.lowerBound >= lo && occurrence.upperBound <= hi {
                n += 1
                if n >= s.minimumCount { return true }
            }
            return false
        default:
            if !c.readsUnit { return articleMatches(c, doc) }
            return Evaluator.valueCheck(c)({ Projection.unitValue($0, self.evaluator.corpus, doc, self.unit, k) })
        }
    }

    /// Occurrences of a search in the body of `doc`, as word positions.
    private func occurrences(_ s: TextSearch, _ doc: Int) -> [Range<Int>] {
        if let cached = spansCache[s], cached.doc == doc { return cached.spans }
        let iterators = searches[s] ?? evaluator.phraseIterators(s)
        searches[s] = iterators
        var out: [Range<Int>] = []
        for it in iterators {
            var d = it.doc
            if d < doc { d = it.advance(to: doc) }
            if d == doc { out += it.spans() }
        }
        spansCache[s] = (doc, out)
        return out
    }

    private func articleMatches(_ c: Condition, _ doc: Int) -> Bool {
        if let cached = articleCache[c], cached.doc == doc { return cached.value }
        let it = evaluator.iterator(for: Evaluator.articleLevel(c))
        let d = it.advance(to: doc)
        let value = d == doc && it.matches()
        articleCache[c] = (doc, value)
        return value
    }
}
