import XCTest
import Warta

final class LoaderTests: XCTestCase {
    static let body = "Presiden Joko Widodo meresmikan jembatan baru di Samarinda pada Senin (17/6/2024) pagi."

    func load(_ text: String, _ name: String) -> LoadResult {
        CorpusLoader.load(data: Array(text.utf8), name: name)
    }

    // MARK: the bundled seeds

    func testSeedFolder() throws {
        let result = try CorpusLoader.load(path: Seeds.folder.path)
        XCTAssertEqual(result.warnings, [])
        let rows: [(id: String, date: String?, source: String?)] = [
            ("000_fb609a331a1786d6", nil, nil),
            ("001_c3db5a084bcb6aec", "2024-06-19", "virprom.com"),
            ("002_886ca11fc7c36e11", "2024-06-20", nil),
            ("003_899be7ee89dab36b", nil, nil),
            ("004_0fb8b6c0066fb73e", "2024-06-20", "marwahkepri.com"),
        ]
        XCTAssertEqual(result.articles.map(\.id), rows.map(\.id))
        for (a, row) in zip(result.articles, rows) {
            XCTAssertEqual(a.date?.description, row.date, a.id)
            XCTAssertEqual(a.dates.first?.description, row.date, a.id)
            XCTAssertEqual(a.source, row.source, a.id)
            XCTAssertEqual(a.lang, "id", a.id)
            XCTAssertFalse(a.text.contains("\n\n\n"), a.id)
            XCTAssertEqual(a.raw, try String(contentsOf: Seeds.folder.appendingPathComponent(a.id + ".txt"), encoding: .utf8))
        }
        XCTAssertEqual(result.articles[2].title, "Putin di Vietnam Setelah Tandatangani Pakta Pertahanan dengan Korut")
        XCTAssertTrue(result.articles[4].paragraphs[0].hasPrefix("Presiden Rusia Vladimir Putin dan Presiden Vietnam To Lam"))
    }

    func testPathErrors() {
        XCTAssertThrowsError(try CorpusLoader.load(path: "/nonexistent/warta")) {
            XCTAssertEqual($0 as? CorpusError, .notFound(path: "/nonexistent/warta"))
        }
        XCTAssertThrowsError(try CorpusLoader.load(path: Seeds.folder.deletingLastPathComponent().appendingPathComponent("Package.swift").path)) {
            guard case .unsupported = $0 as? CorpusError else { return XCTFail("\($0)") }
        }
    }

    func testFolderSkipsHiddenAndOtherFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("warta-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub/.hidden"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        func write(_ path: String, _ text: String) throws {
            try Data(text.utf8).write(to: dir.appendingPathComponent(path))
        }
        try write("b.txt", "Judul B\n\n\(Self.body)")
        try write("sub/a.md", "Judul A\n\n\(Self.body)")
        try write("sub/c.jsonl", #"{"id": "c1", "title": "Judul C", "text": "Isi."}"# + "\n")
        try write("sub/.hidden/h.txt", "Rahasia\n\nIsi.")
        try write(".dot.txt", "Rahasia\n\nIsi.")
        try write("notes.csv", "a,b")
        try write("dup.txt", "---\nid: b\n---\nJudul Lain\n\nIsi.")
        let result = try CorpusLoader.load(path: dir.path)
        // Sorted by path: b.txt, dup.txt, sub/a.md, sub/c.jsonl.
        XCTAssertEqual(result.articles.map(\.id), ["b", "a", "c1"])
        XCTAssertEqual(result.warnings.map(\.reason), ["duplicate id 'b' (first in \(dir.path)/b.txt); skipped"])
    }

    // MARK: .txt and .md

    func testFrontMatter() {
        let text = """
        ---
        title: "Judul dari Metadata"
        date: 2024-06-21
        source: Contoh.co.id
        url: 'https://contoh.co.id/berita/1'
        lang: id
        author: Siti
        ---
        # Judul dari Metadata

        \(Self.body)
        """
        let r = load(text, "folder/berita-1.md")
        XCTAssertEqual(r.warnings, [])
        let a = r.articles[0]
        XCTAssertEqual(a.id, "berita-1")
        XCTAssertEqual(a.title, "Judul dari Metadata")
        XCTAssertEqual(a.text, Self.body)
        XCTAssertEqual(a.date?.description, "2024-06-21")
        XCTAssertEqual(a.dates.map(\.description), ["2024-06-17"])
        XCTAssertEqual(a.source, "Contoh.co.id")
        XCTAssertEqual(a.url, "https://contoh.co.id/berita/1")
        XCTAssertEqual(a.fields, ["author": "Siti"])
        XCTAssertEqual(a.raw, text)
    }

    func testBadFrontMatterDateFallsBack() {
        let r = load("---\nid: x1\ndate: 21/06/2024\nnot a pair\n---\nJudul\n\n\(Self.body)", "a.txt")
        XCTAssertEqual(r.warnings.map(\.description), [
            "a.txt:4: warning: front matter line is not 'key: value'; ignored",
            "a.txt:3: warning: bad date '21/06/2024' (expected YYYY-MM-DD); using the date found in the text",
        ])
        XCTAssertEqual(r.articles[0].id, "x1")
        XCTAssertEqual(r.articles[0].title, "Judul")
        XCTAssertEqual(r.articles[0].date?.description, "2024-06-17")
    }

    func testUnclosedFrontMatterIsText() {
        let r = load("---\nJudul\n\n\(Self.body)", "a.txt")
        XCTAssertEqual(r.articles.count, 1)
        XCTAssertEqual(r.articles[0].title, "Judul")
    }

    // MARK: bad input

    func testInvalidUTF8InText() {
        var bytes = Array("Judul\n\nIsi berita ".utf8)
        let offset = bytes.count
        bytes += [0xFF, 0xC3] + Array(" lanjut.".utf8)
        let r = CorpusLoader.load(data: bytes, name: "bad.txt")
        XCTAssertEqual(r.warnings.map(\.description),
                       ["bad.txt: warning: invalid UTF-8 at byte \(offset); bad bytes replaced with U+FFFD"])
        XCTAssertEqual(r.articles.first?.text, "Isi berita \u{FFFD}\u{FFFD} lanjut.")
    }

    func testBinaryAndEmptyFiles() {
        let rows: [([UInt8], String, String)] = [
            ([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01], "image.txt", "image.txt: warning: looks like a binary file (it contains NUL bytes); skipped"),
            (Array("Judul\n\nIsi\u{0}lain".utf8), "nul.md", "nul.md: warning: looks like a binary file (it contains NUL bytes); skipped"),
            ([], "empty.txt", "empty.txt: warning: empty file; skipped"),
            (Array(" \n\n \r\n".utf8), "blank.txt", "blank.txt: warning: empty file; skipped"),
            ([], "empty.jsonl", "empty.jsonl: warning: empty file; skipped"),
            ([0x7B, 0x00, 0x7D], "bin.jsonl", "bin.jsonl: warning: looks like a binary file (it contains NUL bytes); skipped"),
            (Array("Menu\nCari\n".utf8), "nav.txt", "nav.txt: warning: no article text left after cleaning; skipped"),
        ]
        for (bytes, name, warning) in rows {
            let r = CorpusLoader.load(data: bytes, name: name)
            XCTAssertEqual(r.articles, [], name)
            XCTAssertEqual(r.warnings.map(\.description), [warning], name)
        }
    }

    func testHugeSingleLine() {
        // 50 MB on one line: must stay linear (a quadratic scan would hang).
        let bytes = Array(String(repeating: "kata ", count: 10_000_000).utf8)
        let start = Date()
        let r = CorpusLoader.load(data: bytes, name: "huge.txt")
        XCTAssertEqual(r.articles.count, 1)
        XCTAssertLessThan(Date().timeIntervalSince(start), 60)
        let line = Array(#"{"id": 1, "text": ""#.utf8) + bytes + Array(#""}"#.utf8)
        let j = CorpusLoader.load(data: line, name: "huge.jsonl")
        XCTAssertEqual(j.articles.map(\.id), ["1"])
        XCTAssertEqual(j.warnings, [])
    }

    func testManyShortLines() {
        // 200,000 navigation lines before the headline, then 200,000 short
        // lines: every pass over lines must stay linear.
        let text = String(repeating: "Menu\n", count: 200_000) + "Judul\n" + String(repeating: "Satu dua.\nXS\n", count: 100_000)
        let start = Date()
        let r = load(text, "many.txt")
        XCTAssertEqual(r.articles.first?.title, "Judul")
        // With the "XS" widget lines gone, each "Satu dua." repeats the one before.
        XCTAssertEqual(r.articles.first?.paragraphs, ["Satu dua."])
        XCTAssertLessThan(Date().timeIntervalSince(start), 60)
    }

    func testWarningDescription() {
        XCTAssertEqual(LoadWarning(file: "a.jsonl", line: 3, reason: "x").description, "a.jsonl:3: warning: x")
        XCTAssertEqual(LoadWarning(file: "a.txt", reason: "y").description, "a.txt: warning: y")
    }
}
