import XCTest
import Warta

/// A cheap stand-in for a fuzzer: mutated seeds and random bytes through
/// every entry point must not crash, and must give an article or a warning.
final class RobustnessTests: XCTestCase {
    /// SplitMix64: deterministic, so a failure can be replayed.
    struct RNG {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static let alphabet = Array("\n\n\r\t :,.;-–—/()\"'“”’•#{}[]\\0123456789aBcJuniRabuBaca jugaFoto:Halaman---é\u{0}".utf8) + [0xFF, 0xC3, 0xE2, 0x80]

    func mutate(_ bytes: [UInt8], _ rng: inout RNG) -> [UInt8] {
        var b = bytes
        for _ in 0..<(1 + rng.below(20)) {
            switch rng.below(4) {
            case 0 where !b.isEmpty: b.remove(at: rng.below(b.count))
            case 1: b.insert(Self.alphabet[rng.below(Self.alphabet.count)], at: rng.below(b.count + 1))
            case 2 where !b.isEmpty: b[rng.below(b.count)] = UInt8(truncatingIfNeeded: rng.next())
            default:
                // Duplicate a slice: repeated lines, nested brackets.
                if b.count > 2 {
                    let lo = rng.below(b.count - 1), hi = min(b.count, lo + 1 + rng.below(64))
                    b.insert(contentsOf: b[lo..<hi], at: rng.below(b.count + 1))
                }
            }
        }
        return b
    }

    func testMutatedInputsNeverCrash() throws {
        var seeds: [[UInt8]] = []
        for p in ["000", "001", "002", "003", "004"] { seeds.append(Array(try Seeds.raw(p).utf8)) }
        seeds.append(Array(#"{"id": "a", "title": "T", "text": "Rabu (19/6/2024)\nBaca juga:, Isi.", "x": [1, {"y": null}]}"#.utf8))
        seeds.append(Array("---\ntitle: \"T\"\ndate: 2024-06-20\n---\nIsi berita.".utf8))
        var rng = RNG(state: 20240620)
        for round in 0..<1500 {
            let input = mutate(seeds[round % seeds.count], &rng)
            for name in ["f.txt", "f.md", "f.jsonl"] {
                let r = CorpusLoader.load(data: input, name: name)
                XCTAssertTrue(!r.articles.isEmpty || !r.warnings.isEmpty, "round \(round) \(name): nothing reported")
                for a in r.articles {
                    XCTAssertFalse(a.text.contains("\n\n\n"))
                    XCTAssertEqual(a.dates.count, Set(a.dates).count)
                }
            }
            let text = String(decoding: input, as: UTF8.self)
            _ = Cleaner.standard.clean(raw: text)
            _ = DateFinder.allDates(in: text)
            _ = SourceFinder.source(in: text)
            _ = LanguageGuess.guess(text)
        }
    }

    func testRandomBytes() {
        var rng = RNG(state: 7)
        for _ in 0..<300 {
            let bytes = (0..<rng.below(2000)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            for name in ["r.txt", "r.jsonl"] {
                let r = CorpusLoader.load(data: bytes, name: name)
                XCTAssertTrue(!r.articles.isEmpty || !r.warnings.isEmpty)
            }
        }
    }
}
