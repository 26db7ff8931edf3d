/// A problem found in a statement or a corpus: what, where, and a likely fix.
///
/// Lexer, parser and checker all produce diagnostics as values; one renderer
/// (`DiagnosticRenderer`) turns them into the caret view users read.
public struct Diagnostic: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// How bad it is: an `error` stops the statement; a `warning` or a `note` does not.
    public enum Severity: String, Sendable, Codable { case error, warning, note }

    /// Whether the statement failed (`error`) or only deserves a look.
    public var severity: Severity
    /// What is wrong, for people; a "did you mean" comes at its end.
    public var message: String
    /// UTF-8 byte offsets into the source text the statement came from.
    public var range: Range<Int>?
    /// A replacement the user probably meant ("date" for "dat").
    public var suggestion: String?

    /// A diagnostic about `range` (UTF-8 offsets), with the replacement probably meant.
    public init(_ severity: Severity = .error, _ message: String, at range: Range<Int>? = nil, suggestion: String? = nil) {
        self.severity = severity
        self.message = message
        self.range = range
        self.suggestion = suggestion
    }

    /// `error: MESSAGE`, without the position.
    public var description: String { "\(severity.rawValue): \(message)" }
}

/// Positions in a source text: turns byte offsets into lines and columns.
public struct SourceText: Sendable {
    /// The whole source: a statement, or a script.
    public let text: String
    /// Name shown in front of messages from a file (`FILE:LINE:COL:`), or nil.
    public let name: String?
    private let bytes: [UInt8]
    private let lineStarts: [Int]

    /// Indexes the lines of `text`; `name` (a script's path) goes in front of messages.
    public init(_ text: String, name: String? = nil) {
        self.text = text
        self.name = name
        bytes = Array(text.utf8)
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
        lineStarts = starts
    }

    /// 1-based line and column (in characters) of a byte offset.
    public func location(of offset: Int) -> (line: Int, column: Int) {
        let o = max(0, min(offset, bytes.count))
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= o { lo = mid } else { hi = mid - 1 }
        }
        let prefix = String(decoding: bytes[lineStarts[lo]..<o], as: UTF8.self)
        return (lo + 1, prefix.count + 1)
    }

    /// The text of the 1-based line `n`, without its newline.
    public func line(_ n: Int) -> String {
        guard n >= 1 && n <= lineStarts.count else { return "" }
        let start = lineStarts[n - 1]
        var end = n < lineStarts.count ? lineStarts[n] - 1 : bytes.count
        if end > start && end <= bytes.count && end - 1 >= start && bytes[end - 1] == 0x0D { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }
}

/// Renders diagnostics the way the language reference shows them:
///
///     error: unknown field 'dat' (did you mean 'date'?)
///       articles where dat = 2024-06-20
///                      ^~~
public enum DiagnosticRenderer {
    /// The caret view: `error: MESSAGE`, then the line and a caret under the range; `FILE:LINE:COL:` first for a named source.
    public static func render(_ d: Diagnostic, in source: SourceText) -> String {
        var head = ""
        var lineText: String?
        var caretLine = ""
        if let range = d.range {
            let (line, column) = source.location(of: range.lowerBound)
            if let name = source.name { head = "\(name):\(line):\(column): " }
            let text = source.line(line)
            lineText = text
            // The caret runs to the end of the range or of the line, at least one wide.
            let endLoc = source.location(of: range.upperBound)
            let lineChars = text.count
            let endColumn = endLoc.line == line ? endLoc.column : lineChars + 1
            let width = max(1, endColumn - column)
            let pad = String(text.prefix(column - 1).map { $0 == "\t" ? "\t" : " " })
            caretLine = pad + "^" + String(repeating: "~", count: width - 1)
        } else if let name = source.name {
            head = "\(name): "
        }
        // What the user typed or a file held may carry control characters: never echo them raw.
        var out = "\(head)\(d.severity.rawValue): \(TerminalText.safe(d.message, lineBreaks: false))"
        if let lineText {
            out += "\n  \(TerminalText.safe(lineText, lineBreaks: false))\n  \(caretLine)"
        }
        return out
    }
}

/// Edit distance, for "did you mean".
public enum Suggest {
    /// The candidate closest to `word` (case-insensitive), if it is close enough to be a likely typo.
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let w = Array(word.lowercased())
        var best: (String, Int)?
        for c in candidates {
            let d = distance(w, Array(c.lowercased()))
            if best == nil || d < best!.1 { best = (c, d) }
        }
        guard let (name, d) = best else { return nil }
        let limit = w.count <= 3 ? 1 : (w.count <= 6 ? 2 : 3)
        if d <= limit { return name }
        // A prefix of a candidate ("dat" for "dates") is also a likely slip.
        if w.count >= 2, let p = candidates.first(where: { $0.lowercased().hasPrefix(word.lowercased()) }) { return p }
        return nil
    }

    /// Damerau–Levenshtein (optimal string alignment) distance.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev2 = [Int](repeating: 0, count: b.count + 1)
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    cur[j] = min(cur[j], prev2[j - 2] + 1)
                }
            }
            (prev2, prev, cur) = (prev, cur, prev2)
        }
        return prev[b.count]
    }
}
