import XCTest
import Warta

final class JSONLinesTests: XCTestCase {
    func load(_ lines: [String], name: String = "corpus.jsonl") -> LoadResult {
        CorpusLoader.load(data: Array(lines.joined(separator: "\n").utf8), name: name)
    }

    func testGoodLine() throws {
        let r = load([#"{"id": "k-1", "title": "Judul", "date": "2019-09-10", "source": "kompas.com", "url": "https://kompas.com/1", "text": "JAKARTA, KOMPAS.com - Paragraf satu, Selasa (10/9/2019).\nBaca juga: Berita Lain yang Menarik\nParagraf dua.", "category": "News/Regional"}"#])
        XCTAssertEqual(r.warnings, [])
        let a = try XCTUnwrap(r.articles.first)
        XCTAssertEqual(a.id, "k-1")
        XCTAssertEqual(a.title, "Judul")
        XCTAssertEqual(a.text, "JAKARTA, KOMPAS.com - Paragraf satu, Selasa (10/9/2019).\n\nParagraf dua.")
        XCTAssertEqual(a.raw, "JAKARTA, KOMPAS.com - Paragraf satu, Selasa (10/9/2019).\nBaca juga: Berita Lain yang Menarik\nParagraf dua.")
        XCTAssertEqual(a.date?.description, "2019-09-10")
        XCTAssertEqual(a.dates.map(\.description), ["2019-09-10"])
        XCTAssertEqual(a.source, "kompas.com")
        XCTAssertEqual(a.url, "https://kompas.com/1")
        XCTAssertEqual(a.fields, ["category": "News/Regional"])
    }

    func testExtractionFillsMissingMetadata() throws {
        let r = load([#"{"title": "Judul", "text": "MOSKOW, virprom.com – Presiden tiba pada Rabu (19/6/2024) malam dan akan bertemu dengan para pemimpin."}"#],
                     name: "dir/feed.jsonl")
        let a = try XCTUnwrap(r.articles.first)
        XCTAssertEqual(a.id, "feed-1")
        XCTAssertEqual(a.date?.description, "2024-06-19")
        XCTAssertEqual(a.source, "virprom.com")
        XCTAssertEqual(a.lang, "id")
    }

    func testNoTitleMeansScrapedPage() throws {
        let r = load([#"{"id": 7, "text": "Tautan Akses\nJudul Sebenarnya\nIsi berita."}"#])
        let a = try XCTUnwrap(r.articles.first)
        XCTAssertEqual(a.id, "7")
        XCTAssertEqual(a.title, "Judul Sebenarnya")
        XCTAssertEqual(a.text, "Isi berita.")
    }

    func testBadLinesAreSkippedWithTheirLineNumbers() {
        let r = load([
            #"{"id": "a", "title": "A", "text": "Satu."}"#,
            #"{"id": "b", "title": "B", "text": "Dua."#,
            "",
            #"["not", "an", "object"]"#,
            #"{"id": "c", "title": "C"}"#,
            #"{"id": "d", "title": "D", "text": 5}"#,
            #"{"id": "a", "title": "A again", "text": "Tiga."}"#,
            #"{"id": "e", "title": "E", "text": "Empat.", "date": "10/09/2019"}"#,
            "   ",
            #"{"id": "f", "title": "F", "text": "Lima."}"#,
        ])
        XCTAssertEqual(r.articles.map(\.id), ["a", "e", "f"])
        XCTAssertEqual(r.warnings.map(\.description), [
            "corpus.jsonl:2: warning: not valid JSON: unterminated string at column 35; line skipped",
            "corpus.jsonl:4: warning: not a JSON object; line skipped",
            "corpus.jsonl:5: warning: no \"text\" key; line skipped",
            "corpus.jsonl:6: warning: \"text\" is not a string; line skipped",
            "corpus.jsonl:7: warning: duplicate id 'a' (first on line 1); skipped",
            "corpus.jsonl:8: warning: bad date '10/09/2019' (expected YYYY-MM-DD); using the date found in the text",
        ])
        XCTAssertEqual(r.articles[0].title, "A")
    }

    func testExtraKeysKeptAsText() throws {
        let r = load([#"{"id": "x", "title": "T", "text": "Isi.", "views": 1200, "pinned": true, "tags": ["a", "b\"c"], "meta": {"k": null, "n": -1.5e3}, "note": "é\u00e9\ud83d\ude00"}"#])
        let a = try XCTUnwrap(r.articles.first)
        XCTAssertEqual(a.fields, [
            "views": "1200", "pinned": "true", "tags": #"["a","b\"c"]"#, "meta": #"{"k":null,"n":-1.5e3}"#, "note": "éé😀",
        ])
    }

    func testEscapesInText() throws {
        let r = load([#"{"title": "T", "text": "Baris satu.\nBaris \"dua\".\r\nTab\there \u0041 \/ \\ end."}"#])
        XCTAssertEqual(r.articles.first?.paragraphs, ["Baris satu.", "Baris \"dua\".", "Tab\there A / \\ end."])
    }

    func testInvalidUTF8LineIsSkipped() {
        var bytes = Array(#"{"id": "a", "title": "A", "text": "Satu."}"#.utf8) + [0x0A]
        bytes += Array(#"{"id": "b", "title": "B", "text": "Du"#.utf8) + [0xC3, 0x28] + Array(#"a."}"#.utf8) + [0x0A]
        bytes += Array(#"{"id": "c", "title": "C", "text": "Tiga."}"#.utf8)
        let r = CorpusLoader.load(data: bytes, name: "u.jsonl")
        XCTAssertEqual(r.articles.map(\.id), ["a", "c"])
        XCTAssertEqual(r.warnings.map(\.description), ["u.jsonl:2: warning: invalid UTF-8 at column 38; line skipped"])
    }

    func testHostileNestingDoesNotCrash() {
        let deep = String(repeating: "[", count: 100_000)
        let r = load([#"{"text": "x", "a": "# + deep + "}"])
        XCTAssertEqual(r.articles, [])
        XCTAssertEqual(r.warnings.count, 1)
        XCTAssertTrue(r.warnings[0].reason.contains("nested too deeply"), r.warnings[0].reason)
    }

    func testManyLinesKeepOrder() {
        let lines = (1...2_000).map { #"{"id": "n\#($0)", "title": "T", "text": "Isi \#($0)."}"# }
        let r = load(lines + [lines[0]])
        XCTAssertEqual(r.articles.map(\.id), (1...2_000).map { "n\($0)" })
        XCTAssertEqual(r.warnings.map(\.line), [2_001])
    }

    func testIdenticalTextsLoadAsIfAlone() {
        let page = #"Beranda › Berita\nGempa Guncang Palu Sore Ini\nPALU, KOMPAS.com - Gempa terjadi pada Rabu (11/9/2019) sore.\nBaca juga: Lain\nWarga berlarian."#
        let lines = [
            #"{"id": "a", "title": "Gempa", "text": "\#(page)"}"#,
            #"{"id": "b", "text": "\#(page)"}"#,
            #"{"id": "c", "title": "Gempa", "text": "\#(page)", "source": "tempo.co", "lang": "en"}"#,
            #"{"id": "d", "title": "Gempa", "text": "\#(page)", "date": "2019-09-12", "kategori": "x"}"#,
            #"{"id": "e", "text": "\#(page)", "url": "https://kompas.com/e"}"#,
            #"{"id": "f", "title": "Gempa", "text": "\#(page)", "date": "kemarin"}"#,
            #"{"id": "g", "title": "Gempa", "text": "\#(page)", "source": "tempo.co", "lang": "en"}"#,
        ]
        let together = load(lines)
        XCTAssertEqual(together.articles.count, lines.count)
        for (k, line) in lines.enumerated() {
            let alone = load([line])
            XCTAssertEqual(together.articles[k], alone.articles.first, "line \(k + 1)")
        }
        XCTAssertEqual(together.warnings.map(\.description),
                       ["corpus.jsonl:6: warning: bad date 'kemarin' (expected YYYY-MM-DD); using the date found in the text"])
    }
}
