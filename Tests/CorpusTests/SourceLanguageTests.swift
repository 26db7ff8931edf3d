import XCTest
import Warta

final class SourceFinderTests: XCTestCase {
    static let rows: [(String, String?)] = [
        ("MOSKOW, virprom.com – Presiden Rusia Vladimir Putin tiba di Vietnam.", "virprom.com"),
        ("VIETNAM (marwahkepri.com) – Setelah mengunjungi Korea Utara, Putin tiba.", "marwahkepri.com"),
        ("JAKARTA, KOMPAS.com - Presiden Joko Widodo meresmikan jembatan.", "kompas.com"),
        ("TEMPO.CO, Jakarta - Komisi Pemberantasan Korupsi menahan dua orang.", "tempo.co"),
        ("Jakarta — detik.com Rider Yamaha itu menang.", nil),  // the domain is after the dash
        ("JAKARTA, news.detik.com — Hujan deras.", "news.detik.com"),
        ("Hanoi - Presiden Rusia Vladimir Putin tiba di Vietnam pada Kamis pagi.", nil),
        ("Presiden Vladimir V. Putin dari Rusia mengakhiri kunjungan – dan Mr. Putin pergi.", nil),
        ("Menurut data dari kompas.com - yang dikutip oleh banyak media dan para pengamat politik di seluruh negeri.", nil),
        ("Data dari situs bps.go.id menunjukkan kenaikan harga.", nil),  // no dash: not a dateline
        ("", nil),
        // The second paragraph is looked at (the first may be a caption), the third is not.
        ("Foto: warga di jembatan.\nJAKARTA, KOMPAS.com - Warga senang.", "kompas.com"),
        ("Satu.\nDua.\nJAKARTA, KOMPAS.com - Warga senang.", nil),
    ]

    func testRows() {
        for (text, want) in Self.rows {
            XCTAssertEqual(SourceFinder.source(in: text), want, text)
        }
    }
}

final class LanguageGuessTests: XCTestCase {
    static let rows: [(String, String?)] = [
        ("Presiden Joko Widodo mengatakan bahwa pembangunan jembatan itu akan selesai pada tahun ini dan dapat digunakan oleh warga.", "id"),
        ("The president said that the construction of the bridge will be finished this year and it will be used by residents.", "en"),
        ("Putin Vietnam Hanoi", nil),
        ("", nil),
        // Half and half: no guess.
        ("the and of to in yang dan di ke dari", nil),
    ]

    func testRows() {
        for (text, want) in Self.rows {
            XCTAssertEqual(LanguageGuess.guess(text), want, text)
        }
    }
}
