import Foundation
import Warta
import XCTest
@testable import warta

/// What the shell hands libedit: recallable history entries and completion matches.
final class LineEditorTests: XCTestCase {
    override func tearDown() {
        LineEditor.completer = nil
        LineEditor.pendingLines = ""
    }

    func testAMultiLineStatementIsRecalledAsOneLineWhenThatChangesNothing() {
        let cases: [(String, String)] = [
            ("count articles", "count articles"),
            ("articles where mentions \"To Lam\" and\n  date = 2024-06-20", "articles where mentions \"To Lam\" and date = 2024-06-20"),
            // A comment would swallow the next line; a string would change: keep the lines.
            ("articles where -- the visit\ndate = 2024", "articles where -- the visit\ndate = 2024"),
            ("articles where title contains \"a\nb\"", "articles where title contains \"a\nb\""),
        ]
        for (entry, recalled) in cases {
            XCTAssertEqual(LineEditor.recallable(entry), recalled)
        }
    }

    func testCommonPrefixIsInWholeCharacters() {
        XCTAssertEqual(LineEditor.commonPrefix(["date", "dates"]), "date")
        XCTAssertEqual(LineEditor.commonPrefix(["Šibenik", "Šilo"]), "Ši")
        XCTAssertEqual(LineEditor.commonPrefix(["é", "e\u{301}x"]), "é", "canonically equal characters")
        XCTAssertEqual(LineEditor.commonPrefix([]), "")
    }

    func testMatchesReplaceTheLineUpToTheCursor() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let session = Session(corpus: try Corpus.open(path: root.appendingPathComponent("seeds").path))
        LineEditor.completer = { session.completions(for: $0, cursor: $0.utf8.count) }
        // One match: libedit wants it twice.
        XCTAssertEqual(LineEditor.matches(line: "articles wh"), ["articles where", "articles where"])
        // Several: the common part, then the list to show.
        XCTAssertEqual(LineEditor.matches(line: "articles where da"), ["articles where date", "date", "dates"])
        // Values are listed without the closing quote that completing one adds.
        XCTAssertEqual(LineEditor.matches(line: "articles where source = \""), ["articles where source = \"", "marwahkepri.com", "virprom.com"])
        XCTAssertEqual(LineEditor.matches(line: "articles frob "), [])
        // On a continuation line the earlier lines give the context.
        LineEditor.pendingLines = "articles where mentions \"To Lam\" and"
        XCTAssertEqual(LineEditor.matches(line: "da"), ["date", "date", "dates"])
    }
}
