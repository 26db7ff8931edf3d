/// What kind of token the lexer found.
public enum TokenKind: Sendable, Equatable {
    /// A keyword or a name: `where`, `articles`, `date.month`.
    case word
    /// `"…"`, `'…'` or `“…”`; the token's `text` is the decoded value.
    case string
    /// `/…/flags`; `text` is the pattern, `flags` the flags.
    case regex
    /// `2024-06-20` or `2024-06`.
    case date
    /// `5`, `-1`.
    case integer
    /// `$who`: a parameter; `text` is its name.
    case parameter
    /// `(`, `)`, `,`, `;`.
    case leftParen, rightParen, comma, semicolon
    /// `=` or `==`, `!=` or `<>`, `<`, `<=`, `>`, `>=`.
    case equal, notEqual, less, lessEqual, greater, greaterEqual
    /// End of the statement text.
    case end
}

/// A token: a kind and where it stands in the source (UTF-8 byte offsets).
/// Literal tokens also carry their decoded value.
public struct Token: Sendable, Equatable {
    /// What it is.
    public var kind: TokenKind
    /// Where it is: UTF-8 byte offsets into the source.
    public var range: Range<Int>
    /// The word's spelling, a string's decoded value, a regex's pattern.
    public var text: String
    /// Regex flags (`i`).
    public var flags: String = ""
    /// An integer's value.
    public var integer: Int64 = 0

    /// Whether this is the keyword `k` (keywords are case-insensitive).
    /// `k` is lower-case ASCII, as every keyword is; the token's letters are folded byte by byte.
    public func isKeyword(_ k: String) -> Bool {
        guard kind == .word, text.utf8.count == k.utf8.count else { return false }
        // The parser asks this of every word, for keyword after keyword: compared as bytes.
        var text = text, k = k
        return text.withUTF8 { t in
            k.withUTF8 { k in
                for i in 0..<t.count where (t[i] >= 65 && t[i] <= 90 ? t[i] | 0x20 : t[i]) != k[i] { return false }
                return true
            }
        }
    }

    /// How the token reads in a message.
    public var display: String {
        switch kind {
        case .end: return "end of statement"
        case .string: return "string \"\(text)\""
        case .regex: return "regular expression /\(text)/"
        case .parameter: return "parameter $\(text)"
        case .leftParen: return "'('"
        case .rightParen: return "')'"
        case .comma: return "','"
        case .semicolon: return "';'"
        default: return "'\(text)'"
        }
    }
}
