/// Where the text predicates of a query match within one row: the raw
/// material of snippets and keyword-in-context lines.
struct HitFinder {
    let evaluator: Evaluator
    let searches: [TextSearch]
    private var iterators: [[PhraseIterator]]
    /// Entities of the `mentions entity` predicates: their mentions are hits too.
    private let entities: Set<Int32>

    init(evaluator: Evaluator, condition: Condition) {
        self.evaluator = evaluator
        var found: [TextSearch] = []
        HitFinder.collect(condition, positive: true, into: &found)
        searches = found
        entities = Set(condition.positiveEntitySearches.compactMap { evaluator.corpus.entityIDs[$0.name] })
        iterators = found.map { s in
            var body = s
            body.fields = [.text]
            return evaluator.phraseIterators(body)
        }
    }

    private static func collect(_ c: Condition, positive: Bool, into out: inout [TextSearch]) {
        switch c {
        case .and(let ps), .or(let ps): for p in ps { collect(p, positive: positive, into: &out) }
        case .not(let inner): collect(inner, positive: !positive, into: &out)
        case .text(let s) where positive && s.fields.contains(.text): out.append(s)
        default: break
        }
    }

    /// Word spans of every hit in the body of article `doc`, in text order,
    /// not overlapping. Articles must be asked for in ascending order.
    mutating func hits(in doc: Int) -> [Range<Int>] {
        var all: [Range<Int>] = []
        if !entities.isEmpty {
            for o in evaluator.corpus.structures[doc].entities where o.field == .text && entities.contains(o.entity) && !o.tokens.isEmpty {
                all.append(Int(o.tokens.lowerBound)..<Int(o.tokens.upperBound))
            }
        }
        for i in iterators.indices {
            for it in iterators[i] {
                var d = it.doc
                if d < doc { d = it.advance(to: doc) }
                if d == doc { all += it.spans() }
            }
        }
        all.sort { $0.lowerBound != $1.lowerBound ? $0.lowerBound < $1.lowerBound : $0.upperBound > $1.upperBound }
        var out: [Range<Int>] = []
        for h in all where out.last.map({ h.lowerBound >= $0.upperBound }) ?? true { out.append(h) }
        return out
    }
}
