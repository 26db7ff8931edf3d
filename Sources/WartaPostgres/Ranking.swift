import Foundation
import Warta

/// BM25 in SQL, the same as the native engine's (`Query/Ranking.swift`): the
/// same terms, document frequencies, average lengths and formula, with the
/// title weighted twice. The constants are computed here and bound as
/// `float8`, so each term's contribution is the same double; only the order
/// of the final sum can differ, by a rounding error.
extension SQLCompiler {
    static let k1 = 1.2, b = 0.75
    static let fieldWeights: [IndexedField: Double] = [.title: 2.0, .text: 1.0]
    /// Above this many expansions the native engine merges a prefix or a root
    /// into one list (summed frequencies, one document frequency).
    static let mergeLimit = 32

    /// A word the score counts: a field and a word pattern of a positive text search.
    struct ScoringTerm: Hashable {
        var field: IndexedField
        var word: WordPattern
    }

    /// The positive text searches' words, as the native engine collects them.
    static func scoringTerms(_ c: Condition, positive: Bool = true, into terms: inout Set<ScoringTerm>) {
        switch c {
        case .and(let parts), .or(let parts):
            for p in parts { scoringTerms(p, positive: positive, into: &terms) }
        case .not(let inner):
            scoringTerms(inner, positive: !positive, into: &terms)
        case .text(let s) where positive:
            for f in s.fields {
                for w in s.phrase + (s.near?.phrase ?? []) { terms.insert(ScoringTerm(field: f, word: w)) }
            }
        default:
            break
        }
    }

    /// The score of a row as a SQL expression over its stored frequencies and lengths.
    /// - Parameters:
    ///   - countMatches: articles whose field matches a tsquery (a merged list's document frequency).
    mutating func score(_ c: Condition, countMatches: (IndexedField, String) throws -> Int) throws -> String {
        var terms = Set<ScoringTerm>()
        SQLCompiler.scoringTerms(c, into: &terms)
        let n = Double(catalog.articles)
        var parts: [String] = []
        for t in terms.sorted(by: { "\($0.field.rawValue)\($0.word)" < "\($1.field.rawValue)\($1.word)" }) {
            let words = try expansions(t.word)
            try catalog.prefetchFrequencies(words)
            let present = try words.filter { try catalog.documentFrequency($0, t.field) > 0 }
            // Native merges the lists of the forms present in the field when there are too many.
            if present.count > SQLCompiler.mergeLimit {
                guard !present.isEmpty, let query = try tsquery(TextSearch(fields: [t.field], phrase: [t.word], written: "")) else { continue }
                let df = try countMatches(t.field, query)
                guard df > 0 else { continue }
                parts.append(contribution(t.field, words: present, df: df, n: n))
            } else {
                for w in present {
                    parts.append(contribution(t.field, words: [w], df: try catalog.documentFrequency(w, t.field), n: n))
                }
            }
        }
        return parts.isEmpty ? "0::float8" : "(" + parts.joined(separator: " + ") + ")"
    }

    /// One list's contribution: `weight · idf · tf · (k1 + 1) / (tf + k1 · (1 − b + b · len / avg))`.
    private mutating func contribution(_ field: IndexedField, words: [String], df: Int, n: Double) -> String {
        let d = Double(df)
        let idf = log(1 + (n - d + 0.5) / (d + 0.5))
        let weight = SQLCompiler.fieldWeights[field] ?? 1
        let k1 = SQLCompiler.k1, b = SQLCompiler.b
        let each = words.map { params.frequency(field, $0) }
        let tf = each.count == 1 ? each[0] : "(" + each.joined(separator: " + ") + ")"
        func f(_ x: Double) -> String { params.bind("\(x)", "float8") }
        let w = f(weight), i = f(idf), k1p1 = f(k1 + 1), k = f(k1), omb = f(1 - b), bb = f(b)
        let avg = f(catalog.averageLength(field))
        return "(\(w) * \(i) * \(tf) * \(k1p1) / (\(tf) + \(k) * (\(omb) + \(bb) * \(field.name)_len::float8 / \(avg))))"
    }
}
