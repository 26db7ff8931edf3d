/// Charts drawn with block characters for grouped counts on a terminal
/// (docs/output.md, "Charts"): a bar column beside the table, and for a
/// timeline one sparkline a series under it.
///
///     date.day    count  total  share
///     ----------  -----  -----  -----
///     2024-06-19      1      1   100%  ████████████████▌
///     2024-06-20      2      2   100%  █████████████████████████████████
///     (2 groups)
///     2024-06-19 ▅█ 2024-06-20  (at most 2 a day)
enum TerminalChart {
    /// Partial cells, in eighths: `▏` is one eighth of `█`.
    static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    /// Sparkline levels, lowest first; `▁` stands for zero.
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    /// The narrowest bar column worth drawing.
    static let minimumBarWidth = 10
    /// The widest bar column: longer bars read no better.
    static let maximumBarWidth = 60

    /// A bar `value / maximum` of `width` cells, to the nearest eighth of a
    /// cell; any value above zero shows at least `▏`, zero shows nothing.
    static func bar(_ value: Int, of maximum: Int, width: Int) -> String {
        guard value > 0, maximum > 0, width > 0 else { return "" }
        let exact = Double(value) / Double(maximum) * Double(width * 8)
        let n = max(1, min(width * 8, Int(exact.rounded())))
        return String(repeating: "█", count: n / 8) + eighths[n % 8]
    }

    /// `values` with adjacent ones summed so that at most `width` remain, and
    /// how many of the original values each one holds (the last may hold fewer).
    static func compress(_ values: [Int], to width: Int) -> (values: [Int], per: Int) {
        guard width > 0, values.count > width else { return (values, 1) }
        let per = (values.count + width - 1) / width
        let summed = stride(from: 0, to: values.count, by: per).map { values[$0..<min($0 + per, values.count)].reduce(0, +) }
        return (summed, per)
    }

    /// One character a value: `▁` for zero, `▂`…`█` for the rest, scaled on
    /// `maximum` (the largest value when nil) so that any count above zero rises.
    static func sparkline(_ values: [Int], maximum: Int? = nil) -> String {
        let top = maximum ?? values.max() ?? 0
        return String(values.map { v -> Character in
            guard v > 0, top > 0 else { return levels[0] }
            let level = Int((Double(v) / Double(top) * 7).rounded(.up))
            return levels[max(1, min(7, level))]
        })
    }

    /// How wide the bars beside a table `tableWidth` wide may be in `width`
    /// columns, with `columns` bar columns two spaces apart; nil when they do not fit.
    static func barWidth(total width: Int, tableWidth: Int, columns: Int) -> Int? {
        let room = width - tableWidth - 2 * columns
        let each = min(maximumBarWidth, room / max(1, columns))
        return each >= minimumBarWidth / max(1, min(2, columns)) ? each : nil
    }

    /// Adds bar columns to the lines of a table (header, rule, then one line
    /// a row): `counts[row][column]`, all on one scale so columns compare,
    /// headed by `labels` when there are several.
    static func addBars(to lines: [String], counts: [[Int]], labels: [String], width: Int, visibleCount: (String) -> Int) -> [String] {
        let tableWidth = lines.map(visibleCount).max() ?? 0
        let columns = counts.first?.count ?? 0
        guard columns > 0, let each = barWidth(total: width, tableWidth: tableWidth, columns: columns) else { return lines }
        let top = counts.flatMap { $0 }.max() ?? 0
        func line(_ base: String, _ cells: [String]) -> String {
            var s = base + String(repeating: " ", count: tableWidth - visibleCount(base))
            for (i, c) in cells.enumerated() {
                s += "  " + c
                if i < cells.count - 1 { s += String(repeating: " ", count: max(0, each - c.count)) }
            }
            while s.hasSuffix(" ") { s.removeLast() }
            return s
        }
        var out = lines
        if columns > 1 {
            out[0] = line(lines[0], labels.map { $0.count > each ? String($0.prefix(each - 1)) + "…" : $0 })
        }
        for (i, row) in counts.enumerated() where i + 2 < out.count {
            out[i + 2] = line(lines[i + 2], row.map { bar($0, of: top, width: each) })
        }
        return out
    }

    /// One sparkline a series under a timeline, with its first and last
    /// bucket and its peak: `2024-06-19 ▅█ 2024-06-20  (at most 2 a day)`.
    /// Undated rows are left out; buckets go in date order whatever the statement's order.
    static func sparklines(_ g: GroupedCounts, width: Int) -> String {
        let rows = g.rows.filter { $0.group[0] != .null }
            .sorted { Evaluator.compareGroupValues($0.group[0], $1.group[0], descending: false) < 0 }
        guard let first = rows.first, let last = rows.last else { return "" }
        return sparklines(labels: g.isComparison ? g.series : [], values: g.series.indices.map { s in rows.map { $0.counts[s] } },
                          from: first.group[0].text, to: last.group[0].text, bucket: bucketName(g.keys[0]), width: width)
    }

    /// A sparkline a row of a pivot over dates (`group by source, date.month`):
    /// `columns` are the pivot's dated columns in order, `cells` its counts.
    static func sparklines(rows: [Value], columns: [Value], cells: [Value: [Value: Int]], bucketKey: String, width: Int) -> String {
        let dated = columns.filter { $0 != .null }
        guard let first = dated.first, let last = dated.last else { return "" }
        return sparklines(labels: rows.map(\.text), values: rows.map { r in dated.map { cells[r]?[$0] ?? 0 } },
                          from: first.text, to: last.text, bucket: bucketName(bucketKey), width: width)
    }

    /// Lines of `label  first ▁▃█ last  (at most N a bucket)`, one a series of `values`.
    static func sparklines(labels: [String], values: [[Int]], from start: String, to end: String, bucket: String, width: Int) -> String {
        let labels = labels.map { TerminalText.safe($0, lineBreaks: false) }
        let labelWidth = min(20, labels.map(\.count).max() ?? 0)
        let start = TerminalText.safe(start, lineBreaks: false), end = TerminalText.safe(end, lineBreaks: false)
        let tailRoom = 26  // "  (at most 12345 per 12 days)"
        let room = max(minimumBarWidth, width - (labelWidth > 0 ? labelWidth + 2 : 0) - start.count - end.count - 2 - tailRoom)
        var out = ""
        for (s, series) in values.enumerated() {
            let (summed, per) = compress(series, to: room)
            let peak = summed.max() ?? 0
            let span = per == 1 ? "a \(bucket)" : "per \(per) \(bucket)s"
            let label = labels.isEmpty ? "" : pad(labels[s], labelWidth) + "  "
            out += "\(label)\(start) \(sparkline(summed)) \(end)  (at most \(peak) \(span))\n"
        }
        return out
    }

    /// `day` for `date.day` and `date`, `week`, `month`, `year`.
    static func bucketName(_ key: String) -> String {
        let lower = key.lowercased()
        for b in ["week", "month", "year"] where lower.hasSuffix("." + b) { return b }
        return "day"
    }

    private static func pad(_ s: String, _ n: Int) -> String {
        s.count > n ? String(s.prefix(n - 1)) + "…" : s + String(repeating: " ", count: n - s.count)
    }
}
