import XCTest
@testable import Warta

final class EntityRecognizerTests: XCTestCase {
    let recognizer = EntityRecognizer(gazetteer: .standard)

    /// "alias=entity/type" for each mention, in order.
    func found(_ text: String) -> [String] {
        recognizer.mentions(in: text).map { "\($0.alias)=\($0.entity)/\($0.type.rawValue)" }
    }

    func testMentions() {
        // text → mentions as "alias=entity/type"
        let rows: [(String, [String])] = [
            ("Presiden Vladimir V. Putin dari Rusia tiba.",
             ["Vladimir V. Putin=Vladimir Putin/person", "Rusia=Rusia/place"]),
            ("Pakta dengan Korut dan DPRK, kata North Korea watchers.",
             ["Korut=Korea Utara/place", "DPRK=Korea Utara/place", "North Korea=Korea Utara/place"]),
            ("Hubungan China, Tiongkok dan RRT.", ["China=China/place", "Tiongkok=China/place", "RRT=China/place"]),
            // Acronyms only in capitals; "as" and "us" are words.
            ("Sanksi AS berlaku as of today for us and the US.", ["AS=Amerika Serikat/place", "US=Amerika Serikat/place"]),
            ("Ia datang secepat mungkin as soon as possible.", []),
            ("pemimpin Korea Utara Kim Jong Un", ["Korea Utara=Korea Utara/place", "Kim Jong Un=Kim Jong Un/person"]),
            ("pemimpinnya, Kim Jong-un.", ["Kim Jong-un=Kim Jong Un/person"]),
            ("ibu kota KOREA UTARA", ["KOREA UTARA=Korea Utara/place"]),
            ("PBB dan UN sama; Moskow atau Moscow.", ["PBB=PBB/org", "UN=PBB/org", "Moskow=Moskow/place", "Moscow=Moskow/place"]),
            ("Kunjungan ke-5 Mr. Putin ke Vietnam.", ["Mr. Putin=Vladimir Putin/person", "Vietnam=Vietnam/place"]),
            ("Presiden Vietnam Tô Lâm", ["Vietnam=Vietnam/place", "Tô Lâm=To Lam/person"]),
            // Names start with a capital: these are a battlefield and bad luck.
            ("di medan perang yang malang", []),
            ("Warga Medan dan Malang", ["Medan=Medan/place", "Malang=Malang/place"]),
            // "di" joins nothing; titles are not part of the name.
            ("kunjungan resmi di Istana Kepresidenan Vietnam di Hanoi, 20 Juni 2024.",
             ["Istana Kepresidenan=Istana Kepresidenan/other", "Vietnam=Vietnam/place", "Hanoi=Hanoi/place"]),
            ("oleh Wakil Perdana Menteri Vietnam Tran Hong Ha dan diplomat Le Hoai Trung.",
             ["Vietnam=Vietnam/place", "Tran Hong Ha=Tran Hong Ha/person", "Le Hoai Trung=Le Hoai Trung/person"]),
            ("Karpet Merah untuk Wakil PM Tran Hong Ha", ["Tran Hong Ha=Tran Hong Ha/person"]),
            ("Dalam Sambutannya, To Lam mengatatakan, “Kedua pihak sepakat.”", ["To Lam=To Lam/person"]),
            ("Kasubag Humas Polres Anambas, Ipda Zulmi mengatakan hal itu.",
             ["Humas Polres Anambas=Humas Polres Anambas/other", "Zulmi=Zulmi/other"]),
            // Connectors inside a name.
            ("Putra mahkota Mohammed bin Salman dan pengusaha Ahmad bin Yusuf hadir.",
             ["Mohammed bin Salman=Mohammed bin Salman/person", "Ahmad bin Yusuf=Ahmad bin Yusuf/other"]),
            ("rezim Bashar al-Assad runtuh", ["Bashar al-Assad=Bashar al-Assad/person"]),
            // A word that only opens a sentence is no name; one that also
            // stands alone inside a sentence is.
            ("Pertumbuhan ekonomi naik. Perdagangan juga.", []),
            ("Kim menyebut Putin sahabat. Ia dipeluk oleh Kim.",
             ["Kim=Kim/other", "Putin=Vladimir Putin/person", "Kim=Kim/other"]),
            // Days, months, single letters and generic heads are not names.
            ("pada Kamis, 20 Juni, korban Z dibawa ke Universitas setempat.", []),
            ("Presiden AS Joe Biden mengunjungi Hanoi pada bulan September.",
             ["AS=Amerika Serikat/place", "Joe Biden=Joe Biden/person", "Hanoi=Hanoi/place"]),
            // Headlines in title case give gazetteer names only.
            ("Putin di Vietnam Setelah Tandatangani Pakta Pertahanan dengan Korut",
             ["Putin=Vladimir Putin/person", "Vietnam=Vietnam/place", "Korut=Korea Utara/place"]),
            ("Carl Thayer, profesor di Universitas New South Wales, Australia.",
             ["Carl Thayer=Carl Thayer/person", "Universitas New South Wales=Universitas New South Wales/org",
              "Australia=Australia/place"]),
            // A compass word after a place is part of it; legal boilerplate is no name.
            ("Ia tinggal di Jakarta Selatan dan Tangerang Selatan.",
             ["Jakarta Selatan=Jakarta/place", "Tangerang Selatan=Tangerang/place"]),
            ("sesuai Undang-Undang Nomor 19 Pasal 5 Ayat 2", []),
            ("sejak Perang Dunia II, kata anggota Komisi III. II adalah angka.",
             ["Perang Dunia II=Perang Dunia II/other", "Komisi III=Komisi III/other"]),
            ("", []),
            ("“” -- ... 123", []),
        ]
        for (text, expected) in rows {
            XCTAssertEqual(found(text), expected, text)
        }
    }

    func testAwkwardTextGivesOrderedRangesInBounds() {
        for text in AwkwardText.samples(3000) {
            let bytes = Array(text.utf8)
            var end = 0
            for m in recognizer.mentions(in: text) {
                XCTAssertLessThanOrEqual(end, m.range.lowerBound, text)
                XCTAssertLessThanOrEqual(m.range.upperBound, bytes.count, text)
                XCTAssertEqual(String(decoding: bytes[m.range], as: UTF8.self), m.alias, text)
                XCTAssertFalse(AwkwardText.splitsScalar(bytes, m.range), text)
                end = m.range.upperBound
            }
        }
    }

    func testRangesAreByteOffsetsOfTheAlias() {
        let text = "Tô Lâm bertemu Korut."
        let mentions = recognizer.mentions(in: text)
        XCTAssertEqual(mentions.map(\.range), [0..<8, 17..<22])
        let bytes = Array(text.utf8)
        for m in mentions {
            XCTAssertEqual(String(decoding: bytes[m.range], as: UTF8.self), m.alias)
        }
    }

    func testSeedArticles() throws {
        let articles = try SeedCorpus.articles()
        XCTAssertEqual(articles.count, 5)
        for a in articles {
            let mentions = recognizer.mentions(in: a.title + "\n\n" + a.text)
            // Every seed names North Korea under some alias.
            XCTAssertTrue(mentions.contains { $0.entity == "Korea Utara" }, a.id)
            // Only 002 calls it "Korut" (in its headline).
            XCTAssertEqual(mentions.contains { $0.alias == "Korut" }, a.id.hasPrefix("002"), a.id)
            // In order, never overlapping.
            for (x, y) in zip(mentions, mentions.dropFirst()) { XCTAssertLessThanOrEqual(x.range.upperBound, y.range.lowerBound) }
        }
        let seed002 = try XCTUnwrap(articles.first { $0.id.hasPrefix("002") })
        let names = Set(recognizer.mentions(in: seed002.text).filter { $0.type != .other }.map(\.entity))
        for expected in ["Vladimir Putin", "To Lam", "Kim Jong Un", "Carl Thayer", "Nguyen Phu Trong", "Mykhailo Podolyak",
                         "Volodymyr Zelensky", "Joe Biden", "Xi Jinping", "Korea Utara", "Vietnam", "Rusia", "Hanoi",
                         "Pyongyang", "Moskow", "Kremlin", "PBB", "Amerika Serikat", "AFP"] {
            XCTAssertTrue(names.contains(expected), "002 lacks \(expected)")
        }
        let seed003 = try XCTUnwrap(articles.first { $0.id.hasPrefix("003") })
        let people003 = Set(recognizer.mentions(in: seed003.text).filter { $0.type == .person }.map(\.entity))
        XCTAssertEqual(people003, ["Vladimir Putin", "Tran Hong Ha", "Le Hoai Trung", "Carl Thayer"])
    }
    /// The recognizer reads the words the index found (`TokenizedText`) instead of
    /// finding them again: they must be the words, flags and all, of its own scan.
    func testWordsFromTheTokenizerAreTheScansWords() throws {
        var texts = ["", "Kata", "  Hà Nội — ĐÀ NẴNG\n\nKim Jong-un. Mr. Putin (Rabu)", "“Ya,” katanya.\nǅemal Ǆ ٣ ١٢",
                     "a\u{301}b ́x Zulmi menjelaskan… “Lalu” Dia!", "iPhone McDonald's 20/6/2024 COVID19"]
        texts += try SeedCorpus.articles().flatMap { [$0.title, $0.text] }
        for text in texts {
            let tokens = TokenizedText(text)
            XCTAssertFalse(tokens.leftOut, text)
            TextBytes.withBytes(text) { buf in
                let scanned = TextBytes.words(buf), given = TextBytes.words(buf, starts: tokens.starts, ends: tokens.ends)
                XCTAssertEqual(given.count, scanned.count, text)
                for (g, s) in zip(given, scanned) {
                    XCTAssertEqual([g.start, g.end, g.line], [s.start, s.end, s.line], text)
                    XCTAssertEqual([g.capitalised, g.initial], [s.capitalised, s.initial], text)
                }
            }
            XCTAssertEqual(recognizer.mentions(in: text, tokens: tokens), recognizer.mentions(in: text), text)
        }
    }
}
