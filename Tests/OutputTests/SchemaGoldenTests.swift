import Foundation
import Warta
import XCTest

/// Pins the JSON output schema (`docs/output.md`): each row shape, run on
/// the bundled corpus through the public API, prints exactly its golden file
/// `golden/NAME.jsonl`; errors print exactly `golden/NAME.json`.
/// `WARTA_UPDATE_GOLDEN=1` rewrites them (then read the diff: a changed key
/// or type is a new `OutputSchema.version`, and a line in CHANGELOG.md).
final class SchemaGoldenTests: XCTestCase {
    /// One shape: a golden file name and the statement that shows it.
    /// Shapes marked `documented` appear in docs/output.md, statement and
    /// first line, so the page cannot drift from what warta prints.
    struct Shape {
        var name: String
        var statement: String
        var documented = true
    }

    static let shapes: [Shape] = [
        Shape(name: "articles", statement: #"articles where mentions "To Lam" and date = 2024-06-20"#),
        Shape(name: "articles-fields", statement: #"articles where mentions entity "Korea Utara" and mentions "Carl Thayer" limit 1 show id, title, date, dates, source, url, lang, words, score, matched"#),
        Shape(name: "paragraphs", statement: #"paragraphs where mentions "pakta" near 3 "pertahanan" limit 2"#),
        Shape(name: "paragraphs-fields", statement: "paragraphs where copies > 1 limit 2 show id, n, copies, copies_in, article.date, article.source"),
        Shape(name: "sentences", statement: #"sentences where mentions "Carl Thayer""#),
        Shape(name: "quotes", statement: "quotes where speaker is not null limit 2"),
        Shape(name: "entities", statement: "entities order by mentions desc limit 3"),
        Shape(name: "entities-fields", statement: #"entities where name = "Korea Utara" show name, type, aliases, articles, mentions"#),
        Shape(name: "terms", statement: "terms order by count desc limit 3"),
        Shape(name: "terms-collocates", statement: #"terms where collocates "Putin" within 5 limit 2 show term, stem, count, articles, score"#),
        Shape(name: "terms-keyness", statement: "terms where article.date = 2024-06-20 order by keyness desc limit 2 show term, keyness"),
        Shape(name: "count", statement: #"count articles where mentions "Putin""#),
        Shape(name: "groups", statement: "count articles group by date"),
        Shape(name: "groups-month", statement: "count sentences group by article.date.month", documented: false),
        Shape(name: "kwic", statement: #"sentences where mentions "Carl Thayer" show kwic"#),
        Shape(name: "snippet", statement: #"articles where mentions "pakta" limit 1 show id, snippet"#),
        Shape(name: "message", statement: #"let visits = articles where mentions "Putin""#),
    ]

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("golden")
    static let corpus = Result { try Corpus.open(path: root.appendingPathComponent("seeds").path) }
    let update = ProcessInfo.processInfo.environment["WARTA_UPDATE_GOLDEN"] == "1"

    /// Compares `text` with a golden file (or rewrites it).
    func assertGolden(_ text: String, _ file: String, line: UInt = #line) throws {
        let url = Self.golden.appendingPathComponent(file)
        if update {
            try FileManager.default.createDirectory(at: Self.golden, withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        XCTAssertEqual(text, try String(contentsOf: url, encoding: .utf8), file, line: line)
    }

    func testEachRowShapePrintsItsGoldenLines() throws {
        let session = Session(corpus: try Self.corpus.get())
        for shape in Self.shapes {
            let text = Renderer.render(try session.run(shape.statement), as: .jsonl)
            XCTAssertFalse(text.isEmpty, shape.name)
            // Every line is one JSON object.
            for line in text.split(separator: "\n") {
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
                XCTAssertTrue(object is [String: Any], "\(shape.name): \(line)")
            }
            try assertGolden(text, shape.name + ".jsonl")
        }
    }

    func testJSONIsAnArrayOfTheSameObjects() throws {
        let session = Session(corpus: try Self.corpus.get())
        let statement = "count articles group by date"
        let lines = Renderer.render(try session.run(statement), as: .jsonl).split(separator: "\n").map(String.init)
        let array = Renderer.render(try session.run(statement), as: .json)
        XCTAssertEqual(array, "[\n" + lines.map { "  " + $0 }.joined(separator: ",\n") + "\n]\n")
        XCTAssertEqual(Renderer.render(try session.run(#"articles where mentions "no such word""#), as: .json), "[]\n")
        XCTAssertEqual(Renderer.render(try session.run(#"articles where mentions "no such word""#), as: .jsonl), "")
    }

    func testErrorsAreOneJSONObjectWithLineAndColumn() throws {
        let session = Session(corpus: try Self.corpus.get())
        func error(_ text: String, name: String? = nil, range: Range<Int>? = nil) -> String {
            guard case .failure(let d) = session.check(text, range: range) else { return "no error" }
            return DiagnosticRenderer.json(d, in: SourceText(text, name: name)) + "\n"
        }
        try assertGolden(error("articles wher"), "error-statement.json")
        // In a script, the line and column are the script's; the range its bytes.
        let script = "count articles\n\narticles where dat = 2024-06-20\n"
        try assertGolden(error(script, name: "report.wq", range: 16..<47), "error-script.json")
        // A diagnostic that points nowhere keeps every key, with null.
        let warning = Diagnostic(.warning, "4 more rows left out by the row limit of 1 (--max-rows)")
        try assertGolden(DiagnosticRenderer.json(warning, in: SourceText("")) + "\n", "warning.json")

        // A line skipped while loading a corpus: its file and line, no column.
        let corpusFile = FileManager.default.temporaryDirectory.appendingPathComponent("schema-\(getpid()).jsonl")
        try "{\"id\": \"a\", \"title\": \"t\", \"text\": \"x\"}\nnot json\n".write(to: corpusFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: corpusFile) }
        var loadWarning = try XCTUnwrap(try Corpus.open(path: corpusFile.path).warnings.first)
        loadWarning.file = "news.jsonl"
        try assertGolden(DiagnosticRenderer.json(loadWarning) + "\n", "load-warning.json")

        let object = try JSONSerialization.jsonObject(with: Data(error("articles wher").utf8)) as? [String: Any]
        XCTAssertEqual(object?["warta_schema"] as? Int, OutputSchema.version)
        XCTAssertEqual(object?["line"] as? Int, 1)
        XCTAssertEqual(object?["column"] as? Int, 10)
        XCTAssertEqual(object?["suggestion"] as? String, "where")
    }

    func testTheDocumentationShowsEachShapeAsPrinted() throws {
        let page = try String(contentsOf: Self.root.appendingPathComponent("docs/output.md"), encoding: .utf8)
        XCTAssertTrue(page.contains("\"warta_schema\": \(OutputSchema.version)"), "docs/output.md names the current version")
        for shape in Self.shapes where shape.documented {
            XCTAssertTrue(page.contains(shape.statement), "docs/output.md lacks the statement of \(shape.name)")
            let golden = try String(contentsOf: Self.golden.appendingPathComponent(shape.name + ".jsonl"), encoding: .utf8)
            let first = String(golden.prefix { $0 != "\n" })
            XCTAssertTrue(page.contains(first), "docs/output.md lacks the first line of \(shape.name).jsonl")
        }
        for name in ["error-statement", "error-script", "warning", "load-warning"] {
            let error = try String(contentsOf: Self.golden.appendingPathComponent(name + ".json"), encoding: .utf8)
            XCTAssertTrue(page.contains(error.trimmingCharacters(in: .newlines)), "docs/output.md lacks \(name).json")
        }
    }

    /// Typed results are Codable: they come back as the same values.
    func testResultsRoundTripThroughCodable() throws {
        let session = Session(corpus: try Self.corpus.get())
        for statement in [#"articles where mentions "To Lam" show id, date, dates, score, snippet"#, "count articles",
                          "count articles group by date", #"sentences where mentions "Carl Thayer" show kwic"#, "explain count articles"] {
            let result = try session.run(statement)
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            let data = try encoder.encode(result)
            let back = try JSONDecoder().decode(QueryResult.self, from: data)
            XCTAssertEqual(Renderer.render(back, as: .jsonl), Renderer.render(result, as: .jsonl), statement)
            XCTAssertEqual(try encoder.encode(back), data, statement)
        }
    }
}
