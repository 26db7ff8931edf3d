import Foundation
import XCTest

/// The language's golden files (the habit of rustc's UI tests):
/// `grammar/examples/NAME.wq` runs on the bundled corpus and prints exactly
/// `NAME.out`; `grammar/errors/NAME.wq` fails with exactly `NAME.err` on
/// standard error and exit status 1. `WARTA_UPDATE_GOLDEN=1` rewrites them
/// (then read the diff before committing).
final class GoldenTests: XCTestCase {
    let update = ProcessInfo.processInfo.environment["WARTA_UPDATE_GOLDEN"] == "1"

    func scripts(in folder: String) throws -> [URL] {
        let dir = WartaProcess.root.appendingPathComponent("grammar/\(folder)")
        return try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "wq" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    func testExamplesRunAndPrintTheirGoldenOutput() throws {
        let all = try scripts(in: "examples")
        XCTAssertGreaterThanOrEqual(all.count, 5)
        for script in all {
            let r = try WartaProcess.run([script.lastPathComponent], cwd: script.deletingLastPathComponent())
            let golden = script.deletingPathExtension().appendingPathExtension("out")
            if update { try r.stdout.write(to: golden, atomically: true, encoding: .utf8) }
            XCTAssertEqual(r.status, 0, "\(script.lastPathComponent): \(r.stderr)")
            XCTAssertEqual(r.stderr, "", script.lastPathComponent)
            XCTAssertEqual(r.stdout, try String(contentsOf: golden, encoding: .utf8), script.lastPathComponent)
        }
    }

    func testErrorsGiveTheirGoldenMessage() throws {
        let all = try scripts(in: "errors")
        XCTAssertGreaterThanOrEqual(all.count, 10)
        for script in all {
            let r = try WartaProcess.run([script.lastPathComponent], cwd: script.deletingLastPathComponent())
            let golden = script.deletingPathExtension().appendingPathExtension("err")
            if update { try r.stderr.write(to: golden, atomically: true, encoding: .utf8) }
            XCTAssertEqual(r.status, 1, script.lastPathComponent)
            XCTAssertEqual(r.stderr, try String(contentsOf: golden, encoding: .utf8), script.lastPathComponent)
        }
    }
}
