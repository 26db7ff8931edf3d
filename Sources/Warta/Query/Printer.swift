/// Prints a parse tree back as canonical statement text: keywords in lower
/// case, one space between tokens, every `and`/`or` grouping made explicit
/// with parentheses. Parsing the printed text gives the same tree (less the
/// source ranges), which the round-trip tests and the fuzzers rely on.
public enum Printer {
    /// A statement as canonical text.
    public static func print(_ s: Statement) -> String {
        switch s {
        case .query(let q): return print(q)
        case .count(let q, _): return "count " + print(q)
        case .explain(let inner, _): return "explain " + print(inner)
        case .let(let name, let value, _): return "let \(name.text) = " + print(value)
        case .setOperation(let a, let op, let b, _): return "\(a.text) \(op) \(b.text)"
        case .command(let name, let argument, _): return argument.isEmpty ? name.text : "\(name.text) \(argument)"
        case .spread(let q, _): return "spread " + print(q)
        case .compare(let series, let shared, _):
            let items = series.map { item -> String in
                var out = item.parenthesized ? "(" + print(item.query) + ")" : item.query.unit.text
                if let label = item.label { out += " as " + print(.string(label.text, label.range)) }
                return out
            }
            return "compare " + items.joined(separator: ", ") + clauses(shared)
        }
    }

    /// A query as canonical text, its clauses in the order the grammar gives.
    public static func print(_ q: Query) -> String {
        q.unit.text + clauses(q)
    }

    /// A query's clauses, each with a leading space.
    static func clauses(_ q: Query) -> String {
        var out = ""
        if let f = q.filter { out += " where " + print(f) }
        if !q.groupBy.isEmpty { out += " group by " + q.groupBy.map(\.text).joined(separator: ", ") }
        if !q.orderBy.isEmpty {
            out += " order by " + q.orderBy.map { $0.field.text + ($0.descending.map { $0 ? " desc" : " asc" } ?? "") }.joined(separator: ", ")
        }
        if let l = q.limit { out += " limit " + print(l) }
        if let o = q.offset { out += " offset " + print(o) }
        if !q.show.isEmpty { out += " show " + q.show.map(\.text).joined(separator: ", ") }
        if q.includeStopwords { out += " including stopwords" }
        if let w = q.within {
            switch w {
            case .set(let n): out += " within " + n.text
            case .query(let inner): out += " within (" + print(inner) + ")"
            }
        }
        if let s = q.sample {
            out += " sample " + print(s.size)
            if let seed = s.seed { out += " seed " + print(seed) }
            if let per = s.per { out += " per \(per.field.text) " + print(per.limit) }
        }
        return out
    }

    /// An expression, each `and` and `or` in parentheses.
    public static func print(_ e: Expression) -> String {
        switch e {
        case .and(let a, let b): return "(\(print(a)) and \(print(b)))"
        case .or(let a, let b): return "(\(print(a)) or \(print(b)))"
        case .not(let inner, _): return "not " + print(inner)
        case .predicate(let p, _): return print(p)
        }
    }

    static func print(_ p: Predicate) -> String {
        switch p {
        case .mentions(let target, let atLeast):
            var out = "mentions "
            switch target {
            case .words(let l): out += print(l)
            case .near(let a, let d, let b): out += "\(print(a)) near \(print(d)) \(print(b))"
            case .stem(let l): out += "stem " + print(l)
            case .entity(let kind, let l): out += "\(kind.text) " + print(l)
            case .regex(let l): out += print(l)
            }
            if let atLeast { out += " at least \(print(atLeast)) times" }
            return out
        case .comparison(let f, let op, let v): return "\(f.text) \(op.rawValue) \(print(v))"
        case .between(let f, let a, let b): return "\(f.text) between \(print(a)) and \(print(b))"
        case .member(let f, let values): return "\(f.text) in (\(values.map(print).joined(separator: ", ")))"
        case .isNull(let f, let negated): return "\(f.text) is \(negated ? "not " : "")null"
        case .contains(let f, let v): return "\(f.text) contains \(print(v))"
        case .matches(let f, let v): return "\(f.text) matches \(print(v))"
        case .collocates(let node, let within): return "collocates \(print(node))" + (within.map { " within \(print($0))" } ?? "")
        }
    }

    /// A literal as it would be written: strings quoted and escaped.
    public static func print(_ l: Literal) -> String {
        switch l {
        case .integer(let v, _): return String(v)
        case .date(let d, _): return d
        case .regex(let pattern, let flags, _):
            return "/" + pattern.replacing("/", with: "\\/") + "/" + flags
        case .string(let s, _):
            var out = "\""
            for u in s.unicodeScalars {
                switch u {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\t": out += "\\t"
                default:
                    if u.value < 0x20 || u.value == 0x7F {
                        out += "\\u{" + String(u.value, radix: 16) + "}"
                    } else {
                        out.unicodeScalars.append(u)
                    }
                }
            }
            return out + "\""
        }
    }
}
