import XCTest
@testable import Warta

/// The language guess reads eight bytes at a time; it must count what a plain word-by-word
/// reading counts.
final class LanguageGuessReadingTests: XCTestCase {
    /// The guess made one word at a time: runs of ASCII letters, the first 400, each looked up
    /// in both lists ignoring case.
    private func plainGuess(_ text: String) -> String? {
        let indonesian = Set(LanguageGuess.indonesian), english = Set(LanguageGuess.english)
        var id = 0, en = 0, seen = 0
        var word = ""
        func close() {
            guard !word.isEmpty else { return }
            seen += 1
            let w = word.lowercased()
            if indonesian.contains(w) { id += 1 } else if english.contains(w) { en += 1 }
            word = ""
        }
        for b in text.utf8 {
            if seen >= LanguageGuess.sampleWords { break }
            if (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A { word.append(Character(Unicode.Scalar(b))) } else { close() }
        }
        if seen < LanguageGuess.sampleWords { close() }
        guard id + en >= 5 else { return nil }
        if id >= 2 * en { return "id" }
        if en >= 2 * id { return "en" }
        return nil
    }

    func testTheGuessCountsWhatAPlainReadingCounts() {
        let words = LanguageGuess.indonesian + LanguageGuess.english
            + ["Tersebut", "YANG", "The", "pemerintah", "tersebutnya", "sebagaimana", "x", "ke2", "Jum'at", "café", "dan-dan", "THE"]
        let gaps = [" ", "  ", ", ", ". ", "\n", "-", "'", "é", "1", "(", "\u{2019}"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...60, using: &rng) {
                text += words.randomElement(using: &rng)! + gaps.randomElement(using: &rng)!
            }
            if Bool.random(using: &rng) { text = String(text.dropLast()) }
            XCTAssertEqual(LanguageGuess.guess(text), plainGuess(text), text)
        }
        XCTAssertEqual(LanguageGuess.guess("Presiden mengatakan bahwa pemerintah akan tetap ada dan tidak berubah dengan itu"), "id")
        XCTAssertEqual(LanguageGuess.guess("The president said that the government will remain and it has not changed with that"), "en")
    }
}
