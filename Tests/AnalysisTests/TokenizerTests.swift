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
