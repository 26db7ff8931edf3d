/// Aligned columns for people, fitted to a width.
///
///     id                    title                              date        source
///     --------------------  ---------------------------------  ----------  ------
///     001_c3db5a084bcb6aec  Mengapa Putin Langsung Kunjungi …  2024-06-19  virprom.com
///     (1 article)
struct TableRenderer {
    let options: RenderOptions

    func render(_ result: QueryResult) -> String {
        switch result {
        case .message(let text):
            return text.isEmpty ? "" : TerminalText.safe(text, lineBreaks: true) + "\n"
        case .count(let n):
            return "\(n)\n"
        case .kwic(let lines, let matched):
            return kwic(lines) + footer(lines.count, "match", matched)
        case .groups(let g):
            return groups(g)
        case .rows(let set):
            let rows = set.rows.map { $0.map(cellText) }
            let numeric = set.rows.first.map { row in
                row.indices.filter { if case .integer = row[$0] { return true }; if case .number = row[$0] { return true }; return false }
            } ?? []
            return table(set.columns, rows, rightAligned: Set(numeric)) + footer(set.rows.count, set.rowNoun, set.matched)
        }
    }

    /// Grouped counts: a row per group with its count, total and share; a
    /// pivot for two keys; a count and share column per series for `compare`.
    private func groups(_ g: GroupedCounts) -> String {
        let shown = g.rows.count, all = g.rows.count + g.groupsLeftOut
        if g.isPivot {
            var columns: [Value] = []
            var seen = Set<Value>()
            for r in g.rows where seen.insert(r.group[1]).inserted { columns.append(r.group[1]) }
            columns.sort { Evaluator.compareGroupValues($0, $1, descending: false) < 0 }
            var rowKeys: [Value] = []
            var cells: [Value: [Value: Int]] = [:]
            for r in g.rows {
                if cells[r.group[0]] == nil { rowKeys.append(r.group[0]) }
                cells[r.group[0], default: [:]][r.group[1]] = r.counts[0]
            }
            let header = ["\(g.keys[0]) \\ \(g.keys[1])"] + columns.map(cellText)
            let rows = rowKeys.map { k in [cellText(k)] + columns.map { String(cells[k]?[$0] ?? 0) } }
            var out = table(header, rows, rightAligned: Set(1..<header.count))
                + "(\(rowKeys.count) × \(columns.count) groups of \(g.unit); cells are counts — totals and shares in --format json or csv)\n"
            if options.chart && SVGChart.isDateKey(g.keys[1]) {
                out += TerminalChart.sparklines(rows: rowKeys, columns: columns, cells: cells, bucketKey: g.keys[1], width: options.width)
            }
            return out
        }
        if g.isComparison && g.keys.isEmpty {
            let rows = g.series.indices.map { i in
                [TerminalText.safe(g.series[i], lineBreaks: false), String(g.rows.first?.counts[i] ?? 0),
                 String(g.rows.first?.total ?? 0), percent(g.rows.first?.share(i))]
            }
            let bars = g.series.indices.map { [g.rows.first?.counts[$0] ?? 0] }
            return charted(["series", "count", "total", "share"], rows, rightAligned: [1, 2, 3], bars: bars, labels: [])
                + footer(g.series.count, "series", nil)
        }
        var header = g.keys
        if g.isComparison {
            header.append("total")
            for s in g.series { header += [TerminalText.safe(s, lineBreaks: false), "share"] }
        } else {
            header += ["count", "total", "share"]
        }
        let rows: [[String]] = g.rows.map { r in
            var cells = r.group.map(cellText)
            if g.isComparison {
                cells.append(String(r.total))
                for i in g.series.indices { cells += [String(r.counts[i]), percent(r.share(i))] }
            } else {
                cells += [String(r.counts[0]), String(r.total), percent(r.share())]
            }
            return cells
        }
        var out = charted(header, rows, rightAligned: Set(g.keys.count..<header.count),
                          bars: g.rows.map { g.isComparison ? $0.counts : [$0.counts[0]] }, labels: g.series)
        out += footer(shown, "group", all)
        if let scope = g.scope { out += "(totals within \(TerminalText.safe(scope, lineBreaks: false)))\n" }
        if options.chart && g.isTimeline { out += TerminalChart.sparklines(g, width: options.width) }
        return out
    }

    /// A table with a bar column a series when charts are on (`TerminalChart`):
    /// the table leaves the bars room to be drawn.
    private func charted(_ header: [String], _ rows: [[String]], rightAligned: Set<Int>, bars: [[Int]], labels: [String]) -> String {
        let columns = bars.first?.count ?? 1
        let reserve = columns == 1 ? TerminalChart.minimumBarWidth + 2 : columns * 7
        guard options.chart, options.width - reserve >= 30 else { return table(header, rows, rightAligned: rightAligned) }
        let lines = tableLines(header, rows, rightAligned: rightAligned, width: options.width - reserve)
        let safeLabels = labels.map { TerminalText.safe($0, lineBreaks: false) }
        return TerminalChart.addBars(to: lines, counts: bars, labels: safeLabels, width: options.width, visibleCount: visibleCount)
            .map { $0 + "\n" }.joined()
    }

    /// `40%`, `12.5%`; `-` for a group with no rows at all.
    private func percent(_ x: Double?) -> String {
        guard let x else { return "-" }
        let v = (x * 1000).rounded() / 10
        return (v == v.rounded() ? String(Int(v)) : String(v)) + "%"
    }

    private func footer(_ shown: Int, _ noun: String, _ matched: Int?) -> String {
        let plural = { (n: Int) in
            n == 1 || noun == "series" ? noun : (noun == "entity" ? "entities" : (noun.hasSuffix("ch") ? noun + "es" : (noun == "story" ? "stories" : noun + "s")))
        }
        if let matched, matched != shown {
            return "(\(shown) of \(matched) \(plural(matched)))\n"
        }
        return "(\(shown) \(plural(shown)))\n"
    }

    /// Lines aligned on the match: the left context right-aligned, cut at its
    /// start; the right context cut at its end.
    private func kwic(_ lines: [KWICLine]) -> String {
        guard !lines.isEmpty else { return "" }
        let lines = lines.map { KWICLine(id: TerminalText.safe($0.id, lineBreaks: false), left: $0.left, match: $0.match, right: $0.right) }
        let idWidth = lines.map(\.id.count).max() ?? 0
        let matchWidth = min(30, lines.map(\.match.count).max() ?? 0)
        let room = max(20, options.width - idWidth - matchWidth - 6)
        let leftWidth = room / 2, rightWidth = room - leftWidth
        var out = ""
        for l in lines {
            var left = l.left
            if left.count > leftWidth { left = "…" + String(left.suffix(leftWidth - 1)) }
            var right = l.right
            if right.count > rightWidth { right = String(right.prefix(rightWidth - 1)) + "…" }
            let match = options.color ? "\u{1B}[1m" + l.match + "\u{1B}[0m" : l.match
            let pad = String(repeating: " ", count: leftWidth - left.count)
            let idPad = String(repeating: " ", count: idWidth - l.id.count)
            var line = l.id + idPad + "  " + pad + left + " " + match + " " + right
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        return out
    }

    /// Characters a terminal shows: escape sequences take no room.
    private func visibleCount(_ s: String) -> Int {
        guard s.utf8.contains(0x1B) else { return s.count }
        var n = 0, inEscape = false
        for ch in s {
            if inEscape { if ch.isLetter { inEscape = false } } else if ch == "\u{1B}" { inEscape = true } else { n += 1 }
        }
        return n
    }

    /// The first `n` visible characters, escape sequences kept, attributes reset at the end.
    private func visiblePrefix(_ s: String, _ n: Int) -> String {
        guard s.utf8.contains(0x1B) else { return String(s.prefix(n)) }
        var out = "", seen = 0, inEscape = false
        for ch in s {
            if inEscape { out.append(ch); if ch.isLetter { inEscape = false }; continue }
            if ch == "\u{1B}" { inEscape = true; out.append(ch); continue }
            if seen == n { break }
            out.append(ch)
            seen += 1
        }
        return out + "\u{1B}[0m"
    }

    private func cellText(_ v: Value) -> String {
        if case .marked(let m) = v {
            let safe = { (s: String) in TerminalText.safe(s, lineBreaks: false) }
            return options.color ? m.rendered(open: "\u{1B}[1m", close: "\u{1B}[0m", segment: safe) : m.rendered(segment: safe)
        }
        return TerminalText.safe(v.text, lineBreaks: false)
    }

    private func table(_ header: [String], _ rows: [[String]], rightAligned: Set<Int>) -> String {
        tableLines(header, rows, rightAligned: rightAligned, width: options.width).map { $0 + "\n" }.joined()
    }

    /// The lines of a table at most `width` columns wide: header, rule, rows.
    private func tableLines(_ header: [String], _ rows: [[String]], rightAligned: Set<Int>, width: Int) -> [String] {
        let n = header.count
        var widths = header.map(\.count)
        for r in rows { for (i, c) in r.enumerated() where i < n { widths[i] = max(widths[i], visibleCount(c)) } }
        // Shrink the widest columns until the table fits, never below 8.
        let gap = 2
        var total = widths.reduce(0, +) + gap * (n - 1)
        while total > width {
            guard let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 8 else { break }
            let second = widths.enumerated().filter { $0.offset != widest }.map(\.element).max() ?? 8
            let cut = min(total - width, widths[widest] - max(8, second))
            widths[widest] -= max(1, cut)
            total = widths.reduce(0, +) + gap * (n - 1)
        }
        func fit(_ s: String, _ w: Int, right: Bool) -> String {
            var t = s
            if visibleCount(t) > w { t = visiblePrefix(t, max(0, w - 1)) + "…" }
            let pad = String(repeating: " ", count: max(0, w - visibleCount(t)))
            return right ? pad + t : t + pad
        }
        func line(_ cells: [String], bold: Bool = false) -> String {
            var parts: [String] = []
            for i in 0..<n {
                let cell = fit(i < cells.count ? cells[i] : "", widths[i], right: rightAligned.contains(i))
                parts.append(cell)
            }
            var s = parts.joined(separator: String(repeating: " ", count: gap))
            while s.hasSuffix(" ") { s.removeLast() }
            return bold && options.color ? "\u{1B}[1m" + s + "\u{1B}[0m" : s
        }
        return [line(header, bold: true), widths.map { String(repeating: "-", count: $0) }.joined(separator: String(repeating: " ", count: gap))]
            + rows.map { line($0) }
    }
}
