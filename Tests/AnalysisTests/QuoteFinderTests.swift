import XCTest
@testable import Warta

final class QuoteFinderTests: XCTestCase {
    let finder = QuoteFinder(recognizer: EntityRecognizer(gazetteer: .standard))

    /// "paragraph: speaker: text" for each quotation.
    func found(_ paragraphs: [String]) -> [String] {
        var out: [String] = []
        for (i, quotes) in finder.quotes(inParagraphs: paragraphs).enumerated() {
            for q in quotes {
                XCTAssertEqual(SeedCorpus.slice(paragraphs[i], q.range), q.text)
                out.append("\(i): \(q.speaker ?? "-"): \(q.text)")
            }
        }
        return out
    }

    func testQuotesAndSpeakers() {
        // an article's paragraphs → its quotations
        let rows: [([String], [String])] = [
            (["“Hari ini, kita berjuang bersama,” kata Putin."], ["0: Vladimir Putin: Hari ini, kita berjuang bersama"]),
            (["“Kunjungan ini penting bagi Asia,” kata Carl Thayer, pakar keamanan."],
             ["0: Carl Thayer: Kunjungan ini penting bagi Asia"]),
            (["“Kami tidak akan mundur,” ujar Presiden Joko Widodo di Jakarta."],
             ["0: Joko Widodo: Kami tidak akan mundur"]),
            (["Dalam Sambutannya, To Lam mengatatakan, “Kedua pihak sepakat untuk terus bekerja sama.”"],
             ["0: To Lam: Kedua pihak sepakat untuk terus bekerja sama."]),
            (["Menurut Retno Marsudi, “Indonesia tetap netral dalam konflik ini.”"],
             ["0: Retno Marsudi: Indonesia tetap netral dalam konflik ini."]),
            (["Prabowo: “Kita harus bersatu sekarang.”"], ["0: Prabowo Subianto: Kita harus bersatu sekarang."]),
            // "katanya" points at the person named last, here a paragraph earlier.
            (["Carl Thayer, profesor di Universitas New South Wales, mengatakan Vietnam berhenti membeli.",
              "“Rusia dan Vietnam mempunyai kepentingan bersama,” katanya kepada AFP."],
             ["1: Carl Thayer: Rusia dan Vietnam mempunyai kepentingan bersama"]),
            (["Putin tiba di Hanoi.", "“Kami bersahabat sejak lama,” ujarnya.", "“Kita akan terus bekerja sama,” kata dia."],
             ["1: Vladimir Putin: Kami bersahabat sejak lama", "2: Vladimir Putin: Kita akan terus bekerja sama"]),
            // A name the gazetteer does not know, as written; straight quotes, a space before the closing one.
            (["\"Keduanya diduga sebagai pemasok sabu, \" kata Zulmi melalui telepon."],
             ["0: Zulmi: Keduanya diduga sebagai pemasok sabu"]),
            (["Zulmi menjelaskan, tersangka sudah ditahan.", "\"Saat ini masih dalam pemeriksaan,\" ujarnya."],
             ["1: Zulmi: Saat ini masih dalam pemeriksaan"]),
            (["Veronica Koman hadir di sidang.", "“Kami akan terus berjuang,” tandasnya."],
             ["1: Veronica Koman: Kami akan terus berjuang"]),
            (["“Saya kurang tahu soal itu,” kata Syafrin di Balai Kota."], ["0: Syafrin: Saya kurang tahu soal itu"]),
            (["“Lahannya sudah ada sejak lama,” kata Kapolda Bangka Belitung, Brigjen Budi Santoso."],
             ["0: Budi Santoso: Lahannya sudah ada sejak lama"]),
            // English.
            (["“We will not back down,” Biden said."], ["0: Joe Biden: We will not back down"]),
            (["Biden said: “We will not back down.”"], ["0: Joe Biden: We will not back down."]),
            (["Blinken arrived.", "“This is a serious concern,” he said."], ["1: Antony Blinken: This is a serious concern"]),
            // Reported speech and unattributed quotations have no speaker.
            (["To Lam mengatakan bahwa Hanoi “selalu mempertimbangkan Rusia sebagai mitra.”"],
             ["0: -: selalu mempertimbangkan Rusia sebagai mitra."]),
            (["“Kerja sama itu harus menjadi perhatian besar,” kata juru bicara tersebut."],
             ["0: -: Kerja sama itu harus menjadi perhatian besar"]),
            (["Washington menegur Hanoi, kata mereka, “Tidak ada negara yang boleh memberi panggung.”"],
             ["0: -: Tidak ada negara yang boleh memberi panggung."]),
            // A quotation may span sentences; terms of one or two words are no quotations.
            (["“Kami datang. Kami melihat. Kami menang,” kata Putin."],
             ["0: Vladimir Putin: Kami datang. Kami melihat. Kami menang"]),
            (["Vietnam menjalankan “diplomasi bambu” yang “seimbang” di kawasan."], []),
            // A curly quotation ignores straight marks inside it.
            (["“Ia menyebut \"mitra\" itu sahabat lama,” kata Putin."],
             ["0: Vladimir Putin: Ia menyebut \"mitra\" itu sahabat lama"]),
            // Unmatched marks: skipped, never stuck.
            (["“Tidak pernah ditutup kata dia"], []),
            (["\" a \" b \" c \""], []),
            (["”“”“", "\"", "“", "", "12\" monitor dan 15\" layar"], []),
        ]
        for (paragraphs, expected) in rows {
            XCTAssertEqual(found(paragraphs), expected, paragraphs.joined(separator: " ¶ "))
        }
    }

    func testAwkwardTextNeverHangsAndStaysInBounds() {
        let samples = AwkwardText.samples(1000)
        for k in stride(from: 0, to: samples.count - 3, by: 3) {
            let paragraphs = Array(samples[k..<(k + 3)])
            let quotes = finder.quotes(inParagraphs: paragraphs)
            XCTAssertEqual(quotes.count, 3)
            for (i, list) in quotes.enumerated() {
                for q in list {
                    XCTAssertLessThanOrEqual(q.range.upperBound, paragraphs[i].utf8.count)
                    XCTAssertEqual(SeedCorpus.slice(paragraphs[i], q.range), q.text)
                    XCTAssertFalse(AwkwardText.splitsScalar(Array(paragraphs[i].utf8), q.range))
                }
            }
        }
    }

    func testOnePerParagraph() {
        XCTAssertEqual(finder.quotes(inParagraphs: ["a", "b", "c"]).count, 3)
        XCTAssertEqual(finder.quotes(inParagraphs: []).count, 0)
    }

    func testSeedQuotes() throws {
        func quotes(_ prefix: String) throws -> [Quote] {
            finder.quotes(inParagraphs: try SeedCorpus.article(prefix).paragraphs.map(String.init)).flatMap { $0 }
        }
        // `quotes where speaker = "To Lam"` finds his quotation in 002.
        let seed002 = try quotes("002")
        let byToLam = seed002.filter { $0.speaker == "To Lam" }
        XCTAssertEqual(byToLam.count, 1)
        XCTAssertTrue(byToLam[0].text.hasPrefix("Kedua pihak sepakat untuk terus melaksanakan proyek-proyek penting"))
        XCTAssertTrue(byToLam[0].text.hasSuffix("hukum kedua negara dan hukum internasional."))
        XCTAssertEqual(seed002.compactMap(\.speaker), ["To Lam", "Vladimir Putin", "Carl Thayer"])
        XCTAssertTrue(seed002.contains { $0.speaker == "Vladimir Putin" && $0.text.hasPrefix("Hari ini, kita berjuang") })
        XCTAssertTrue(seed002.contains { $0.speaker == "Carl Thayer" && $0.text.hasPrefix("Rusia dan Vietnam mempunyai") })
        let seed003 = try quotes("003")
        XCTAssertEqual(seed003.compactMap(\.speaker), ["Carl Thayer"])
        // 000 quotes the State Department ("kata mereka") and To Lam's reported speech: no speakers.
        XCTAssertEqual(try quotes("000").map(\.speaker), [nil, nil])
        XCTAssertTrue(try quotes("004").isEmpty)
    }
}
