/// Turns statement text into tokens, each with its source range.
///
/// Hand-written over UTF-8 bytes in the manner of SQLite's `sqlite3GetToken`.
/// Problems become diagnostics; the lexer never stops early, so the parser
/// can report the first real error with the full picture.
public struct Lexer {
    /// The statement's bytes, addressed by their offsets in the whole source.
    private let bytes: OffsetBytes
    private var i: Int
    private let end: Int
    /// Problems met so far (an unterminated string, a stray character), in order.
    public private(set) var diagnostics: [Diagnostic] = []
    /// True when the text stops inside a string, a regex or a comment-free
    /// open construct, so that more input could complete it.
    public private(set) var endsInsideLiteral = false

    /// Lexes `range` (UTF-8 offsets) of `source`; token ranges are offsets into `source`.
    public init(_ source: String, range: Range<Int>? = nil) {
        let utf8 = source.utf8
        let total = utf8.count
        let r = range ?? 0..<total
        let lower = min(max(0, r.lowerBound), total)
        let upper = min(max(lower, r.upperBound), total)
        // Only the statement is copied: a script of many statements lexes in linear time.
        let statement = utf8.withContiguousStorageIfAvailable { Array($0[lower..<upper]) }
            ?? Array(Array(utf8)[lower..<upper])
        bytes = OffsetBytes(base: lower, storage: statement)
        i = lower
        end = upper
    }

    /// Lexes `range` of `bytes` (a whole source's UTF-8, shared, not copied:
    /// the statement splitter lexes statement after statement of one script).
    init(bytes source: [UInt8], range: Range<Int>) {
        let lower = min(max(0, range.lowerBound), source.count)
        bytes = OffsetBytes(base: 0, storage: source)
        i = lower
        end = min(max(lower, range.upperBound), source.count)
    }

    /// All tokens, ending with one `.end` token.
    public mutating func tokenize() -> [Token] {
        var out: [Token] = []
        while true {
            let t = nextToken()
            out.append(t)
            if t.kind == .end { return out }
        }
    }

    private func peek(_ k: Int = 0) -> UInt8? {
        i + k < end ? bytes[i + k] : nil
    }

    private func text(_ r: Range<Int>) -> String {
        bytes.string(r)
    }

    private mutating func error(_ message: String, _ r: Range<Int>) {
        diagnostics.append(Diagnostic(.error, message, at: r))
    }

    /// The next token; `.end` at the end of the range, and again after it.
    public mutating func nextToken() -> Token {
        skipSpaceAndComments()
        let start = i
        guard let b = peek() else { return Token(kind: .end, range: end..<end, text: "") }
        func single(_ k: TokenKind, _ n: Int = 1) -> Token {
            i += n
            return Token(kind: k, range: start..<i, text: text(start..<i))
        }
        switch b {
        case UInt8(ascii: "("): return single(.leftParen)
        case UInt8(ascii: ")"): return single(.rightParen)
        case UInt8(ascii: ","): return single(.comma)
        case UInt8(ascii: ";"): return single(.semicolon)
        case UInt8(ascii: "="): return single(.equal, peek(1) == UInt8(ascii: "=") ? 2 : 1)
        case UInt8(ascii: "!"):
            if peek(1) == UInt8(ascii: "=") { return single(.notEqual, 2) }
        case UInt8(ascii: "<"):
            if peek(1) == UInt8(ascii: "=") { return single(.lessEqual, 2) }
            if peek(1) == UInt8(ascii: ">") { return single(.notEqual, 2) }
            return single(.less)
        case UInt8(ascii: ">"):
            return peek(1) == UInt8(ascii: "=") ? single(.greaterEqual, 2) : single(.greater)
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            return lexString(close: [b], openLength: 1)
        case 0xE2 where peek(1) == 0x80 && (peek(2) == 0x9C || peek(2) == 0x9E):
            // “…” (and „…“): users paste quotations straight from articles.
            return lexString(close: [0xE2, 0x80, 0x9D], alsoClose: [0xE2, 0x80, 0x9C], openLength: 3)
        case UInt8(ascii: "/"):
            return lexRegex()
        case UInt8(ascii: "$"):
            if let c = peek(1), isIdentStart(c) {
                i += 1
                while let c = peek(), isIdentStart(c) || isDigit(c) { i += 1 }
                return Token(kind: .parameter, range: start..<i, text: text((start + 1)..<i))
            }
        case UInt8(ascii: "-"):
            if let d = peek(1), isDigit(d) { return lexNumber() }
        case _ where isDigit(b):
            return lexNumber()
        case _ where isIdentStart(b):
            i += 1
            while let c = peek(), isIdentContinue(c) { i += 1 }
            return Token(kind: .word, range: start..<i, text: text(start..<i))
        default:
            break
        }
        // Anything else: one whole character, reported, then skipped.
        var n = 1
        if b >= 0xC0 { n = b >= 0xF0 ? 4 : (b >= 0xE0 ? 3 : 2) }
        i = min(end, i + n)
        let ch = text(start..<i)
        error("unexpected character '\(ch)'", start..<i)
        return nextToken()
    }

    private mutating func skipSpaceAndComments() {
        while let b = peek() {
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
                i += 1
            } else if b == UInt8(ascii: "#") || (b == UInt8(ascii: "-") && peek(1) == UInt8(ascii: "-")) {
                while let c = peek(), c != 0x0A { i += 1 }
            } else if b == 0xC2 && peek(1) == 0xA0 {
                i += 2  // no-break space, common in pasted text
            } else {
                return
            }
        }
    }

    private func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    private func isIdentStart(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "_")
    }
    private func isIdentContinue(_ b: UInt8) -> Bool {
        isIdentStart(b) || isDigit(b) || b == UInt8(ascii: ".")
    }

    /// Integers, and dates `YYYY-MM-DD` / `YYYY-MM`.
    private mutating func lexNumber() -> Token {
        let start = i
        if peek() == UInt8(ascii: "-") { i += 1 }
        while let c = peek(), isDigit(c) { i += 1 }
        // A date: four digits, then -MM and optionally -DD.
        if i - start == 4, peek() == UInt8(ascii: "-"), let m1 = peek(1), isDigit(m1) {
            i += 1
            let monthStart = i
            while let c = peek(), isDigit(c) { i += 1 }
            var dayStart: Int?
            if peek() == UInt8(ascii: "-"), let d1 = peek(1), isDigit(d1) {
                i += 1
                dayStart = i
                while let c = peek(), isDigit(c) { i += 1 }
            }
            // Letters glued on ("2024-06-20x") make it no date at all.
            while let c = peek(), isIdentContinue(c) { i += 1 }
            let t = text(start..<i)
            var valid = false
            if let year = Int(text(start..<(start + 4))),
               let month = Int(text(monthStart..<(dayStart.map { $0 - 1 } ?? i))),
               text(monthStart..<(dayStart.map { $0 - 1 } ?? i)).count == 2 {
                if let ds = dayStart {
                    let dt = text(ds..<i)
                    valid = dt.count == 2 && Int(dt).flatMap { Day(year: year, month: month, day: $0) } != nil
                } else {
                    valid = (1...12).contains(month)
                }
            }
            if !valid { error("'\(t)' is not a valid date (expected YYYY-MM-DD or YYYY-MM)", start..<i) }
            return Token(kind: .date, range: start..<i, text: t)
        }
        let t = text(start..<i)
        if let c = peek(), isIdentStart(c) {
            while let c = peek(), isIdentContinue(c) { i += 1 }
            error("'\(text(start..<i))' is not a number", start..<i)
            return Token(kind: .integer, range: start..<i, text: text(start..<i))
        }
        guard let v = Int64(t) else {
            error("integer '\(t)' is too large (the limit is \(Int64.max))", start..<i)
            return Token(kind: .integer, range: start..<i, text: t, integer: t.hasPrefix("-") ? Int64.min : Int64.max)
        }
        return Token(kind: .integer, range: start..<i, text: t, integer: v)
    }

    private mutating func lexString(close: [UInt8], alsoClose: [UInt8]? = nil, openLength: Int) -> Token {
        let start = i
        i += openLength
        var value: [UInt8] = []
        func at(_ seq: [UInt8]) -> Bool {
            guard i + seq.count <= end else { return false }
            for (k, s) in seq.enumerated() where bytes[i + k] != s { return false }
            return true
        }
        while i < end {
            if at(close) || (alsoClose.map(at) ?? false) {
                i += close.count
                return Token(kind: .string, range: start..<i, text: String(decoding: value, as: UTF8.self))
            }
            let b = bytes[i]
            if b == UInt8(ascii: "\\") {
                let escStart = i
                i += 1
                guard let e = peek() else { break }
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "\\"): value.append(e); i += 1
                case UInt8(ascii: "n"): value.append(0x0A); i += 1
                case UInt8(ascii: "t"): value.append(0x09); i += 1
                case UInt8(ascii: "u"):
                    i += 1
                    if peek() == UInt8(ascii: "{") {
                        i += 1
                        let hexStart = i
                        while let h = peek(), h != UInt8(ascii: "}"), i - hexStart < 8 { i += 1 }
                        let hex = text(hexStart..<i)
                        if peek() == UInt8(ascii: "}"), let v = UInt32(hex, radix: 16), let s = Unicode.Scalar(v) {
                            i += 1
                            value.append(contentsOf: Array(String(Character(s)).utf8))
                        } else {
                            if peek() == UInt8(ascii: "}") { i += 1 }
                            error("invalid Unicode escape (write \\u{1F600})", escStart..<i)
                        }
                    } else {
                        error("invalid Unicode escape (write \\u{1F600})", escStart..<i)
                    }
                default:
                    var n = 1
                    if e >= 0xC0 { n = e >= 0xF0 ? 4 : (e >= 0xE0 ? 3 : 2) }
                    i = min(end, i + n)
                    error("unknown escape '\(text(escStart..<i))' (use \\\" \\' \\\\ \\n \\t or \\u{…})", escStart..<i)
                }
                continue
            }
            value.append(b)
            i += 1
        }
        endsInsideLiteral = true
        error("unterminated string", start..<(start + openLength))
        return Token(kind: .string, range: start..<end, text: String(decoding: value, as: UTF8.self))
    }

    private mutating func lexRegex() -> Token {
        let start = i
        i += 1
        var pattern: [UInt8] = []
        while i < end {
            let b = bytes[i]
            if b == UInt8(ascii: "\\") && i + 1 < end {
                // `\/` is a slash in the pattern; other escapes go to the regex engine as written.
                if bytes[i + 1] == UInt8(ascii: "/") {
                    pattern.append(UInt8(ascii: "/"))
                } else {
                    pattern.append(b)
                    pattern.append(bytes[i + 1])
                }
                i += 2
                continue
            }
            if b == UInt8(ascii: "/") {
                i += 1
                let flagStart = i
                while let c = peek(), isIdentStart(c) { i += 1 }
                let flags = text(flagStart..<i)
                for (k, f) in flags.enumerated() where f != "i" {
                    let o = flagStart + k
                    error("unknown regular expression flag '\(f)' (only 'i' is supported)", o..<(o + 1))
                }
                return Token(kind: .regex, range: start..<i, text: String(decoding: pattern, as: UTF8.self), flags: flags)
            }
            pattern.append(b)
            i += 1
        }
        endsInsideLiteral = true
        error("unterminated regular expression", start..<(start + 1))
        return Token(kind: .regex, range: start..<end, text: String(decoding: pattern, as: UTF8.self))
    }
}

/// Bytes of one statement addressed by their offsets in the whole source.
struct OffsetBytes {
    let base: Int
    let storage: [UInt8]

    @inline(__always)
    subscript(i: Int) -> UInt8 { storage[i - base] }

    /// The bytes at offsets `r`, as text.
    func string(_ r: Range<Int>) -> String {
        String(decoding: storage[(r.lowerBound - base)..<(r.upperBound - base)], as: UTF8.self)
    }
}
