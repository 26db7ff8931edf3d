// The parse tree: plain values, each node with its source range (UTF-8
// offsets into the text the statement came from). The checker resolves it
// into a `CheckedStatement`; nothing mutates it.

/// A name as written: a unit, a field, a set.
public struct Name: Sendable, Equatable {
    /// The name as written.
    public var text: String
    /// Where it is: UTF-8 offsets into the source text.
    public var range: Range<Int>
}

/// A literal value as written.
public enum Literal: Sendable, Equatable {
    /// `"To Lam"`: the string after escapes, and where it is written.
    case string(String, Range<Int>)
    /// `5`, `1000`.
    case integer(Int64, Range<Int>)
    /// `2024-06-20` or `2024-06` as written.
    case date(String, Range<Int>)
    /// `/Putin\s+tiba/i`: the pattern and its flags (`i`).
    case regex(pattern: String, flags: String, Range<Int>)

    /// Where the literal is written.
    public var range: Range<Int> {
        switch self {
        case .string(_, let r), .integer(_, let r), .date(_, let r), .regex(_, _, let r): return r
        }
    }

    /// How the literal reads in a message.
    public var display: String {
        switch self {
        case .string(let s, _): return "string \"\(s)\""
        case .integer(let v, _): return "integer \(v)"
        case .date(let d, _): return "date \(d)"
        case .regex(let p, _, _): return "regular expression /\(p)/"
        }
    }
}

/// What `mentions` looks for.
public enum MentionTarget: Sendable, Equatable {
    /// `"To Lam"`, `"kunjung*"`.
    case words(Literal)
    /// `"pakta" near 5 "pertahanan"`.
    case near(Literal, distance: Literal, Literal)
    /// `stem "kunjungan"`.
    case stem(Literal)
    /// `entity "Korea Utara"`, `person "…"`, `place "…"`, `org "…"`.
    case entity(kind: Name, Literal)
    /// `/Putin\s+tiba/i`.
    case regex(Literal)
}

/// A comparison operator.
public enum ComparisonOperator: String, Sendable, Equatable {
    /// `=` (also `==`), `!=` (also `<>`), `<`, `<=`, `>`, `>=`; the raw value is the canonical spelling.
    case equal = "=", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
}

/// One predicate of a `where` clause.
public enum Predicate: Sendable, Equatable {
    /// `mentions …`, with `at least N times` if written.
    case mentions(MentionTarget, atLeast: Literal?)
    /// `date = 2024-06-20`, `words > 500`.
    case comparison(Name, ComparisonOperator, Literal)
    /// `date between 2024-06-19 and 2024-06-20`.
    case between(Name, Literal, Literal)
    /// `source in ("virprom.com", "marwahkepri.com")`.
    case member(Name, [Literal])
    /// `date is null` or, negated, `date is not null`.
    case isNull(Name, negated: Bool)
    /// `title contains "Korea Utara"`; `dates contains 2024-06-19`.
    case contains(Name, Literal)
    /// `title matches /Putin/i`.
    case matches(Name, Literal)
    /// `collocates "Putin" within 5` (terms).
    case collocates(Literal, within: Literal?)
}

/// A `where` expression.
public indirect enum Expression: Sendable, Equatable {
    /// `a and b`.
    case and(Expression, Expression)
    /// `a or b`.
    case or(Expression, Expression)
    /// `not a`, and where it is written from `not` on.
    case not(Expression, Range<Int>)
    /// One predicate and where it is written.
    case predicate(Predicate, Range<Int>)

    /// Where the expression is written, from its first word to its last.
    public var range: Range<Int> {
        switch self {
        case .and(let a, let b), .or(let a, let b): return a.range.lowerBound..<b.range.upperBound
        case .not(_, let r), .predicate(_, let r): return r
        }
    }
}

/// `order by` key.
public struct OrderKey: Sendable, Equatable {
    /// The field or key sorted on (`date`, `count`, `left`).
    public var field: Name
    /// `desc` (true), `asc` (false), or neither written (nil).
    public var descending: Bool?
}

/// `unit [where …] [group by …] [order by …] [limit … [offset …]] [show …]`.
public struct Query: Sendable, Equatable {
    /// The unit (`articles`) or named set queried.
    public var unit: Name
    /// The `where` expression, if any.
    public var filter: Expression?
    /// The `group by` fields (`count` statements).
    public var groupBy: [Name] = []
    /// The `order by` keys, in order.
    public var orderBy: [OrderKey] = []
    /// `limit N`.
    public var limit: Literal?
    /// `offset N`.
    public var offset: Literal?
    /// The `show` fields, in order; empty for the unit's default columns.
    public var show: [Name] = []
    /// `including stopwords` (terms).
    public var includeStopwords: Bool = false
    /// `within NAME` or `within (query)`: the articles counts and totals are taken over.
    public var within: Within?
    /// `sample N [seed S] [per FIELD M]`.
    public var sample: SampleClause?
    /// Where the query is written.
    public var range: Range<Int>
}

/// `within NAME` or `within (articles where …)`.
public indirect enum Within: Sendable, Equatable {
    /// A named set.
    case set(Name)
    /// A query for articles, in parentheses.
    case query(Query)

    /// Where it is written.
    public var range: Range<Int> {
        switch self {
        case .set(let n): return n.range
        case .query(let q): return q.range
        }
    }
}

/// `sample 10 seed 7 per source 1`.
public struct SampleClause: Sendable, Equatable {
    /// How many rows.
    public var size: Literal
    /// `seed S`: the same seed gives the same rows on any machine.
    public var seed: Literal?
    /// `per FIELD M`: at most M rows for each value of FIELD.
    public var per: (field: Name, limit: Literal)?

    public static func == (a: SampleClause, b: SampleClause) -> Bool {
        a.size == b.size && a.seed == b.seed && a.per?.field == b.per?.field && a.per?.limit == b.per?.limit
    }
}

/// One series of a `compare`: a set's name or a query in parentheses, and its label.
public struct ComparedSeries: Sendable, Equatable {
    /// The query (a set name is a query with only a unit).
    public var query: Query
    /// Whether it is written in parentheses (otherwise a set name).
    public var parenthesized: Bool
    /// `as LABEL`, if written.
    public var label: Name?
}

/// A whole statement.
public indirect enum Statement: Sendable, Equatable {
    /// `articles where …`: rows.
    case query(Query)
    /// `count articles where …`.
    case count(Query, Range<Int>)
    /// `explain …`: the plan and the counts, not the rows.
    case explain(Statement, Range<Int>)
    /// `let NAME = …`: a named set.
    case `let`(Name, Statement, Range<Int>)
    /// `a union b`, `a intersect b`, `a except b`.
    case setOperation(Name, String, Name, Range<Int>)
    /// `.help`, `.open PATH`: a dot-command and its argument text.
    case command(Name, argument: String, Range<Int>)
    /// `compare a, (articles where …) as b group by date.day`: several
    /// queries counted over the same groups; the query holds the shared clauses.
    case compare([ComparedSeries], Query, Range<Int>)
    /// `spread articles where …`: per outlet, when it first carried the matches.
    case spread(Query, Range<Int>)

    /// Where the whole statement is written.
    public var range: Range<Int> {
        switch self {
        case .query(let q): return q.range
        case .count(_, let r), .explain(_, let r), .let(_, _, let r), .setOperation(_, _, _, let r), .command(_, _, let r),
             .compare(_, _, let r), .spread(_, let r): return r
        }
    }
}
