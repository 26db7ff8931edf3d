import Foundation

/// `explain STATEMENT`: the checked statement, the plan over posting lists
/// with their sizes, and the time each step took.
struct Explainer {
    let evaluator: Evaluator

    func explain(_ statement: CheckedStatement) -> String {
        var out: [String] = []
        switch statement {
        case .rows(let q), .count(let q):
            let isCount: Bool = { if case .count = statement { return true } else { return false } }()
            out.append("checked: \(isCount ? "count" : "rows") of \(q.unit) (\(q.unitKind.rawValue))")
            out.append("plan:")
            if q.unitKind.isSpan {
                out.append("  articles that can hold a match (then each \(q.unitKind.singular) is checked by word positions):")
                describe(Evaluator.articleLevel(q.condition), depth: 2, into: &out)
                out.append("  \(q.unitKind.rawValue) matching:")
            }
            if let c = q.collocation {
                out.append("  collocates of \"\(c.node.written)\" within \(c.window) words (logDice), in the articles where:")
            }
            if case .all = q.rowFilter {} else {
                out.append("  rows where:")
                describe(q.rowFilter, depth: 2, into: &out)
                out.append("  counted over the articles where:")
            }
            describe(q.condition, depth: q.unitKind.isSpan ? 2 : 1, into: &out)
            if let set = q.setName { out.append("  within set \(set) (\(evaluator.sets[set]?.count ?? 0) articles)") }
            if let scope = q.scope { out.append("  within \(scope.written)") }
            if !q.groupBy.isEmpty {
                out.append("group by: \(q.groupBy.map(\.name).joined(separator: ", ")); each group's total counted over every \(q.unitKind.singular) of the \(q.scope == nil ? "corpus" : "scope")")
            }
            if let s = q.sample {
                out.append("sample: \(s.size) rows by hash of seed \(s.seed) and id" + (s.per.map { ", at most \(s.perLimit) per \($0.name)" } ?? ""))
            }
            if !isCount {
                let natural: String
                switch q.unitKind {
                case .articles: natural = q.ranked ? "score desc (BM25), id" : "id"
                case .terms: natural = q.collocation != nil ? "score desc (logDice), term" : "count desc, term"
                case .entities: natural = "mentions desc, name"
                case .stories: natural = "articles desc, first date (stories: bodies with Jaccard ≥ \(evaluator.storyThreshold) of word 3-grams)"
                default: natural = "article id, position"
                }
                let order = q.order.isEmpty ? natural
                    : q.order.map { "\($0.column.name)\($0.descending ? " desc" : "")" }.joined(separator: ", ")
                out.append("order: \(order)")
                if let l = q.limit { out.append("limit: \(l)\(q.offset > 0 ? " offset \(q.offset)" : "")") }
                out.append("columns: \(q.columns.map(\.name).joined(separator: ", "))")
            }
            let t0 = DispatchTime.now().uptimeNanoseconds
            let docs = evaluator.matchingDocuments(q)
            let t1 = DispatchTime.now().uptimeNanoseconds
            out.append("matched: \(docs.count) of \(evaluator.corpus.articles.count) articles")
            out.append("time: match articles \(ms(t1 - t0))")
            if q.unitKind != .articles {
                let u0 = DispatchTime.now().uptimeNanoseconds
                let rows = evaluator.rowSource(q, withScores: false).count
                out.append("rows: \(rows) \(q.unitKind.rawValue)")
                out.append("time: \(q.unitKind.rawValue) \(ms(DispatchTime.now().uptimeNanoseconds - u0))")
            }
            if q.ranked && !isCount && q.unitKind == .articles {
                let s0 = DispatchTime.now().uptimeNanoseconds
                if let limit = q.limit, q.order.isEmpty {
                    let (_, scored) = evaluator.topDocuments(evaluator.matchingSet(q), for: q.condition, k: q.offset + limit)
                    out.append("top \(q.offset + limit) by BM25 (threshold algorithm over impact-ordered postings): scored \(scored) of \(docs.count) matches")
                } else {
                    _ = evaluator.scores(docs, for: q.condition)
                    out.append("scored every match (no limit)")
                }
                out.append("time: score \(ms(DispatchTime.now().uptimeNanoseconds - s0))")
            }
        case .let(let name, let inner):
            out.append("let \(name) =")
            out.append(explain(inner))
        case .setOperation(let a, let op, let b):
            out.append("set operation: \(a) \(op) \(b)")
        case .explain(let inner, _):
            out.append(explain(inner))
        case .command(let n, _):
            out.append("command \(n)")
        case .compare(let c):
            out.append("compare: \(c.series.count) series counted over the same groups")
            for (label, q) in c.series {
                out.append("series \(label):")
                out.append(explain(.count(q)).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
            }
            if !c.shared.groupBy.isEmpty { out.append("group by: \(c.shared.groupBy.map(\.name).joined(separator: ", "))") }
            if let scope = c.shared.scope { out.append("within \(scope.written)") }
        case .spread(let q):
            out.append("spread: per outlet, the first date it carried one of these articles")
            out.append(explain(.rows(q)))
        }
        return out.joined(separator: "\n")
    }

    private func ms(_ ns: UInt64) -> String {
        String(format: "%.3f ms", Double(ns) / 1e6)
    }

    private func describe(_ c: Condition, depth: Int, into out: inout [String]) {
        let pad = String(repeating: "  ", count: depth)
        switch c {
        case .all: out.append("\(pad)all articles")
        case .and(let parts):
            out.append("\(pad)and (leapfrog from the rarest)")
            for p in parts { describe(p, depth: depth + 1, into: &out) }
        case .or(let parts):
            out.append("\(pad)or")
            for p in parts { describe(p, depth: depth + 1, into: &out) }
        case .not(let inner):
            out.append("\(pad)not")
            describe(inner, depth: depth + 1, into: &out)
        case .text(let s):
            let isStem = s.phrase.contains { if case .stem = $0 { return true } else { return false } }
            let kind = s.near != nil ? "near" : (isStem ? "stem" : (s.phrase.count > 1 ? "phrase" : "term"))
            let written = s.near != nil ? s.written : "\"\(s.written)\""
            var line = "\(pad)\(kind) \(written) in \(s.fields.map(\.name).joined(separator: ", "))"
            if s.minimumCount > 1 { line += " at least \(s.minimumCount) times" }
            out.append(line)
            for f in s.fields {
                for w in s.phrase + (s.near?.phrase ?? []) {
                    let lists = evaluator.postings(w, f)
                    let size = lists.reduce(0) { $0 + $1.count }
                    switch w {
                    case .exact(let t): out.append("\(pad)  postings \(f.name):\(t) = \(size) docs")
                    case .prefix(let p): out.append("\(pad)  postings \(f.name):\(p)* = \(lists.count) terms, \(size) docs")
                    case .stem(let word):
                        let forms = evaluator.corpus.wordForms(sameStemAs: word)
                        out.append("\(pad)  postings \(f.name):stem(\(word)) → root \(evaluator.corpus.stemmer.stem(Normalizer.fold(word))) = \(lists.count) forms, \(size) docs")
                        if f == s.fields.first { out.append("\(pad)    forms: \(forms.isEmpty ? "none in this corpus" : forms.joined(separator: ", "))") }
                    }
                }
            }
        case .compare(let col, let op, let v):
            let value: String = { switch v { case .string(let s): return "\"\(s)\""; case .integer(let i): return String(i) } }()
            out.append("\(pad)filter \(col.name) \(op.rawValue) \(value) (column scan)")
        case .dateRange(let col, let lo, let hi):
            let l = lo.map { Day(ordinal: $0).description } ?? "…", h = hi.map { Day(ordinal: $0).description } ?? "…"
            out.append("\(pad)filter \(col.name) in \(l) to \(h) (date column)")
        case .dateListContains(let col, let lo, let hi):
            out.append("\(pad)filter \(col.name) contains \(Day(ordinal: lo)) to \(Day(ordinal: hi))")
        case .isNull(let col):
            out.append("\(pad)filter \(col.name) is null")
        case .entity(let e):
            out.append("\(pad)entity \"\(e.written)\" → \(e.name) (\(e.type))\(e.minimumCount > 1 ? " at least \(e.minimumCount) times" : "")")
            out.append("\(pad)  aliases: \(([e.name] + e.aliases).joined(separator: ", "))")
            let id = evaluator.corpus.entityIDs[e.name]
            for f in (e.scope == .unit ? [IndexedField.text] : IndexedField.allCases) {
                let size = id.map { evaluator.corpus.entityPostings[f.rawValue][Int($0)].count } ?? 0
                out.append("\(pad)  entity postings \(f.name) = \(size) docs")
            }
        case .regex(let cols, let pattern, let ci):
            out.append("\(pad)filter /\(pattern)/\(ci ? "i" : "") on \(cols.map(\.name).joined(separator: ", ")) (linear-time scan)")
        case .columnWords(let col, let words):
            out.append("\(pad)filter \(col.name) contains \"\(words.joined(separator: " "))\" (column scan)")
        }
    }
}
