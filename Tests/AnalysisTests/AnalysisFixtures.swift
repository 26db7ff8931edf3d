import XCTest
@testable import Warta

/// Deterministic random text from awkward pieces, for robustness checks.
enum AwkwardText {
    static let pieces = ["“", "”", "\"", ".", " ", "  ", "Mr.", "Putin", "kata", "katanya", ",", "\n", "é", "Korut", "AS",
                         "as", "-", "…", "!", "?", "(", ")", "Tô Lâm", "x", "A", "\u{00A0}", "’", "Kim Jong-", "un", ":",
                         "mengatakan", "Zulmi", "di", "V.", "3,5", "\r\n", "🙂", "e\u{0301}"]

    /// Whether `range` starts or ends inside a UTF-8 sequence.
    static func splitsScalar(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        func inside(_ i: Int) -> Bool { i < bytes.count && bytes[i] & 0xC0 == 0x80 }
        return inside(range.lowerBound) || inside(range.upperBound)
    }

    static func samples(_ count: Int) -> [String] {
        var state: UInt64 = 0x9E3779B97F4A7C15
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        return (0..<count).map { _ in (0..<next(40)).map { _ in pieces[next(pieces.count)] }.joined() }
    }
}

/// The bundled seed corpus, loaded and cleaned as warta loads it.
enum SeedCorpus {
    static func articles() throws -> [Article] {
        let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("seeds").path
        return try CorpusLoader.load(path: seeds).articles.sorted { $0.id < $1.id }
    }

    static func article(_ prefix: String) throws -> Article {
        try XCTUnwrap(articles().first { $0.id.hasPrefix(prefix) })
    }

    /// The UTF-8 bytes of `text` in `range`, as a string.
    static func slice(_ text: String, _ range: Range<Int>) -> String {
        String(decoding: Array(text.utf8)[range], as: UTF8.self)
    }
}
