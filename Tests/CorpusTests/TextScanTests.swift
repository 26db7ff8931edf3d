import XCTest
@testable import Warta

/// The byte scans the cleaner runs over every paragraph, against plain loops.
final class TextScanTests: XCTestCase {
    /// `sentenceEnd` reads eight bytes at a time; it must find what a byte-by-byte scan finds,
    /// wherever the stop falls in a word of eight and whatever bytes surround it.
    func testSentenceEndAgreesWithAByteByByteScan() {
        func plain(_ s: [UInt8], from i: Int) -> Int {
            var j = i
            while j + 2 < s.count {
                if [UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?")].contains(s[j]) && (s[j + 1] == 0x20 || s[j + 1] == 0x09) { return j }
                j += 1
            }
            return j
        }
        // Bytes that stress the zero-byte trick: the three stops, their neighbours, 0x00, 0x80, 0xFF, spaces.
        let alphabet: [UInt8] = [0x2E, 0x21, 0x3F, 0x2D, 0x2F, 0x20, 0x3E, 0x40, 0x22, 0x09, 0x00, 0x80, 0xFF, 0xAE, 0x61, 0x41]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let n = Int.random(in: 0...40, using: &rng)
            // Mostly letters, so that a stop is often the only one of its word.
            let s = (0..<n).map { _ in Bool.random(using: &rng) ? UInt8(ascii: "a") : alphabet.randomElement(using: &rng)! }
            for i in 0...n {
                let got = s.withUnsafeBufferPointer { sentenceEnd($0, from: i) }
                XCTAssertEqual(got, plain(s, from: i), "\(s) from \(i)")
            }
        }
        let text = Array("Harga naik. Kata dia? Ya! Selesai.".utf8)
        XCTAssertEqual(text.withUnsafeBufferPointer { sentenceEnd($0, from: 0) }, 10)
        XCTAssertEqual(text.withUnsafeBufferPointer { sentenceEnd($0, from: 12) }, 20)
        XCTAssertEqual(text.withUnsafeBufferPointer { sentenceEnd($0, from: 22) }, 24)
        XCTAssertEqual(text.withUnsafeBufferPointer { sentenceEnd($0, from: 26) }, text.count - 2)
    }
}

extension TextScanTests {
    /// `skipUnflagged` with `ByteFlags` stops at the first byte a plain scan would stop at, or where
    /// fewer than eight bytes are left; and never past either.
    func testSkipUnflaggedStopsWhereAPlainScanStops() {
        let alphabet: [UInt8] = [0x00, 0x0A, 0x20, 0x21, 0x2E, 0x2F, 0x30, 0x39, 0x3A, 0x3F, 0x40, 0x41, 0x5A, 0x5B,
                                 0x61, 0x7A, 0x7F, 0x80, 0xB0, 0xC0, 0xE2, 0xFF]
        let digitOrCapital: (UInt8) -> Bool = { (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) }
        let stops: (UInt8) -> Bool = { [0x0A, 0x2E, 0x3F, 0x21, 0xE2].contains($0) }
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let n = Int.random(in: 0...40, using: &rng)
            let s = (0..<n).map { _ in Bool.random(using: &rng) ? UInt8(ascii: "a") : alphabet.randomElement(using: &rng)! }
            for i in 0...n {
                func check(_ flagged: (UInt8) -> Bool, _ flags: (UInt64) -> UInt64) {
                    let got = s.withUnsafeBufferPointer { skipUnflagged($0, from: i, flags) }
                    var plain = i
                    while plain < n && !flagged(s[plain]) { plain += 1 }
                    // The plain scan's stop when it lies in the whole words of eight from i; else the end of those words.
                    let wholeWordsEnd = i + (n - i) / 8 * 8
                    XCTAssertEqual(got, min(plain, wholeWordsEnd), "\(s) from \(i)")
                }
                check(digitOrCapital) { ByteFlags.within($0, 0x30, 0x39) | ByteFlags.within($0, 0x41, 0x5A) }
                check(stops) {
                    ByteFlags.equal($0, 0x0A) | ByteFlags.equal($0, 0x2E) | ByteFlags.equal($0, 0x3F)
                        | ByteFlags.equal($0, 0x21) | ByteFlags.equal($0, 0xE2)
                }
            }
        }
    }
}
