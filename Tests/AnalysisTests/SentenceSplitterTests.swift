import XCTest
@testable import Warta

final class SentenceSplitterTests: XCTestCase {
    func split(_ paragraph: String) -> [String] {
        SentenceSplitter.sentences(in: paragraph).map { SeedCorpus.slice(paragraph, $0) }
    }

    func testSentences() {
        // paragraph → its sentences
        let rows: [(String, [String])] = [
            ("Putin tiba. Ia disambut.", ["Putin tiba.", "Ia disambut."]),
            // Abbreviations and initials.
            ("Perang yang dilakukan oleh Mr. Putin di Ukraina. Mr. Putin pulang.",
             ["Perang yang dilakukan oleh Mr. Putin di Ukraina.", "Mr. Putin pulang."]),
            ("Presiden Vladimir V. Putin tiba. Dr. Budi tinggal di Jl. Sudirman No. 5 bersama Prof. Ani.",
             ["Presiden Vladimir V. Putin tiba.", "Dr. Budi tinggal di Jl. Sudirman No. 5 bersama Prof. Ani."]),
            ("Surat a.n. Budi dikirim. Ia membeli buah, sayur, dll. dan pulang.",
             ["Surat a.n. Budi dikirim.", "Ia membeli buah, sayur, dll. dan pulang."]),
            ("Budi, S.H., M.Si. hadir. Acara selesai.", ["Budi, S.H., M.Si. hadir.", "Acara selesai."]),
            // An acronym at the end of a sentence ends it; "PM" inside one does not.
            ("Wakil PM Tran Hong Ha hadir. Ia terhambat ancaman sanksi AS. Vietnam menolak.",
             ["Wakil PM Tran Hong Ha hadir.", "Ia terhambat ancaman sanksi AS.", "Vietnam menolak."]),
            // Numbers and money.
            ("Perdagangan hanya mencapai $3,5 miliar pada tahun 2022. Angka itu naik 3.5 persen.",
             ["Perdagangan hanya mencapai $3,5 miliar pada tahun 2022.", "Angka itu naik 3.5 persen."]),
            ("Harga Rp 1.500.000 per unit, pukul 10.00 WIB.", ["Harga Rp 1.500.000 per unit, pukul 10.00 WIB."]),
            // Closing quotes and brackets stay with the sentence they end.
            ("Hanoi “selalu mempertimbangkan Rusia sebagai mitra.” Berikut adalah hal-hal.",
             ["Hanoi “selalu mempertimbangkan Rusia sebagai mitra.”", "Berikut adalah hal-hal."]),
            ("Ia berkata \"Tidak.\" Lalu pergi. (Foto: AFP.) Selesai.",
             ["Ia berkata \"Tidak.\"", "Lalu pergi.", "(Foto: AFP.)", "Selesai."]),
            ("“Apa kabar?” tanya dia. Baik! Sungguh?! Ya.", ["“Apa kabar?” tanya dia.", "Baik!", "Sungguh?!", "Ya."]),
            // Ellipses.
            ("Ia menunggu... lalu pergi. Selesai.", ["Ia menunggu... lalu pergi.", "Selesai."]),
            ("Ia menunggu… Kemudian pergi.", ["Ia menunggu…", "Kemudian pergi."]),
            // Headings and lines.
            ("Dukungan dari Kim", ["Dukungan dari Kim"]),
            ("Perdagangan dan persenjataan\nPutin mendapat sambutan meriah.",
             ["Perdagangan dan persenjataan", "Putin mendapat sambutan meriah."]),
            ("kalimat yang dipotong\npada baris berikutnya.", ["kalimat yang dipotong\npada baris berikutnya."]),
            ("URL virprom.com dan e-mail a@b.co tetap utuh.", ["URL virprom.com dan e-mail a@b.co tetap utuh."]),
            ("Akhir.", ["Akhir."]),
            ("", []),
            ("   \n ", []),
            ("...", ["..."]),
        ]
        for (paragraph, expected) in rows {
            XCTAssertEqual(split(paragraph), expected, paragraph)
        }
    }

    func testAwkwardTextGivesOrderedRangesInBounds() {
        for text in AwkwardText.samples(3000) {
            let count = text.utf8.count
            var end = 0
            for r in SentenceSplitter.sentences(in: text) {
                XCTAssertLessThanOrEqual(end, r.lowerBound, text)
                XCTAssertLessThan(r.lowerBound, r.upperBound, text)
                XCTAssertLessThanOrEqual(r.upperBound, count, text)
                XCTAssertFalse(AwkwardText.splitsScalar(Array(text.utf8), r), text)
                end = r.upperBound
            }
        }
    }

    func testRangesAreTrimmedByteOffsets() {
        XCTAssertEqual(SentenceSplitter.sentences(in: "  Satu.  Dua.  "), [2..<7, 9..<13])
        XCTAssertEqual(SentenceSplitter.sentences(in: "Tô Lâm tiba. Ya."), [0..<14, 15..<18])
        XCTAssertEqual(SentenceSplitter.sentences(in: "Ia\u{00A0}tiba.\u{00A0}Ya."), [0..<9, 11..<14])
    }

    func testSentencesMentioningMrAreWhole() throws {
        // `sentences where mentions "Mr" show text` on the seeds.
        var found: [String] = []
        for article in try SeedCorpus.articles() {
            for paragraph in article.paragraphs.map(String.init) {
                for sentence in split(paragraph) where Tokenizer.terms(sentence).contains("mr") {
                    found.append(sentence)
                }
            }
        }
        XCTAssertEqual(found.map { String($0.prefix(40)) }, [
            "Perang yang dilakukan oleh Mr. Putin di ",
            "Di Vietnam, sebaliknya, Mr. Putin – yang",
            "Namun, Moskow telah lama menjadi sumber ",
            "Ini adalah kunjungan ke-5 Mr. Putin ke V",
            "Bagi Vietnam, kunjungan Mr. Putin merupa",
        ])
        for s in found {
            XCTAssertFalse(s.hasSuffix("Mr."), s)
            XCTAssertTrue(s.hasSuffix("."), s)
        }
    }

    func testSeedParagraphsSplitIntoCoveringSentences() throws {
        let a = try SeedCorpus.article("002")
        var count = 0
        for paragraph in a.paragraphs.map(String.init) {
            let ranges = SentenceSplitter.sentences(in: paragraph)
            count += ranges.count
            for (x, y) in zip(ranges, ranges.dropFirst()) { XCTAssertLessThanOrEqual(x.upperBound, y.lowerBound) }
        }
        XCTAssertGreaterThan(count, a.paragraphs.count)
        let caption = try XCTUnwrap(a.paragraphs.map(String.init).first { $0.hasPrefix("Presiden Rusia Vladimir Putin (kiri)") })
        XCTAssertEqual(split(caption).count, 2)  // the caption, then the credit in brackets
    }
}
