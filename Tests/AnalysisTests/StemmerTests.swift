import Foundation
import XCTest
@testable import Warta

/// The vocabulary of the bundled seed articles, built the way the indexer does:
/// each word folded, and marked when capitalised mid-sentence. (A simple split
/// on non-letters stands in for `Tokenizer` here; a line whose words are mostly
/// capitalised is a headline, and its capitals say nothing about names.)
enum SeedVocabulary {
    /// The vocabulary of the five seed articles.
    static func build() throws -> Vocabulary {
        let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../seeds").standardized
        var vocabulary = Vocabulary()
        let files = try FileManager.default.contentsOfDirectory(atPath: seeds.path).filter { $0.hasSuffix(".txt") }.sorted()
        XCTAssertEqual(files.count, 5, "the five seed articles")
        for file in files {
            let text = try String(contentsOf: seeds.appendingPathComponent(file), encoding: .utf8)
            for (word, capitalized) in words(text) { vocabulary.add(word, capitalizedMidSentence: capitalized) }
        }
        return vocabulary
    }

    /// The words of `text`, lower-cased, each with whether it is capitalised mid-sentence.
    static func words(_ text: String) -> [(String, Bool)] {
        var out: [(String, Bool)] = []
        for line in text.split(separator: "\n") {
            var words: [(word: String, capital: Bool, sentenceStart: Bool)] = []
            var current = "", capital = false, sentenceStart = true
            func flush() {
                guard !current.isEmpty else { return }
                words.append((current.lowercased(), capital, sentenceStart))
                current = ""
                sentenceStart = false
            }
            for ch in line {
                if ch.isLetter || ch.isNumber {
                    if current.isEmpty { capital = ch.isUppercase }
                    current.append(ch)
                } else {
                    flush()
                    if ".!?:\"“”".contains(ch) { sentenceStart = true }
                }
            }
            flush()
            let headline = words.count >= 2 && words.filter(\.capital).count * 5 >= words.count * 3
            for w in words { out.append((w.word, w.capital && !w.sentenceStart && !headline)) }
        }
        return out
    }
}

final class StemmerTests: XCTestCase {
    static let seedStemmer: Stemmer = Stemmer(vocabulary: try! SeedVocabulary.build())

    /// Rows (word, expected root) stemmed with `stemmer`; every mismatch is reported.
    func check(_ rows: [(String, String)], with stemmer: Stemmer = StemmerTests.seedStemmer,
               file: StaticString = #filePath, line: UInt = #line) {
        for (word, root) in rows {
            XCTAssertEqual(stemmer.stem(word), root, "stem(\"\(word)\")", file: file, line: line)
        }
    }

    // MARK: The gold list

    func testGoldListAccuracyIsAtLeast99Percent() {
        XCTAssertGreaterThanOrEqual(stemmerGold.count, 150)
        let words = stemmerGold.map(\.word)
        XCTAssertEqual(Set(words).count, words.count, "no word twice in the gold list")
        let stemmer = StemmerTests.seedStemmer
        let misses = stemmerGold.filter { stemmer.stem($0.word) != $0.root }
        let accuracy = Double(stemmerGold.count - misses.count) / Double(stemmerGold.count)
        print("stemmer gold: \(stemmerGold.count - misses.count)/\(stemmerGold.count) = "
              + String(format: "%.2f%%", accuracy * 100))
        for miss in misses { print("  miss: \(miss.word) → \(stemmer.stem(miss.word)), expected \(miss.root)") }
        XCTAssertGreaterThanOrEqual(accuracy, 0.99)
    }

    /// Acceptance: `mentions stem "kunjungan"` finds every form of kunjung in the seeds.
    func testEveryFormOfKunjungInTheSeedsStemsToKunjung() throws {
        let vocabulary = try SeedVocabulary.build()
        let forms = ["kunjungan", "kunjungannya", "kunjungi", "dikunjungi", "mengunjungi"]
        for form in forms { XCTAssertGreaterThan(vocabulary.count(of: form), 0, form) }
        let stemmer = StemmerTests.seedStemmer
        XCTAssertEqual(stemmer.stem("kunjungan"), "kunjung")
        for form in forms { XCTAssertEqual(stemmer.stem(form), "kunjung", form) }
    }

    // MARK: Rule families, with the rules alone (an empty vocabulary)

    static let rulesOnly = Stemmer(vocabulary: Vocabulary())

    func testIssueExamples() {
        check([("mengunjungi", "kunjung"), ("pemungutan", "pungut"), ("menyambut", "sambut"),
               ("pengawal", "kawal"), ("menandatangani", "tandatangan")])
        // Without a corpus, meng- + u reads as a vowel-initial root (the commoner case);
        // the others need no corpus.
        check([("mengunjungi", "unjung"), ("pemungutan", "pungut"), ("menyambut", "sambut"),
               ("pengawal", "kawal"), ("menandatangani", "tandatangan")], with: StemmerTests.rulesOnly)
    }

    func testParticlesAndPossessives() {
        check([("negaranya", "negara"), ("sekutunya", "sekutu"), ("halnya", "hal"), ("bukunya", "buku"),
               ("hanya", "hanya"), ("punya", "punya"), ("tanya", "tanya")], with: StemmerTests.rulesOnly)
        // -lah, -kah, -ku, -mu end too many roots ("masalah", "langkah", "buku", "ilmu") to cut
        // without the corpus: with it they go.
        var v = Vocabulary()
        for w in ["benar", "rumah", "siapa", "buku"] { v.add(w, capitalizedMidSentence: false) }
        check([("benarlah", "benar"), ("siapakah", "siapa"), ("rumahku", "rumah"), ("bukumu", "buku"),
               ("masalah", "masalah"), ("langkah", "langkah"), ("ilmu", "ilmu")], with: Stemmer(vocabulary: v))
        check([("benarlah", "benarlah"), ("rumahku", "rumahku")], with: StemmerTests.rulesOnly)
    }

    func testDerivationalSuffixes() {
        check([("dukungan", "dukung"), ("tujuan", "tuju"), ("pastikan", "pasti"), ("tegaskan", "tegas"),
               ("tinggalkan", "tinggal"), ("dengarkan", "dengar"),
               // a bare -i is too often the root's ("negeri", "tinggi"); after a prefix it is the suffix
               ("negeri", "negeri"), ("tinggi", "tinggi"), ("dihadiri", "hadir"), ("melindungi", "lindung"),
               // no root ends in w/y, none is one syllable
               ("pahlawan", "pahlawan"), ("bulan", "bulan"), ("jalan", "jalan")], with: StemmerTests.rulesOnly)
    }

    func testMeNAllomorphsAndRecoding() {
        check([("mengecam", "kecam"), ("mengambil", "ambil"), ("menghadapi", "hadap"), ("mengkritik", "kritik"),
               ("mengganggu", "ganggu"), ("menyambut", "sambut"), ("menyusul", "susul"), ("membantu", "bantu"),
               ("memuji", "puji"), ("mempromosikan", "promosi"), ("mendukung", "dukung"), ("mencari", "cari"),
               ("menjaga", "jaga"), ("menuduh", "tuduh"), ("menerima", "terima"), ("melawan", "lawan"),
               ("merusak", "rusak"), ("mewarnai", "warnai"), ("memeriksa", "periksa"),
               ("memperkuat", "kuat"), ("mempertahankan", "tahan"), ("memberlakukan", "laku")],
              with: StemmerTests.rulesOnly)
    }

    func testPeNAllomorphs() {
        check([("pemungutan", "pungut"), ("penari", "tari"), ("pendidikan", "didik"), ("penyambutan", "sambut"),
               ("pengawal", "kawal"), ("pembangunan", "bangun"), ("penjualan", "jual"), ("penghormatan", "hormat"),
               ("pemerintahannya", "perintah"), ("pelajaran", "ajar")], with: StemmerTests.rulesOnly)
    }

    func testBerTerPer() {
        check([("berjuang", "juang"), ("berada", "ada"), ("beragam", "ragam"), ("bekerja", "kerja"),
               ("belajar", "ajar"), ("tertutup", "tutup"), ("terbesar", "besar"), ("terkemuka", "muka"),
               ("berkepanjangan", "panjang"), ("berat", "berat"), ("besar", "besar"), ("terus", "terus")],
              with: StemmerTests.rulesOnly)
    }

    func testConfixes() {
        check([("keamanan", "aman"), ("kebijakan", "bijak"), ("kepresidenan", "presiden"),
               ("perdamaian", "damai"), ("perjanjian", "janji"), ("pertahanan", "tahan"),
               ("pembicaraan", "bicara"), ("penyelesaian", "selesai"),
               ("berhadapan", "hadap"), ("berdatangan", "datang"),
               ("ketergantungan", "gantung"), ("keberhasilan", "hasil"), ("sebaliknya", "balik"),
               ("serangkaian", "rangkai")], with: StemmerTests.rulesOnly)
    }

    func testDiKeSe() {
        check([("dibantu", "bantu"), ("diketahui", "tahu"), ("diperkirakan", "kira"), ("kedua", "dua"),
               ("kelima", "lima"), ("seorang", "orang"), ("seimbang", "imbang"),
               // ke- and se- alone, before a consonant, need the corpus
               ("ketika", "ketika"), ("sekutu", "sekutu"), ("sebuah", "sebuah")], with: StemmerTests.rulesOnly)
    }

    func testCompoundRoot() {
        check([("menandatangani", "tandatangan"), ("ditandatangani", "tandatangan"),
               ("penandatanganan", "tandatangan")], with: StemmerTests.rulesOnly)
    }

    func testLexicalisedWordsAreNotStemmed() {
        check([("menteri", "menteri"), ("berita", "berita"), ("kemarin", "kemarin"), ("pertama", "pertama"),
               ("sebagai", "sebagai"), ("tetapi", "tetapi"), ("indonesia", "indonesia"), ("kelapa", "kelapa"),
               ("perangkat", "perangkat"), ("perempuan", "perempuan"), ("pengaruh", "pengaruh"),
               ("berpengaruh", "pengaruh"), ("diplomasi", "diplomasi"), ("sendiri", "sendiri"),
               ("penting", "penting"), ("pesawat", "pesawat")], with: StemmerTests.rulesOnly)
    }

    func testShortAndNonLetterWordsAreUnchanged() {
        check([("di", "di"), ("ke", "ke"), ("dia", "dia"), ("diri", "diri"), ("2024", "2024"),
               ("ke5", "ke5"), ("", "")], with: StemmerTests.rulesOnly)
    }

    // MARK: What the corpus teaches

    func testNamesAreNotStemmed() {
        var v = Vocabulary()
        for _ in 0..<3 { v.add("kediri", capitalizedMidSentence: true) }
        v.add("kediri", capitalizedMidSentence: false)  // once at the start of a sentence
        for _ in 0..<2 { v.add("bermuda", capitalizedMidSentence: true) }
        XCTAssertTrue(v.isName("kediri"))
        check([("kediri", "kediri"), ("bermuda", "bermuda")], with: Stemmer(vocabulary: v))
        check([("putin", "putin"), ("hanoi", "hanoi"), ("kremlin", "kremlin"), ("moskow", "moskow")])
        // A confix over a common word is stemmed even where it is written as a name ("Istana Kepresidenan").
        var w = Vocabulary()
        for _ in 0..<3 { w.add("kepresidenan", capitalizedMidSentence: true) }
        w.add("presiden", capitalizedMidSentence: false)
        check([("kepresidenan", "presiden")], with: Stemmer(vocabulary: w))
    }

    func testLearnedRootsDecideAmbiguousReadings() {
        // meng- + u: vowel-initial by default; the corpus shows kunjung through -an and di-.
        check([("mengunjungi", "unjung")], with: stemmer([]))
        check([("mengunjungi", "kunjung")], with: stemmer(["kunjungan", "dikunjungi"]))
        // se- before a consonant: only when the root is a word of the corpus.
        check([("sebuah", "buah"), ("setempat", "tempat")], with: stemmer(["buah", "tempat"]))
        // mem- + vowel: p by default, m when the corpus knows the m-root.
        check([("memakai", "pakai"), ("memimpin", "pimpin")], with: stemmer([]))
        check([("meminta", "minta")], with: stemmer(["minta"]))
        // -i after a vowel only when the shorter root is the commoner word.
        check([("memulai", "mulai")], with: stemmer(["mulai", "mulai", "mula"]))
        check([("menamai", "nama"), ("mewarnai", "warna")], with: stemmer(["nama", "warna"]))
        // Both readings attested: the root seen in more ways wins, then the commoner one.
        check([("menonton", "tonton")],
              with: stemmer(["nonton", "nonton", "nonton", "tonton", "ditonton", "tontonan"]))
        check([("memainkan", "main")], with: stemmer(["pain", "main", "main", "bermain", "dimainkan"]))
        // Only one side of a recoding attested: the other side's cuts go too.
        check([("menginvasi", "invasi"), ("terisolasi", "isolasi")], with: stemmer(["invasi", "isolasi"]))
    }

    func stemmer(_ words: [String]) -> Stemmer {
        var v = Vocabulary()
        for w in words { v.add(w, capitalizedMidSentence: false) }
        return Stemmer(vocabulary: v)
    }

    func testVocabularyCounts() {
        var v = Vocabulary()
        v.add("putin", capitalizedMidSentence: true)
        v.add("putin", capitalizedMidSentence: false)
        v.add("putin", capitalizedMidSentence: true)
        XCTAssertEqual(v.count(of: "putin"), 3)
        XCTAssertEqual(v.capitalizedCount(of: "putin"), 2)
        XCTAssertEqual(v.count(of: "rusia"), 0)
        XCTAssertEqual(v.distinctWords, 1)
        XCTAssertTrue(v.isName("putin"))
    }
}
