import XCTest
@testable import Warta

/// A .jsonl file is read a stretch of lines at a time (`JSONLines.load(path:)`): whatever the
/// stretch, it must give what reading the whole file at once gives, from a regular file or a pipe.
final class JSONLinesChunkTests: XCTestCase {
    private func file(_ bytes: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "warta-chunks-\(UUID().uuidString).jsonl"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    private func assertSameAsWhole(_ bytes: [UInt8], _ label: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let path = try self.file(bytes)
        let whole = bytes.withUnsafeBufferPointer { JSONLines.load($0, name: path) }
        for size in [1, 8195, 8200, 9001, 20_000, 1 << 20] {
            let read = try JSONLines.load(path: path, chunkSize: size)
            XCTAssertEqual(read.warnings, whole.warnings, "\(label), chunks of \(size)", file: file, line: line)
            XCTAssertEqual(read.articles.map(\.id), whole.articles.map(\.id), "\(label), chunks of \(size)", file: file, line: line)
            XCTAssertEqual(read.articles.map(\.text), whole.articles.map(\.text), "\(label), chunks of \(size)", file: file, line: line)
            XCTAssertEqual(read.articles.map(\.raw), whole.articles.map(\.raw), "\(label), chunks of \(size)", file: file, line: line)
            XCTAssertEqual(read.articles.map(\.date), whole.articles.map(\.date), "\(label), chunks of \(size)", file: file, line: line)
        }
    }

    func testLinesAcrossStretchesReadAsTheWholeFile() throws {
        let long = String(repeating: "Presiden Joko Widodo meninjau banjir di Jakarta, Selasa (10/9/2019). ", count: 40)
        let lines = [
            #"{"id": "a-1", "title": "Satu", "date": "2019-09-10", "text": "Paragraf satu.\nBaca juga: Lain\nParagraf dua."}"#,
            "",
            #"{"id": "a-2", "text": "\#(long)"}"#,
            "   ",
            #"{"id": "a-3", "text": "tidak ditutup"#,
            #"{"id": "a-1", "text": "id yang sama"}"#,
            #"{"title": "Tanpa id", "text": "Kim Jong-un di Hanoi.\r"}"#,
            #"["bukan objek"]"#,
            #"{"id": "a-4", "date": "10-9-2019", "text": "Tanggal buruk, Rabu (19/6/2024)."}"#,
        ]
        // Many times over (each copy's ids are duplicates of the first's), with a line longer than a stretch.
        let longer = #"{"id": "panjang", "text": "\#(String(repeating: long, count: 8))"}"#
        var bytes = Array((Array(repeating: lines.joined(separator: "\n"), count: 12) + [longer, lines[0]]).joined(separator: "\n").utf8)
        bytes.insert(contentsOf: Array(#"{"id": "bad", "text": "x"#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8) + [0x0A], at: 0)
        try assertSameAsWhole(bytes, "no newline at the end")
        try assertSameAsWhole(bytes + [0x0A], "a newline at the end")
        try assertSameAsWhole([0xEF, 0xBB, 0xBF] + bytes + [0x0A, 0x0A], "a byte order mark, two newlines at the end")
    }

    func testEmptyBlankAndBinaryFilesReadAsTheWholeFile() throws {
        try assertSameAsWhole([], "empty")
        try assertSameAsWhole([0x0A], "one newline")
        try assertSameAsWhole(Array(repeating: 0x20, count: 5000) + [0x0A, 0x0A, 0x09], "blank")
        try assertSameAsWhole([0xEF, 0xBB, 0xBF], "a byte order mark alone")
        try assertSameAsWhole(Array(#"{"id": "x", "text": "a"}"#.utf8) + [0x0A, 0x00, 0x01], "a NUL near the start")
        // A NUL far from the start is the line's problem, not the file's.
        let line: [UInt8] = Array(#"{"text": "baris"}"#.utf8) + [0x0A]
        let far: [UInt8] = Array(repeating: line, count: 600).flatMap { $0 } + [0x00]
        try assertSameAsWhole(far, "a NUL far from the start")
    }

    func testAPipeReadsAsTheWholeFile() throws {
        let line = #"{"id": "p-%d", "title": "Judul", "text": "Presiden Joko Widodo di Jakarta, Selasa (10/9/2019). Baris %d."}"#
        var bytes: [UInt8] = []
        for k in 0..<3000 { bytes += Array(String(format: line, k % 2500, k).utf8) + [0x0A] }
        let path = NSTemporaryDirectory() + "warta-pipe-\(UUID().uuidString).jsonl"
        XCTAssertEqual(mkfifo(path, 0o600), 0)
        addTeardownBlock { unlink(path) }
        for size in [8195, 20_000, 1 << 20] {
            // The writer feeds the pipe while the reader reads it.
            let data = bytes
            let writer = Thread {
                let fd = open(path, O_WRONLY)
                data.withUnsafeBytes { b in
                    var done = 0
                    while done < b.count {
                        let n = write(fd, b.baseAddress! + done, b.count - done)
                        if n <= 0 { break }
                        done += n
                    }
                }
                close(fd)
            }
            writer.start()
            let read = try JSONLines.load(path: path, chunkSize: size)
            let whole = bytes.withUnsafeBufferPointer { JSONLines.load($0, name: path) }
            XCTAssertEqual(read.articles.count, 2500, "chunks of \(size)")
            XCTAssertEqual(read.warnings, whole.warnings, "chunks of \(size)")
            XCTAssertEqual(read.articles.map(\.id), whole.articles.map(\.id), "chunks of \(size)")
            XCTAssertEqual(read.articles.map(\.text), whole.articles.map(\.text), "chunks of \(size)")
        }
    }

    func testAFileThatIsNotThereIsUnreadable() {
        XCTAssertThrowsError(try JSONLines.load(path: "/nonexistent/warta.jsonl")) { error in
            guard case CorpusError.unreadable = error else { return XCTFail("\(error)") }
        }
    }
}
