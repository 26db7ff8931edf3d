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
    let units = (d * 10000).rounded()
    let scaled = units / 10000
    if scaled == scaled.rounded(.towardZero) && abs(scaled) < 1e15 { return String(Int64(scaled)) }
    if abs(units) < 1e13 {
        // Below 10^9 the shortest digits that name `scaled` are its four decimals (doubles there
        // are far closer together than 0.0001), so they are written from the integer `units`
        // directly rather than by the general shortest-digits algorithm: every score of a result.
        let n = Int64(abs(units))
        var fraction = Int(n % 10000)
        var digits = 4
        while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        var out = units < 0 ? "-" : ""
        out += String(n / 10000)
        out += "."
        let text = String(fraction)
        if text.utf8.count < digits { out += String(repeating: "0", count: digits - text.utf8.count) }
        out += text
        return out
    }
    var s = String(scaled)
    if s.utf8.contains(UInt8(ascii: "e")) { return s }  // (not Foundation's contains: a search with a locale)
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
    /// What a row is called when it is not the unit (`outlet` for spread).
    public var noun: String?

    /// A row's name in a footer: `article`, `sentence`, `outlet`.
    public var rowNoun: String { noun ?? unitKind.singular }
}

/// One row of a grouped count: the group's values, how many matching rows
/// fall in it (one count per compared series), and how many rows of the
/// same unit the group holds in the whole scope.
public struct GroupRow: Sendable, Hashable, Codable {
    /// One value per grouping key (null for rows without one).
    public var group: [Value]
    /// Matching rows in the group, one count per series.
    public var counts: [Int]
    /// Rows of the unit in the group over the whole corpus, or the `within` scope.
    public var total: Int

    /// A row of counts.
    public init(group: [Value], counts: [Int], total: Int) {
        self.group = group
        self.counts = counts
        self.total = total
    }

    /// `counts[series] / total`, or nil for a group with no rows at all.
    public func share(_ series: Int = 0) -> Double? {
        total == 0 ? nil : Double(counts[series]) / Double(total)
    }
}

/// What `count … group by …` and `compare …` return: counts with the size of
/// each group, so shares can be read, not only volumes.
public struct GroupedCounts: Sendable, Codable {
    /// The grouping keys as written (`source`, `date.month`); empty for a
    /// `compare` without `group by`.
    public var keys: [String]
    /// The series counted: `["count"]` for a count, the labels of a `compare`.
    public var series: [String]
    /// Whether it answers a `compare` (one column per series).
    public var isComparison: Bool
    /// What was counted (`articles`, `sentences`).
    public var unit: String
    /// `within` as written, or nil for the whole corpus.
    public var scope: String?
    /// The statement's rows, in its order (group values unless `order by count`).
    public var rows: [GroupRow]
    /// Rows counted per series (a row in several groups of a list field counts once here).
    public var matched: [Int]
    /// Groups left out by `limit` and `offset`.
    public var groupsLeftOut: Int = 0

    /// Grouped counts; see the properties.
    public init(keys: [String], series: [String], isComparison: Bool, unit: String, scope: String?,
                rows: [GroupRow], matched: [Int], groupsLeftOut: Int = 0) {
        self.keys = keys
        self.series = series
        self.isComparison = isComparison
        self.unit = unit
        self.scope = scope
        self.rows = rows
        self.matched = matched
        self.groupsLeftOut = groupsLeftOut
    }

    /// Whether the table format shows it as a pivot (rows × columns).
    public var isPivot: Bool { keys.count == 2 && series.count == 1 && !isComparison }

    /// Whether the first key is a date bucket or a date: a timeline.
    public var isTimeline: Bool {
        guard keys.count == 1, let first = rows.first(where: { $0.group[0] != .null }) else { return false }
        if case .date = first.group[0] { return true }
        return ["day", "week", "month", "year"].contains { keys[0].lowercased().hasSuffix("." + $0) }
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
