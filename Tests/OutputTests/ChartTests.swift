import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import Warta

/// Charts: bars and sparklines in tables, and `--format svg`.
final class ChartTests: XCTestCase {
    static func day(_ s: String) -> Value { .date(Day(iso: s)!) }

    /// Putin by day, with an undated group last.
    let timeline = GroupedCounts(
        keys: ["date.day"], series: ["count"], isComparison: false, unit: "articles", scope: nil,
        rows: [GroupRow(group: [day("2024-06-19")], counts: [1], total: 1),
               GroupRow(group: [day("2024-06-20")], counts: [2], total: 2),
               GroupRow(group: [day("2024-06-21")], counts: [0], total: 3),
               GroupRow(group: [.null], counts: [2], total: 2)],
        matched: [5])

    func comparison(keys: [String], rows: [GroupRow]) -> GroupedCounts {
        GroupedCounts(keys: keys, series: ["Putin", "Kim <Jong> & \"Un\""], isComparison: true, unit: "articles", scope: nil,
                      rows: rows, matched: [5, 2])
    }

    // MARK: - Terminal

    func testBarsAreScaledInEighthsOfACell() {
        XCTAssertEqual(TerminalChart.bar(1, of: 2, width: 10), "█████")
        XCTAssertEqual(TerminalChart.bar(2, of: 2, width: 10), "██████████")
        XCTAssertEqual(TerminalChart.bar(3, of: 8, width: 2), "▊")  // 6 eighths
        XCTAssertEqual(TerminalChart.bar(5, of: 8, width: 3), "█▉")  // 15 eighths
        XCTAssertEqual(TerminalChart.bar(1, of: 10_000, width: 10), "▏", "any count above zero shows")
        XCTAssertEqual(TerminalChart.bar(0, of: 10, width: 10), "")
        XCTAssertEqual(TerminalChart.bar(3, of: 0, width: 10), "")
    }

    func testSparklinesRiseAboveZeroAndCompressBySumming() {
        XCTAssertEqual(TerminalChart.sparkline([0, 1, 2, 4]), "▁▃▅█")
        XCTAssertEqual(TerminalChart.sparkline([0, 0]), "▁▁")
        XCTAssertEqual(TerminalChart.sparkline([1, 1000]), "▂█", "a small count still rises above zero")
        let same = TerminalChart.compress([1, 2, 3, 4, 5], to: 5)
        XCTAssertEqual(same.values, [1, 2, 3, 4, 5])
        XCTAssertEqual(same.per, 1)
        let two = TerminalChart.compress([1, 2, 3, 4, 5], to: 2)
        XCTAssertEqual(two.values, [6, 9])
        XCTAssertEqual(two.per, 3)
        let long = TerminalChart.compress(Array(repeating: 1, count: 365), to: 60)
        XCTAssertLessThanOrEqual(long.values.count, 60)
        XCTAssertEqual(long.values.reduce(0, +), 365, "nothing is lost in compressing")
    }

    func testATimelineGetsBarsAndASparklineOnlyWithChartsOn() {
        let plain = Renderer.render(.groups(timeline), as: .table, options: RenderOptions(width: 60))
        XCTAssertFalse(plain.contains("█"))
        XCTAssertFalse(plain.contains("▁"))
        let charted = Renderer.render(.groups(timeline), as: .table, options: RenderOptions(width: 60, chart: true))
        let lines = charted.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[0], "date.day    count  total  share", "the header has no bar title")
        // The table is 31 wide: 27 columns are left for bars, after two spaces.
        XCTAssertEqual(lines[2], "2024-06-19      1      1   100%  " + String(repeating: "█", count: 13) + "▌")
        XCTAssertEqual(lines[3], "2024-06-20      2      2   100%  " + String(repeating: "█", count: 27))
        XCTAssertEqual(lines[4], "2024-06-21      0      3     0%", "zero draws no bar")
        XCTAssertEqual(lines.last, "2024-06-19 ▅█▁ 2024-06-21  (at most 2 a day)", "undated rows are left out of the sparkline")
        for l in lines { XCTAssertLessThanOrEqual(l.count, 60, l) }
        // Without charts the table is exactly as before.
        XCTAssertEqual(plain, Renderer.render(.groups(timeline), as: .table))
    }

    func testALongTimelineIsCompressedToTheWidth() {
        let start = Day(iso: "2024-01-01")!.ordinal
        let rows = (0..<200).map { i in GroupRow(group: [.date(Day(ordinal: start + Int32(i)))], counts: [i % 7], total: 10) }
        let g = GroupedCounts(keys: ["date.day"], series: ["count"], isComparison: false, unit: "articles", scope: nil, rows: rows, matched: [600])
        let text = TerminalChart.sparklines(g, width: 80)
        XCTAssertTrue(text.hasPrefix("2024-01-01 "), text)
        XCTAssertTrue(text.contains(" 2024-07-18  (at most "), text)
        XCTAssertTrue(text.contains("(at most 21 per 7 days)"), text)  // a week of 0…6
        XCTAssertLessThanOrEqual(text.trimmingCharacters(in: .newlines).count, 80)
    }

    func testAComparisonGetsABarColumnASeriesOnOneScale() {
        let g = comparison(keys: ["source"], rows: [GroupRow(group: [.string("a.com")], counts: [4, 1], total: 4),
                                                    GroupRow(group: [.string("b.com")], counts: [1, 1], total: 3)])
        let text = Renderer.render(.groups(g), as: .table, options: RenderOptions(width: 100, chart: true))
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertNotNil(lines[0].range(of: #"share  Putin +Kim <Jong> & "Un"$"#, options: .regularExpression), "series above their bars: \(lines[0])")
        let bars = lines[2].split(separator: " ").filter { $0.contains("█") }
        XCTAssertEqual(bars.count, 2, lines[2])
        let column = lines[0].count - lines[0].range(of: "Putin  ", options: .backwards)!.lowerBound.utf16Offset(in: lines[0])
            - "Kim <Jong> & \"Un\"".count - 2
        XCTAssertEqual(bars[0], Substring(String(repeating: "█", count: column)), "the largest count fills its column")
        XCTAssertEqual(bars[1], Substring(TerminalChart.bar(1, of: 4, width: column)), "a quarter of it, on the same scale")
        for l in lines { XCTAssertLessThanOrEqual(l.count, 100, l) }
    }

    func testAPivotOverDatesGetsASparklineARow() {
        let g = GroupedCounts(keys: ["source", "date.month"], series: ["count"], isComparison: false, unit: "articles", scope: nil,
                              rows: [GroupRow(group: [.string("a.com"), .string("2024-05")], counts: [1], total: 1),
                                     GroupRow(group: [.string("a.com"), .string("2024-06")], counts: [3], total: 3),
                                     GroupRow(group: [.string("b.com"), .string("2024-06")], counts: [2], total: 2),
                                     GroupRow(group: [.string("b.com"), .null], counts: [4], total: 4)],
                              matched: [10])
        let text = Renderer.render(.groups(g), as: .table, options: RenderOptions(width: 80, chart: true))
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(Array(lines.suffix(2)), ["a.com  2024-05 ▄█ 2024-06  (at most 3 a month)",
                                                "b.com  2024-05 ▁█ 2024-06  (at most 2 a month)"])
        // No bar column in a pivot: above the sparklines, the table as without charts.
        XCTAssertEqual(Array(lines.dropLast(2)), Renderer.render(.groups(g), as: .table).split(separator: "\n").map(String.init))
    }

    func testChartsStayOutOfMachineFormats() {
        for format in [OutputFormat.json, .jsonl, .csv, .markdown] {
            XCTAssertEqual(Renderer.render(.groups(timeline), as: format, options: RenderOptions(chart: true)),
                           Renderer.render(.groups(timeline), as: format), "\(format)")
        }
    }

    // MARK: - SVG

    /// The elements of a well-formed document, in order, with their attributes and text.
    final class Elements: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String])] = []
        var texts: [String: [String]] = [:]
        private var stack: [String] = []
        private var text = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements.append((name, attributes))
            stack.append(name)
            text = ""
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            texts[name, default: []].append(text)
            text = ""
            stack.removeLast()
        }
        func count(_ name: String) -> Int { elements.filter { $0.name == name }.count }
    }

    func parse(_ svg: String, file: StaticString = #filePath, line: UInt = #line) -> Elements {
        let parser = XMLParser(data: Data(svg.utf8))
        let elements = Elements()
        parser.delegate = elements
        XCTAssertTrue(parser.parse(), "not well-formed: \(parser.parserError.map { "\($0)" } ?? "?")\n\(svg)", file: file, line: line)
        return elements
    }

    func svg(_ g: GroupedCounts, title: String? = nil) throws -> Elements {
        let text = try Renderer.svg(.groups(g), options: RenderOptions(title: title))
        XCTAssertTrue(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "))
        XCTAssertEqual(text, Renderer.render(.groups(g), as: .svg, options: RenderOptions(title: title)))
        return parse(text)
    }

    func testATimelineIsALineWithLabelledAxes() throws {
        let title = "count articles where mentions \"Putin\" group by date.day"
        let e = try svg(timeline, title: title)
        let root = try XCTUnwrap(e.elements.first)
        XCTAssertEqual(root.name, "svg")
        XCTAssertEqual(root.attributes["viewBox"], "0 0 1280 720")
        XCTAssertEqual(root.attributes["xmlns"], "http://www.w3.org/2000/svg")
        XCTAssertTrue(root.attributes["font-family"]?.hasSuffix("sans-serif") == true)
        XCTAssertEqual(e.texts["title"], [title])
        let texts = e.texts["text"] ?? []
        XCTAssertTrue(texts.contains(title), "the statement is the visible title")
        XCTAssertTrue(texts.contains("articles"), "the value axis names the unit")
        XCTAssertTrue(texts.contains("date.day"), "the other axis names the key")
        XCTAssertTrue(texts.contains("2024-06-19") && texts.contains("2024-06-21"))
        XCTAssertTrue(texts.contains("2 articles without a date not drawn"), texts.joined(separator: "|"))
        XCTAssertEqual(Array(texts.filter { ["0", "1", "2"].contains($0) }.prefix(3)), ["0", "1", "2"], "round ticks up the left")
        XCTAssertEqual(e.count("polyline"), 1, "one line for one series")
        XCTAssertEqual(e.count("circle"), 3, "a dot a dated bucket")
        let points = try XCTUnwrap(e.elements.first { $0.name == "polyline" }?.attributes["points"]).split(separator: " ")
        XCTAssertEqual(points.count, 3)
        // y grows downwards: 2 is above 1, and 0 lies on the axis.
        let ys = points.map { Double($0.split(separator: ",")[1])! }
        XCTAssertLessThan(ys[1], ys[0])
        XCTAssertEqual(ys[2], SVGChart.plotBottom)
    }

    func testAComparisonIsALineASeriesWithALegend() throws {
        let g = comparison(keys: ["date.month"], rows: [GroupRow(group: [.string("2024-05")], counts: [1, 0], total: 3),
                                                        GroupRow(group: [.string("2024-06")], counts: [4, 2], total: 5)])
        let e = try svg(g)
        XCTAssertEqual(e.count("polyline"), 2)
        let labels = e.elements.filter { $0.name == "g" && $0.attributes["class"] == "series" }.map { $0.attributes["data-label"] }
        XCTAssertEqual(labels, ["Putin", "Kim <Jong> & \"Un\""], "labels are escaped and read back as written")
        XCTAssertTrue((e.texts["text"] ?? []).contains("Kim <Jong> & \"Un\""), "the legend names each series")
        XCTAssertTrue((e.texts["text"] ?? []).contains("compare Putin, Kim <Jong> & \"Un\""), "without a title, one made up")
    }

    func testGroupsAreBarsColumnsForAFewHorizontalForMany() throws {
        let few = GroupedCounts(keys: ["source"], series: ["count"], isComparison: false, unit: "articles", scope: "(articles where lang = \"id\")",
                                rows: [GroupRow(group: [.string("a.com")], counts: [3], total: 9),
                                       GroupRow(group: [.null], counts: [1], total: 1)], matched: [4])
        XCTAssertEqual(SVGChart.chart(few, title: nil).kind, .columns)
        let e = try svg(few, title: "count articles group by source")
        let bars = e.elements.filter { $0.name == "rect" }.dropFirst()  // the first is the background
        XCTAssertEqual(bars.count, 2)
        let heights = bars.map { Double($0.attributes["height"]!)! }
        XCTAssertEqual(heights[0] / heights[1], 3, accuracy: 0.01, "bars are scaled on the count")
        XCTAssertTrue((e.texts["desc"]?.first ?? "").contains("totals within (articles where lang = \"id\")"))

        let many = GroupedCounts(keys: ["source"], series: ["count"], isComparison: false, unit: "articles", scope: nil,
                                 rows: (0..<45).map { GroupRow(group: [.string("outlet\($0).example.com")], counts: [45 - $0], total: 50) },
                                 matched: [1035])
        let chart = SVGChart.chart(many, title: nil)
        XCTAssertEqual(chart.kind, .horizontalBars)
        XCTAssertEqual(chart.categories.count, SVGChart.maximumBars)
        XCTAssertEqual(chart.notes, ["15 more groups not drawn (the statement's first 30 are)"])
        let h = try svg(many)
        XCTAssertEqual(h.elements.filter { $0.name == "rect" }.count, 1 + 30)
    }

    func testAPivotOverDatesIsALineAValueOfTheFirstKey() throws {
        let g = GroupedCounts(keys: ["source", "date.month"], series: ["count"], isComparison: false, unit: "articles", scope: nil,
                              rows: [GroupRow(group: [.string("a.com"), .string("2024-05")], counts: [1], total: 1),
                                     GroupRow(group: [.string("a.com"), .string("2024-06")], counts: [3], total: 3),
                                     GroupRow(group: [.null, .string("2024-06")], counts: [5], total: 5),
                                     GroupRow(group: [.string("b.com"), .string("2024-06")], counts: [2], total: 2)],
                              matched: [11])
        XCTAssertTrue(g.isPivot)
        let chart = SVGChart.chart(g, title: nil)
        XCTAssertEqual(chart.kind, .lines)
        XCTAssertEqual(chart.categories, ["2024-05", "2024-06"])
        XCTAssertEqual(chart.series.map(\.label), ["a.com", "b.com", "null"], "the largest first, no value last")
        XCTAssertEqual(chart.series.map(\.values), [[1, 3], [0, 2], [0, 5]])
        XCTAssertEqual(try svg(g).count("polyline"), 3)
    }

    func testTitlesAreEscapedAndLongOnesWrapped() throws {
        let title = "count articles where title contains \"<b>\" & 'x' group by date.day -- \u{7} bell"
        let e = try svg(timeline, title: title)
        XCTAssertEqual(e.texts["title"], ["count articles where title contains \"<b>\" & 'x' group by date.day -- \u{FFFD} bell"])
        XCTAssertEqual(SVGDrawing.escape("a<b>&\"c\"'d'\nz"), "a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos; z")

        let long = String(repeating: "count articles where mentions \"Joko Widodo\" or ", count: 6) + "group by date.day"
        let w = try svg(timeline, title: long)
        let shown = (w.texts["text"] ?? []).prefix(2)
        XCTAssertTrue(shown.allSatisfy { $0.count <= 82 }, "\(shown)")
        XCTAssertTrue(shown.last?.hasSuffix("…") == true, "a title too long for two lines is cut: \(shown)")
        XCTAssertEqual(SVGChart.wrap("aaa bbb ccc", 7, lines: 2), ["aaa bbb", "ccc"])
        XCTAssertEqual(SVGChart.wrap("aaa bbb ccc ddd", 7, lines: 2), ["aaa bbb", "ccc ddd"])
        XCTAssertEqual(SVGChart.wrap("aaa bbb ccc ddd eee", 7, lines: 2), ["aaa bbb", "ccc dd…"])
        XCTAssertEqual(SVGChart.wrap("abcdefghij", 4, lines: 2), ["abcd", "efg…"])
    }

    func testTicksAreRound() {
        XCTAssertEqual(SVGChart.ticks(0).step, 1)
        XCTAssertEqual(SVGChart.ticks(2).step, 1)
        XCTAssertEqual(SVGChart.ticks(2).top, 2)
        XCTAssertEqual(SVGChart.ticks(45).step, 10)
        XCTAssertEqual(SVGChart.ticks(45).top, 50)
        XCTAssertEqual(SVGChart.ticks(7).step, 2)
        XCTAssertEqual(SVGChart.ticks(7).top, 8)
        XCTAssertEqual(SVGChart.ticks(12_345).step, 5000)
        XCTAssertEqual(SVGChart.ticks(12_345).top, 15_000)
        XCTAssertEqual(SVGChart.grouped(12_345), "12,345")
        XCTAssertEqual(SVGChart.grouped(999), "999")
        XCTAssertEqual(SVGChart.labelled(["a", "b", "c"], at: [0, 500, 1000], labelWidth: 100), [0, 1, 2])
        XCTAssertEqual(SVGChart.labelled((0..<9).map(String.init), at: (0..<9).map { Double($0) * 10 }, labelWidth: 35), [0, 4, 8])
        let start = Day(iso: "2019-03-21")!.ordinal
        let days = (0..<200).map { Day(ordinal: start + Int32($0)).description }
        let labelled = SVGChart.labelled(days, at: (0..<200).map { Double($0) * 5.5 }, labelWidth: 114)
        XCTAssertEqual(labelled.map { days[$0] }, ["2019-04-01", "2019-05-01", "2019-06-01", "2019-07-01", "2019-08-01", "2019-09-01", "2019-10-01"],
                       "a long run of days is labelled on the first of each month")
        XCTAssertEqual(SVGChart.labelStep(labelWidth: 100, spacing: 30), 4)
        XCTAssertEqual(SVGChart.labelStep(labelWidth: 100, spacing: 200), 1)
    }

    func testOnlyCountsCanBeDrawn() {
        let rows = QueryResult.rows(RowSet(unit: "articles", columns: ["id"], rows: [[.string("a")]], ids: ["a"], matched: 1))
        for result in [rows, .count(5), .message("explained")] {
            XCTAssertThrowsError(try Renderer.svg(result)) { error in
                XCTAssertTrue("\(error)".contains("svg draws grouped counts and comparisons; this statement gives"), "\(error)")
            }
            XCTAssertEqual(Renderer.render(result, as: .svg), "")
        }
        XCTAssertEqual(try Renderer.svg(.message("")), "", "a let statement draws nothing and is no error")
    }
}
