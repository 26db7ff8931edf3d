import XCTest
import Warta

/// Table-driven tests for LinearRegex. (Stress runs: set DIFF_N / FUZZ_N in the
/// environment to raise the iteration counts of the two randomised tests.)
/// Every expected range is a UTF-8 byte
/// range worked out by hand (multi-byte scalars are written as \u{...} escapes
/// so that editors cannot renormalise them).
final class RegexTests: XCTestCase {
    typealias Row = (pattern: String, text: String, expected: Range<Int>?)

    func run(_ rows: [Row], caseInsensitive: Bool = false, file: StaticString = #filePath, line: UInt = #line) {
        for (k, row) in rows.enumerated() {
            do {
                let re = try LinearRegex(row.pattern, caseInsensitive: caseInsensitive)
                XCTAssertEqual(re.firstMatch(in: row.text), row.expected,
                               "row \(k): /\(row.pattern)/ on \(row.text.debugDescription)", file: file, line: line)
                XCTAssertEqual(re.matches(row.text), row.expected != nil,
                               "row \(k): matches() /\(row.pattern)/", file: file, line: line)
            } catch {
                XCTFail("row \(k): /\(row.pattern)/ failed to compile: \(error)", file: file, line: line)
            }
        }
    }

    func testLiterals() {
        run([
            ("abc", "xxabcxx", 2..<5),
            ("abc", "ab", nil),
            ("", "abc", 0..<0),
            ("", "", 0..<0),
            ("a|", "b", 0..<0),
            ("a|", "ab", 0..<1),
            ("Putin tiba", "Presiden Putin tiba di", 9..<19),
            (".", "\n", nil),
            ("a.c", "a\nc", nil),
            ("a.c", "abc", 0..<3),
            ("\\.\\\\\\/\\(\\)\\[\\]\\{\\}\\*\\+\\?\\|\\^\\$\\-", ".\\/()[]{}*+?|^$-", 0..<16),
            ("\\t\\n\\r", "x\t\n\r", 1..<4),
            ("a\\ b\\#", "a b#", 0..<4),
            ("}]", "a}]", 1..<3),
        ])
    }

    func testClasses() {
        run([
            ("[abc]+", "xxbcay", 2..<5),
            ("[a-z]+", "ABCdefG", 3..<6),
            ("[^a-z]+", "abCD1e", 2..<5),
            ("[\\d_]+", "x_12y", 1..<4),
            ("[]a]+", "x]a]", 1..<4),
            ("[a-]+", "x-a-", 1..<4),
            ("[\\]\\-]+", "a]-", 1..<3),
            ("[^\\s]+", "  ab c", 2..<4),
            ("[\\W]", "ab, c", 2..<3),
            ("[\u{E9}]", "caf\u{E9}", 3..<5),
            ("[\u{E0}-\u{1EF9}]+", "Nguy\u{1EC5}n", 4..<7),
            ("[^a]", "a\u{1F600}", 1..<5),
            ("\\d+", "abc 2024 x", 4..<8),
            ("\\d+", "x\u{663}\u{664}", 1..<5),
            ("\\D+", "12ab3", 2..<4),
            ("\\w+", "Nguy\u{1EC5}n Ph\u{FA} Tr\u{1ECD}ng", 0..<8),
            ("\\w+", "Nguye\u{302}\u{303}n!", 0..<10),
            ("\\W+", "kata-kata", 4..<5),
            ("\\s+", "a \t\nb", 1..<4),
            ("\\s", "a\u{A0}b", 1..<3),
            ("\\S+", "  \u{E9}t\u{E9} ", 2..<7),
        ])
    }

    func testUnicodeText() {
        run([
            ("caf\u{E9}", "Le caf\u{E9} noir", 3..<8),
            ("Tr\u{1ECD}ng", "Nguy\u{1EC5}n Ph\u{FA} Tr\u{1ECD}ng", 14..<21),
            ("Ph.", "Nguy\u{1EC5}n Ph\u{FA} Tr\u{1ECD}ng", 9..<13),
            ("\\u{1F600}", "hi \u{1F600}", 3..<7),
            (".", "\u{1F600}", 0..<4),
            ("..", "\u{E9}\u{1F600}x", 0..<6),
            ("Indonesia", "Presiden Indonesia tiba", 9..<18),
            ("pemilu \\d{4}", "Jelang pemilu 2024, KPU", 7..<18),
        ])
    }

    func testAnchors() {
        run([
            ("^abc", "abcabc", 0..<3),
            ("^abc", "xabc", nil),
            ("abc$", "abcabc", 3..<6),
            ("^$", "", 0..<0),
            ("^$", "a", nil),
            ("a$", "a\n", nil),
            ("^", "abc", 0..<0),
            ("$", "abc", 3..<3),
            ("x*$", "ab", 2..<2),
            ("^Putin", "Putin tiba", 0..<5),
            ("^Putin", "Kata Putin", nil),
            ("(?:^|,)b", "a,b", 1..<3),
        ])
    }

    func testWordBoundaries() {
        run([
            ("\\bkata\\b", "katakata kata", 9..<13),
            ("\\Bkata", "katakata", 4..<8),
            ("\\bcaf\u{E9}\\b", "le caf\u{E9}s caf\u{E9}", 10..<15),
            ("\\bPh\u{FA}\\b", "Nguy\u{1EC5}n Ph\u{FA} Tr\u{1ECD}ng", 9..<13),
            ("\\bJokowi\\b", "Presiden Jokowi, kata", 9..<15),
            ("\\bJokowi\\b", "JokowiDodo", nil),
            ("\\b", "", nil),
            ("\\B", "", 0..<0),
            ("\\b", "  ab", 2..<2),
            ("\\B", "ab", 1..<1),
        ])
    }

    func testAlternationPreference() {
        run([
            ("a|ab", "ab", 0..<1),
            ("ab|a", "ab", 0..<2),
            ("(?:a|ab)c", "abc", 0..<3),
            ("Jakarta|Jakarta Pusat", "Jakarta Pusat", 0..<7),
            ("Jakarta Pusat|Jakarta", "Jakarta Pusat", 0..<13),
            ("b|a", "ab", 0..<1),
            ("(a|b)+", "xabbay", 1..<5),
            ("(|a)b", "ab", 0..<2),
        ])
    }

    func testGreedyAndLazy() {
        run([
            ("a+", "aaa", 0..<3),
            ("a+?", "aaa", 0..<1),
            ("a*?", "aaa", 0..<0),
            ("a*", "aaa", 0..<3),
            ("a??", "a", 0..<0),
            ("a?", "a", 0..<1),
            ("<.+>", "<a><b>", 0..<6),
            ("<.+?>", "<a><b>", 0..<3),
            ("a{2,3}?", "aaaa", 0..<2),
            ("a{2,3}", "aaaa", 0..<3),
            ("a{2,}?b", "aaab", 0..<4),
            ("(?:ab)*?c", "ababc", 0..<5),
            (".*?x", "abxcx", 0..<3),
            (".*x", "abxcx", 0..<5),
            ("a*?b", "aab", 0..<3),
        ])
    }

    func testCountedRepetition() {
        run([
            ("a{3}", "aaaa", 0..<3),
            ("a{3}", "aa", nil),
            ("a{2,}", "aaaaa", 0..<5),
            ("a{1,2}", "aaa", 0..<2),
            ("a{0}", "aaa", 0..<0),
            ("a{0,0}b", "ab", 1..<2),
            ("(?:ab){2}", "abababx", 0..<4),
            ("\\d{4}-\\d{2}-\\d{2}", "tanggal 2019-09-10.", 8..<18),
            ("a{1000}", String(repeating: "a", count: 1001), 0..<1000),
            ("a{1000}", String(repeating: "a", count: 999), nil),
            ("(?:a|b){2,4}c", "ababbc", 1..<6),
        ])
    }

    func testCaseInsensitive() {
        run([
            ("putin", "PUTIN tiba", 0..<5),
            ("[A-Z]+", "abc", 0..<3),
            ("[a-z]+", "ABC", 0..<3),
            ("[^a-z]", "aBc1", 3..<4),
            ("jokowi", "Presiden JOKOWI", 9..<15),
            ("CAF\u{C9}", "le caf\u{E9}", 3..<8),
            ("\u{1EC4}", "nguy\u{1EC5}n", 4..<7),
            ("k", "\u{212A}", 0..<3),
            ("\\bjokowi\\b", "JokowiDodo jokowi", 11..<17),
            ("\u{3A3}", "\u{3C3}", 0..<2),
            ("\\W", "aB-", 2..<3),
        ], caseInsensitive: true)
        // The flag is off by default.
        run([("putin", "PUTIN", nil)])
    }

    func testErrors() {
        let rows: [(String, String, Range<Int>)] = [
            ("a\\q", "unknown escape '\\q'", 1..<3),
            ("\u{E9}\\q", "unknown escape '\\q'", 2..<4),
            ("\\\u{E9}", "unknown escape '\\\u{E9}'", 0..<3),
            ("\\1", "unknown escape '\\1'", 0..<2),
            ("a)", "unbalanced ')'", 1..<2),
            ("(a", "unbalanced '(' (missing ')')", 0..<1),
            ("((a)", "unbalanced '(' (missing ')')", 0..<1),
            ("*a", "nothing to repeat", 0..<1),
            ("a|*", "nothing to repeat", 2..<3),
            ("a**", "nothing to repeat", 2..<3),
            ("(*)", "nothing to repeat", 1..<2),
            ("{2}", "nothing to repeat", 0..<3),
            ("a{1001}", "repetition count too large (max 1000)", 1..<7),
            ("a{2,1001}", "repetition count too large (max 1000)", 1..<9),
            ("a{99999999999999999999}", "repetition count too large (max 1000)", 1..<23),
            ("a{3,2}", "repetition range out of order ({3,2})", 1..<6),
            ("a{", "malformed repetition (expected {m}, {m,} or {m,n})", 1..<2),
            ("a{x}", "malformed repetition (expected {m}, {m,} or {m,n})", 1..<3),
            ("a{,2}", "malformed repetition (expected {m}, {m,} or {m,n})", 1..<3),
            ("[abc", "missing ']' to close the class", 0..<4),
            ("[]", "missing ']' to close the class", 0..<2),
            ("[z-a]", "invalid class range (start is above end)", 1..<4),
            ("[a-\\d]", "invalid class range", 1..<5),
            ("[\\b]", "'\\b' is not allowed inside a class", 1..<3),
            ("(?i)a", "unsupported group syntax '(?' (only '(?:' is allowed)", 0..<2),
            ("a\\", "trailing backslash", 1..<2),
            ("\\u{110000}", "invalid Unicode scalar in escape", 0..<10),
            ("\\u{D800}", "invalid Unicode scalar in escape", 0..<8),
            ("\\u12", "invalid Unicode escape (expected \\u{hex})", 0..<2),
            ("\\u{}", "invalid Unicode escape (expected \\u{hex})", 0..<4),
            ("(?:a{1000}){1000}", "pattern too large (max 20000 instructions)", 11..<17),
            (String(repeating: "a", count: 20_001), "pattern too large (max 20000 instructions)",
             20_000..<20_001),
            (String(repeating: "(", count: 501) + "a" + String(repeating: ")", count: 501),
             "groups nested too deeply (max 500)", 500..<501),
        ]
        for (k, (pattern, message, range)) in rows.enumerated() {
            do {
                _ = try LinearRegex(pattern)
                XCTFail("row \(k): /\(pattern.prefix(40))/ compiled but should fail with \(message)")
            } catch {
                XCTAssertEqual(error, RegexSyntaxError(range: range, message: message), "row \(k)")
            }
        }
        XCTAssertEqual(RegexSyntaxError(range: 2..<3, message: "nothing to repeat").description,
                       "nothing to repeat (at byte 2)")
    }

    func testLimitsThatAreAllowed() throws {
        let deep = String(repeating: "(", count: 500) + "a" + String(repeating: ")", count: 500)
        XCTAssertEqual(try LinearRegex(deep).firstMatch(in: "xa"), 1..<2)
        let deepNonCapturing = String(repeating: "(?:", count: 500) + "b" + String(repeating: ")*", count: 500)
        XCTAssertEqual(try LinearRegex(deepNonCapturing).firstMatch(in: "bbb"), 0..<3)
        // Anchored so the 10,000-instruction program runs one thread chain, not 10,000.
        XCTAssertEqual(try LinearRegex("^(?:a{100}){100}").firstMatch(in: String(repeating: "a", count: 10_001)),
                       0..<10_000)
    }

    /// Each of these takes exponential time in a backtracking engine.
    func testPathologicalPatternsStayLinear() throws {
        let a100k = String(repeating: "a", count: 100_000) + "b"
        XCTAssertNil(try LinearRegex("(a+)+$").firstMatch(in: a100k))
        XCTAssertNil(try LinearRegex("^(a+)+$").firstMatch(in: a100k))
        let a20k = String(repeating: "a", count: 20_000)
        XCTAssertNil(try LinearRegex("(a|a)*b").firstMatch(in: a20k))
        XCTAssertNil(try LinearRegex("(a*)*b").firstMatch(in: a20k))
        XCTAssertNil(try LinearRegex("(.*){20}x").firstMatch(in: a20k))
        XCTAssertNil(try LinearRegex("(x+x+)+y").firstMatch(in: String(repeating: "x", count: 20_000)))
        XCTAssertNil(try LinearRegex("(a|aa)+c").firstMatch(in: a20k))
        let words = String(repeating: "kata ", count: 4_000) + "!"
        XCTAssertNil(try LinearRegex("^(\\w+\\s?)*$").firstMatch(in: words))
        XCTAssertEqual(try LinearRegex("(a+)+b").firstMatch(in: a100k), 0..<100_001)
    }

    func testAllMatches() throws {
        let rows: [(String, String, [Range<Int>])] = [
            ("a*", "baaa", [0..<0, 1..<4]),
            ("a*", "aaab", [0..<3, 4..<4]),
            ("a", "banana", [1..<2, 3..<4, 5..<6]),
            ("", "ab", [0..<0, 1..<1, 2..<2]),
            ("x*", "\u{E9}\u{E9}", [0..<0, 2..<2, 4..<4]),
            ("aa", "aaaaa", [0..<2, 2..<4]),
            (",", "a,b,,c", [1..<2, 3..<4, 4..<5]),
            ("\\b", "ab cd", [0..<0, 2..<2, 3..<3, 5..<5]),
            ("\\w+", "Nguy\u{1EC5}n Ph\u{FA}", [0..<8, 9..<13]),
            ("b", "aaa", []),
        ]
        for (k, (pattern, text, expected)) in rows.enumerated() {
            XCTAssertEqual(try LinearRegex(pattern).allMatches(in: text), expected, "row \(k): /\(pattern)/")
        }
        let ci = try LinearRegex("\\bjokowi\\b", caseInsensitive: true)
        XCTAssertEqual(ci.allMatches(in: "Jokowi, JOKOWI dan jokowidodo jokowi"), [0..<6, 8..<14, 30..<36])
    }

    func testByteBufferAPI() throws {
        let re = try LinearRegex("Putin\\s+tiba")
        let bytes = Array("Hari ini Putin  tiba di Jakarta".utf8)
        XCTAssertEqual(bytes.withUnsafeBufferPointer { re.firstMatch(in: $0) }, 9..<20)
        XCTAssertEqual(bytes.withUnsafeBufferPointer { re.allMatches(in: $0) }, [9..<20])
        XCTAssertTrue(bytes.withUnsafeBufferPointer { re.matches(in: $0) })
        // Ill-formed UTF-8 reads as U+FFFD and never traps.
        let bad: [UInt8] = [0x61, 0xFF, 0xE2, 0x82, 0x61, 0xF0, 0x9F]
        let aDotA = try LinearRegex("a.a")
        XCTAssertNil(bad.withUnsafeBufferPointer { aDotA.firstMatch(in: $0) })
        XCTAssertEqual(bad.withUnsafeBufferPointer { (try? LinearRegex("[^a]+"))?.allMatches(in: $0) },
                       [1..<4, 5..<7])
        XCTAssertEqual(try LinearRegex("x").pattern, "x")
    }

    /// Random junk patterns must either compile or throw; never crash.
    func testNoCrashOnRandomPatterns() {
        var rng = RegexTestRNG(seed: 7)
        let pieces = Array("ab()[]{}|*+?.^$\\-,0123dwsbBqu:\u{E9}".unicodeScalars).map(String.init)
        for _ in 0..<(Int(ProcessInfo.processInfo.environment["FUZZ_N"] ?? "") ?? 3_000) {
            let len = rng.below(14)
            let pattern = (0..<len).map { _ in pieces[rng.below(pieces.count)] }.joined()
            for ci in [false, true] {
                guard let re = try? LinearRegex(pattern, caseInsensitive: ci) else { continue }
                _ = re.allMatches(in: "ab,\u{E9}a{2}-b\n01 d")
            }
        }
    }

    /// Differential test against a tiny backtracking matcher over {a, b}.
    func testAgainstReferenceBacktracker() throws {
        var rng = RegexTestRNG(seed: 42)
        var compared = 0
        for _ in 0..<(Int(ProcessInfo.processInfo.environment["DIFF_N"] ?? "") ?? 600) {
            let node = RegexRefNode.random(&rng, depth: 4)
            let pattern = node.render()
            let re = try LinearRegex(pattern)
            for _ in 0..<6 {
                let text = String((0..<rng.below(9)).map { _ in rng.below(3) == 0 ? "b" : "a" })
                let expected = RegexRefNode.firstMatch(node, Array(text))
                let got = re.firstMatch(in: text)
                if node.hasNullableLoop {
                    // Perl and Thompson NFAs may pick different ends when a loop body can match
                    // empty; whether and where a match starts is the same.
                    XCTAssertEqual(got?.lowerBound, expected?.lowerBound, "/\(pattern)/ on \(text)")
                } else {
                    XCTAssertEqual(got, expected, "/\(pattern)/ on \(text)")
                }
                compared += 1
            }
        }
        
    }
}

/// Deterministic pseudo-random numbers, so failures reproduce.
private struct RegexTestRNG {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
}

/// The reference: a recursive backtracking matcher over a small AST, with
/// Perl's leftmost-first semantics (it tries alternatives in order).
private indirect enum RegexRefNode {
    case char(Character), any, set(Set<Character>, Bool), bol, eol
    case cat([RegexRefNode]), alt([RegexRefNode])
    case rep(RegexRefNode, Int, Int?, Bool)   // min, max, greedy

    static func random(_ rng: inout RegexTestRNG, depth: Int) -> RegexRefNode {
        // Composite near the root, so most patterns have some structure.
        let pick = depth == 0 ? rng.below(6) : depth >= 3 ? 6 + rng.below(5) : rng.below(11)
        switch pick {
        case 0, 1: return .char("a")
        case 2: return .char("b")
        case 3: return .any
        case 4: return rng.below(2) == 0 ? .set(["a"], true) : .set(["a", "b"], false)
        case 5: return rng.below(4) == 0 ? (rng.below(2) == 0 ? .bol : .eol) : .char("a")
        case 6, 7: return .cat((0..<(1 + rng.below(3))).map { _ in random(&rng, depth: depth - 1) })
        case 8: return .alt((0..<(2 + rng.below(2))).map { _ in
            rng.below(5) == 0 ? .cat([]) : random(&rng, depth: depth - 1) })
        default:
            let body = random(&rng, depth: depth - 1)
            let greedy = rng.below(3) != 0
            switch rng.below(5) {
            case 0: return .rep(body, 0, nil, greedy)
            case 1: return .rep(body, 1, nil, greedy)
            case 2: return .rep(body, 0, 1, greedy)
            case 3: let m = rng.below(3); return .rep(body, m, m + rng.below(3), greedy)
            default: return .rep(body, rng.below(3), nil, greedy)
            }
        }
    }

    func render() -> String {
        switch self {
        case .char(let c): return String(c)
        case .any: return "."
        case .set(let s, let neg): return "[" + (neg ? "^" : "") + s.sorted().map(String.init).joined() + "]"
        case .bol: return "^"
        case .eol: return "$"
        case .cat(let xs): return "(?:" + xs.map { $0.render() }.joined() + ")"
        case .alt(let xs): return "(" + xs.map { $0.render() }.joined(separator: "|") + ")"
        case .rep(let body, let lo, let hi, let greedy):
            let q: String
            switch (lo, hi) {
            case (0, nil): q = "*"
            case (1, nil): q = "+"
            case (0, 1?): q = "?"
            case (_, nil): q = "{\(lo),}"
            case (_, let h?): q = lo == h ? "{\(lo)}" : "{\(lo),\(h)}"
            }
            return "(?:" + body.render() + ")" + q + (greedy ? "" : "?")
        }
    }

    var nullable: Bool {
        switch self {
        case .char, .any, .set: return false
        case .bol, .eol: return true
        case .cat(let xs): return xs.allSatisfy { $0.nullable }
        case .alt(let xs): return xs.contains { $0.nullable }
        case .rep(let b, let lo, _, _): return lo == 0 || b.nullable
        }
    }

    var hasNullableLoop: Bool {
        switch self {
        case .char, .any, .set, .bol, .eol: return false
        case .cat(let xs), .alt(let xs): return xs.contains { $0.hasNullableLoop }
        case .rep(let b, _, _, _): return b.nullable || b.hasNullableLoop
        }
    }

    /// Calls `k` with each end position, in preference order, until it returns true.
    func match(_ t: [Character], _ i: Int, _ k: (Int) -> Bool) -> Bool {
        switch self {
        case .char(let c): return i < t.count && t[i] == c && k(i + 1)
        case .any: return i < t.count && t[i] != "\n" && k(i + 1)
        case .set(let s, let neg): return i < t.count && s.contains(t[i]) != neg && k(i + 1)
        case .bol: return i == 0 && k(i)
        case .eol: return i == t.count && k(i)
        case .cat(let xs):
            func go(_ n: Int, _ j: Int) -> Bool { n == xs.count ? k(j) : xs[n].match(t, j) { go(n + 1, $0) } }
            return go(0, i)
        case .alt(let xs): return xs.contains { $0.match(t, i, k) }
        case .rep(let body, let lo, let hi, let greedy):
            func go(_ count: Int, _ j: Int) -> Bool {
                if count < lo { return body.match(t, j) { go(count + 1, $0) } }
                if let hi = hi, count >= hi { return k(j) }
                // Perl's rule: an optional iteration must consume something.
                func more() -> Bool { body.match(t, j) { $0 != j && go(count + 1, $0) } }
                return greedy ? (more() || k(j)) : (k(j) || more())
            }
            return go(0, i)
        }
    }

    /// Leftmost-first match; texts are ASCII, so character offsets are byte offsets.
    static func firstMatch(_ node: RegexRefNode, _ t: [Character]) -> Range<Int>? {
        for s in 0...t.count {
            var end = -1
            if node.match(t, s, { end = $0; return true }) { return s..<end }
        }
        return nil
    }
}
