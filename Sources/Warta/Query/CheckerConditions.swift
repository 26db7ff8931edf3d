/// The checker's second half: conditions, comparisons and literals, each
/// resolved to a typed, backend-neutral `Condition`.
extension Checker {

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

    func check(_ p: Predicate, positive: Bool, ranked: inout Bool) throws -> Condition {
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
                    let s = Suggest.closest(to: written, among: entityNames + (suggestedEntityNames?() ?? []))
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

    func comparison(_ f: FieldDefinition, _ name: Name, _ op: ComparisonOperator, _ value: Literal) throws -> Condition {
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
    func regex(_ lit: Literal, columns: [Column]) throws -> Condition {
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

    func article(_ t: FieldType) -> String {
        switch t {
        case .integer: return "an integer"
        case .dateList: return "a list of dates"
        default: return "a \(t.rawValue)"
        }
    }

    func stringValue(_ l: Literal) -> String? {
        if case .string(let s, _) = l { return s }
        return nil
    }

    func string(_ l: Literal, for f: FieldDefinition) throws -> String {
        switch l {
        case .string(let s, _): return s
        case .integer(let v, _): return String(v)
        case .date(let d, _): return d
        case .regex: throw Diagnostic(.error, "'\(f.name)' compares with a string; for a pattern write '\(f.name) matches /…/'", at: l.range)
        }
    }

    func integer(_ l: Literal, for f: FieldDefinition) throws -> Int64 {
        guard case .integer(let v, _) = l else {
            throw Diagnostic(.error, "'\(f.name)' is an integer; expected a number, found \(l.display)", at: l.range)
        }
        return v
    }

    /// A date literal as the inclusive range of days it covers: a day, a
    /// month (`2024-06`) or a year (`2024`).
    func dayRange(_ l: Literal, for f: FieldDefinition) throws -> ClosedRange<Int32> {
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
    var mentionFields: [IndexedField] { unit.isSpan ? [.text] : IndexedField.allCases }

    /// The words of a quoted search, folded as the index folds them.
    func textSearch(_ l: Literal, fields: [IndexedField]) throws -> TextSearch {
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
