import XCTest
@testable import Warta

/// The encodings of the index file, one at a time (docs/index-format.md).
final class IndexFormatTests: XCTestCase {
    func testADenseListLongerThanItsBytesDecodes() throws {
        // A word in every article: its gaps and frequencies pack into 0 bits, so the
        // list has more documents than bytes (a word like "yang" at 10x click_id).
        let articles = (0..<2000).map { Article(id: String(format: "d%04d", $0), title: "", text: "kata", raw: "kata") }
        let corpus = Corpus(name: "dense", articles: articles)
        let list = corpus.index.postings(for: "kata", in: .text)
        XCTAssertEqual(list.count, 2000)
        XCTAssertEqual(list.docs.last, 1999)
        var set = DocBits(capacity: 2000)
        corpus.index.insertDocuments(of: "kata", in: .text, into: &set)
        XCTAssertEqual(set.count, 2000)
        guard case .count(let n) = try Session(corpus: corpus).run("count articles where mentions \"kata\"") else {
            return XCTFail("not a count")
        }
        XCTAssertEqual(n, 2000)
        XCTAssertEqual(corpus.damage.count, 0)
    }

    func testCRC32MatchesTheStandardCheckValue() {
        let bytes = Array("123456789".utf8)
        XCTAssertEqual(bytes.withUnsafeBytes { CRC32.checksum($0) }, 0xCBF4_3926)
        let long = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        // Slicing by eight agrees with the bytewise loop on every length.
        for n in [0, 1, 7, 8, 9, 63, 1000] {
            var crc: UInt32 = 0xFFFF_FFFF
            for b in long.prefix(n) { crc = CRC32.table[Int((crc ^ UInt32(b)) & 0xFF)] ^ (crc >> 8) }
            XCTAssertEqual(Array(long.prefix(n)).withUnsafeBytes { CRC32.checksum($0) }, ~crc, "length \(n)")
        }
    }

    func testBitPackingRoundTripsEveryWidth() {
        for bits in 0...32 {
            let mask: UInt64 = bits == 0 ? 0 : (1 << UInt64(bits)) - 1
            let values = (0..<130).map { UInt32(truncatingIfNeeded: (UInt64($0) &* 2_654_435_761) & mask) }
            var w = ByteWriter()
            w.pack(values[...], bits: bits)
            XCTAssertEqual(w.count, (values.count * bits + 7) / 8)
            var out: [UInt32] = []
            w.bytes.withUnsafeBytes { b in
                var r = ByteReader(b)
                r.unpack(values.count, bits: bits, into: &out)
                XCTAssertFalse(r.failed)
            }
            XCTAssertEqual(out, values, "bits \(bits)")
        }
    }

    func testFlatPostingsEncodeAsTheListsTheyHold() {
        // Three terms' lists, one empty, one across two blocks, laid end to end as the builder lays them.
        var lists = [PostingList(), PostingList(), PostingList()]
        for i in 0..<300 {
            for p in 0..<(1 + i % 3) { lists[1].add(doc: UInt32(i * 2), position: UInt32(p * 4 + i % 5)) }
            if i % 7 == 0 { lists[2].add(doc: UInt32(i), position: 9) }
        }
        var flat = FlatPostings(docStarts: [0], docs: [], freqs: [], positionStarts: [0], positions: [])
        for l in lists {
            flat.docs += l.docs
            flat.freqs += l.freqs
            flat.positions += l.positions
            flat.docStarts.append(flat.docs.count)
            flat.positionStarts.append(flat.positions.count)
        }
        XCTAssertEqual(flat.count, 3)
        var scratch = PostingList.Scratch()
        for t in 0..<3 {
            var w = ByteWriter()
            w.u8(0xAB)  // what the writer already holds stays
            flat.encode(t, into: &w, scratch: &scratch)
            XCTAssertEqual(w.bytes, [0xAB] + lists[t].encoded(), "term \(t)")
            XCTAssertEqual(flat.list(t).docs, lists[t].docs)
            XCTAssertEqual(flat.list(t).positionStarts, lists[t].positionStarts)
            XCTAssertEqual(flat.list(t).positions, lists[t].positions)
        }
    }

    func testARecordTableEncodedInStretchesIsTheTableOfItsRecords() {
        for n in [0, 1, 255, 256, 3000] {
            let records = (0..<n).map { i in [UInt8](repeating: UInt8(i % 251), count: i % 5) }
            var whole = ByteWriter(), stretched = ByteWriter()
            RecordTable.write(records, into: &whole)
            RecordTable.write(RecordTable.Stretches(count: n) { range in
                var bytes: [UInt8] = [], ends: [Int] = []
                for i in range { bytes += records[i]; ends.append(bytes.count) }
                return (bytes, ends)
            }, into: &stretched)
            XCTAssertEqual(stretched.bytes, whole.bytes, "\(n) records")
        }
    }

    func testPostingListsRoundTripAcrossBlocks() {
        for n in [0, 1, 127, 128, 129, 1000] {
            var list = PostingList()
            var doc: UInt32 = 3
            for i in 0..<n {
                doc += UInt32(1 + (i * 7919) % 300)
                for p in 0..<(1 + i % 4) { list.add(doc: doc, position: UInt32(p * 5 + i % 3)) }
            }
            let bytes = list.encoded()
            let back: PostingList = bytes.withUnsafeBytes { b in
                var r = ByteReader(b)
                let l = PostingList.decode(&r)
                XCTAssertFalse(r.failed)
                XCTAssertTrue(r.atEnd)
                return l
            }
            XCTAssertEqual(back.docs, list.docs, "n \(n)")
            XCTAssertEqual(back.freqs, list.freqs)
            XCTAssertEqual(back.positionStarts, list.positionStarts)
            XCTAssertEqual(back.positions, list.positions)
        }
    }

    func testATruncatedRecordFailsInsteadOfTrapping() {
        var list = PostingList()
        for d in 0..<300 { list.add(doc: UInt32(d * 2), position: 1) }
        let bytes = list.encoded()
        for cut in [1, 5, bytes.count / 2, bytes.count - 1] {
            Array(bytes.prefix(cut)).withUnsafeBytes { b in
                var r = ByteReader(b)
                _ = PostingList.decode(&r)
                XCTAssertTrue(r.failed, "cut at \(cut)")
            }
        }
    }

    func testArticlesAndStructuresRoundTrip() {
        let a = Article(id: "x1", title: "Judul", text: "Isi.\n\nLagi.", raw: "RAW Isi", date: Day(year: 2024, month: 6, day: 20),
                        dates: [Day(year: 2024, month: 6, day: 19)!], source: "kompas.com", url: nil, lang: "id",
                        fields: ["b": "2", "a": "1"])
        let cleaned = Article(id: "c", title: "T", text: "Paragraf pertama cukup panjang.\n\nParagraf kedua juga panjang.",
                              raw: "Paragraf pertama cukup panjang.\nBaca juga: yang lain\nParagraf kedua juga panjang.\n")
        let unicode = Article(id: "u", title: "T", text: "Kota Hà Nội ramai sekali hari ini.", raw: "  Kota Hà Nội ramai sekali hari ini. ✓")
        let shouting = Article(id: "s", title: "BREAKING: Jokowi ke IKN", text: "JAKARTA, Kompas.com — McDonald's\tbuka  24 jam… 'ya'",
                               raw: "JAKARTA, Kompas.com — McDonald's\tbuka  24 jam… 'ya'")
        let articles = [a, cleaned, unicode, shouting, Article(id: "e", title: "", text: "", raw: ""),
                        Article(id: "", title: "  ", text: "same", raw: "same")]
        // Through the index file: the title and text are stored as their words and shapes.
        let corpus = Corpus(name: "t", articles: articles)
        XCTAssertEqual(Array(corpus.articles), articles)
        XCTAssertEqual(corpus.damage.count, 0)
        var s = ArticleStructure()
        s.paragraphs = [TextSpan(tokens: 0..<3, bytes: 0..<10), TextSpan(tokens: 3..<9, bytes: 12..<40)]
        s.quotes = [QuoteSpan(span: TextSpan(tokens: 1..<2, bytes: 2..<5), speaker: "To Lam")]
        s.entities = [EntityOccurrence(entity: 4, field: .title, tokens: 0..<2, alias: "Korut"),
                      EntityOccurrence(entity: 1, field: .text, tokens: 7..<8, alias: "Hà Nội")]
        let back = s.encoded().withUnsafeBytes { b in
            var r = ByteReader(b)
            return ArticleStructure.decode(&r) { rest in
                let kept = Array(rest)
                return {
                    kept.withUnsafeBytes { b in
                        var m = ByteReader(b)
                        return ArticleStructure.decodeMentions(&m) { _, _ in nil } ?? []
                    }
                }
            }
        }
        XCTAssertEqual(back.paragraphs, s.paragraphs)
        XCTAssertEqual(back.quotes, s.quotes)
        XCTAssertEqual(back.entities, s.entities)
    }

    /// The common gaps are distinct and each is found by its bytes; other bytes are none of them.
    func testCommonGapsAreNumberedByTheirBytes() {
        XCTAssertEqual(Set(WordCoding.commonGaps).count, WordCoding.commonGaps.count)
        XCTAssertLessThanOrEqual(WordCoding.commonGaps.count, 63)
        for (k, gap) in WordCoding.commonGaps.enumerated() {
            let bytes = Array(gap.utf8)
            XCTAssertEqual(bytes.withUnsafeBufferPointer { WordCoding.gapNumber($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, bytes.count) },
                           UInt8(k + 1), gap)
            XCTAssertEqual(WordCoding.gap(k + 1).map(Array.init), bytes, gap)
        }
        for other in ["  ", ",  ", "abc", " ,", "\n\n\n", ".....", "        "] {
            let bytes = Array(other.utf8)
            XCTAssertEqual(bytes.withUnsafeBufferPointer { WordCoding.gapNumber($0.baseAddress!, bytes.count) }, 0, other)
        }
        XCTAssertNil(WordCoding.gap(0))
        XCTAssertNil(WordCoding.gap(WordCoding.commonGaps.count + 1))
    }

    func testWordShapesGiveBackTheExactText() {
        let texts = ["", "kata", "  Kata  ", "Ya, “kata” dia. (Lihat: 5/6) - selesai!\n\n“Baru” — ok... & 50% ' x [y] z; a?\n\nb",
                     "a  b,  c\t\td\n\n\ne", "Pertanggungjawabannya dipertanggungjawabkan", "NONDISKRIMINASI", "JOKOWI dan Prabowo", "iPhone McDonald's", "Hà Nội — ĐÀ NẴNG", "a1B2 x\n\ny",
                     "Kim Jong-un", "“Ya,” katanya.", "ǅemal Ǆ", "٣ ١٢",
                     "A AB1 1A aB Ab ABc x9Y 9 Ö Éa"]
        for text in texts {
            let words = TokenizedText(text)
            let shape = WordCoding.shape(of: text, words: words)
            // Spell with a dictionary of the text's own terms, numbered in order.
            var spelling = Spelling()
            for t in words.terms { Array(t.utf8).withUnsafeBytes { spelling.append($0) } }
            var numbers = ByteWriter()
            numbers.varint(words.terms.count)
            for i in words.terms.indices { numbers.varint(i) }
            let back = numbers.bytes.withUnsafeBytes { n in
                shape.withUnsafeBytes { s in
                    var w = ByteReader(n), r = ByteReader(s)
                    return WordCoding.text(words: &w, shape: &r, spelling: spelling)
                }
            }
            // How each word is written is found while it is folded; it is what comparing the word with its term gives.
            Array(text.utf8).withUnsafeBufferPointer { b in
                for i in words.terms.indices {
                    let surface = UnsafeBufferPointer(rebasing: b[Int(words.starts[i])..<Int(words.ends[i])])
                    XCTAssertEqual(words.hows[i], WordCoding.writing(surface, words.terms[i]), "\(text): word \(i)")
                }
            }
            XCTAssertEqual(back.map { String(decoding: $0.bytes, as: UTF8.self) }, text)
            XCTAssertEqual(back?.starts, words.starts, text)
            XCTAssertEqual(back?.ends, words.ends, text)
            // A shape cut short fails rather than trapping.
            if !shape.isEmpty {
                let cut = numbers.bytes.withUnsafeBytes { n in
                    Array(shape.dropLast()).withUnsafeBytes { s in
                        var w = ByteReader(n), r = ByteReader(s)
                        return WordCoding.text(words: &w, shape: &r, spelling: spelling)
                    }
                }
                XCTAssertNil(cut, text)
            }
        }
    }

    func testAStreamZlibWroteStillInflates() {
        // Index files made before libdeflate were deflated by zlib (this stream: Python's zlib, level 6).
        let text = Array("Presiden Vladimir Putin tiba di Hanoi. Presiden Vladimir Putin tiba di Hanoi pada Rabu (19/6/2024).".utf8)
        let zlib: [UInt8] = [120, 156, 11, 40, 74, 45, 206, 76, 73, 205, 83, 8, 203, 73, 76, 201, 204, 205, 44, 82, 8, 40, 45, 201,
                             204, 83, 40, 201, 76, 74, 84, 72, 201, 84, 240, 72, 204, 203, 207, 212, 83, 8, 32, 70, 153, 66, 65,
                             98, 74, 162, 66, 80, 98, 82, 169, 130, 134, 161, 165, 190, 153, 190, 145, 129, 145, 137, 166, 30, 0,
                             230, 134, 33, 16]
        var w = ByteWriter()
        w.varint(text.count)
        XCTAssertEqual((w.bytes + zlib).withUnsafeBytes { Deflate.decompress($0) }, text)
        // Its Adler-32 (the last four bytes) is checked.
        var wrongSum = w.bytes + zlib
        wrongSum[wrongSum.count - 1] ^= 1
        XCTAssertNil(wrongSum.withUnsafeBytes { Deflate.decompress($0) })
    }

    func testDeflateRoundTripsAndRefusesDamage() {
        let bytes = (0..<5000).map { UInt8(truncatingIfNeeded: $0 % 17 + $0 / 300) }
        let packed = Deflate.compress(bytes)
        XCTAssertLessThan(packed.count, bytes.count)
        XCTAssertEqual(packed.withUnsafeBytes { Deflate.decompress($0) }, bytes)
        XCTAssertEqual(Deflate.compress([]).withUnsafeBytes { Deflate.decompress($0) }, [])
        var damaged = packed
        damaged[damaged.count / 2] ^= 0x55
        XCTAssertNil(damaged.withUnsafeBytes { Deflate.decompress($0) })
        XCTAssertNil(Array(packed.dropLast(3)).withUnsafeBytes { Deflate.decompress($0) })
        XCTAssertNil([UInt8]().withUnsafeBytes { Deflate.decompress($0) })
    }

    func testTheTermDictionaryIsSearchedInPlace() {
        var b = IndexBuilder()
        for body in ["zebra apel apelan", "bapak apel", "ápel"] { b.add(fields: [.title: "", .text: body]) }
        let index = b.build()
        XCTAssertEqual(Array(index.sortedTerms), ["apel", "apelan", "bapak", "zebra"])
        XCTAssertEqual(index.terms(withPrefix: "apel"), ["apel", "apelan"])
        XCTAssertEqual(index.terms(withPrefix: "c"), [])
        XCTAssertEqual(index.termID("bapak"), 2)
        XCTAssertNil(index.termID("bapa"))
        XCTAssertEqual(index.postings(for: "apel", in: .text).docs, [0, 1, 2])
    }

    func testCopiesRoundTripAsDeltas() {
        let clusters = CopyDetector.Clusters(clusterOf: [[0, -1, 1], [], [2, 0, -1, 5], [1, 3, 4, 2]],
                                             articles: [[0, 2], [0, 3], [2, 3], [3], [3], [2]])
        let back = clusters.encoded().withUnsafeBytes { b in
            var r = ByteReader(b)
            let c = CopyDetector.Clusters.decode(&r)
            XCTAssertFalse(r.failed)
            XCTAssertTrue(r.atEnd)
            return c
        }
        XCTAssertEqual(back.clusterOf, clusters.clusterOf)
        XCTAssertEqual(back.articles, clusters.articles)
    }

    func testFrontCodedIdsAreFoundInPlace() {
        // Groups of 8: ids sharing long prefixes, none, a prefix of the next, one of many bytes, the empty id.
        var ids = (0..<70).map { String(format: "clickid-kompas-%05d-x%d", ($0 * 37) % 70, $0 % 3) }
        ids += ["", "a", "ab", "abc", "Hà Nội", "zz" + String(repeating: "é", count: 200)]
        let articles = ids.map { Article(id: $0, title: "Judul", text: "Isi \($0).", raw: "") }
        let corpus = Corpus(name: "t", articles: articles)
        for (d, id) in ids.enumerated() {
            XCTAssertEqual(corpus.ordinalByID[id], d, id)
            XCTAssertEqual(corpus.articleID(d), id)
        }
        for absent in ["", " ", "b", "aa", "abcd", "clickid-kompas-00000-x", "clickid-kompas-00069-x20", "zzz"] where !ids.contains(absent) {
            XCTAssertNil(corpus.ordinalByID[absent], absent)
        }
        XCTAssertEqual(corpus.damage.count, 0)
    }
}

/// Building on several cores gives the very file one core would.
final class ParallelBuildTests: XCTestCase {
    func testPartsJoinIntoTheSameIndexFile() {
        let words = ["presiden", "jokowi", "prabowo", "jakarta", "banjir", "gempa", "kpk", "revisi", "timnas", "indonesia"]
        var articles: [Article] = []
        for i in 0..<700 {
            var text = "Presiden Joko Widodo bertemu Prabowo Subianto di Jakarta."
            for k in 0..<(5 + i % 23) { text += " " + words[(i * 7 + k * 3) % words.count] + "\(k % 4 == 0 ? String(i % 50) : "")" }
            text += "\n\nKata \(i) baru muncul di sini. Sumber: Antara."
            articles.append(Article(id: String(format: "a%04d", (i * 37) % 700), title: "Judul \(i % 13) \(words[i % words.count])",
                                    text: text, raw: text, date: Day(year: 2019, month: 9, day: 1 + i % 28)))
        }
        let one = CorpusBuilder.build(articles, gazetteer: .standard, parts: 1)
        let bytes = IndexWriter.write(one, articles: articles)
        for parts in [2, 3, 7] {
            let many = CorpusBuilder.build(articles, gazetteer: .standard, parts: parts)
            XCTAssertEqual(IndexWriter.write(many, articles: articles), bytes, "\(parts) parts")
        }
        XCTAssertGreaterThan(one.entities.count, 0)
        // More parts than a stretch of two articles each can fill: the last ones are empty.
        let few = Array(articles.prefix(10))
        let fewBytes = IndexWriter.write(CorpusBuilder.build(few, gazetteer: .standard, parts: 1), articles: few)
        XCTAssertEqual(IndexWriter.write(CorpusBuilder.build(few, gazetteer: .standard, parts: 7), articles: few), fewBytes)
    }

    /// A part done early analyses the last articles of another: the file is still the one one core makes.
    func testUnevenPartsShareTheirWork() {
        let words = ["presiden", "jokowi", "prabowo", "jakarta", "banjir", "gempa", "kpk", "revisi", "timnas", "indonesia"]
        var articles: [Article] = []
        for i in 0..<1200 {
            // The first half long, the second a line each: the second part ends first and takes work from the first.
            var text = "Presiden Joko Widodo bertemu Prabowo Subianto di Jakarta, kata Menteri Sri Mulyani."
            for k in 0..<(i < 600 ? 60 + i % 17 : 1) { text += " " + words[(i * 3 + k * 7) % words.count] }
            articles.append(Article(id: "u\(i)", title: "Judul \(i % 7)", text: text, raw: text, date: Day(year: 2019, month: 9, day: 1 + i % 28)))
        }
        // Copies across the two halves: shared analyses and stolen batches meet.
        articles[1100].text = articles[5].text
        articles[1100].title = articles[5].title
        let bytes = IndexWriter.write(CorpusBuilder.build(articles, gazetteer: .standard, parts: 1), articles: articles)
        for _ in 0..<3 {
            XCTAssertEqual(IndexWriter.write(CorpusBuilder.build(articles, gazetteer: .standard, parts: 2), articles: articles), bytes)
        }
    }

    /// The stretches hand out every article once: its own part's from the front, another's from the back.
    func testStretchesHandOutEveryArticleOnce() {
        let b = Stretches.batch
        let stretches = Stretches([0..<(5 * b), (5 * b)..<(6 * b)])
        XCTAssertEqual(stretches.front(1), (5 * b)..<(6 * b))
        XCTAssertNil(stretches.front(1))
        XCTAssertNil(stretches.steal(for: 0), "part 1 has nothing left to take")
        XCTAssertEqual(stretches.front(0), 0..<b)
        // Part 1, done, takes the last batches of part 0 while part 0 works on its first.
        XCTAssertEqual(stretches.steal(for: 1)?.range, (4 * b)..<(5 * b))
        stretches.deliver(0, (4 * b)..<(5 * b), [])
        XCTAssertEqual(stretches.front(0), b..<(2 * b))
        var stolen: [Range<Int>] = []
        while let (j, r) = stretches.steal(for: 1) {
            XCTAssertEqual(j, 0)
            stolen.append(r)
            stretches.deliver(j, r, [])
        }
        XCTAssertEqual(stolen, [(3 * b)..<(4 * b), (2 * b)..<(3 * b)])
        XCTAssertNil(stretches.front(0))
        XCTAssertEqual(stretches.ownEnd(0), 2 * b)
        for start in stride(from: 2 * b, to: 5 * b, by: b) { XCTAssertEqual(stretches.wait(0, start).count, 0) }
        // A part whose last articles are fewer than a batch gives the rest.
        let small = Stretches([0..<(b + 5), (b + 5)..<(b + 6)])
        XCTAssertEqual(small.front(0), 0..<b)
        XCTAssertEqual(small.front(1), (b + 5)..<(b + 6))
        XCTAssertNil(small.front(1))
        XCTAssertEqual(small.steal(for: 1)?.range, b..<(b + 5))
    }
}
