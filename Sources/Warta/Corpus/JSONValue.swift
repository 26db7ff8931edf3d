// A small JSON reader for JSON Lines: one pass over UTF-8 bytes, linear in
// the line's length, with a depth limit so hostile input cannot exhaust the
// stack. Foundation's decoders would do, but they are slower on a 43 MB
// corpus and cannot keep an unknown nested value as compact text.

/// A parsed JSON value. Numbers keep their source text, so "2019" stays
/// "2019" and 1e400 does not overflow.
enum JSONValue {
    case string(String)
    case number(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    /// The value as a field's text: strings as they are, numbers and bools
    /// as written, null as "null", arrays and objects as compact JSON.
    var fieldText: String {
        if case .string(let s) = self { return s }
        var out = ""
        writeCompact(to: &out)
        return out
    }

    func writeCompact(to out: inout String) {
        switch self {
        case .string(let s): JSONValue.writeString(s, to: &out)
        case .number(let n): out += n
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            out += "["
            for (k, item) in items.enumerated() {
                if k > 0 { out += "," }
                item.writeCompact(to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (k, m) in members.enumerated() {
                if k > 0 { out += "," }
                JSONValue.writeString(m.key, to: &out)
                out += ":"
                m.value.writeCompact(to: &out)
            }
            out += "}"
        }
    }

    static func writeString(_ s: String, to out: inout String) {
        out += "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if c.value < 0x20 {
                    let hex = String(c.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        out += "\""
    }
}

/// Why a line is not JSON, and the byte offset (0-based, in the line) where
/// the reader gave up.
struct JSONError: Error {
    var message: String
    var offset: Int
}

struct JSONReader {
    let s: UnsafeBufferPointer<UInt8>
    var i = 0
    static let maxDepth = 256

    init(_ s: UnsafeBufferPointer<UInt8>) { self.s = s }

    /// Parses one complete value filling the whole buffer (spaces around allowed).
    mutating func document() throws -> JSONValue {
        skipSpaces()
        let v = try value(depth: 0)
        skipSpaces()
        if i < s.count { throw JSONError(message: "unexpected text after the JSON value", offset: i) }
        return v
    }

    mutating func skipSpaces() {
        while i < s.count, s[i] == 0x20 || s[i] == 0x09 || s[i] == 0x0A || s[i] == 0x0D { i += 1 }
    }

    func fail(_ message: String) -> JSONError { JSONError(message: message, offset: i) }

    mutating func value(depth: Int) throws -> JSONValue {
        guard depth < JSONReader.maxDepth else { throw fail("JSON nested too deeply") }
        guard i < s.count else { throw fail("unexpected end of line") }
        switch s[i] {
        case UInt8(ascii: "{"):
            i += 1
            var members: [(key: String, value: JSONValue)] = []
            skipSpaces()
            if i < s.count, s[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
            while true {
                skipSpaces()
                guard i < s.count, s[i] == UInt8(ascii: "\"") else { throw fail("expected a quoted key") }
                let key = try string()
                skipSpaces()
                guard i < s.count, s[i] == UInt8(ascii: ":") else { throw fail("expected ':' after a key") }
                i += 1
                skipSpaces()
                members.append((key, try value(depth: depth + 1)))
                skipSpaces()
                guard i < s.count else { throw fail("unexpected end of line in an object") }
                if s[i] == UInt8(ascii: ",") { i += 1; continue }
                if s[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
                throw fail("expected ',' or '}'")
            }
        case UInt8(ascii: "["):
            i += 1
            var items: [JSONValue] = []
            skipSpaces()
            if i < s.count, s[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            while true {
                skipSpaces()
                items.append(try value(depth: depth + 1))
                skipSpaces()
                guard i < s.count else { throw fail("unexpected end of line in an array") }
                if s[i] == UInt8(ascii: ",") { i += 1; continue }
                if s[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
                throw fail("expected ',' or ']'")
            }
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default:
            return .number(try number())
        }
    }

    mutating func literal(_ word: StaticString) throws {
        let n = word.utf8CodeUnitCount
        guard i + n <= s.count else { throw fail("unexpected end of line") }
        let p = word.utf8Start
        for k in 0..<n where s[i + k] != p[k] { throw fail("unknown word") }
        i += n
    }

    mutating func number() throws -> String {
        let start = i
        if i < s.count, s[i] == UInt8(ascii: "-") { i += 1 }
        let intStart = i
        while i < s.count, isDigitByte(s[i]) { i += 1 }
        guard i > intStart else { throw fail("expected a value") }
        if i < s.count, s[i] == UInt8(ascii: ".") {
            i += 1
            let f = i
            while i < s.count, isDigitByte(s[i]) { i += 1 }
            guard i > f else { throw fail("expected digits after '.'") }
        }
        if i < s.count, s[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            if i < s.count, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") { i += 1 }
            let e = i
            while i < s.count, isDigitByte(s[i]) { i += 1 }
            guard i > e else { throw fail("expected digits in the exponent") }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: s[start..<i]), as: UTF8.self)
    }

    /// The bytes a string's scan stops at (`skipUnflagged`): its closing quote, a backslash, a control character.
    @inline(__always)
    static func special(_ v: UInt64) -> UInt64 {
        ByteFlags.equal(v, UInt8(ascii: "\"")) | ByteFlags.equal(v, UInt8(ascii: "\\")) | ByteFlags.within(v, 0x00, 0x1F)
    }

    /// A string at `i` (on its opening quote). The bytes are valid UTF-8
    /// already (the loader checks each line first).
    mutating func string() throws -> String {
        let quote = i
        i += 1
        let start = i
        while i < s.count {
            i = skipUnflagged(s, from: i, JSONReader.special)
            guard i < s.count else { break }
            let b = s[i]
            if b == UInt8(ascii: "\"") {
                defer { i += 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: s[start..<i]), as: UTF8.self)
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw fail("control character in a string") }
            i += 1
        }
        // With escapes (news text: a "\n" between paragraphs): copy what was scanned, then
        // decode the rest, a run of plain bytes at a time.
        var out = [UInt8]()
        out.reserveCapacity(2 * (i - start) + 64)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: s[start..<i]))
        while i < s.count {
            let run = i
            i = skipUnflagged(s, from: i, JSONReader.special)
            while i < s.count, s[i] != UInt8(ascii: "\""), s[i] != UInt8(ascii: "\\"), s[i] >= 0x20 { i += 1 }
            if i > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: s[run..<i])) }
            guard i < s.count else { break }
            let b = s[i]
            if b == UInt8(ascii: "\"") {
                i += 1
                return String(decoding: out, as: UTF8.self)
            }
            if b < 0x20 { throw fail("control character in a string") }
            i += 1
            guard i < s.count else { break }
            let e = s[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar), i + 1 < s.count, s[i] == UInt8(ascii: "\\"), s[i + 1] == UInt8(ascii: "u") {
                    let save = i
                    i += 2
                    let low = try hex4()
                    if (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        i = save
                    }
                }
                // A lone surrogate is not a character: U+FFFD, as decoders do.
                let u = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                out.append(contentsOf: Array(String(Character(u)).utf8))
            default:
                throw fail("unknown escape '\\\(Character(Unicode.Scalar(e)))'")
            }
        }
        // Point at the opening quote: that is where the mistake usually is.
        throw JSONError(message: "unterminated string", offset: quote)
    }

    mutating func hex4() throws -> UInt32 {
        guard i + 4 <= s.count else { throw fail("short \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = s[i]
            let d: UInt32
            switch b {
            case 0x30...0x39: d = UInt32(b - 0x30)
            case 0x41...0x46: d = UInt32(b - 0x41 + 10)
            case 0x61...0x66: d = UInt32(b - 0x61 + 10)
            default: throw fail("bad \\u escape")
            }
            v = v * 16 + d
            i += 1
        }
        return v
    }
}
