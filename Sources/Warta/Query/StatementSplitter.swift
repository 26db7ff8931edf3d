/// One statement's place in a script or a line of input.
public struct StatementSpan: Sendable, Equatable {
    /// UTF-8 offsets of the statement (without its `;`).
    public var range: Range<Int>
    /// False when more input could continue it: an open parenthesis or
    /// quote, or a last word such as `and`, `where`, `,` that needs more.
    public var isComplete: Bool
}

/// Finds where statements end: at `;`, or at the end of a line when the
/// statement is complete (reference, section 1). Dot-commands are one line.
///
/// Scripts, pipes and the shell share this, so a statement continues over
/// lines the same way everywhere.
public enum StatementSplitter {
    /// Words after which a statement cannot end.
    static let continuationWords: Set<String> = [
        "and", "or", "not", "where", "group", "order", "by", "between", "in", "is", "contains",
        "matches", "mentions", "near", "stem", "entity", "person", "place", "org", "count",
        "explain", "let", "limit", "offset", "show", "at", "least", "union", "intersect", "except", "including",
        "collocates", "within", "compare", "spread", "sample", "seed", "per", "as",
    ]
    /// Tokens after which a statement cannot end (a switch: a set's first use costs more than a statement).
    static func continues(after kind: TokenKind) -> Bool {
        switch kind {
        case .leftParen, .comma, .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: return true
        default: return false
        }
    }

    /// The statements of `text`, in order.
    public static func split(_ text: String) -> [StatementSpan] {
        let bytes = Array(text.utf8)
        let n = bytes.count
        var spans: [StatementSpan] = []
        var pos = 0
        // A `#!` first line is a shebang, not a statement.
        if n >= 2, bytes[0] == UInt8(ascii: "#"), bytes[1] == UInt8(ascii: "!") {
            while pos < n && bytes[pos] != 0x0A { pos += 1 }
        }
        while pos < n {
            pos = skipBlank(bytes, pos)
            guard pos < n else { break }
            if bytes[pos] == UInt8(ascii: ";") { pos += 1; continue }
            let start = pos
            if bytes[pos] == UInt8(ascii: ".") {
                var e = pos
                while e < n && bytes[e] != 0x0A { e += 1 }
                spans.append(StatementSpan(range: start..<e, isComplete: true))
                pos = e
                continue
            }
            var lexer = Lexer(bytes: bytes, range: pos..<n)
            var depth = 0
            var last: Token?
            var beforeLast: Token?
            while true {
                let t = lexer.nextToken()
                if t.kind == .end {
                    let end = last?.range.upperBound ?? start
                    spans.append(StatementSpan(range: start..<end, isComplete: isComplete(depth: depth, last: last, before: beforeLast, lexer: lexer)))
                    pos = n
                    break
                }
                if t.kind == .semicolon {
                    spans.append(StatementSpan(range: start..<t.range.lowerBound, isComplete: true))
                    pos = t.range.upperBound
                    break
                }
                if t.kind == .leftParen { depth += 1 }
                if t.kind == .rightParen { depth = max(0, depth - 1) }
                beforeLast = last
                last = t
                if lineEndsAfter(bytes, t.range.upperBound), isComplete(depth: depth, last: t, before: beforeLast, lexer: lexer) {
                    spans.append(StatementSpan(range: start..<t.range.upperBound, isComplete: true))
                    pos = t.range.upperBound
                    break
                }
            }
        }
        return spans
    }

    /// Whether `text` holds only complete statements (the shell asks before running a line).
    public static func isComplete(_ text: String) -> Bool {
        split(text).last?.isComplete ?? true
    }

    private static func isComplete(depth: Int, last: Token?, before: Token?, lexer: Lexer) -> Bool {
        if depth > 0 || lexer.endsInsideLiteral { return false }
        guard let last else { return true }
        if continues(after: last.kind) { return false }
        if last.kind == .word && continuationWords.contains(last.text.lowercased()) {
            // A field that happens to share a keyword's name, in a list of
            // fields (`show name, mentions`), ends the statement.
            if let before, before.kind == .comma || before.isKeyword("show") || before.isKeyword("by") { return true }
            return false
        }
        return true
    }

    /// Skips spaces, line breaks and comments.
    static func skipBlank(_ bytes: [UInt8], _ from: Int) -> Int {
        var i = from
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
                i += 1
            } else if b == UInt8(ascii: "#") || (b == UInt8(ascii: "-") && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "-")) {
                while i < bytes.count && bytes[i] != 0x0A { i += 1 }
            } else {
                break
            }
        }
        return i
    }

    /// Whether only spaces and a comment stand between `offset` and the next line break (or the end).
    private static func lineEndsAfter(_ bytes: [UInt8], _ offset: Int) -> Bool {
        var i = offset
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A { return true }
            if b == 0x20 || b == 0x09 || b == 0x0D { i += 1; continue }
            if b == UInt8(ascii: "#") || (b == UInt8(ascii: "-") && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "-")) { return true }
            return false
        }
        return true
    }
}
