// The parse tree: plain values, each node with its source range (UTF-8
// offsets into the text the statement came from). The checker resolves it
// into a `CheckedStatement`; nothing mutates it.

/// A name as written: a unit, a field, a set.
public struct Name: Sendable, Equatable {
    public var text: String
    public var range: Range<Int>
}

/// A literal value as written.
public enum Literal: Sendable, Equatable {
    case string(String, Range<Int>)
    case integer(Int64, Range<Int>)
    /// `2024-06-20` or `2024-06` as written.
    case date(String, Range<Int>)
    case regex(pattern: String, flags: String, Range<Int>)

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
    case equal = "=", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
}

/// One predicate of a `where` clause.
public enum Predicate: Sendable, Equatable {
    case mentions(MentionTarget, atLeast: Literal?)
    case comparison(Name, ComparisonOperator, Literal)
    case between(Name, Literal, Literal)
    case member(Name, [Literal])
    case isNull(Name, negated: Bool)
    case contains(Name, Literal)
    case matches(Name, Literal)
    /// `collocates "Putin" within 5` (terms).
    case collocates(Literal, within: Literal?)
}

/// A `where` expression.
public indirect enum Expression: Sendable, Equatable {
    case and(Expression, Expression)
    case or(Expression, Expression)
    case not(Expression, Range<Int>)
    case predicate(Predicate, Range<Int>)

    public var range: Range<Int> {
        switch self {
        case .and(let a, let b), .or(let a, let b): return a.range.lowerBound..<b.range.upperBound
        case .not(_, let r), .predicate(_, let r): return r
        }
    }
}

/// `order by` key.
public struct OrderKey: Sendable, Equatable {
    public var field: Name
    /// `desc` (true), `asc` (false), or neither written (nil).
    public var descending: Bool?
}

/// `unit [where …] [group by …] [order by …] [limit … [offset …]] [show …]`.
public struct Query: Sendable, Equatable {
    public var unit: Name
    public var filter: Expression?
    public var groupBy: [Name] = []
    public var orderBy: [OrderKey] = []
    public var limit: Literal?
    public var offset: Literal?
    public var show: [Name] = []
    /// `including stopwords` (terms).
    public var includeStopwords: Bool = false
    public var range: Range<Int>
}

/// A whole statement.
public indirect enum Statement: Sendable, Equatable {
    case query(Query)
    case count(Query, Range<Int>)
    case explain(Statement, Range<Int>)
    case `let`(Name, Statement, Range<Int>)
    /// `a union b`, `a intersect b`, `a except b`.
    case setOperation(Name, String, Name, Range<Int>)
    /// `.help`, `.open PATH`: a dot-command and its argument text.
    case command(Name, argument: String, Range<Int>)

    public var range: Range<Int> {
        switch self {
        case .query(let q): return q.range
        case .count(_, let r), .explain(_, let r), .let(_, _, let r), .setOperation(_, _, _, let r), .command(_, _, let r): return r
        }
    }
}
