/// `--format svg`: a chart of grouped counts, sized for a slide (1280×720),
/// titled with the statement (docs/output.md, "Charts").
///
/// - a plain `count … group by FIELD`: bars, one a group (columns for a few
///   short labels, horizontal bars for more);
/// - a timeline (`group by date.day`, `.week`, `.month`, `.year`): a line,
///   one a series for `compare`, undated rows left out and said so;
/// - `compare … group by FIELD`: grouped bars with a legend;
/// - a pivot (`group by source, date.month`): one line (or bar) a value of
///   the first key, the largest ones, over the second key.
///
/// The drawing is in `SVGChart+Drawing.swift`; this part decides what is drawn.
struct SVGChart {
    enum Kind: Equatable {
        /// Vertical bars, categories along the bottom.
        case columns
        /// Horizontal bars, categories down the left.
        case horizontalBars
        /// A line a series over dates.
        case lines
    }

    struct Series: Equatable {
        var label: String
        /// One value a category.
        var values: [Int]
    }

    var title: String
    var subtitle: String
    var kind: Kind
    /// The label of each category (each point along the x axis).
    var categories: [String]
    /// Where each category stands on the x axis of a line chart (days from
    /// an epoch), when the categories are dates; nil spaces them evenly.
    var positions: [Double]?
    var series: [Series]
    /// What the categories are (`date.day`, `source`).
    var categoryTitle: String
    /// What the values are (`articles`).
    var valueTitle: String
    /// What the chart leaves out: undated rows, groups beyond the limit.
    var notes: [String]

    /// Groups drawn as bars at most; the rest are named in a note.
    static let maximumBars = 30
    /// Bar groups drawn at most when each holds several series.
    static let maximumGroupedBars = 20
    /// Series drawn at most (a pivot's rows, a comparison's labels).
    static let maximumSeries = 8

    /// The SVG document for `result`.
    /// - Throws: a `Diagnostic` for anything but grouped counts and comparisons.
    static func render(_ result: QueryResult, title: String?) throws(Diagnostic) -> String {
        switch result {
        case .groups(let g):
            return chart(g, title: title).svg()
        case .message(let text) where text.isEmpty:
            return ""  // `let`: nothing to print, nothing to draw
        default:
            let what: String
            switch result {
            case .rows: what = "this statement gives rows, not counts"
            case .count: what = "this statement gives one number"
            case .kwic: what = "this statement gives keyword-in-context lines"
            default: what = "this statement gives text"
            }
            throw Diagnostic(.error, "svg draws grouped counts and comparisons; \(what) "
                + "(try count … group by date.day, or another --format)")
        }
    }

    /// What to draw for `g`.
    static func chart(_ g: GroupedCounts, title: String?) -> SVGChart {
        let title = oneLine(title ?? (g.isComparison ? "compare \(g.series.joined(separator: ", "))" : "count \(g.unit)"))
        var c = SVGChart(title: title, subtitle: "", kind: .columns, categories: [], positions: nil, series: [],
                         categoryTitle: g.keys.joined(separator: ", "), valueTitle: g.unit, notes: [])
        if g.isPivot {
            c.pivot(g)
        } else if g.keys.isEmpty {
            // compare without group by: one bar a series.
            c.categories = g.series
            c.series = [Series(label: g.unit, values: g.series.indices.map { g.rows.first?.counts[$0] ?? 0 })]
            c.categoryTitle = "series"
            c.kind = bars(c.categories)
        } else if g.isTimeline {
            c.timeline(g)
        } else {
            var rows = g.rows
            let limit = g.series.count > 1 ? maximumGroupedBars : maximumBars
            if rows.count > limit {
                c.notes.append("\(rows.count - limit) more groups not drawn (the statement's first \(limit) are)")
                rows = Array(rows.prefix(limit))
            }
            c.categories = rows.map { $0.group.map(\.text).joined(separator: " · ") }
            c.series = g.series.indices.map { i in Series(label: g.series[i], values: rows.map { $0.counts[i] }) }
            c.kind = bars(c.categories)
            c.subtitle = "\(capitalized(g.unit)) by \(g.keys.joined(separator: " and "))"
        }
        if g.groupsLeftOut > 0 { c.notes.append("\(g.groupsLeftOut) groups left out by the statement's limit") }
        if c.subtitle.isEmpty { c.subtitle = capitalized(g.unit) }
        let matched = zip(g.series, g.matched).map { g.series.count > 1 ? "\($0): \(grouped($1))" : "\(grouped($1)) \(g.unit) counted" }
        c.subtitle += " · " + matched.joined(separator: ", ")
        if let scope = g.scope { c.subtitle += " · totals within \(oneLine(scope))" }
        return c
    }

    /// A line a series over the dated buckets, in date order.
    private mutating func timeline(_ g: GroupedCounts) {
        let rows = g.rows.filter { $0.group[0] != .null }
            .sorted { Evaluator.compareGroupValues($0.group[0], $1.group[0], descending: false) < 0 }
        if let undated = g.rows.first(where: { $0.group[0] == .null }) {
            let n = undated.counts.reduce(0, +)
            if n > 0 { notes.append("\(SVGChart.grouped(n)) \(g.unit) without a date not drawn") }
        }
        kind = .lines
        categories = rows.map { $0.group[0].text }
        positions = SVGChart.positions(rows.map { $0.group[0] })
        series = g.series.indices.map { i in Series(label: g.series[i], values: rows.map { $0.counts[i] }) }
        if series.count > SVGChart.maximumSeries {
            notes.append("\(series.count - SVGChart.maximumSeries) more series not drawn")
            series = Array(series.prefix(SVGChart.maximumSeries))
        }
        let bucket = TerminalChart.bucketName(g.keys[0])
        subtitle = "\(SVGChart.capitalized(g.unit)) a \(bucket)"
        if let first = categories.first, let last = categories.last, first != last { subtitle += ", \(first) to \(last)" }
    }

    /// Rows × columns: a series a value of the first key (the largest
    /// first), over the values of the second.
    private mutating func pivot(_ g: GroupedCounts) {
        var rowKeys: [Value] = [], columnKeys: [Value] = []
        var seenRows = Set<Value>(), seenColumns = Set<Value>()
        var cells: [Value: [Value: Int]] = [:]
        for r in g.rows {
            if seenRows.insert(r.group[0]).inserted { rowKeys.append(r.group[0]) }
            if seenColumns.insert(r.group[1]).inserted { columnKeys.append(r.group[1]) }
            cells[r.group[0], default: [:]][r.group[1], default: 0] += r.counts[0]
        }
        columnKeys.sort { Evaluator.compareGroupValues($0, $1, descending: false) < 0 }
        let dated = SVGChart.isDateKey(g.keys[1]) || columnKeys.contains { if case .date = $0 { return true }; return false }
        if dated, columnKeys.last == .null {
            columnKeys.removeLast()
            let n = rowKeys.reduce(0) { $0 + (cells[$1]?[.null] ?? 0) }
            if n > 0 { notes.append("\(SVGChart.grouped(n)) \(g.unit) without a date not drawn") }
        }
        if !dated && columnKeys.count > SVGChart.maximumGroupedBars {
            notes.append("\(columnKeys.count - SVGChart.maximumGroupedBars) more values of \(g.keys[1]) not drawn")
            columnKeys = Array(columnKeys.prefix(SVGChart.maximumGroupedBars))
        }
        let sum = { (k: Value) in cells[k]?.values.reduce(0, +) ?? 0 }
        // The largest first; rows without a value (null) last.
        let ranked = rowKeys.enumerated().sorted {
            ($0.element == .null ? 0 : 1, sum($0.element), -$0.offset) > ($1.element == .null ? 0 : 1, sum($1.element), -$1.offset)
        }.map(\.element)
        let limit = dated ? SVGChart.maximumSeries : 5
        if ranked.count > limit {
            notes.append("\(ranked.count - limit) more values of \(g.keys[0]) not drawn (the \(limit) largest are)")
        }
        categories = columnKeys.map(\.text)
        series = ranked.prefix(limit).map { k in Series(label: k.text, values: columnKeys.map { cells[k]?[$0] ?? 0 }) }
        categoryTitle = g.keys[1]
        if dated {
            kind = .lines
            positions = SVGChart.positions(columnKeys)
            subtitle = "\(SVGChart.capitalized(g.unit)) a \(TerminalChart.bucketName(g.keys[1])), a line a value of \(g.keys[0])"
        } else {
            kind = SVGChart.bars(categories)
            subtitle = "\(SVGChart.capitalized(g.unit)) by \(g.keys[1]), a bar a value of \(g.keys[0])"
        }
    }

    /// Columns when a few short labels fit under them; horizontal bars otherwise.
    static func bars(_ labels: [String]) -> Kind {
        let longest = labels.map(\.count).max() ?? 0
        return labels.count <= 12 && Double(longest) * charWidth(16) <= plotWidth / Double(max(1, labels.count)) * 0.92
            ? .columns : .horizontalBars
    }

    /// Days since an epoch for date buckets (a day, `2024-06`, `2024-W25`,
    /// `2024`), or nil when any is not a date.
    static func positions(_ values: [Value]) -> [Double]? {
        var out: [Double] = []
        for v in values {
            switch v {
            case .date(let d): out.append(Double(d.ordinal))
            case .string(let s):
                guard let d = Evaluator.firstDay(ofBucket: s) else { return nil }
                out.append(Double(d.ordinal))
            default: return nil
            }
        }
        return out
    }

    static func isDateKey(_ key: String) -> Bool {
        let k = key.lowercased()
        return k == "date" || ["day", "week", "month", "year"].contains { k == "date." + $0 }
    }

    /// Line breaks and runs of spaces as one space.
    static func oneLine(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

    /// `12,345`.
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }
}
