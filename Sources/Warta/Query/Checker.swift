/// Resolves names and types: turns a parsed `Statement` into a
/// `CheckedStatement`, or a diagnostic that says what is wrong, where, and
/// what was probably meant.
public struct Checker {
    /// Metadata fields the corpus has beyond the built-in ones.
    public var metadataFields: [String]
    /// Named sets of the session (`let NAME = …`). An array, not a `Set`: a session has a
    /// few, and a `Set<String>` in every checker would have the runtime look up
    /// `String: Hashable` (a scan of every conformance in the binary) for a one-shot count.
    public var setNames: [String]
    /// The unit of the query being checked.
    var unit: Unit = .articles
    /// Units this version answers.
    static func answers(_ unit: Unit) -> Bool {
        switch unit {
        case .articles, .paragraphs, .sentences, .quotes, .entities, .terms, .stories: return true
        }
    }

    /// Finds an entity by any of its names: canonical name, type, aliases.
    public var resolveEntity: (@Sendable (String) -> (name: String, type: String, aliases: [String])?)?
    /// Names to suggest when an entity is not found.
    public var entityNames: [String]
    /// Names to suggest, made only when a suggestion is needed (a corpus's
    /// gazetteer is large; most statements never need it).
    public var suggestedEntityNames: (@Sendable () -> [String])?

    /// A checker for a corpus with these metadata fields and named sets, resolving entity names with `resolveEntity`.
    public init(metadataFields: [String] = [], setNames: [String] = [],
                resolveEntity: (@Sendable (String) -> (name: String, type: String, aliases: [String])?)? = nil,
                entityNames: [String] = []) {
        self.metadataFields = metadataFields
        self.setNames = setNames
        self.resolveEntity = resolveEntity
        self.entityNames = entityNames
    }

    /// Checks a statement.
    public func check(_ statement: Statement) throws -> CheckedStatement {
        switch statement {
        case .query(let q):
            return .rows(try check(q, counting: false))
        case .count(let q, _):
            return .count(try check(q, counting: true))
        case .explain(let inner, _):
            if case .explain = inner { throw Diagnostic(.error, "explain takes a query, not another explain", at: inner.range) }
            return .explain(try check(inner), inner)
        case .let(let name, let value, _):
            if Schema.units.contains(name.text.lowercased()) {
                throw Diagnostic(.error, "'\(name.text)' is a unit; choose another name for the set", at: name.range)
            }
            guard case .query(let q) = value else {
                if case .setOperation = value { return .let(name.text, try check(value)) }
                throw Diagnostic(.error, "a set is made from a query: let \(name.text) = articles where …", at: value.range)
            }
            let checked = try check(q, counting: false)
            if checked.unitKind != .articles {
                throw Diagnostic(.error, "a set holds articles: let \(name.text) = articles where …", at: q.unit.range)
            }
            if !checked.groupBy.isEmpty { throw Diagnostic(.error, "a set cannot be grouped", at: q.groupBy[0].range) }
            return .let(name.text, .rows(checked))
        case .setOperation(let a, let op, let b, _):
            for n in [a, b] where !setNames.contains(n.text) {
                throw unknownSet(n)
            }
            return .setOperation(a.text, op, b.text)
        case .command(let name, let argument, _):
            return .command(name.text, argument)
        case .compare(let series, let shared, _):
            return .compare(try checkComparison(series, shared))
        case .spread(let q, _):
            let checked = try check(q, counting: false)
            guard checked.unitKind == .articles || checked.unitKind == .stories else {
                throw Diagnostic(.error, "spread follows articles or stories to their outlets: spread articles where …", at: q.unit.range)
            }
            if let g = q.groupBy.first { throw Diagnostic(.error, "spread groups by outlet itself; leave out 'group by'", at: g.range) }
            if let s = q.show.first { throw Diagnostic(.error, "spread shows source, first_date, first_id, articles and days_after; leave out 'show'", at: s.range) }
            if let o = q.orderBy.first { throw Diagnostic(.error, "spread is in date order: who ran it first comes first; leave out 'order by'", at: o.field.range) }
            return .spread(checked)
        }
    }

    /// `compare a, (query) as b … group by …`: each series checked alone, the
    /// shared clauses checked once over their unit; a shared `where` applies to every series.
    func checkComparison(_ series: [ComparedSeries], _ shared: Query) throws -> Comparison {
        var checked: [(label: String, query: CheckedQuery)] = []
        var unitKind: Unit?
        for item in series {
            let q = item.query
            for (present, range, clause) in [(!q.groupBy.isEmpty, q.groupBy.first?.range, "group by"),
                                             (!q.orderBy.isEmpty, q.orderBy.first?.field.range, "order by"),
                                             (q.limit != nil, q.limit?.range, "limit"),
                                             (q.within != nil, q.within?.range, "within")] where present {
                throw Diagnostic(.error, "'\(clause)' applies to every series: write it after the last one", at: range ?? q.range)
            }
            if let s = q.show.first { throw Diagnostic(.error, "compare prints counts; 'show' has nothing to choose", at: s.range) }
            if let s = q.sample { throw Diagnostic(.error, "compare counts every match; 'sample' has no place here", at: s.size.range) }
            let c = try check(q, counting: true)
            if let u = unitKind, u != c.unitKind {
                throw Diagnostic(.error, "every series of a compare counts the same unit: this one counts \(c.unitKind.rawValue), the first \(u.rawValue)", at: q.unit.range)
            }
            unitKind = c.unitKind
            var label = item.label?.text ?? q.unit.text
            if item.label == nil, item.parenthesized, let f = q.filter {
                label = Printer.print(f)
                if label.hasPrefix("("), label.hasSuffix(")") { label = String(label.dropFirst().dropLast()) }
                if label.count > 40 { label = String(label.prefix(39)) + "…" }
            }
            var unique = label, n = 2
            while checked.contains(where: { $0.label == unique }) { unique = "\(label) #\(n)"; n += 1 }
            checked.append((unique, c))
        }
        if let s = shared.show.first { throw Diagnostic(.error, "compare prints counts; 'show' has nothing to choose", at: s.range) }
        if let s = shared.sample { throw Diagnostic(.error, "compare counts every match; 'sample' has no place here", at: s.size.range) }
        if shared.groupBy.count > 1 { throw Diagnostic(.error, "compare groups by one field (a pivot takes one series: count … group by a, b)", at: shared.groupBy[1].range) }
        var base = shared
        base.unit = Name(text: unitKind?.rawValue ?? "articles", range: shared.unit.range)
        let sharedChecked = try check(base, counting: true)
        if shared.filter != nil {
            for i in checked.indices {
                checked[i].query.condition = .and([checked[i].query.condition, sharedChecked.condition])
                checked[i].query.rowFilter = .and([checked[i].query.rowFilter, sharedChecked.rowFilter])
            }
        }
        return Comparison(series: checked, shared: sharedChecked)
    }

    // MARK: - Queries

    var fields: [FieldDefinition] { Schema.fields(of: unit, metadata: metadataFields) }

    func check(_ q: Query, counting: Bool) throws -> CheckedQuery {
        let unitName = q.unit.text
        var setName: String?
        var kind = Unit.articles
        if setNames.contains(unitName) {
            setName = unitName
        } else if let u = Unit(rawValue: unitName.lowercased()) {
            guard Checker.answers(u) else {
                throw Diagnostic(.error, "the '\(u.rawValue)' unit is not available in this version of warta", at: q.unit.range)
            }
            kind = u
        } else {
            throw unknownUnit(q.unit)
        }
        var scoped = self
        scoped.unit = kind
        return try scoped.checkQuery(q, counting: counting, setName: setName)
    }

    func checkQuery(_ q: Query, counting: Bool, setName: String?) throws -> CheckedQuery {
        let unitName = q.unit.text
        var ranked = false
        var condition = Condition.all
        var rowFilter = Condition.all
        var collocation: Collocation?
        var filterExpression = q.filter
        if unit == .terms, let f = q.filter {
            (filterExpression, collocation) = try extractCollocation(f)
        }
        if let filter = filterExpression {
            condition = try check(filter, positive: true, ranked: &ranked)
            if unit.isAggregate { (condition, rowFilter) = try split(condition, filter) }
        }
        if unit != .articles { ranked = false }
        var groups: [GroupKey] = []
        for g in q.groupBy {
            guard counting else {
                throw Diagnostic(.error, "'group by' counts rows: write count \(unitName) … group by \(g.text)", at: g.range)
            }
            groups.append(try groupKey(g))
        }
        if groups.count > 2 {
            throw Diagnostic(.error, "group by takes at most two fields (rows and columns of a pivot)", at: q.groupBy[2].range)
        }
        var order: [SortKey] = []
        var groupOrder: [GroupSortKey] = []
        for k in q.orderBy {
            if counting {
                let n = k.field.text.lowercased()
                switch n {
                case "count": groupOrder.append(.count(descending: k.descending ?? false))
                case "share": groupOrder.append(.share(descending: k.descending ?? false))
                case "total": groupOrder.append(.total(descending: k.descending ?? false))
                default:
                    guard let i = groups.firstIndex(where: { $0.name.lowercased() == n }) else {
                        let valid = ["count", "share", "total"] + groups.map(\.name)
                        let s = Suggest.closest(to: k.field.text, among: valid)
                        throw Diagnostic(.error, "grouped counts order by " + valid.map { "'\($0)'" }.joined(separator: ", ")
                                         + (s.map { " (did you mean '\($0)'?)" } ?? ""), at: k.field.range, suggestion: s)
                    }
                    groupOrder.append(.key(i, descending: k.descending ?? false))
                }
                continue
            }
            if ["left", "right"].contains(k.field.text.lowercased()) {
                guard unit == .articles || unit.isSpan else {
                    throw Diagnostic(.error, "'\(k.field.text)' orders keyword-in-context lines of articles, paragraphs, sentences or quotes", at: k.field.range)
                }
                order.append(SortKey(column: k.field.text.lowercased() == "left" ? .left : .right, descending: k.descending ?? false))
                continue
            }
            let f = try field(k.field)
            if f.type == .passage {
                throw Diagnostic(.error, "cannot order by '\(f.name)'; to sort keyword-in-context lines, order by left or right", at: k.field.range)
            }
            if f.type == .dateList || f.type == .stringList {
                throw Diagnostic(.error, "cannot order by '\(f.name)': it is a list", at: k.field.range)
            }
            if f.column == .score && unit != .articles {
                throw Diagnostic(.error, "score ranks articles; order \(unit.rawValue) by their fields", at: k.field.range)
            }
            // Relevance and keyness read best first unless `asc` is written.
            let bestFirst = f.column == .score || f.column == .keyness
            order.append(SortKey(column: f.column, descending: k.descending ?? bestFirst))
        }
        var limit: Int?
        if let l = q.limit { limit = try count(l, "limit") }
        var offset = 0
        if let o = q.offset { offset = try count(o, "offset") }
        var columns: [Column] = []
        for s in q.show {
            let f = try field(s)
            if !columns.contains(f.column) { columns.append(f.column) }
        }
        if counting && !q.show.isEmpty {
            throw Diagnostic(.error, "count prints numbers; 'show' has nothing to choose", at: q.show[0].range)
        }
        if columns.isEmpty { columns = Schema.defaultColumns(of: unit) }
        if unit == .articles, !q.show.isEmpty || !columns.contains(.matched), condition.hasEntityPredicate, q.show.isEmpty {
            columns.append(.matched)
        }
        if unit == .terms, collocation != nil, q.show.isEmpty { columns = [.term, .count, .score] }
        var checked = CheckedQuery(unit: unitName, unitKind: unit, setName: setName, condition: condition, rowFilter: rowFilter,
                                   groupBy: groups, order: order, limit: limit, offset: offset, columns: columns, ranked: ranked,
                                   includeStopwords: q.includeStopwords, collocation: collocation)
        checked.groupOrder = groupOrder
        if let w = q.within { checked.scope = try scope(w) }
        if let s = q.sample { checked.sample = try sample(s) }
        return checked
    }

    /// `within NAME` or `within (articles where …)`.
    func scope(_ w: Within) throws -> Scope {
        switch w {
        case .set(let name):
            guard setNames.contains(name.text) else { throw unknownSet(name) }
            return Scope(setName: name.text, condition: .all, written: name.text)
        case .query(let q):
            var outer = self
            outer.unit = .articles
            let c = try outer.check(q, counting: false)
            guard c.unitKind == .articles else {
                throw Diagnostic(.error, "'within' takes articles: within (articles where …) or a set's name", at: q.unit.range)
            }
            for (present, range) in [(!q.groupBy.isEmpty, q.groupBy.first?.range), (!q.orderBy.isEmpty, q.orderBy.first?.field.range),
                                     (q.limit != nil, q.limit?.range), (!q.show.isEmpty, q.show.first?.range),
                                     (q.sample != nil, q.sample?.size.range), (q.within != nil, q.within?.range)] where present {
                throw Diagnostic(.error, "'within' takes a set of articles: only a where clause", at: range ?? q.range)
            }
            return Scope(setName: c.setName, condition: c.condition, written: "(" + Printer.print(q) + ")")
        }
    }

    /// `sample N [seed S] [per FIELD M]`.
    func sample(_ s: SampleClause) throws -> Sample {
        let size = try count(s.size, "sample")
        var seed: UInt64 = 0
        if let l = s.seed {
            guard case .integer(let v, _) = l, v >= 0 else { throw Diagnostic(.error, "seed takes a whole number, 0 or more", at: l.range) }
            seed = UInt64(v)
        }
        var per: Column?
        var perLimit = Int.max
        if let (field, limit) = s.per {
            let f = try comparable(field)
            if f.type == .text {
                throw Diagnostic(.error, "cannot sample per '\(f.name)': every value is different; per source, lang, date …", at: field.range)
            }
            per = f.column
            perLimit = try count(limit, "per \(f.name)")
            if perLimit == 0 { throw Diagnostic(.error, "per \(f.name) takes 1 or more rows", at: limit.range) }
        }
        return Sample(size: size, seed: seed, per: per, perLimit: perLimit)
    }

    /// Takes `collocates "…" within N` out of a terms query's top-level `and`.
    func extractCollocation(_ e: Expression) throws -> (Expression?, Collocation?) {
        var rest: [Expression] = []
        var found: Collocation?
        func walk(_ e: Expression) throws {
            if case .and(let a, let b) = e { try walk(a); try walk(b); return }
            if case .predicate(.collocates(let node, let within), let r) = e {
                guard found == nil else { throw Diagnostic(.error, "one 'collocates' per statement", at: r) }
                var window = 5
                if let within {
                    guard case .integer(let w, _) = within, w >= 1, w <= 50 else {
                        throw Diagnostic(.error, "'within' takes a word distance from 1 to 50", at: within.range)
                    }
                    window = Int(w)
                }
                var search = try textSearch(node, fields: IndexedField.allCases)
                search.scope = .article
                found = Collocation(node: search, window: window)
                return
            }
            rest.append(e)
        }
        try walk(e)
        let remaining = rest.isEmpty ? nil : rest.dropFirst().reduce(rest[0]) { .and($0, $1) }
        return (remaining, found)
    }

    /// For entities and terms, the conjuncts about articles choose which
    /// articles are counted; the conjuncts about the unit's own fields filter
    /// its rows. An `or` across the two has no meaning, so it is refused.
    func split(_ c: Condition, _ e: Expression) throws -> (articles: Condition, rows: Condition) {
        let parts: [Condition]
        if case .and(let ps) = c { parts = ps.flatMap { if case .and(let inner) = $0 { return inner } else { return [$0] } } } else { parts = [c] }
        var articles: [Condition] = [], rows: [Condition] = []
        for p in parts {
            switch (p.referencesRowColumns, p.referencesArticles) {
            case (true, true):
                throw Diagnostic(.error, "a condition on \(unit.rawValue) cannot be joined with 'or' to a condition on their articles", at: e.range)
            case (true, false): rows.append(p)
            default: articles.append(p)
            }
        }
        func join(_ cs: [Condition]) -> Condition { cs.isEmpty ? .all : (cs.count == 1 ? cs[0] : .and(cs)) }
        return (join(articles), join(rows))
    }

    func count(_ l: Literal, _ what: String) throws -> Int {
        guard case .integer(let v, let r) = l else { throw Diagnostic(.error, "\(what) takes a whole number", at: l.range) }
        guard v >= 0 else { throw Diagnostic(.error, "\(what) must be 0 or more, not \(v)", at: r) }
        // Past 2^31 every limit or offset means the same (no corpus has that many rows); capped, offset + limit cannot overflow.
        return Int(min(v, Int64(Int32.max)))
    }

    func groupKey(_ name: Name) throws -> GroupKey {
        let parts = name.text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let prefix = parts.dropLast().joined(separator: ".")
        if parts.count >= 2, (try? field(Name(text: prefix, range: name.range))) != nil {
            let base = try field(Name(text: prefix, range: name.range.lowerBound..<(name.range.lowerBound + prefix.utf8.count)))
            guard base.type == .date || base.type == .dateList else {
                throw Diagnostic(.error, "'\(base.name)' is not a date; only dates have buckets (.year, .month, .week, .day)", at: name.range)
            }
            let bucket = parts[parts.count - 1].lowercased()
            guard Schema.dateBuckets.contains(bucket) else {
                let s = Suggest.closest(to: bucket, among: Schema.dateBuckets)
                throw Diagnostic(.error, "unknown date bucket '\(parts[parts.count - 1])'" + (s.map { " (did you mean '\($0)'?)" } ?? " (use year, month, week or day)"), at: name.range, suggestion: s)
            }
            return .dateBucket(base.column, bucket)
        }
        let f = try field(name)
        if f.type == .text || f.type == .passage || f.column == .raw || f.column == .score || f.column == .article(.raw) || f.column == .article(.text) || f.column == .article(.title) {
            throw Diagnostic(.error, "cannot group by '\(f.name)': every value is different; group by source, date, date.month, lang …", at: name.range)
        }
        return .column(f.column)
    }

    /// A field a condition may read: `snippet` and `kwic` are only shown.
    func comparable(_ name: Name) throws -> FieldDefinition {
        let f = try field(name)
        if f.type == .passage {
            throw Diagnostic(.error, "'\(f.name)' is shown, not compared; search the text with mentions or text contains", at: name.range)
        }
        return f
    }

    func field(_ name: Name) throws -> FieldDefinition {
        let fields = self.fields
        if let f = fields.first(where: { Checker.sameName($0.name, name.text) }) { return f }
        // A paragraph, sentence or quote reads its article's fields by their own names too.
        if unit.isSpan, let f = fields.first(where: { Checker.sameName($0.name, "article." + name.text) }) { return f }
        let s = Suggest.closest(to: name.text, among: fields.map(\.name))
        var message = "unknown field '\(name.text)'"
        if let s { message += " (did you mean '\(s)'?)" } else { message += " (\(unit.rawValue) have: \(fields.map(\.name).filter { !$0.hasPrefix("article.") }.joined(separator: ", ")))" }
        throw Diagnostic(.error, message, at: name.range, suggestion: s)
    }

    /// Whether two names are the same but for case (field names are case-insensitive). ASCII
    /// names, nearly all of them, are compared byte by byte; others through `lowercased()`.
    static func sameName(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        var a = a, b = b
        let ascii: Bool? = a.withUTF8 { x in
            b.withUTF8 { y in
                guard x.count == y.count else { return x.allSatisfy { $0 < 0x80 } && y.allSatisfy { $0 < 0x80 } ? false : nil }
                for i in 0..<x.count {
                    let p = x[i], q = y[i]
                    if p >= 0x80 || q >= 0x80 { return nil }
                    if (p >= 65 && p <= 90 ? p | 0x20 : p) != (q >= 65 && q <= 90 ? q | 0x20 : q) { return false }
                }
                return true
            }
        }
        return ascii ?? (a.lowercased() == b.lowercased())
    }

    func unknownUnit(_ name: Name) -> Diagnostic {
        let candidates = Schema.units + setNames.sorted()
        let s = Suggest.closest(to: name.text, among: candidates)
        var message = "unknown unit '\(name.text)'"
        if let s { message += " (did you mean '\(s)'?)" } else { message += " (units: \(Schema.units.joined(separator: ", ")))" }
        return Diagnostic(.error, message, at: name.range, suggestion: s)
    }

    func unknownSet(_ name: Name) -> Diagnostic {
        let s = Suggest.closest(to: name.text, among: setNames.sorted())
        var message = "unknown set '\(name.text)'"
        message += s.map { " (did you mean '\($0)'?)" } ?? (setNames.isEmpty ? " (make one with: let \(name.text) = articles where …)" : "")
        return Diagnostic(.error, message, at: name.range, suggestion: s)
    }
}
