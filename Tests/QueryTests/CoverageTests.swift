import XCTest
@testable import Warta

/// Coverage analysis: totals and shares, timelines without holes, pivots,
/// comparisons, stories and spread, samples, parameters — checked on a
/// corpus small enough to count by hand.
final class CoverageTests: XCTestCase {
    /// Wire copy: w1 (kantor.com, 06-18) printed again by two outlets with a
    /// new headline (w2, w3); o1–o4 are other stories.
    static let wire = "Presiden Rusia Vladimir Putin tiba di Hanoi pada Rabu malam untuk kunjungan kenegaraan dua hari. "
        + "Ia disambut Presiden Vietnam To Lam di bandara dan kedua pemimpin dijadwalkan menandatangani belasan perjanjian "
        + "kerja sama di bidang energi, pendidikan dan pertahanan, kata juru bicara kementerian luar negeri Vietnam kepada wartawan."
    static let corpus: Corpus = {
        func a(_ id: String, _ title: String, _ text: String, _ date: String?, _ source: String?) -> Article {
            Article(id: id, title: title, text: text, raw: title + "\n" + text, date: date.flatMap { Day(iso: $0) },
                    dates: [], source: source, lang: "id", fields: [:])
        }
        return Corpus(name: "coverage", articles: [
            a("w1", "Putin tiba di Hanoi", wire, "2024-06-18", "kantor.com"),
            a("w2", "Putin di Vietnam", wire + " Baca berita lainnya.", "2024-06-20", "a.com"),
            a("w3", "Kunjungan Putin", "Hanoi. " + wire, "2024-06-21", "b.com"),
            a("o1", "Kim menerima Putin", "Kim Jong Un menerima Putin di Pyongyang.", "2024-06-18", "a.com"),
            a("o2", "Ekonomi", "Harga beras naik lagi minggu ini.", "2024-06-21", "a.com"),
            a("o3", "Cuaca", "Hujan deras di Jakarta.", nil, "c.com"),
            a("o4", "Kim lagi", "Kim Jong Un menguji rudal.", "2024-06-21", "b.com"),
        ])
    }()

    func run(_ s: String, _ session: Session? = nil) throws -> QueryResult {
        try (session ?? Session(corpus: CoverageTests.corpus)).run(s)
    }

    func groups(_ s: String) throws -> GroupedCounts {
        guard case .groups(let g) = try run(s) else { XCTFail("not groups: \(s)"); throw CancellationError() }
        return g
    }

    func testTimelineHasNoHoles() throws {
        let g = try groups(#"count articles where mentions "Putin" group by date.day"#)
        // Every day from 06-18 to 06-21; 06-19 has no article at all.
        XCTAssertEqual(g.rows.map { $0.group[0].text }, ["2024-06-18", "2024-06-19", "2024-06-20", "2024-06-21"])
        XCTAssertEqual(g.rows.map(\.counts), [[2], [0], [1], [1]])
        XCTAssertEqual(g.rows.map(\.total), [2, 0, 1, 3])
        XCTAssertNil(g.rows[1].share())
        XCTAssertEqual(g.rows[3].share()!, 1.0 / 3, accuracy: 1e-9)
        XCTAssertTrue(g.isTimeline)
    }

    func testTotalsWithinAScope() throws {
        let g = try groups(#"count articles where mentions "Kim" group by source within (articles where date >= 2024-06-20)"#)
        XCTAssertEqual(g.rows, [GroupRow(group: [.string("b.com")], counts: [1], total: 2)])
        XCTAssertEqual(g.scope, "(articles where date >= 2024-06-20)")
        let session = Session(corpus: CoverageTests.corpus)
        _ = try session.run(#"let recent = articles where date >= 2024-06-20"#)
        guard case .groups(let s) = try run(#"count articles where mentions "Kim" group by source within recent"#, session) else { return XCTFail() }
        XCTAssertEqual(s.rows, g.rows)
    }

    func testPivotListsEveryBucketForEachRow() throws {
        let g = try groups("count articles group by source, date.day order by source")
        XCTAssertTrue(g.isPivot)
        let aCom = g.rows.filter { $0.group[0] == .string("a.com") }
        XCTAssertEqual(aCom.map { $0.group[1].text }, ["2024-06-18", "2024-06-19", "2024-06-20", "2024-06-21"])
        XCTAssertEqual(aCom.map { $0.counts[0] }, [1, 0, 1, 1])
        // c.com's only article is undated: one null row, no timeline of zeros.
        XCTAssertEqual(g.rows.filter { $0.group[0] == .string("c.com") }.map(\.group), [[.string("c.com"), .null]])
    }

    func testCompareCountsEachSeriesOverTheSameGroups() throws {
        let g = try groups(#"compare (articles where mentions "Putin") as putin, (articles where mentions "Kim") as kim group by date.day"#)
        XCTAssertEqual(g.series, ["putin", "kim"])
        XCTAssertEqual(g.rows.map(\.counts), [[2, 1], [0, 0], [1, 0], [1, 1]])
        XCTAssertEqual(g.rows.map(\.total), [2, 0, 1, 3])
        // A shared where applies to every series.
        let s = try groups(#"compare (articles where mentions "Putin") as putin, (articles where mentions "Kim") as kim where source = "a.com""#)
        XCTAssertEqual(s.rows.map(\.counts), [[2, 1]])
        XCTAssertEqual(s.rows.map(\.total), [7])
    }

    func testStoriesCountWireCopyOnce() throws {
        guard case .count(let articles) = try run("count articles"), case .count(let stories) = try run("count stories") else { return XCTFail() }
        XCTAssertEqual(articles, 7)
        XCTAssertEqual(stories, 5)
        guard case .rows(let r) = try run("stories where articles > 1 show id, articles, sources, first_date, first_source, members") else { return XCTFail() }
        XCTAssertEqual(r.rows, [[.string("w1"), .integer(3), .integer(3), .date(Day(iso: "2024-06-18")!), .string("kantor.com"),
                                 .strings(["w1", "w2", "w3"])]])
        // A stricter threshold splits the story.
        let strict = Session(corpus: CoverageTests.corpus)
        strict.settings.storyThreshold = 0.99
        guard case .count(let split) = try run("count stories", strict) else { return XCTFail() }
        XCTAssertEqual(split, 7)
    }

    func testSpreadListsOutletsInDateOrder() throws {
        guard case .rows(let r) = try run(#"spread stories where title contains "Hanoi""#) else { return XCTFail() }
        XCTAssertEqual(r.rows.map { $0[0] }, [.string("kantor.com"), .string("a.com"), .string("b.com")])
        XCTAssertEqual(r.rows.map { $0[4] }, [.integer(0), .integer(2), .integer(3)])
        XCTAssertEqual(r.rowNoun, "outlet")
    }

    func testSampleIsReproducibleAndPerField() throws {
        func ids(_ s: String) throws -> [String] {
            guard case .rows(let r) = try run(s) else { XCTFail(); return [] }
            return r.ids
        }
        let first = try ids("articles sample 3 seed 7")
        XCTAssertEqual(first.count, 3)
        XCTAssertEqual(try ids("articles sample 3 seed 7"), first)
        XCTAssertNotEqual(try ids("articles sample 3 seed 8") + (try ids("articles sample 3 seed 9")), first + first)
        let per = try ids("articles sample 10 seed 7 per source 1")
        let sources = per.map { id in CoverageTests.corpus.articles.first { $0.id == id }!.source! }
        XCTAssertEqual(Set(sources).count, sources.count)
        XCTAssertEqual(per.count, 4)  // four outlets
        // The same ids whatever order the corpus was loaded in.
        let reversed = Corpus(name: "r", articles: CoverageTests.corpus.articles.reversed())
        guard case .rows(let r) = try run("articles sample 3 seed 7", Session(corpus: reversed)) else { return XCTFail() }
        XCTAssertEqual(Set(r.ids), Set(first))
    }

    func testParametersAreBoundAsLiterals() throws {
        let session = Session(corpus: CoverageTests.corpus)
        session.parameters = ["who": "Kim Jong Un", "day": "2024-06-21", "n": "1", "evil": #"x"); drop table articles; --"#]
        guard case .rows(let r) = try run("articles where mentions $who and date = $day limit $n", session) else { return XCTFail() }
        XCTAssertEqual(r.ids, ["o4"])
        guard case .count(let n) = try run("count articles where title contains $evil", session) else { return XCTFail() }
        XCTAssertEqual(n, 0)
        XCTAssertThrowsError(try run("articles where mentions $whom", session)) { e in
            XCTAssertTrue("\(e)".contains("did you mean '$who'"), "\(e)")
        }
        XCTAssertThrowsError(try run("articles limit $who", session))
    }

    func testErrorsSayWhatAndWhere() throws {
        let session = Session(corpus: CoverageTests.corpus)
        for (statement, message) in [
            ("count articles group by source, date.day, lang", "at most two fields"),
            ("compare (articles) group by source, lang", "one field"),
            (#"compare (articles where mentions "x" limit 3), (sentences)"#, "'limit' applies to every series"),
            ("compare (articles), (sentences)", "the same unit"),
            ("articles sample 3 per title 1", "every value is different"),
            ("count articles group by source order by cuont", "did you mean 'count'"),
            ("count articles within nope", "unknown set"),
            ("spread sentences", "spread follows articles or stories"),
        ] {
            XCTAssertThrowsError(try session.run(statement), statement) { e in
                XCTAssertTrue("\(e)".contains(message), "\(statement): \(e)")
            }
        }
    }

    func testRoundTrip() throws {
        for s in [#"compare a, (articles where mentions "x") as "X y" group by date.day within (articles where date is not null) order by count desc limit 3"#,
                  "articles sample 3 seed 7 per source 1", #"spread stories where mentions "Putin""#, "count articles group by source, date.month"] {
            guard case .success(let tree) = Parser.parse(s) else { return XCTFail(s) }
            let printed = Printer.print(tree)
            guard case .success(let again) = Parser.parse(printed) else { return XCTFail(printed) }
            XCTAssertEqual(Printer.print(again), printed)
        }
    }
}
