import Foundation
import XCTest
@testable import Warta
@testable import warta

/// Every example in `.help` runs on the bundled corpus without an error.
final class HelpTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The statement part of a help line: up to a gap of two spaces (the
    /// description column), or the whole line.
    func statements(in text: String) -> [String] {
        let starts = ["articles", "count", "paragraphs", "sentences", "quotes", "entities", "terms", "let", "explain",
                      "visits", "mentions", "title", "date", "source", "dates", "words", "id"]
        var out: [String] = []
        for raw in text.split(separator: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard let first = line.split(separator: " ").first, starts.contains(String(first)) else { continue }
            // Several examples on a line are separated by wide gaps.
            for part in line.components(separatedBy: "   ") {
                let s = part.trimmingCharacters(in: .whitespaces)
                guard let w = s.split(separator: " ").first, starts.contains(String(w)) else { continue }
                out.append(s)
            }
        }
        return out
    }

    func testEveryExampleRuns() throws {
        let session = Session(corpus: try Corpus.open(path: HelpTests.root.appendingPathComponent("seeds").path))
        _ = try session.run("let visits = articles where mentions \"Putin\" and mentions \"Vietnam\"")
        _ = try session.run("let quoted = articles where mentions \"Carl Thayer\"")
        var ran = 0
        for (name, text) in Help.topics {
            for s in statements(in: text) {
                // A bare condition is shown as it would follow `where`.
                let conditionWords = ["mentions", "title", "date", "source", "dates", "words", "id"]
                let statement = conditionWords.contains(String(s.split(separator: " ")[0])) ? "articles where " + s : s
                XCTAssertNoThrow(try session.run(statement), "\(name): \(statement)")
                ran += 1
            }
        }
        XCTAssertGreaterThan(ran, 30)
    }
}
