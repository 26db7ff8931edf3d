import Warta
import XCTest

/// The README's embedding example, as written.
final class EmbeddingTests: XCTestCase {
    func testTheReadmeExample() throws {
        let corpus = try Corpus.open(path: WartaProcess.root.appendingPathComponent("seeds").path)
        let session = Session(corpus: corpus)
        guard case .rows(let rows) = try session.run(#"articles where mentions "To Lam" and date = 2024-06-20"#) else {
            return XCTFail("expected rows")
        }
        XCTAssertEqual(rows.ids, ["002_886ca11fc7c36e11", "004_0fb8b6c0066fb73e"])
        XCTAssertEqual(Renderer.render(try session.run("count articles group by date"), as: .jsonl), """
            {"group": "2024-06-19", "count": 1, "total": 1, "share": 1}
            {"group": "2024-06-20", "count": 2, "total": 2, "share": 1}
            {"group": null, "count": 2, "total": 2, "share": 1}

            """)
    }

    func testCheckReportsWithoutRunning() {
        let session = Session(corpus: Corpus(name: "empty", articles: []))
        guard case .failure(let d) = session.check("articles where dat = 1") else { return XCTFail() }
        XCTAssertEqual(d.range, 15..<18)
        XCTAssertEqual(d.suggestion, "date")
    }
}
