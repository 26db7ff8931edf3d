import XCTest
@testable import Warta

/// Articles printed again byte for byte are stored once
/// (docs/index-format.md, "Duplicates") and read back as themselves.
final class DuplicateTests: XCTestCase {
    /// `n` different articles of about `words` words each.
    static func articles(_ n: Int, words: Int) -> [Article] {
        (0..<n).map { i in
            var text = "JAKARTA, Kompas.com — Presiden Joko Widodo bertemu Prabowo Subianto di Jakarta, Rabu (\(1 + i % 28)/6/2024)."
            var x = UInt64(i + 1) &* 0x9E37_79B9_7F4A_7C15
            for k in 0..<words {
                x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += (k % 40 == 39 ? ".\n\n" : " ") + (k % 17 == 0 ? "Kata" : "kata") + String(x >> 50)
            }
            text += " \"Kami sepakat,\" kata Jokowi."
            return Article(id: String(format: "a%04d", i), title: "Berita \(i): Jokowi dan Prabowo", text: text, raw: text,
                           date: Day(year: 2024, month: 6, day: 1 + i % 28), source: "kompas.com")
        }
    }

    /// `originals` followed by a copy of each (the same title and text, its own id, date and source).
    static func withCopies(_ originals: [Article]) -> [Article] {
        originals + originals.enumerated().map { i, a in
            Article(id: a.id + "-copy", title: a.title, text: a.text, raw: "[dimuat ulang] " + a.raw,
                    date: Day(year: 2025, month: 1, day: 1 + i % 28), source: "antaranews.com", url: "https://x.id/\(i)")
        }
    }

    func testTextsSharingAHashAreComparedByteForByte() {
        let a = Article(id: "a", title: "T", text: "Satu dua.", raw: "")
        let b = Article(id: "b", title: "T", text: "Satu tiga.", raw: "")
        let titleMoved = Article(id: "c", title: "TSatu", text: " dua.", raw: "")
        let composed = Article(id: "d", title: "Kafé", text: "x", raw: "")
        let decomposed = Article(id: "e", title: "Kafe\u{301}", text: "x", raw: "")  // == as Strings, other bytes
        let articles = [a, b, titleMoved, composed, decomposed, Article(id: "a2", title: "T", text: "Satu dua.", raw: "x"),
                        Article(id: "b2", title: "T", text: "Satu tiga.", raw: ""), Article(id: "a3", title: "T", text: "Satu dua.", raw: "")]
        XCTAssertEqual(composed.title, decomposed.title)
        let expected: [Int32] = [-1, -1, -1, -1, -1, 0, 1, 0]
        // Every article in one bucket: only the bytes tell them apart.
        XCTAssertEqual(ExactDuplicates.originals(articles, hash: { _ in 7 }), expected)
        XCTAssertEqual(ExactDuplicates.originals(articles), expected)
    }

    func testDuplicatesAreStoredOnce() throws {
        let originals = Self.articles(40, words: 600)
        func sizes(_ articles: [Article]) throws -> (blocks: Int, duplicates: Int, file: Int) {
            let built = CorpusBuilder.build(articles, gazetteer: .standard)
            let storage = try IndexStorage.memory(IndexWriter.write(built, articles: articles))
            return (storage[.articleBlocks].count, storage[.duplicates].count, storage.count)
        }
        let once = try sizes(originals), twice = try sizes(Self.withCopies(originals))
        XCTAssertEqual(once.duplicates, 0)
        XCTAssertEqual(twice.duplicates, 8 * originals.count)
        // The copies add their records (id, raw, date, source, url), not their words, shapes and structures.
        XCTAssertLessThan(twice.blocks - once.blocks, once.blocks / 5, "\(once) \(twice)")
        XCTAssertLessThan(twice.file, once.file * 13 / 10, "\(once) \(twice)")
    }

    func testADuplicateReadsAsItself() throws {
        let articles = Self.withCopies(Self.articles(40, words: 300))
        let built = CorpusBuilder.build(articles, gazetteer: .standard)
        let corpus = Corpus(name: "t", articles: articles)
        XCTAssertEqual(Array(corpus.articles), articles)
        for d in articles.indices {
            for f in IndexedField.allCases {
                XCTAssertEqual(corpus.index.forward(f, d).map { corpus.index.termsByID[Int($0)] },
                               built.index.forward(f, d).map { built.index.termsByID[Int($0)] }, "article \(d) \(f)")
            }
            let s = corpus.structures[d], expected = built.structures[d]
            XCTAssertEqual(s.paragraphs, expected.paragraphs)
            XCTAssertEqual(s.sentences, expected.sentences)
            XCTAssertEqual(s.quotes, expected.quotes)
            XCTAssertEqual(s.entities, expected.entities)
            XCTAssertEqual(corpus.articles.metadata(d).id, articles[d].id)
        }
        XCTAssertGreaterThan(built.structures[40].quotes.count + built.structures[40].entities.count, 0)
        let session = Session(corpus: corpus)
        let r = try session.run("articles where mentions \"jokowi\" and source = \"antaranews.com\" show id, title, text limit 3")
        XCTAssertEqual(Renderer.render(r, as: .jsonl).components(separatedBy: "\n").filter { !$0.isEmpty }.count, 3)
        XCTAssertEqual(corpus.damage.count, 0)
    }

    /// Were the analysis to read more than the title and text, a copy
    /// analysed otherwise would keep its own words, shapes and structure.
    func testACopyAnalysedDifferentlyIsStoredWhole() throws {
        let articles = Self.withCopies(Self.articles(10, words: 100))
        var built = CorpusBuilder.build(articles, gazetteer: .standard)
        let sentences = built.structures[2].sentences
        built.structures[12].sentences.removeLast()
        let storage = try IndexStorage.memory(IndexWriter.write(built, articles: articles))
        XCTAssertEqual(storage[.duplicates].count, 8 * 9)
        let corpus = try Corpus(storage: storage, name: "t", path: nil, gazetteer: nil)
        XCTAssertEqual(corpus.structures[12].sentences, Array(sentences.dropLast()))
        XCTAssertEqual(corpus.structures[2].sentences, sentences)
        XCTAssertEqual(corpus.structures[13].sentences, built.structures[3].sentences)
        XCTAssertEqual(Array(corpus.articles), articles)
        XCTAssertEqual(corpus.damage.count, 0)
    }

    func testADamagedOriginalDamagesItsDuplicates() throws {
        let originals = Self.articles(200, words: 400)
        let articles = Self.withCopies(originals)
        let built = CorpusBuilder.build(articles, gazetteer: .standard)
        var bytes = IndexWriter.write(built, articles: articles)
        let sound = try IndexStorage.memory(bytes)
        var r = ByteReader(sound.bytes(sound[.meta]))
        let blockCount = IndexMeta.decode(&r).blockCount
        let starts = try XCTUnwrap(ValueColumn<UInt32>.read(sound, .blockStarts, count: blockCount + 1))
        func block(_ d: Int) -> Int { starts.lastIndex { Int($0) <= d }! }
        let original = 100, copy = originals.count + original
        let records = RecordTable(sound, .articleBlocks, count: blockCount)
        let damaged = try XCTUnwrap(records.range(block(original))), kept = try XCTUnwrap(records.range(block(copy)))
        let middle = (damaged.lowerBound + damaged.upperBound) / 2
        // The byte flipped lies in a checksum block of its own: not the record table's offsets, not the copy's block.
        let offsetsEnd = sound[.articleBlocks].lowerBound + 8 + 4 * (blockCount + 1)
        XCTAssertGreaterThan(middle / IndexStorage.blockSize, offsetsEnd / IndexStorage.blockSize)
        XCTAssertLessThan(middle / IndexStorage.blockSize, kept.lowerBound / IndexStorage.blockSize)
        bytes[middle] ^= 0x40
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("duplicates-\(getpid()).widx").path
        try IndexWriter.save(bytes, to: path)
        defer { try? FileManager.default.removeItem(atPath: path) }

        let corpus = try Corpus(storage: IndexStorage.map(path: path), name: "t", path: path, gazetteer: nil)
        XCTAssertEqual(corpus.articles.metadata(copy).id, articles[copy].id)  // its own record is sound
        XCTAssertEqual(corpus.damage.count, 0)
        XCTAssertEqual(corpus.articles[copy].text, "")
        XCTAssertGreaterThan(corpus.damage.count, 0)
        let before = corpus.damage.count
        XCTAssertEqual(corpus.index.forward(.text, copy), [])
        XCTAssertGreaterThan(corpus.damage.count, before)
        XCTAssertTrue(corpus.damage.message?.contains("is damaged (block ") ?? false, corpus.damage.message ?? "")
        // Through a statement: the damage message, no answer.
        let session = Session(corpus: corpus)
        XCTAssertThrowsError(try session.run("articles where id = \"\(articles[copy].id)\" show text"))
    }
}
