import XCTest
@testable import Warta

final class SplitterTests: XCTestCase {
    func statements(_ s: String) -> [String] {
        let bytes = Array(s.utf8)
        return StatementSplitter.split(s).map { String(decoding: bytes[$0.range], as: UTF8.self) }
    }

    func testEndsAtSemicolonsAndCompleteLines() {
        XCTAssertEqual(statements("count articles; articles\narticles limit 1"), ["count articles", "articles", "articles limit 1"])
        XCTAssertEqual(statements("articles where mentions \"To Lam\" and\ndate = 2024-06-20\ncount articles"),
                       ["articles where mentions \"To Lam\" and\ndate = 2024-06-20", "count articles"])
        XCTAssertEqual(statements("articles where (mentions \"a\"\nor mentions \"b\")"), ["articles where (mentions \"a\"\nor mentions \"b\")"])
        XCTAssertEqual(statements("articles show id,\ntitle"), ["articles show id,\ntitle"])
    }

    func testCommentsShebangsAndCommands() {
        XCTAssertEqual(statements("#!/usr/bin/env warta\n-- hello\n.format jsonl\ncount articles # trailing\n"),
                       [".format jsonl", "count articles"])
    }

    func testIncompleteInput() {
        XCTAssertFalse(StatementSplitter.isComplete("articles where"))
        XCTAssertFalse(StatementSplitter.isComplete("articles where mentions \"To Lam"))
        XCTAssertFalse(StatementSplitter.isComplete("articles where (mentions \"a\""))
        XCTAssertFalse(StatementSplitter.isComplete("articles where date ="))
        XCTAssertTrue(StatementSplitter.isComplete("articles where mentions \"To Lam\""))
        XCTAssertTrue(StatementSplitter.isComplete("count articles;"))
        XCTAssertTrue(StatementSplitter.isComplete(".help"))
    }
}
