import Warta

/// The values of one SQL statement, bound to `$1`, `$2`, … and typed by a cast.
struct SQLParameters {
    private(set) var values: [String?] = []

    /// `$n::type`, binding `value` to it.
    mutating func bind(_ value: String?, _ type: String) -> String {
        values.append(value)
        return "$\(values.count)::\(type)"
    }
}

extension SQLParameters {
    /// One value of a jsonb column: `jsonb_path_query_first(keys, '$."title"')`.
    ///
    /// A jsonpath rather than `->>`: postgres_fdw ships no function that takes
    /// a text constant (its collation is not a column's), so `->>` would make
    /// every shard send its rows back for the coordinator to filter.
    mutating func jsonField(_ column: String, _ keys: String...) -> String {
        "jsonb_path_query_first(\(column), " + bind(SQLParameters.path(keys), "jsonpath") + ")"
    }

    /// How often `word` occurs in `field` (0 when it does not), as a float8
    /// expression: `coalesce` would keep postgres_fdw from shipping an ORDER BY.
    mutating func frequency(_ field: IndexedField, _ word: String) -> String {
        "((jsonb_path_query_array(\(field.name)_tf, " + bind(SQLParameters.path([word]), "jsonpath") + ") || '[0]'::jsonb) -> 0)::float8"
    }

    /// `$."a"."b"`: a jsonpath to nested keys (quoted as JSON strings are).
    static func path(_ keys: [String]) -> String {
        "$" + keys.map { "." + JSONText.quote($0) }.joined()
    }
}

/// A statement part PostgreSQL cannot run exactly as the native engine does.
func unsupported(_ what: String) -> Diagnostic {
    Diagnostic(.error, "not supported on PostgreSQL: \(what)")
}

/// Turns a checked condition into a SQL boolean over one `articles` table.
///
/// Every leaf is true or false, never NULL, so `NOT` keeps the native meaning
/// (a comparison with a null field is false, and its negation true). Words
/// become typed `tsquery` values; strings, numbers and dates are bound.
struct SQLCompiler {
    let catalog: TermCatalog
    var params = SQLParameters()

    init(catalog: TermCatalog) { self.catalog = catalog }

    mutating func condition(_ c: Condition) throws -> String {
        switch c {
        case .all:
            return "TRUE"
        case .and(let parts):
            return parts.isEmpty ? "TRUE" : "(" + (try parts.map { try condition($0) }).joined(separator: " AND ") + ")"
        case .or(let parts):
            return parts.isEmpty ? "FALSE" : "(" + (try parts.map { try condition($0) }).joined(separator: " OR ") + ")"
        case .not(let inner):
            return "NOT " + (try condition(inner))
        case .text(let s):
            return try text(s)
        case .compare(let column, let op, let value):
            return try compare(column, op, value)
        case .dateRange(let column, let lower, let upper):
            guard column == .date else { throw unsupported("a date range on '\(column.name)'") }
            var parts: [String] = []
            if let lower { parts.append("date >= " + params.bind(String(lower), "integer")) }
            if let upper { parts.append("date <= " + params.bind(String(upper), "integer")) }
            return "(" + (["date IS NOT NULL"] + parts).joined(separator: " AND ") + ")"
        case .dateListContains(let column, let lower, let upper):
            guard column == .dates, lower <= upper, Int(upper) - Int(lower) <= 100_000 else {
                throw unsupported("'contains' on '\(column.name)' over that span")
            }
            // An array overlap (shipped to shards, unlike a subquery over unnest).
            let days = "{" + (lower...upper).map(String.init).joined(separator: ",") + "}"
            return "(dates && " + params.bind(days, "integer[]") + ")"
        case .isNull(let column):
            switch column {
            case .date, .source, .url, .lang: return "(\(column.name) IS NULL)"
            case .dates: return "(cardinality(dates) = 0)"
            case .matched: return "TRUE"  // no entity predicate runs here, so nothing is ever matched
            case .metadata(let name): return "NOT jsonb_path_exists(fields, " + params.bind(SQLParameters.path([name]), "jsonpath") + ")"
            default: throw unsupported("'is null' on '\(column.name)'")
            }
        case .columnWords(let column, let words):
            guard let key = stringKey(column) else { throw unsupported("'contains' on '\(column.name)'") }
            // The words, space-separated, within the column's words likewise stored (`q`: literally).
            let literal = words.isEmpty ? "" : " ? (@ like_regex " + JSONText.quote(" " + words.joined(separator: " ") + " ") + " flag \"q\")"
            return "jsonb_path_exists(words, " + params.bind(SQLParameters.path([key]) + literal, "jsonpath") + ")"
        case .regex:
            throw unsupported("regular expressions (matches /…/, mentions /…/)")
        case .entity(let e):
            throw unsupported("entity predicates (mentions entity \"\(e.written)\")")
        @unknown default:
            throw unsupported("this condition")
        }
    }

    /// The key of a string column in `keys` and `words`.
    func stringKey(_ c: Column) -> String? {
        switch c {
        case .id, .title, .source, .url, .lang: return c.name
        case .metadata(let name): return "m:" + name
        default: return nil
        }
    }

    mutating func compare(_ column: Column, _ op: ComparisonOperator, _ value: ScalarValue) throws -> String {
        let sqlOp: String
        switch op {
        case .equal: sqlOp = "="
        case .notEqual: sqlOp = "<>"
        case .less: sqlOp = "<"
        case .lessEqual: sqlOp = "<="
        case .greater: sqlOp = ">"
        case .greaterEqual: sqlOp = ">="
        }
        if column == .words {
            guard case .integer(let n) = value else { return "FALSE" }
            return "(text_len \(sqlOp) " + params.bind(String(n), "bigint") + ")"
        }
        guard let key = stringKey(column) else { throw unsupported("comparing '\(column.name)'") }
        let target: String
        switch value {
        case .string(let s): target = s
        case .integer(let n): target = String(n)
        }
        // Never NULL, so that NOT keeps its meaning: a null field compares false.
        let field = params.jsonField("keys", key)
        return "(\(field) IS NOT NULL AND \(field) \(sqlOp) " + params.bind(JSONText.quote(ArticleRow.sortKey(target)), "jsonb") + ")"
    }

    // MARK: - Text

    mutating func text(_ s: TextSearch) throws -> String {
        guard s.scope == .article else { throw unsupported("words within a paragraph, sentence or quote") }
        if s.minimumCount > 1 { return try atLeast(s) }
        var parts: [String] = []
        for field in s.fields {
            guard let query = try tsquery(s) else { continue }
            parts.append("(\(field.name)_tsv @@ " + params.bind(query, "tsquery") + ")")
        }
        return parts.isEmpty ? "FALSE" : "(" + parts.joined(separator: " OR ") + ")"
    }

    /// `at least N times`: occurrences of one word (or its expansions) over the fields, from the stored frequencies.
    mutating func atLeast(_ s: TextSearch) throws -> String {
        guard s.near == nil, s.phrase.count == 1 else {
            throw unsupported("'at least N times' for a phrase or 'near' (only for one word)")
        }
        let words = try expansions(s.phrase[0])
        if words.isEmpty { return "FALSE" }
        var terms: [String] = []
        for field in s.fields {
            for w in words { terms.append(params.frequency(field, w)) }
        }
        if terms.isEmpty { return "FALSE" }
        return "((" + terms.joined(separator: " + ") + ") >= " + params.bind(String(s.minimumCount), "float8") + ")"
    }

    /// Whether any text search of `c` looks for a root (`mentions stem "…"`).
    static func hasStem(_ c: Condition) -> Bool {
        switch c {
        case .and(let parts), .or(let parts): return parts.contains(where: hasStem)
        case .not(let inner): return hasStem(inner)
        case .text(let s):
            return (s.phrase + (s.near?.phrase ?? [])).contains { if case .stem = $0 { return true } else { return false } }
        default: return false
        }
    }

    /// The words a pattern stands for (a prefix's or a root's forms).
    func expansions(_ w: WordPattern) throws -> [String] {
        switch w {
        case .exact(let t): return [t]
        case .prefix(let p): return try catalog.terms(withPrefix: p)
        case .stem(let t): return try catalog.wordForms(sameStemAs: t)
        }
    }

    /// The tsquery of a search in one field: a phrase with `<->`, `near` as
    /// every distance 1…N+1 in both orders; nil when a word has no form at all.
    func tsquery(_ s: TextSearch) throws -> String? {
        guard let first = try phrase(s.phrase) else { return nil }
        guard let near = s.near else { return first }
        guard let second = try phrase(near.phrase) else { return nil }
        // At most N other words between: the second starts 1…N+1 words after the first ends.
        var alternatives: [String] = []
        for k in 1...(near.distance + 1) {
            alternatives.append("(\(first)) <\(k)> (\(second))")
            alternatives.append("(\(second)) <\(k)> (\(first))")
        }
        return alternatives.joined(separator: " | ")
    }

    func phrase(_ words: [WordPattern]) throws -> String? {
        var out: [String] = []
        for w in words {
            switch w {
            case .exact(let t): out.append(ArticleRow.lexeme(t))
            case .prefix(let p): out.append(ArticleRow.lexeme(p) + ":*")
            case .stem(let t):
                let forms = try catalog.wordForms(sameStemAs: t)
                if forms.isEmpty { return nil }
                out.append("(" + forms.map(ArticleRow.lexeme).joined(separator: " | ") + ")")
            }
        }
        return out.isEmpty ? nil : out.joined(separator: " <-> ")
    }
}
