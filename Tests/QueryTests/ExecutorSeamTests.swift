import Foundation
import Warta
import XCTest

/// The native engine behind the executor seam answers as the session's own path.
final class ExecutorSeamTests: XCTestCase {
    func testNativeExecutorAnswersAsTheSession() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let corpus = try Corpus.open(path: root.appendingPathComponent("seeds").path)
        let direct = Session(corpus: corpus), seam = Session(executor: NativeExecutor(corpus: corpus))
        var compared = 0
        for file in try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("grammar/examples").path).sorted()
        where file.hasSuffix(".wq") {
            let text = try String(contentsOf: root.appendingPathComponent("grammar/examples/\(file)"), encoding: .utf8)
            for span in StatementSplitter.split(text) {
                let a = Result { try direct.run(text, range: span.range) }, b = Result { try seam.run(text, range: span.range) }
                switch (a, b) {
                case (.success(let x), .success(let y)):
                    XCTAssertEqual("\(x)", "\(y)", file)
                    compared += 1
                case (.failure(let x), .failure(let y)):
                    XCTAssertEqual("\(x)", "\(y)", file)
                default:
                    XCTFail("\(file): \(a) vs \(b)")
                }
            }
        }
        XCTAssertGreaterThan(compared, 50)
    }
}
