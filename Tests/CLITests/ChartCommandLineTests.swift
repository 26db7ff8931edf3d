import Foundation
import XCTest

/// Charts from the real binary: `--format svg` rendered to PNG by a real
/// renderer (rsvg-convert, Debian's librsvg2-bin, which CI installs), and the
/// bar column and sparkline of `--chart`.
final class ChartCommandLineTests: XCTestCase {
    let timeline = "count articles where mentions \"Putin\" group by date.day"

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("warta-chart-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// rsvg-convert on PATH; a failure (not a skip) when it is missing.
    func rsvgConvert() throws -> URL {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .map { URL(fileURLWithPath: String($0)).appendingPathComponent("rsvg-convert") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
        return try XCTUnwrap(path, "rsvg-convert is not installed (apt-get install librsvg2-bin)")
    }

    /// Renders `svg` to a PNG with rsvg-convert; returns the PNG's bytes.
    func render(_ svg: URL, in folder: URL, name: String) throws -> [UInt8] {
        let png = folder.appendingPathComponent(name + ".png")
        let p = Process()
        p.executableURL = try rsvgConvert()
        p.arguments = ["-o", png.path, svg.path]
        let err = Pipe()
        p.standardError = err
        try p.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, "rsvg-convert failed: \(message)")
        return [UInt8](try Data(contentsOf: png))
    }

    /// The width and height in a PNG's IHDR chunk (bytes 16…23, big-endian).
    func size(_ png: [UInt8]) -> (width: Int, height: Int)? {
        guard png.count > 24, Array(png[12..<16]) == Array("IHDR".utf8) else { return nil }
        let be = { (i: Int) in png[i..<(i + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (be(16), be(20))
    }

    func testTheSVGOfATimelineRendersToAReadablePNG() throws {
        let folder = try temporaryFolder()
        let r = try WartaProcess.run(["--format", "svg", "-c", timeline])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stderr, "")
        XCTAssertTrue(r.stdout.hasPrefix("<?xml"), r.stdout)
        XCTAssertTrue(r.stdout.contains("<title>count articles where mentions &quot;Putin&quot; group by date.day</title>"))
        XCTAssertTrue(r.stdout.hasSuffix("</svg>\n"))
        let svg = folder.appendingPathComponent("putin.svg")
        try r.stdout.write(to: svg, atomically: true, encoding: .utf8)
        let png = try render(svg, in: folder, name: "putin")
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG signature")
        let dimensions = try XCTUnwrap(size(png))
        XCTAssertEqual(dimensions.width, 1280)
        XCTAssertEqual(dimensions.height, 720)
        // An empty page of the same size compresses to almost nothing; a chart with
        // its title, axes, labels and line holds far more.
        let blank = folder.appendingPathComponent("blank.svg")
        try """
            <svg xmlns="http://www.w3.org/2000/svg" width="1280" height="720"><rect width="1280" height="720" fill="#ffffff"/></svg>
            """.write(to: blank, atomically: true, encoding: .utf8)
        let empty = try render(blank, in: folder, name: "blank")
        XCTAssertGreaterThan(png.count, 10_000, "a chart is not tiny")
        XCTAssertGreaterThan(png.count, 5 * empty.count, "the chart draws much more than a blank page (\(png.count) against \(empty.count) bytes)")
    }

    /// The issue's acceptance line, as written (on the bundled corpus, where nobody mentions Jokowi).
    func testTheAcceptanceCommandRendersToo() throws {
        let folder = try temporaryFolder()
        let r = try WartaProcess.run(["--format", "svg", "-c", "count articles where mentions \"jokowi\" group by date.day"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains(">nothing counted: every group is 0</text>"), r.stdout)
        let svg = folder.appendingPathComponent("jokowi.svg")
        try r.stdout.write(to: svg, atomically: true, encoding: .utf8)
        let png = try render(svg, in: folder, name: "jokowi")
        XCTAssertEqual(size(png)?.width, 1280)
        XCTAssertEqual(size(png)?.height, 720)
        XCTAssertGreaterThan(png.count, 10_000)
    }

    func testRowsCannotBeDrawnAndNothingIsWritten() throws {
        let r = try WartaProcess.run(["--format", "svg", "-c", "articles where mentions \"Putin\""])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout, "")
        XCTAssertTrue(r.stderr.hasPrefix("error: svg draws grouped counts and comparisons; this statement gives rows"), r.stderr)
    }

    func testOutputToAnSVGFileDrawsTheLastChart() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("chart.svg")
        let script = """
            .output \(file.path)
            count articles group by source
            \(timeline)
            .output
            count articles
            """
        let r = try WartaProcess.run([], stdin: script)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "5\n", "back on standard output, a table again")
        let svg = try String(contentsOf: file, encoding: .utf8)
        XCTAssertEqual(svg.components(separatedBy: "<svg ").count, 2, "one chart in the file")
        XCTAssertTrue(svg.contains("<title>\(timeline.replacingOccurrences(of: "\"", with: "&quot;"))</title>"))
        let png = try render(file, in: folder, name: "chart")
        XCTAssertEqual(size(png)?.width, 1280)
    }

    func testChartFlagDrawsBarsInAPipeAndNoChartLeavesTablesAlone() throws {
        let charted = try WartaProcess.run(["--chart", "-c", "count articles group by date.day"], environment: ["COLUMNS": "70"])
        XCTAssertEqual(charted.status, 0, charted.stderr)
        let lines = charted.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains { $0.hasPrefix("2024-06-20") && $0.hasSuffix("█") }, charted.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("2024-06-19 ") && $0.contains(" 2024-06-20  (at most ") }, charted.stdout)
        for l in lines { XCTAssertLessThanOrEqual(l.count, 70, l) }
        let plain = try WartaProcess.run(["-c", "count articles group by date.day"])
        XCTAssertFalse(plain.stdout.contains("█"), "piped, no chart unless asked")
        let off = try WartaProcess.run(["--no-chart", "-c", "count articles group by date.day"])
        XCTAssertEqual(off.stdout, plain.stdout)
        let json = try WartaProcess.run(["--chart", "--format", "json", "-c", "count articles group by date.day"])
        XCTAssertFalse(json.stdout.contains("█"), "charts are for tables")
    }
}
