import XCTest
@testable import Warta

/// Identical texts are found by their bytes, and an article analysed once
/// for all its copies gives the very index file analysing each would.
final class IdenticalArticlesTests: XCTestCase {
    func testFirstsAreConfirmedByBytesNotByHash() {
        let texts = ["a", "b", "a", "café", "cafe\u{301}", "b", "", "café", ""]
        // Every hash collides: only the bytes tell texts apart, and "café" composed is not "café" decomposed.
        let firsts = IdenticalTexts.firsts(count: texts.count, hash: { _ in 0 },
                                           same: { IdenticalTexts.sameBytes(texts[$0], texts[$1]) })
        XCTAssertEqual(firsts, [0, 1, 0, 3, 4, 1, 6, 3, 6])
        XCTAssertTrue(IdenticalTexts.sameBytes(nil, nil))
        XCTAssertFalse(IdenticalTexts.sameBytes(nil, ""))
    }

    func testIdenticalArticlesNeedTitleAndText() {
        let articles = [Article(id: "1", title: "Judul", text: "Isi.", raw: "Isi."),
                        Article(id: "2", title: "Judul", text: "Isi lain.", raw: "Isi lain."),
                        Article(id: "3", title: "Judul lain", text: "Isi.", raw: "Isi."),
                        Article(id: "4", title: "Judul", text: "Isi.", raw: "beda", source: "x.com")]
        XCTAssertEqual(CorpusBuilder.identicalArticles(articles), [0, 1, 2, 0])
    }

    func testCopiesAnalysedOnceGiveTheSameIndexFile() {
        var articles: [Article] = []
        for i in 0..<2600 {
            // 40 distinct texts, each printed many times, spread over every part.
            let k = (i * 7) % 40
            let text = "Presiden Joko Widodo bertemu Prabowo Subianto di Jakarta, kata \(k).\n\n"
                + "\"Kami sepakat,\" kata Jokowi di Istana Bogor pada Senin. Menteri Sri Mulyani hadir \(k % 3)."
            articles.append(Article(id: String(format: "a%05d", i), title: "Judul \(k % 9)", text: text, raw: text))
        }
        let alone = (0..<Int32(articles.count)).map { $0 }
        let bytes = IndexWriter.write(CorpusBuilder.build(articles, gazetteer: .standard, parts: 1, firsts: alone), articles: articles)
        for parts in [1, 2, 3] {
            let shared = CorpusBuilder.build(articles, gazetteer: .standard, parts: parts)
            XCTAssertEqual(IndexWriter.write(shared, articles: articles), bytes, "\(parts) parts")
        }
    }

    func testAnExactCopysParagraphsAreCopiesOfItsOriginals() {
        let long = "Presiden Vladimir Putin tiba di Hanoi pada Rabu malam untuk kunjungan kenegaraan dua hari."
        let text = long + "\n\nSingkat saja.\n\n" + "Kunjungan ini membahas kerja sama energi, pendidikan, dan perdagangan kedua negara."
        let articles = [Article(id: "a", title: "Putin ke Hanoi", text: text, raw: text),
                        Article(id: "b", title: "Lain", text: "Berita lain sama sekali tentang cuaca di Jakarta hari ini yang cerah.", raw: ""),
                        Article(id: "c", title: "Putin ke Hanoi", text: text, raw: text)]
        let built = CorpusBuilder.build(articles, gazetteer: .standard)
        XCTAssertEqual(built.firsts, [0, 1, 0])
        let a = built.copies.clusterOf[0], c = built.copies.clusterOf[2]
        XCTAssertEqual(a.count, 3)
        XCTAssertEqual(a, c, "the copy's paragraphs are in its original's clusters")
        XCTAssertTrue(a[0] >= 0 && a[2] >= 0 && a[0] != a[2])
        XCTAssertEqual(a[1], -1, "a paragraph under eight words is nobody's copy")
        XCTAssertEqual(built.copies.clusterOf[1], [-1])
        XCTAssertEqual(built.copies.articles[Int(a[0])], [0, 2])
    }
}
