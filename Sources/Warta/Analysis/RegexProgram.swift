// The compiled form of a LinearRegex: a flat list of Thompson-NFA instructions
// plus the character classes they refer to, and the Unicode helpers (case
// folding, \w \d \s, UTF-8 decoding) shared by the compiler and the matcher.

/// What one NFA instruction does. Consuming instructions (`char`, `any`, `cls`)
/// read one Unicode scalar; the others are epsilon moves.
enum RegexOp: UInt8, Sendable {
    case char      // x = scalar (already case-folded when the regex is case-insensitive)
    case any       // any scalar except "\n"
    case cls       // x = index into `classes`
    case split     // try x first, then y (the order is the leftmost-first preference)
    case jmp       // go to x
    case assert    // x = RegexAssertion raw value; continue at pc + 1 if it holds
    case match
}

enum RegexAssertion: Int32, Sendable {
    case textStart, textEnd, wordBoundary, notWordBoundary
}

/// One instruction. While compiling, `x`/`y` of split/jmp are *relative* offsets,
/// so a block of code can be copied (counted repetition) or concatenated
/// without relocation; `RegexParser.finish` makes them absolute.
struct RegexInst: Sendable {
    var op: RegexOp
    var x: Int32 = 0
    var y: Int32 = 0
}

/// Shorthand classes usable both alone (`\d`) and inside brackets (`[\d_]`).
enum RegexPerlClass: UInt8, Sendable {
    case digit, word, space

    func contains(_ c: UInt32) -> Bool {
        switch self {
        case .digit: return RegexUnicode.isDigit(c)
        case .word: return RegexUnicode.isWord(c)
        case .space: return RegexUnicode.isSpace(c)
        }
    }
}

/// A bracket class or shorthand. ASCII membership (after negation and case
/// folding) is precomputed into a 128-bit map, because news text is mostly ASCII.
struct RegexCharClass: Sendable {
    var ranges: [ClosedRange<UInt32>] = []
    var perl: [(RegexPerlClass, Bool)] = []   // (class, negated), e.g. \W is (.word, true)
    var negated = false
    var caseInsensitive = false
    var asciiLo: UInt64 = 0, asciiHi: UInt64 = 0

    /// Freezes the ASCII map; call once all items are in.
    mutating func prepare() {
        asciiLo = 0; asciiHi = 0
        for b in UInt32(0)..<128 where slowMatches(b) {
            if b < 64 { asciiLo |= 1 << UInt64(b) } else { asciiHi |= 1 << UInt64(b - 64) }
        }
    }

    @inline(__always) func matches(_ c: UInt32) -> Bool {
        if c < 64 { return asciiLo & (1 << UInt64(c)) != 0 }
        if c < 128 { return asciiHi & (1 << UInt64(c - 64)) != 0 }
        return slowMatches(c)
    }

    /// Can this class match some scalar at or above U+0080? (for the first-byte prefilter)
    var mayMatchNonASCII: Bool {
        negated || caseInsensitive || !perl.isEmpty || ranges.contains { $0.upperBound >= 128 }
    }

    private func rawContains(_ c: UInt32) -> Bool {
        for r in ranges where r.contains(c) { return true }
        for (p, neg) in perl where p.contains(c) != neg { return true }
        return false
    }

    /// Case-insensitive membership tries the scalar, its lowercase and its
    /// uppercase, so `[A-Z]` matches "q" and `[a-z]` matches "Q".
    private func slowMatches(_ c: UInt32) -> Bool {
        var hit = rawContains(c)
        if !hit && caseInsensitive {
            hit = rawContains(RegexUnicode.fold(c)) || rawContains(RegexUnicode.upper(c))
        }
        return hit != negated
    }
}

/// Unicode predicates with ASCII fast paths (the slow paths use the standard
/// library's property tables, no Foundation).
enum RegexUnicode {
    /// Simple lowercase mapping: a scalar maps to its lowercase only when that is a single scalar.
    @inline(__always) static func fold(_ c: UInt32) -> UInt32 {
        if c < 128 { return (c >= 65 && c <= 90) ? c + 32 : c }
        return mapSlow(c, upper: false)
    }

    @inline(__always) static func upper(_ c: UInt32) -> UInt32 {
        if c < 128 { return (c >= 97 && c <= 122) ? c - 32 : c }
        return mapSlow(c, upper: true)
    }

    static func mapSlow(_ c: UInt32, upper: Bool) -> UInt32 {
        guard let s = Unicode.Scalar(c) else { return c }
        let p = s.properties
        guard upper ? p.changesWhenUppercased : p.changesWhenLowercased else { return c }
        let m = (upper ? p.uppercaseMapping : p.lowercaseMapping).unicodeScalars
        guard let first = m.first, m.count == 1 else { return c }
        return first.value
    }

    /// `\w`: letters, marks and digits of any script, plus connector punctuation ("_").
    static func isWord(_ c: UInt32) -> Bool {
        if c < 128 {
            return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c == 95
        }
        guard let s = Unicode.Scalar(c) else { return false }
        if s.properties.isAlphabetic { return true }
        switch s.properties.generalCategory {
        case .decimalNumber, .letterNumber, .nonspacingMark, .spacingMark, .enclosingMark,
             .connectorPunctuation:
            return true
        default:
            return false
        }
    }

    /// `\d`: decimal digits of any script.
    static func isDigit(_ c: UInt32) -> Bool {
        if c < 128 { return c >= 48 && c <= 57 }
        guard let s = Unicode.Scalar(c) else { return false }
        return s.properties.generalCategory == .decimalNumber
    }

    /// `\s`: Unicode White_Space.
    static func isSpace(_ c: UInt32) -> Bool {
        if c < 128 { return c == 32 || (c >= 9 && c <= 13) }
        guard let s = Unicode.Scalar(c) else { return false }
        return s.properties.isWhitespace
    }
}

/// UTF-8 decoding that never traps: an ill-formed byte decodes as U+FFFD of length 1.
enum RegexUTF8 {
    static let none: UInt32 = .max   // "no scalar here" (before the start / past the end)

    @inline(__always)
    static func decode(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
        let n = p.count
        guard i < n else { return (none, 0) }
        let b0 = UInt32(p[i])
        if b0 < 0x80 { return (b0, 1) }
        return decodeMulti(p, i, n, b0)
    }

    static func decodeMulti(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ n: Int, _ b0: UInt32) -> (UInt32, Int) {
        let bad: (UInt32, Int) = (0xFFFD, 1)
        @inline(__always) func cont(_ k: Int) -> UInt32? {
            guard i + k < n else { return nil }
            let b = UInt32(p[i + k])
            return b & 0xC0 == 0x80 ? b & 0x3F : nil
        }
        if b0 >= 0xC2 && b0 <= 0xDF {
            guard let b1 = cont(1) else { return bad }
            return ((b0 & 0x1F) << 6 | b1, 2)
        }
        if b0 >= 0xE0 && b0 <= 0xEF {
            guard let b1 = cont(1), let b2 = cont(2) else { return bad }
            let c = (b0 & 0x0F) << 12 | b1 << 6 | b2
            guard c >= 0x800, !(0xD800...0xDFFF).contains(c) else { return bad }
            return (c, 3)
        }
        if b0 >= 0xF0 && b0 <= 0xF4 {
            guard let b1 = cont(1), let b2 = cont(2), let b3 = cont(3) else { return bad }
            let c = (b0 & 0x07) << 18 | b1 << 12 | b2 << 6 | b3
            guard c >= 0x10000, c <= 0x10FFFF else { return bad }
            return (c, 4)
        }
        return bad
    }

    /// The scalar that ends just before byte offset `i` (`none` at 0).
    static func decodeBefore(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt32 {
        guard i > 0, i <= p.count else { return none }
        var k = i - 1
        while k > 0 && i - k < 4 && p[k] & 0xC0 == 0x80 { k -= 1 }
        let (c, len) = decode(p, k)
        return k + len == i ? c : 0xFFFD
    }
}
