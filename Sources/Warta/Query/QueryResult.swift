/// A typed value in a result row.
public enum Value: Sendable, Hashable, Codable {
    case null
    case string(String)
    case integer(Int)
    case number(Double)
    case date(Day)
    case dates([Day])
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
    public var rows: [[Value]]
    /// The article id of each row, whether or not `columns` shows it.
    public var ids: [String]
    /// How many rows matched before `limit` and `offset`.
    public var matched: Int
    /// Rows the statement asked for but the session's row cap left out.
    public var leftOutByRowLimit: Int = 0
}

/// One group of a grouped count.
public struct GroupCount: Sendable, Hashable {
    public var group: Value
    public var count: Int
}

/// What `count … group by FIELD` returns.
public struct GroupedCounts: Sendable {
    /// The grouping key as written (`source`, `date.month`).
    public var key: String
    public var groups: [GroupCount]
    /// Rows counted (an article in several groups of a list field counts once here).
    public var total: Int
}

/// The answer to one statement.
public enum QueryResult: Sendable {
    case rows(RowSet)
    case count(Int)
    case groups(GroupedCounts)
    /// A text for people: explain output, a command's answer.
    case message(String)
    /// Keyword-in-context lines, and how many there were before `limit`.
    case kwic([KWICLine], matched: Int)
}
