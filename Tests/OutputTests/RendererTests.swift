import XCTest
@testable import Warta

final class RendererTests: XCTestCase {
    let rows = QueryResult.rows(RowSet(
        unit: "articles", columns: ["title", "date", "words"],
        rows: [[.string("Putin, \"Kim\" | Lam\nbaris dua"), .date(Day(year: 2024, month: 6, day: 20)!), .integer(12)],
               [.string("Tanpa tanggal"), .null, .integer(3)]],
        ids: ["a", "b"], matched: 7))

    func testJSONLinesKeepTheIDAndEscape() {
        XCTAssertEqual(Renderer.render(rows, as: .jsonl), """
            {"id": "a", "title": "Putin, \\"Kim\\" | Lam\\nbaris dua", "date": "2024-06-20", "words": 12}
            {"id": "b", "title": "Tanpa tanggal", "date": null, "words": 3}

            """)
        XCTAssertEqual(JSONRenderer.string("tab\tbell\u{7}é😀"), "\"tab\\tbell\\u0007é😀\"")
        XCTAssertEqual(Renderer.render(.count(5), as: .json), "[\n  {\"count\": 5}\n]\n")
        XCTAssertEqual(Renderer.render(.rows(RowSet(unit: "articles", columns: ["id"], rows: [], ids: [], matched: 0)), as: .json), "[]\n")
    }

    func testCSVQuotesWhatNeedsQuoting() {
        XCTAssertEqual(Renderer.render(rows, as: .csv),
                       "id,title,date,words\r\na,\"Putin, \"\"Kim\"\" | Lam\nbaris dua\",2024-06-20,12\r\nb,Tanpa tanggal,,3\r\n")
    }

    func testMarkdownEscapesPipesAndLineBreaks() {
        XCTAssertEqual(Renderer.render(rows, as: .markdown), """
            | id | title | date | words |
            | --- | --- | --- | --- |
            | a | Putin, "Kim" \\| Lam<br>baris dua | 2024-06-20 | 12 |
            | b | Tanpa tanggal | null | 3 |

            """)
    }

    func testTablesAlignFitAndCount() {
        let text = Renderer.render(rows, as: .table, options: RenderOptions(width: 30))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines[0], "title        date        words")
        XCTAssertEqual(lines[2], "Putin, \"Ki…  2024-06-20     12")
        XCTAssertEqual(lines[3], "Tanpa tang…  null            3")
        XCTAssertEqual(lines[4], "(2 of 7 articles)")
        for l in lines { XCTAssertLessThanOrEqual(l.count, 30) }
        let groups = QueryResult.groups(GroupedCounts(keys: ["source"], series: ["count"], isComparison: false, unit: "articles", scope: nil,
                                                      rows: [GroupRow(group: [.string("a.com")], counts: [2], total: 3),
                                                             GroupRow(group: [.null], counts: [1], total: 1)], matched: [3]))
        XCTAssertEqual(Renderer.render(groups, as: .table), """
            source  count  total  share
            ------  -----  -----  -----
            a.com       2      3  66.7%
            null        1      1   100%
            (2 groups)

            """)
        XCTAssertEqual(Renderer.render(groups, as: .jsonl), """
            {"group": "a.com", "count": 2, "total": 3, "share": 0.6667}
            {"group": null, "count": 1, "total": 1, "share": 1}

            """)
        XCTAssertEqual(Renderer.render(groups, as: .csv), "source,count,total,share\r\na.com,2,3,0.6667\r\n,1,1,1\r\n")
        XCTAssertEqual(Renderer.render(.count(5), as: .table), "5\n")
    }

    func testNumbersPrintWithoutNoise() {
        XCTAssertEqual(formatNumber(3), "3")
        XCTAssertEqual(formatNumber(12.345678), "12.3457")
        XCTAssertEqual(formatNumber(0.5), "0.5")
        XCTAssertEqual(JSONRenderer.value(.number(.nan)), "null")
        XCTAssertEqual(formatNumber(-0.00004), "0")
        XCTAssertEqual(formatNumber(0.0001), "0.0001")
        XCTAssertEqual(formatNumber(-2.05), "-2.05")
        XCTAssertEqual(formatNumber(999_999_999.99995), "1000000000")
        XCTAssertEqual(formatNumber(123_456_789.1234), "123456789.1234")
    }

    /// Scores and shares are written from their four decimals' digits: the same text as the
    /// shortest digits of the rounded number (what `String(Double)` prints), at every magnitude.
    func testNumbersPrintAsTheirShortestDigits() {
        func reference(_ d: Double) -> String {
            let scaled = (d * 10000).rounded() / 10000
            if scaled == scaled.rounded(.towardZero) && abs(scaled) < 1e15 { return String(Int64(scaled)) }
            var s = String(scaled)
            if s.utf8.contains(UInt8(ascii: "e")) { return s }
            while s.hasSuffix("0") { s.removeLast() }
            return s
        }
        var g = SystemRandomNumberGenerator()
        var values: [Double] = [0.00005, -0.00005, 0.00015, 1e9 - 0.00001, 1e9 + 0.5, 1e12 + 0.25, 0.1, 0.2, 0.3]
        for i in 0..<20_000 { values += [Double(i) / 10000, -Double(i) / 7919] }
        for _ in 0..<100_000 {
            var magnitude = 1.0
            for _ in 0..<Int.random(in: 0...16, using: &g) { magnitude *= 10 }
            values.append(Double.random(in: -10...10, using: &g) * magnitude / 1_000_000)
        }
        for v in values where formatNumber(v) != reference(v) {
            XCTFail("\(v): \(formatNumber(v)) where the shortest digits are \(reference(v))")
            return
        }
    }
}
