import XCTest
@testable import Warta

final class TokenizerTests: XCTestCase {
    func testSplitsAndFolds() {
        let cases: [(String, [String])] = [
            ("Presiden Rusia Vladimir Putin", ["presiden", "rusia", "vladimir", "putin"]),
            ("Kim Jong-un", ["kim", "jong", "un"]),
            ("Kim Jong Un", ["kim", "jong", "un"]),
            ("“dukungan penuh”", ["dukungan", "penuh"]),
            ("\"dukungan penuh\"", ["dukungan", "penuh"]),
            ("Jum'at (19/6/2024)", ["jum", "at", "19", "6", "2024"]),
            ("$3,5 miliar", ["3", "5", "miliar"]),
            ("Nguyễn Phú Trọng", ["nguyen", "phu", "trong"]),
            ("CAFÉ déjà-vu", ["cafe", "deja", "vu"]),
            ("AS-China", ["as", "china"]),
            ("ke-5", ["ke", "5"]),
            ("", []),
            ("— – • ...", []),
            ("Москва", ["москва"]),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(Tokenizer.terms(text), expected, text)
        }
    }

    /// The index's tokenization (ASCII runs read eight bytes at a time, terms kept as their hashes)
    /// finds the words, terms and ranges the plain tokenizer finds, in any mix of scripts.
    func testTokenizedTextAgreesWithTheTokenizer() {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["a", "Jakarta", "KPK", "2024", "pertanggungjawabannya", "PERTANGGUNGJAWABANNYA", " ", "  ", "\n\n", ",",
                      ".", "-", "'", "“", "”", "é", "Nguyễn", "日本", "\u{301}", "ǅ", "٣", "@", "[", "`", "{", "\t", "abcdefgh", "_"]
        var texts = ["", " ", "abcdefgh", "abcdefghijklmnopq", "Kim Jong-un", "x\u{301}y", "\u{301}", "a\u{301}"]
        for _ in 0..<2000 {
            texts.append((0..<Int.random(in: 1...30, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined())
        }
        for text in texts {
            let tokens = TokenizedText(text)
            let words = Tokenizer.words(text)
            XCTAssertEqual(tokens.terms, words.map(\.term), text)
            XCTAssertEqual(tokens.starts.map(Int.init), words.map(\.range.lowerBound), text)
            XCTAssertEqual(tokens.ends.map(Int.init), words.map(\.range.upperBound), text)
            XCTAssertEqual(tokens.count, words.count, text)
        }
    }

    func testRangesPointAtTheOriginalBytes() {
        let text = "Halo, “Nguyễn” ada."
        let words = Tokenizer.words(text)
        let bytes = Array(text.utf8)
        XCTAssertEqual(words.map(\.term), ["halo", "nguyen", "ada"])
        XCTAssertEqual(String(decoding: bytes[words[1].range], as: UTF8.self), "Nguyễn")
    }

    func testCombiningMarksJoinTheirWordButNeverStartOne() {
        // "e" + combining acute, then a lone combining mark after a space.
        XCTAssertEqual(Tokenizer.terms("cafe\u{301} \u{301}x"), ["cafe", "x"])
    }

    func testNormalizerFoldsCaseAndDiacritics() {
        XCTAssertEqual(Normalizer.fold("PUTIN"), "putin")
        XCTAssertEqual(Normalizer.fold("Trọng"), "trong")
        XCTAssertEqual(Normalizer.fold("Ä"), "a")
    }
}
