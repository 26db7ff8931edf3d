import Foundation
import Warta
import XCTest

/// The library as an embedding tool sees it: open the bundled corpus, check
/// and run statements, read typed results, complete, render.
final class PublicAPITests: XCTestCase {
    /// `seeds/` of the warta checkout this package sits in.
    static let seeds = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("seeds").path

    func testArticlesThatMentionToLam() throws {
        let corpus = try Corpus.open(path: Self.seeds)
        XCTAssertEqual(corpus.articles.count, 5)
        let session = Session(corpus: corpus)
        guard case .rows(let rows) = try session.run(#"articles where mentions "To Lam""#) else {
            return XCTFail("expected rows")
        }
        XCTAssertEqual(rows.ids, ["002_886ca11fc7c36e11", "004_0fb8b6c0066fb73e", "000_fb609a331a1786d6"])
        XCTAssertEqual(rows.columns, ["id", "title", "date", "source"])
        // Typed values: a date is a Day, a missing source is null.
        XCTAssertEqual(rows.rows[0][2], .date(Day(year: 2024, month: 6, day: 20)!))
        XCTAssertEqual(rows.rows[0][3], .null)
        XCTAssertEqual(rows.matched, 3)
    }

    func testCountsGroupsAndCodable() throws {
        let session = Session(corpus: try Corpus.open(path: Self.seeds))
        guard case .count(let n) = try session.run(#"count articles where mentions "Putin""#) else { return XCTFail() }
        XCTAssertEqual(n, 5)
        let grouped = try session.run("count articles group by date")
        guard case .groups(let g) = grouped else { return XCTFail() }
        XCTAssertEqual(g.rows.map(\.counts), [[1], [2], [2]])
        XCTAssertEqual(g.rows.map(\.total), [1, 2, 2])
        // Results are Codable and Sendable: they can be kept and sent on.
        let data = try JSONEncoder().encode(grouped)
        let back = try JSONDecoder().decode(QueryResult.self, from: data)
        XCTAssertEqual(Renderer.render(back, as: .jsonl), Renderer.render(grouped, as: .jsonl))
        let _: any Sendable = back
    }

    func testCheckGivesADiagnosticWithLineAndColumn() throws {
        let session = Session(corpus: Corpus(name: "empty", articles: []))
        let text = "articles\nwhere dat = 2024-06-20"
        guard case .failure(let d) = session.check(text) else { return XCTFail("expected an error") }
        XCTAssertEqual(d.suggestion, "date")
        let location = try XCTUnwrap(d.location(in: SourceText(text)))
        XCTAssertEqual([location.line, location.column], [2, 7])
        // The statement's syntax tree, without running it.
        guard case .success = Parser.parse(#"articles where mentions "To Lam""#) else { return XCTFail() }
    }

    /// A tool that parses a statement to see what it is checks and runs that statement, not its text again.
    func testAParsedStatementIsCheckedAndRun() throws {
        let session = Session(corpus: try Corpus.open(path: Self.seeds))
        var parser = Parser(#"count articles where mentions "Putin""#)
        let statement = try parser.parsed()
        guard case .count(let n) = try session.execute(try session.checked(statement)) else { return XCTFail() }
        XCTAssertEqual(n, 5)
        var bad = Parser("articles where dat = 2024-06-20")
        XCTAssertThrowsError(try session.checked(try bad.parsed())) { error in
            XCTAssertEqual((error as? Diagnostic)?.suggestion, "date")
        }
    }

    /// The snippets of the getting-started article (Sources/Warta/Warta.docc), as written there.
    func testTheGettingStartedSnippets() throws {
        let tsv = FileManager.default.temporaryDirectory.appendingPathComponent("newsroom-\(getpid()).tsv")
        try "Kantor Berita\torg\tKB\n".write(to: tsv, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: tsv) }
        let extra = try Gazetteer(tsv: String(contentsOfFile: tsv.path, encoding: .utf8), origin: "newsroom.tsv")
        let corpus = try Corpus.open(path: Self.seeds, gazetteer: Gazetteer.standard.merging(extra))
        XCTAssertNotNil(corpus.gazetteer.entity(named: "KB"))

        let session = Session(corpus: corpus, safeMode: true)
        session.settings.timeoutMilliseconds = 2_000
        session.settings.maxRows = 1_000

        let text = "articles where dat = 2024-06-20"
        guard case .failure(let d) = session.check(text), let at = d.location(in: SourceText(text)) else { return XCTFail() }
        XCTAssertEqual("\(at.line) \(at.column) \(d.message)", "1 16 unknown field 'dat' (did you mean 'date'?)")
        XCTAssertEqual(d.suggestion ?? "", "date")
        XCTAssertEqual(DiagnosticRenderer.render(d, in: SourceText(text)), """
            error: unknown field 'dat' (did you mean 'date'?)
              articles where dat = 2024-06-20
                             ^~~
            """)
    }

    func testCompletionAndSettings() throws {
        let session = Session(corpus: try Corpus.open(path: Self.seeds), safeMode: true)
        session.settings.timeoutMilliseconds = 10_000
        session.settings.maxRows = 1
        let c = session.completions(for: "articles wh", cursor: 11)
        XCTAssertEqual(c.candidates, ["where"])
        guard case .rows(let rows) = try session.run("articles") else { return XCTFail() }
        XCTAssertEqual(rows.rows.count, 1)
        XCTAssertEqual(rows.leftOutByRowLimit, 4)
        XCTAssertThrowsError(try session.run(".open /"))
    }
}
