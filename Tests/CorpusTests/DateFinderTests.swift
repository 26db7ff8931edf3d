import XCTest
import Warta

final class DateFinderTests: XCTestCase {
    /// (text, the article date expected, or nil). 2024-06-19 was a Wednesday (Rabu).
    static let articleDates: [(String, String?)] = [
        // Forms Indonesian news uses.
        ("Putin tiba di Vietnam pada Rabu (19/6/2024) malam.", "2024-06-19"),
        ("Dokumen bertanggal 19/06/2024 itu beredar.", "2024-06-19"),
        ("Dokumen bertanggal 19-06-2024 itu beredar.", "2024-06-19"),
        ("Dokumen bertanggal 19.06.2024 itu beredar.", "2024-06-19"),
        ("di Hanoi, 20 Juni 2024. (Sputnik)", "2024-06-20"),
        ("HANOI, 20 Jun 2024 - Putin", "2024-06-20"),
        ("Kamis, 20 Juni 2024", "2024-06-20"),
        ("Jumat, 21 Juni 2024", "2024-06-21"),
        ("Jum'at, 21 Juni 2024", "2024-06-21"),
        ("Jum’at (21/6/2024)", "2024-06-21"),
        ("Senin, 17 Juni 2024 10:00 WIB", "2024-06-17"),
        ("Minggu (23/6/2024) pagi", "2024-06-23"),
        ("Ahad, 23 Juni 2024", "2024-06-23"),
        ("pada 17 Agustus 1945 di Jakarta", "1945-08-17"),
        ("1 Mei 2024", "2024-05-01"),
        ("5 Agt 2019", "2019-08-05"),
        ("5 Ags 2019", "2019-08-05"),
        ("12 Okt 2019", "2019-10-12"),
        ("24 Des 2019", "2019-12-24"),
        ("3 Sept 2019", "2019-09-03"),
        ("29 Februari 2024", "2024-02-29"),
        // ISO and English.
        ("published 2024-06-20 in Hanoi", "2024-06-20"),
        ("June 20, 2024", "2024-06-20"),
        ("Thursday, June 20, 2024", "2024-06-20"),
        ("20 June 2024", "2024-06-20"),
        ("on 20th June 2024", "2024-06-20"),
        ("Sept. 3, 2019", "2019-09-03"),
        ("Dec 24 2019", "2019-12-24"),
        // Month-first numbers only when day-first is impossible.
        ("6/19/2024", "2024-06-19"),
        ("3/4/2024", "2024-04-03"),
        // Weekday check: the wrong weekday vetoes, the swapped reading may rescue.
        ("Selasa (19/6/2024)", nil),
        ("Kamis, 19 Juni 2024", nil),
        ("Friday, June 20, 2024", nil),
        ("Senin (4/3/2024)", "2024-03-04"),  // 4 March 2024: a Monday
        ("Rabu (4/3/2024)", "2024-04-03"),   // 3 April 2024: a Wednesday
        ("Kamis (4/3/2024)", nil),           // neither reading is a Thursday
        // Impossible dates.
        ("2024-02-30", nil),
        ("31/4/2024", nil),
        ("29 Februari 2023", nil),
        ("32 Juni 2024", nil),
        ("2024-13-01", nil),
        // Partial dates are never completed by guessing.
        ("Kamis (20/1) sewaktu ia memulai kunjungan", nil),
        ("Kamis pagi waktu setempat", nil),
        ("pada Februari 2022 dalam apa yang disebut", nil),
        ("sejak tahun 2022", nil),
        ("pada bulan Mei", nil),
        ("Selasa 17 September kemarin", nil),
        ("June 2024", nil),
        // Numbers that are not dates.
        ("Rp 1.000.000 dan 26.500.000.000", nil),
        ("Pasal 34/PMK.10/2017", nil),
        ("versi 1.2.2019.5", nil),
        ("pukul 06.00-10.00 WIB", nil),
        ("COVID19/6/2024", nil),
        ("12 Juni 20245", nil),
    ]

    func testArticleDate() {
        for (text, want) in Self.articleDates {
            XCTAssertEqual(DateFinder.articleDate(in: text)?.description, want, text)
        }
    }

    func testAllDates() {
        let text = """
        Rabu (19/6/2024) Putin tiba. Kamis, 20 Juni 2024, ia bertemu To Lam; \
        pada 19 Juni 2024 ia di Pyongyang. Selasa (20/6/2024) salah hari. Kamis (20/1) sebagian.
        Perjanjian 1 Januari 2025 dan 2024-06-19 lagi.
        """
        XCTAssertEqual(DateFinder.allDates(in: text).map(\.description), ["2024-06-19", "2024-06-20", "2025-01-01"])
        XCTAssertEqual(DateFinder.allDates(in: ""), [])
    }

    func testSeeds() throws {
        let expected: [(String, String?)] = [
            ("000", nil), ("001", "2024-06-19"), ("002", "2024-06-20"), ("003", nil), ("004", "2024-06-20"),
        ]
        for (seed, want) in expected {
            let cleaned = Cleaner.standard.clean(raw: try Seeds.raw(seed))
            let text = cleaned.title + "\n\n" + cleaned.text
            XCTAssertEqual(DateFinder.articleDate(in: text)?.description, want, seed)
        }
    }
}
