/// A typed value in a result row.
public enum Value: Sendable, Hashable, Codable {
    /// A missing value: an article without a date, a quote without a speaker.
    case null
    /// Text: a title, an id, a source.
    case string(String)
    /// A whole number: a count, a position, a number of words.
    case integer(Int)
    /// A number with a fraction: a relevance score, an association.
    case number(Double)
    /// A calendar day.
    case date(Day)
    /// Every date of a list field (`dates`), in order.
    case dates([Day])
    /// A list of strings (`aliases`, `matched`, `copies_in`).
    case strings([String])
    /// A passage with highlighted matches.
    case marked(MarkedText)

    /// The value as plain text (`null` for null).
    public var text: String {
        switch self {
        case .null: return "null"
        case .string(let s): return s
        case .integer(let i): return String(i)
        case .number(let d): return formatNumber(d)
        case .date(let d): return d.description
        case .dates(let ds): return ds.map(\.description).joined(separator: ", ")
        case .strings(let ss): return ss.joined(separator: ", ")
        case .marked(let m): return m.rendered()
        }
    }
}

/// Four significant decimals at most, no trailing zeros: 12.3457, 0.5, 3.
func formatNumber(_ d: Double) -> String {
    guard d.isFinite else { return d.isNaN ? "NaN" : (d > 0 ? "Infinity" : "-Infinity") }
    let scaled = (d * 10000).rounded() / 10000
    if scaled == scaled.rounded(.towardZero) && abs(scaled) < 1e15 { return String(Int64(scaled)) }
    var s = String(scaled)
    if s.contains("e") { return s }
    while s.hasSuffix("0") { s.removeLast() }
    return s
}

/// Rows of a unit: what `articles where …` returns.
public struct RowSet: Sendable {
    /// The unit (`articles`) or set name queried.
    public var unit: String
    /// What a row is.
    public var unitKind: Unit = .articles
    /// Column names, in order.
    public var columns: [String]
    /// The rows, each with one value per column of `columns`.
    public var rows: [[Value]]
    /// The article id of each row, whether or not `columns` shows it.
    public var ids: [String]
    /// How many rows matched before `limit` and `offset`.
    public var matched: Int
    /// Rows the statement asked for but the session's row cap left out.
    public var leftOutByRowLimit: Int = 0

    /// Rows as an executor returns them.
    public init(unit: String, unitKind: Unit = .articles, columns: [String], rows: [[Value]], ids: [String], matched: Int,
                leftOutByRowLimit: Int = 0) {
        self.unit = unit
        self.unitKind = unitKind
        self.columns = columns
        self.rows = rows
        self.ids = ids
        self.matched = matched
        self.leftOutByRowLimit = leftOutByRowLimit
    }
}

/// One group of a grouped count.
public struct GroupCount: Sendable, Hashable {
    /// The group's value (null for rows without one).
    public var group: Value
    /// How many rows are in the group.
    public var count: Int

    /// One group and its count.
    public init(group: Value, count: Int) {
        self.group = group
        self.count = count
    }
}

/// What `count … group by FIELD` returns.
public struct GroupedCounts: Sendable {
    /// The grouping key as written (`source`, `date.month`).
    public var key: String
    /// The groups, in the statement's order (value order unless `order by count`).
    public var groups: [GroupCount]
    /// Rows counted (an article in several groups of a list field counts once here).
    public var total: Int

    /// The groups of a `count … group by`, and the rows counted.
    public init(key: String, groups: [GroupCount], total: Int) {
        self.key = key
        self.groups = groups
        self.total = total
    }
}

/// The answer to one statement.
public enum QueryResult: Sendable {
    /// Rows of a unit: `articles where …`, `sentences …`, `entities …`.
    case rows(RowSet)
    /// A number: `count articles where …`.
    case count(Int)
    /// One count per group: `count … group by FIELD`.
    case groups(GroupedCounts)
    /// A text for people: explain output, a command's answer.
    case message(String)
    /// Keyword-in-context lines, and how many there were before `limit`.
    case kwic([KWICLine], matched: Int)
}
