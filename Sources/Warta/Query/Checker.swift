/// Resolves names and types: turns a parsed `Statement` into a
/// `CheckedStatement`, or a diagnostic that says what is wrong, where, and
/// what was probably meant.
public struct Checker {
    /// Metadata fields the corpus has beyond the built-in ones.
    public var metadataFields: [String]
    /// Named sets of the session (`let NAME = …`).
    public var setNames: Set<String>
    /// The unit of the query being checked.
    var unit: Unit = .articles
    /// Units this version answers.
    static let answeredUnits: Set<Unit> = [.articles, .paragraphs, .sentences, .quotes, .entities, .terms]

    /// Finds an entity by any of its names: canonical name, type, aliases.
    public var resolveEntity: (@Sendable (String) -> (name: String, type: String, aliases: [String])?)?
    /// Names to suggest when an entity is not found.
    public var entityNames: [String]

    public init(metadataFields: [String] = [], setNames: Set<String> = [],
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
        }
    }

    // MARK: - Queries

    private var fields: [FieldDefinition] { Schema.fields(of: unit, metadata: metadataFields) }

    func check(_ q: Query, counting: Bool) throws -> CheckedQuery {
        let unitName = q.unit.text
        var setName: String?
        var kind = Unit.articles
        if setNames.contains(unitName) {
            setName = unitName
        } else if let u = Unit(rawValue: unitName.lowercased()) {
            guard Checker.answeredUnits.contains(u) else {
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

    private func checkQuery(_ q: Query, counting: Bool, setName: String?) throws -> CheckedQuery {
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
        if groups.count > 1 {
            throw Diagnostic(.error, "group by takes one field in this version", at: q.groupBy[1].range)
        }
        var order: [SortKey] = []
        for k in q.orderBy {
            if counting && !groups.isEmpty {
                let n = k.field.text.lowercased()
                if n == "count" { order.append(SortKey(column: .metadata("count"), descending: k.descending ?? false)); continue }
                if n == groups[0].name { order.append(SortKey(column: .metadata("group"), descending: k.descending ?? false)); continue }
                throw Diagnostic(.error, "a grouped count orders by 'count' or '\(groups[0].name)'", at: k.field.range)
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
        return CheckedQuery(unit: unitName, unitKind: unit, setName: setName, condition: condition, rowFilter: rowFilter,
                            groupBy: groups, order: order, limit: limit, offset: offset, columns: columns, ranked: ranked,
                            includeStopwords: q.includeStopwords, collocation: collocation)
    }

    /// Takes `collocates "…" within N` out of a terms query's top-level `and`.
    private func extractCollocation(_ e: Expression) throws -> (Expression?, Collocation?) {
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
    private func split(_ c: Condition, _ e: Expression) throws -> (articles: Condition, rows: Condition) {
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

    private func count(_ l: Literal, _ what: String) throws -> Int {
        guard case .integer(let v, let r) = l else { throw Diagnostic(.error, "\(what) takes a whole number", at: l.range) }
        guard v >= 0 else { throw Diagnostic(.error, "\(what) must be 0 or more, not \(v)", at: r) }
        return Int(v)
    }

    private func groupKey(_ name: Name) throws -> GroupKey {
        let parts = name.text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let prefix = parts.dropLast().joined(separator: ".")
        if parts.count >= 2, fields.contains(where: { $0.name.lowercased() == prefix.lowercased() }) {
            let base = try field(Name(text: prefix, range: name.range.lowerBound..<(name.range.lowerBound + prefix.utf8.count)))
            guard base.type == .date || base.type == .dateList else {
                throw Diagnostic(.error, "'\(base.name)' is not a date; only dates have buckets (.year, .month, .week, .day)", at: name.range)
            }
            let bucket = parts[parts.count - 1].lowercased()
            guard Schema.dateBuckets.contains(bucket) else {
                let s = Suggest.closest(to: bucket, among: Schema.dateBuckets)
                throw Diagnostic(.error, "unknown date bucket '\(parts[parts.count - 1])'" + (s.map { " (did you mean '\($0)'?)" } ?? " (use year, month, week or day)"), at: name.range, suggestion: s)
            }
            return bucket == "day" ? .column(base.column) : .dateBucket(base.column, bucket)
        }
        let f = try field(name)
        if f.type == .text || f.type == .passage || f.column == .raw || f.column == .score || f.column == .article(.raw) || f.column == .article(.text) || f.column == .article(.title) {
            throw Diagnostic(.error, "cannot group by '\(f.name)': every value is different; group by source, date, date.month, lang …", at: name.range)
        }
        return .column(f.column)
    }

    /// A field a condition may read: `snippet` and `kwic` are only shown.
    private func comparable(_ name: Name) throws -> FieldDefinition {
        let f = try field(name)
        if f.type == .passage {
            throw Diagnostic(.error, "'\(f.name)' is shown, not compared; search the text with mentions or text contains", at: name.range)
        }
        return f
    }

    private func field(_ name: Name) throws -> FieldDefinition {
        let key = name.text.lowercased()
        if let f = fields.first(where: { $0.name.lowercased() == key }) { return f }
        let s = Suggest.closest(to: name.text, among: fields.map(\.name))
        var message = "unknown field '\(name.text)'"
        if let s { message += " (did you mean '\(s)'?)" } else { message += " (\(unit.rawValue) have: \(fields.map(\.name).filter { !$0.hasPrefix("article.") }.joined(separator: ", ")))" }
        throw Diagnostic(.error, message, at: name.range, suggestion: s)
    }

    private func unknownUnit(_ name: Name) -> Diagnostic {
        let candidates = Schema.units + setNames.sorted()
        let s = Suggest.closest(to: name.text, among: candidates)
        var message = "unknown unit '\(name.text)'"
        if let s { message += " (did you mean '\(s)'?)" } else { message += " (units: \(Schema.units.joined(separator: ", ")))" }
        return Diagnostic(.error, message, at: name.range, suggestion: s)
    }

    private func unknownSet(_ name: Name) -> Diagnostic {
        let s = Suggest.closest(to: name.text, among: setNames.sorted())
        var message = "unknown set '\(name.text)'"
        message += s.map { " (did you mean '\($0)'?)" } ?? (setNames.isEmpty ? " (make one with: let \(name.text) = articles where …)" : "")
        return Diagnostic(.error, message, at: name.range, suggestion: s)
    }

    // MARK: - Conditions

    func check(_ e: Expression, positive: Bool, ranked: inout Bool) throws -> Condition {
        switch e {
        case .and(let a, let b):
            // n-ary, so that a conjunction leapfrogs over all its lists at once.
            var parts: [Condition] = []
            for c in [try check(a, positive: positive, ranked: &ranked), try check(b, positive: positive, ranked: &ranked)] {
                if case .and(let inner) = c { parts += inner } else { parts.append(c) }
            }
            return .and(parts)
        case .or(let a, let b):
            var parts: [Condition] = []
            for c in [try check(a, positive: positive, ranked: &ranked), try check(b, positive: positive, ranked: &ranked)] {
                if case .or(let inner) = c { parts += inner } else { parts.append(c) }
            }
            return .or(parts)
        case .not(let inner, _):
            return .not(try check(inner, positive: !positive, ranked: &ranked))
        case .predicate(let p, _):
            return try check(p, positive: positive, ranked: &ranked)
        }
    }

    private func check(_ p: Predicate, positive: Bool, ranked: inout Bool) throws -> Condition {
        switch p {
        case .mentions(let target, let atLeast):
            var minimum = 1
            if let atLeast {
                guard case .integer(let v, let r) = atLeast, v >= 1, v <= 1_000_000 else {
                    throw Diagnostic(.error, "'at least' takes a count from 1 to 1000000", at: atLeast.range)
                }
                _ = r
                minimum = Int(v)
            }
            switch target {
            case .words(let lit):
                var search = try textSearch(lit, fields: mentionFields)
                search.minimumCount = minimum
                if positive { ranked = true }
                return .text(search)
            case .near(let a, let distance, let b):
                guard case .integer(let d, let r) = distance, d >= 0, d <= 1000 else {
                    throw Diagnostic(.error, "'near' takes a word distance from 0 to 1000", at: distance.range)
                }
                _ = r
                var search = try textSearch(a, fields: mentionFields)
                let second = try textSearch(b, fields: mentionFields)
                search.near = TextSearch.Near(distance: Int(d), phrase: second.phrase)
                search.written = "\"\(search.written)\" near \(d) \"\(second.written)\""
                search.minimumCount = minimum
                if positive { ranked = true }
                return .text(search)
            case .stem(let lit):
                var search = try textSearch(lit, fields: mentionFields)
                search.phrase = search.phrase.map { w in
                    switch w {
                    case .exact(let t), .prefix(let t), .stem(let t): return .stem(t)
                    }
                }
                search.minimumCount = minimum
                if positive { ranked = true }
                return .text(search)
            case .entity(let kind, let lit):
                guard case .string(let written, let r) = lit else {
                    throw Diagnostic(.error, "expected a name in quotes, found \(lit.display)", at: lit.range)
                }
                guard let found = resolveEntity?(written) else {
                    let s = Suggest.closest(to: written, among: entityNames)
                    throw Diagnostic(.error, "unknown entity '\(written)'" + (s.map { " (did you mean '\($0)'?)" } ?? "; search its words instead: mentions \"\(written)\""),
                                     at: r, suggestion: s)
                }
                let wanted = kind.text.lowercased()
                if wanted != "entity" && found.type != wanted {
                    throw Diagnostic(.error, "'\(found.name)' is \(found.type == "org" ? "an org" : "a \(found.type)"), not \(wanted == "org" ? "an org" : "a \(wanted)"); write mentions \(found.type == "other" ? "entity" : found.type) \"\(written)\"", at: kind.range)
                }
                return .entity(EntitySearch(name: found.name, type: found.type, aliases: found.aliases, minimumCount: minimum,
                                            scope: unit.isSpan ? .unit : .article, written: written))
            case .regex(let lit):
                return try regex(lit, columns: unit.isSpan ? [.text] : [.title, .text])
            }
        case .comparison(let name, let op, let value):
            let f = try comparable(name)
            return try comparison(f, name, op, value)
        case .between(let name, let low, let high):
            let f = try comparable(name)
            switch f.type {
            case .date:
                let lo = try dayRange(low, for: f), hi = try dayRange(high, for: f)
                return .dateRange(f.column, lower: lo.lowerBound, upper: hi.upperBound)
            case .integer:
                return .and([.compare(f.column, .greaterEqual, .integer(try integer(low, for: f))),
                             .compare(f.column, .lessEqual, .integer(try integer(high, for: f)))])
            case .string:
                return .and([.compare(f.column, .greaterEqual, .string(try string(low, for: f))),
                             .compare(f.column, .lessEqual, .string(try string(high, for: f)))])
            default:
                throw Diagnostic(.error, "'between' compares dates, numbers or strings; '\(f.name)' is \(article(f.type))", at: name.range)
            }
        case .member(let name, let values):
            let f = try comparable(name)
            return .or(try values.map { try comparison(f, name, .equal, $0) })
        case .isNull(let name, let negated):
            let f = try comparable(name)
            if [.id, .title, .text, .raw, .words, .score].contains(f.column) {
                throw Diagnostic(.error, "'\(f.name)' is never null", at: name.range)
            }
            return negated ? .not(.isNull(f.column)) : .isNull(f.column)
        case .contains(let name, let value):
            let f = try comparable(name)
            switch f.type {
            case .text:
                let fieldID: IndexedField = f.column == .title || f.column == .article(.title) ? .title : .text
                if positive { ranked = true }
                var search = try textSearch(value, fields: [fieldID])
                if unit.isSpan && f.column == .text { search.scope = .unit }
                return .text(search)
            case .string:
                let search = try textSearch(value, fields: [])
                var words: [String] = []
                for w in search.phrase {
                    guard case .exact(let t) = w else {
                        throw Diagnostic(.error, "a prefix (word*) can only be searched in title and text", at: value.range)
                    }
                    words.append(t)
                }
                return .columnWords(f.column, words)
            case .dateList:
                let r = try dayRange(value, for: f)
                return .dateListContains(f.column, lower: r.lowerBound, upper: r.upperBound)
            case .stringList:
                let words = Tokenizer.terms(try string(value, for: f))
                return .columnWords(f.column, words)
            default:
                throw Diagnostic(.error, "'contains' looks for words in text or a date in a list; '\(f.name)' is \(article(f.type)) (use =, <, >)", at: name.range)
            }
        case .collocates(let node, _):
            throw Diagnostic(.error, "'collocates' lists terms: terms where collocates \"…\" within 5 (joined to other conditions with and)", at: node.range)
        case .matches(let name, let lit):
            let f = try comparable(name)
            guard f.type == .string || f.type == .text || f.type == .stringList else {
                throw Diagnostic(.error, "'matches' applies to text; '\(f.name)' is \(article(f.type))", at: name.range)
            }
            return try regex(lit, columns: [f.column])
        }
    }

    private func comparison(_ f: FieldDefinition, _ name: Name, _ op: ComparisonOperator, _ value: Literal) throws -> Condition {
        switch f.type {
        case .date:
            let r = try dayRange(value, for: f)
            switch op {
            case .equal: return .dateRange(f.column, lower: r.lowerBound, upper: r.upperBound)
            case .notEqual: return .or([.dateRange(f.column, lower: nil, upper: r.lowerBound - 1),
                                        .dateRange(f.column, lower: r.upperBound + 1, upper: nil)])
            case .less: return .dateRange(f.column, lower: nil, upper: r.lowerBound - 1)
            case .lessEqual: return .dateRange(f.column, lower: nil, upper: r.upperBound)
            case .greater: return .dateRange(f.column, lower: r.upperBound + 1, upper: nil)
            case .greaterEqual: return .dateRange(f.column, lower: r.lowerBound, upper: nil)
            }
        case .dateList:
            throw Diagnostic(.error, "'\(f.name)' is a list of dates; write '\(f.name) contains 2024-06-19'", at: name.range)
        case .stringList:
            guard op == .equal || op == .notEqual else {
                throw Diagnostic(.error, "'\(f.name)' is a list; compare it with = or !=, or use contains", at: name.range)
            }
            return .compare(f.column, op, .string(try string(value, for: f)))
        case .integer:
            return .compare(f.column, op, .integer(try integer(value, for: f)))
        case .string:
            return .compare(f.column, op, .string(try string(value, for: f)))
        case .text:
            return .compare(f.column, op, .string(try string(value, for: f)))
        case .number, .passage:
            throw Diagnostic(.error, "'\(f.name)' can be shown and ordered by, not compared", at: name.range)
        }
    }

    /// A regular expression, compiled once here so a bad pattern is an error
    /// with a caret under the spot, not a failure at run time.
    private func regex(_ lit: Literal, columns: [Column]) throws -> Condition {
        guard case .regex(let pattern, let flags, let r) = lit else {
            throw Diagnostic(.error, "expected a regular expression /…/, found \(lit.display)", at: lit.range)
        }
        do {
            _ = try LinearRegex(pattern, caseInsensitive: flags.contains("i"))
        } catch {
            // Offsets are within the pattern; the literal starts with '/'.
            let lower = min(r.upperBound, r.lowerBound + 1 + error.range.lowerBound)
            let upper = min(r.upperBound, max(lower + 1, r.lowerBound + 1 + error.range.upperBound))
            throw Diagnostic(.error, "invalid regular expression: \(error.message)", at: lower..<upper)
        }
        return .regex(columns, pattern: pattern, caseInsensitive: flags.contains("i"))
    }

    private func article(_ t: FieldType) -> String {
        switch t {
        case .integer: return "an integer"
        case .dateList: return "a list of dates"
        default: return "a \(t.rawValue)"
        }
    }

    private func stringValue(_ l: Literal) -> String? {
        if case .string(let s, _) = l { return s }
        return nil
    }

    private func string(_ l: Literal, for f: FieldDefinition) throws -> String {
        switch l {
        case .string(let s, _): return s
        case .integer(let v, _): return String(v)
        case .date(let d, _): return d
        case .regex: throw Diagnostic(.error, "'\(f.name)' compares with a string; for a pattern write '\(f.name) matches /…/'", at: l.range)
        }
    }

    private func integer(_ l: Literal, for f: FieldDefinition) throws -> Int64 {
        guard case .integer(let v, _) = l else {
            throw Diagnostic(.error, "'\(f.name)' is an integer; expected a number, found \(l.display)", at: l.range)
        }
        return v
    }

    /// A date literal as the inclusive range of days it covers: a day, a
    /// month (`2024-06`) or a year (`2024`).
    private func dayRange(_ l: Literal, for f: FieldDefinition) throws -> ClosedRange<Int32> {
        var text: String
        switch l {
        case .date(let d, _): text = d
        case .integer(let v, _): text = String(v)
        case .string(let s, _): text = s.trimmingSpaces()
        case .regex: text = ""
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count >= 1, parts.count <= 3, parts[0].count == 4, let y = Int(parts[0]), y >= 1,
           parts.dropFirst().allSatisfy({ $0.count == 2 }) {
            if parts.count == 1, let a = Day(year: y, month: 1, day: 1), let b = Day(year: y, month: 12, day: 31) {
                return a.ordinal...b.ordinal
            }
            if parts.count == 2, let m = Int(parts[1]), let a = Day(year: y, month: m, day: 1),
               let b = Day(year: y, month: m, day: Day.daysIn(month: m, year: y)) {
                return a.ordinal...b.ordinal
            }
            if parts.count == 3, let m = Int(parts[1]), let d = Int(parts[2]), let day = Day(year: y, month: m, day: d) {
                return day.ordinal...day.ordinal
            }
        }
        throw Diagnostic(.error, "'\(f.name)' is a date; expected 2024-06-20, 2024-06 or 2024, found \(l.display)", at: l.range)
    }

    /// Where `mentions` looks: a paragraph, sentence or quote's own text, or
    /// an article's title and text.
    private var mentionFields: [IndexedField] { unit.isSpan ? [.text] : IndexedField.allCases }

    /// The words of a quoted search, folded as the index folds them.
    private func textSearch(_ l: Literal, fields: [IndexedField]) throws -> TextSearch {
        guard case .string(let s, let r) = l else {
            throw Diagnostic(.error, "expected words in quotes, found \(l.display)", at: l.range)
        }
        var phrase: [WordPattern] = []
        let bytes = Array(s.utf8)
        for w in Tokenizer.words(s) {
            let isPrefix = w.range.upperBound < bytes.count && bytes[w.range.upperBound] == UInt8(ascii: "*")
            phrase.append(isPrefix ? .prefix(w.term) : .exact(w.term))
        }
        if phrase.isEmpty {
            throw Diagnostic(.error, "nothing to search for: \"\(s)\" has no words", at: r)
        }
        if phrase.count > 64 {
            throw Diagnostic(.error, "a phrase of \(phrase.count) words is too long (the limit is 64)", at: r)
        }
        return TextSearch(fields: fields, phrase: phrase, near: nil, minimumCount: 1, written: s, scope: unit.isSpan ? .unit : .article)
    }
}
