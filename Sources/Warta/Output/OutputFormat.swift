/// How results are printed (reference, section 9).
public enum OutputFormat: String, CaseIterable, Sendable {
    /// Aligned columns for people, fitted to the terminal width.
    case table
    /// One JSON array of row objects.
    case json
    /// One JSON object per line.
    case jsonl
    /// RFC 4180 comma-separated values with a header row.
    case csv
    /// A GitHub-flavoured Markdown table.
    case markdown
    /// Keyword in context: one line per match, aligned on the match
    /// (rows without text matches print as a table).
    case kwic
    /// A chart of grouped counts as an SVG document (`SVGChart`): bars for
    /// groups, a line a series for dates and comparisons.
    case svg
}

/// Options for rendering.
public struct RenderOptions: Sendable {
    /// Columns available for a table (terminal width).
    public var width: Int
    /// Bold headers when printing to a terminal.
    public var color: Bool
    /// Bars beside grouped counts and sparklines under timelines in the
    /// table format (`TerminalChart`); off unless asked for.
    public var chart: Bool
    /// The title of an SVG chart: the statement, as written.
    public var title: String?

    /// Options for a table `width` columns wide, in bold or not, with charts
    /// or not; `title` heads an SVG chart.
    public init(width: Int = 100, color: Bool = false, chart: Bool = false, title: String? = nil) {
        self.width = width
        self.color = color
        self.chart = chart
        self.title = title
    }
}

/// Turns a `QueryResult` into text in one of the output formats.
public enum Renderer {
    /// The text to print, ending with a newline (empty for nothing).
    public static func render(_ result: QueryResult, as format: OutputFormat, options: RenderOptions = RenderOptions()) -> String {
        switch format {
        case .table, .kwic: return TableRenderer(options: options).render(result)
        case .json, .jsonl: return JSONRenderer(lines: format == .jsonl).render(result)
        case .csv: return DelimitedRenderer.csv(result)
        case .markdown: return DelimitedRenderer.markdown(result)
        case .svg: return (try? svg(result, options: options)) ?? ""
        }
    }

    /// An SVG chart of grouped counts or a comparison, titled with
    /// `options.title`. `render(_:as: .svg)` gives the same, or nothing for
    /// a result that is not counts.
    /// - Throws: a `Diagnostic` saying why for any other result (rows, a single count, text).
    public static func svg(_ result: QueryResult, options: RenderOptions = RenderOptions()) throws(Diagnostic) -> String {
        try SVGChart.render(result, title: options.title)
    }

    /// The columns and rows of any result, with `id` kept for machine formats.
    static func tabulate(_ result: QueryResult, keepID: Bool) -> (columns: [String], rows: [[Value]])? {
        switch result {
        case .rows(let set):
            if keepID && !set.columns.contains("id") {
                // Machine formats always keep the id, so a row can be found again.
                return (["id"] + set.columns, zip(set.ids, set.rows).map { [.string($0)] + $1 })
            }
            return (set.columns, set.rows)
        case .count(let n):
            return (["count"], [[.integer(n)]])
        case .groups(let g):
            // Long rows: one per group (and series), whatever the table format shows.
            let columns = g.keys + (g.isComparison ? ["series"] : []) + ["count", "total", "share"]
            var rows: [[Value]] = []
            for r in g.rows {
                for i in g.series.indices {
                    rows.append(r.group + (g.isComparison ? [.string(g.series[i])] : [])
                                + [.integer(r.counts[i]), .integer(r.total), r.share(i).map(Value.number) ?? .null])
                }
            }
            return (columns, rows)
        case .kwic(let lines, _):
            return (["id", "left", "match", "right"], lines.map { [.string($0.id), .string($0.left), .string($0.match), .string($0.right)] })
        case .message:
            return nil
        }
    }
}
