import Foundation
import Warta
import XCTest

/// `Session.completions`: what Tab offers at the end of a statement being typed.
final class CompletionTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    var session: Session!

    override func setUpWithError() throws {
        session = Session(corpus: try Corpus.open(path: CompletionTests.root.appendingPathComponent("seeds").path))
    }

    func offered(_ text: String) -> [String] {
        session.completions(for: text, cursor: text.utf8.count).candidates
    }

    let fields = ["date", "dates", "id", "lang", "matched", "raw", "score", "source", "text", "title", "url", "words"]
    /// What `order by` takes: no lists, and the context of keyword-in-context lines.
    let sortable = ["date", "id", "lang", "left", "raw", "right", "score", "source", "text", "title", "url", "words"]

    func testWordsAfterWhatCameBefore() {
        // One row per case: the text before the cursor, then exactly what Tab offers.
        let cases: [(String, [String])] = [
            ("articles wh", ["where"]),
            ("articles where da", ["date", "dates"]),
            ("ARTICLES WH", ["WHERE"]),
            ("a", ["articles"]),
            ("p", ["paragraphs"]),
            ("count a", ["articles"]),
            ("articles ", ["limit", "order by", "show", "where"]),
            ("count articles ", ["group by", "limit", "order by", "show", "where"]),
            ("articles where ", (["mentions", "not"] + fields).sorted()),
            ("articles where not ", (["mentions", "not"] + fields).sorted()),
            ("articles where (", (["mentions", "not"] + fields).sorted()),
            ("articles where date ", ["between", "contains", "in", "is", "matches", "not"]),
            ("articles where date not ", ["between", "contains", "in", "matches"]),
            ("articles where date is ", ["not null", "null"]),
            ("articles where date is not ", ["null"]),
            ("articles where date between 2024-06-01 ", ["and"]),
            ("articles where date between 2024-06-01 and 2024-06-30 ", ["and", "limit", "or", "order by", "show"]),
            ("articles where mentions ", ["entity", "org", "person", "place", "stem"]),
            ("articles where mentions \"To Lam\" ", ["and", "at least", "limit", "near", "or", "order by", "show"]),
            ("articles where mentions /Putin/i ", ["and", "at least", "limit", "or", "order by", "show"]),
            ("articles where mentions \"Putin\" at ", ["least"]),
            ("articles where mentions \"Putin\" at least 2 ", ["times"]),
            ("articles where mentions \"a\" near 5 \"b\" ", ["and", "at least", "limit", "or", "order by", "show"]),
            ("count articles where mentions \"x\" ", ["and", "at least", "group by", "limit", "near", "or", "order by", "show"]),
            ("articles where (mentions \"a\" or mentions \"b\") ", ["and", "limit", "or", "order by", "show"]),
            ("articles where (mentions \"a\" ", ["and", "at least", "near", "or"]),
            ("articles where date = 2024-06-20 order by ", sortable),
            ("articles order by date ", ["asc", "desc", "limit", "show"]),
            ("articles order by date desc ", ["limit", "show"]),
            ("articles order by date desc, ", sortable),
            ("count articles group by source order by ", ["count", "source"]),
            ("count articles group by da", ["date", "date.day", "date.month", "date.week", "date.year", "dates"]),
            ("articles limit 5 ", ["offset", "show"]),
            ("articles limit 5 offset 1 ", ["show"]),
            ("articles show title, ", (fields + ["kwic", "snippet"]).sorted()),
            ("explain count articles ", ["group by", "limit", "order by", "show", "where"]),
            ("explain ", ["articles", "compare", "count", "entities", "explain", "let", "paragraphs", "quotes", "sentences", "spread",
                          "stories", "terms"]),
            ("spread ", ["articles", "entities", "paragraphs", "quotes", "sentences", "stories", "terms"]),
            ("count articles; articles wh", ["where"]),
            ("articles where mentions \"To Lam\" and\nda", ["date", "dates"]),
            // Nothing sensible to offer: a value just ended, an unknown word, a regex being typed.
            ("articles where mentions \"x\"", []),
            ("articles limit 5", []),
            ("articles frobnicate ", []),
            ("articles where title matches /Pu", []),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(offered(text), expected, "after: \(text)")
        }
    }

    func testEachUnitHasItsFields() {
        XCTAssertEqual(offered("paragraphs where "), ["article.date", "article.dates", "article.id", "article.lang", "article.raw",
                                                      "article.source", "article.text", "article.title", "article.url",
                                                      "article.words", "copies", "copies_in", "id", "mentions", "n", "not", "text"])
        XCTAssertEqual(offered("paragraphs show k"), ["kwic"], "passages are shown, never compared")
        XCTAssertEqual(offered("paragraphs where article.source = \"m"), ["marwahkepri.com\""])
        XCTAssertEqual(offered("paragraphs where id = "), [], "a paragraph's id is not an article's")
        XCTAssertEqual(offered("count terms group by article.date.m"), ["article.date.month"])
        XCTAssertEqual(offered("terms order by c"), ["count"])
        XCTAssertEqual(offered("paragraphs order by r"), ["right"])
        XCTAssertEqual(offered("terms order by r"), [], "terms have no keyword-in-context lines")
    }

    func testTheStartOfAStatement() {
        let all = offered("")
        for word in ["count", "explain", "let", "articles", "paragraphs", "terms", ".help", ".open", ".quit"] {
            XCTAssertTrue(all.contains(word), word)
        }
        for unit in ["sentences", "quotes", "entities"] { XCTAssertTrue(all.contains(unit), unit) }
    }

    func testTheRangeReplacedIsThePartialWord() {
        let c = session.completions(for: "articles wh", cursor: 11)
        XCTAssertEqual(c.range, 9..<11)
        // The cursor in the middle: only what stands before it counts.
        let middle = session.completions(for: "articles wh limit 1", cursor: 11)
        XCTAssertEqual(middle.candidates, ["where"])
        XCTAssertEqual(middle.range, 9..<11)
    }

    func testValuesOfAFieldInsideAndOutsideQuotes() {
        let inside = session.completions(for: "articles where source = \"vir", cursor: 28)
        XCTAssertEqual(inside.candidates, ["virprom.com\""])
        XCTAssertEqual(inside.range, 25..<28, "the value replaces what follows the quote")
        XCTAssertEqual(offered("articles where source = '"), ["marwahkepri.com'", "virprom.com'"])
        XCTAssertEqual(offered("articles where source = "), ["\"marwahkepri.com\"", "\"virprom.com\""])
        XCTAssertEqual(offered("articles where source in (\"virprom.com\", "), ["\"marwahkepri.com\"", "\"virprom.com\""])
        XCTAssertEqual(offered("articles where id = \"004"), ["004_0fb8b6c0066fb73e\""])
        XCTAssertEqual(offered("articles where words = "), [], "numbers have no list of values")
        XCTAssertEqual(offered("articles where mentions entity \""), [], "no entities yet")
    }

    func testNamedSets() throws {
        _ = try session.run("let visits = articles where mentions \"Putin\" and mentions \"Vietnam\"")
        _ = try session.run("let quoted = articles where mentions \"Carl Thayer\"")
        XCTAssertEqual(offered("vi"), ["visits"])
        XCTAssertEqual(offered("count vi"), ["visits"])
        XCTAssertEqual(offered("visits "), ["except", "intersect", "limit", "order by", "show", "union", "where"])
        XCTAssertEqual(offered("visits union "), ["quoted", "visits"])
        XCTAssertEqual(offered("let both = q"), ["quoted", "quotes"])
        XCTAssertEqual(offered("visits where da"), ["date", "dates"])
    }

    func testCommandsAndTheirArguments() throws {
        XCTAssertEqual(offered(".fo"), [".format"])
        XCTAssertEqual(offered(".format j"), ["json", "jsonl"])
        XCTAssertEqual(offered(".timer o"), ["off", "on"])
        XCTAssertEqual(offered(".pager "), ["off", "on"])
        XCTAssertEqual(offered(".info "), [])
        let shell = [CommandSpec(".help", .choice(["statements", "sets"]))]
        XCTAssertEqual(session.completions(for: ".help s", cursor: 7, commands: shell).candidates, ["sets", "statements"])
    }

    func testFilePathsAfterOpenReadOutput() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("warta-completion-\(getpid())")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("news"), withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: dir.appendingPathComponent("notes.wq").path, contents: Data())
        _ = FileManager.default.createFile(atPath: dir.appendingPathComponent(".hidden").path, contents: Data())
        defer { try? FileManager.default.removeItem(at: dir) }
        let d = dir.path
        XCTAssertEqual(offered(".open \(d)/n"), ["\(d)/news/", "\(d)/notes.wq"])
        XCTAssertEqual(offered(".read \(d)/no"), ["\(d)/notes.wq"])
        XCTAssertEqual(offered(".output \(d)/"), ["\(d)/news/", "\(d)/notes.wq"], "hidden files only when asked for")
        XCTAssertEqual(offered(".output \(d)/.h"), ["\(d)/.hidden"])
        let c = session.completions(for: ".open \(d)/ne", cursor: ".open \(d)/ne".utf8.count)
        XCTAssertEqual(c.range.lowerBound, 6, "the whole path is replaced")
    }
}
