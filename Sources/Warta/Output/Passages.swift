/// How much context a keyword-in-context line shows on each side.
public struct ContextWidth: Sendable, Hashable, CustomStringConvertible {
    /// What the width counts: whole words, or characters.
    public enum Unit: String, Sendable, Hashable { case words, chars }
    /// How many words or characters.
    public var count: Int
    /// Whether `count` is in words or characters.
    public var unit: Unit

    /// A width of `count` words or characters: `ContextWidth(8, .words)`.
    public init(_ count: Int, _ unit: Unit) {
        self.count = count
        self.unit = unit
    }

    /// `8 words`, `40 chars`: as the shell's `.context` prints it.
    public var description: String { "\(count) \(unit.rawValue)" }
}

/// Text with highlighted stretches (byte ranges into `text`).
public struct MarkedText: Sendable, Hashable, Codable {
    /// The passage, on one line (`…` where it was cut).
    public var text: String
    /// The highlighted stretches: UTF-8 byte ranges into `text`, in order.
    public var marks: [Range<Int>]

    /// The text with each mark wrapped in `open` and `close` (`[[`, `]]`);
    /// `segment` transforms the text between (to make it safe to print).
    public func rendered(open: String = "[[", close: String = "]]", segment: (String) -> String = { $0 }) -> String {
        let bytes = Array(text.utf8)
        var out = ""
        var at = 0
        for m in marks where m.lowerBound >= at && m.upperBound <= bytes.count {
            out += segment(String(decoding: bytes[at..<m.lowerBound], as: UTF8.self))
            out += open + segment(String(decoding: bytes[m], as: UTF8.self)) + close
            at = m.upperBound
        }
        return out + segment(String(decoding: bytes[at...], as: UTF8.self))
    }

    /// Marks as code-point offsets, for JSON consumers.
    public var scalarMarks: [[Int]] {
        let bytes = Array(text.utf8)
        func scalars(upTo b: Int) -> Int { String(decoding: bytes[0..<b], as: UTF8.self).unicodeScalars.count }
        return marks.map { [scalars(upTo: $0.lowerBound), scalars(upTo: $0.upperBound)] }
    }
}

/// One keyword-in-context line.
public struct KWICLine: Sendable, Hashable {
    /// The row the hit is in (`002_886ca11fc7c36e11#s3` or an article id).
    public var id: String
    /// The context before the match (possibly empty).
    public var left: String
    /// The words matched, as the text writes them.
    public var match: String
    /// The context after the match (possibly empty).
    public var right: String
}

/// Cuts snippets and KWIC lines out of a text around word hits.
enum Passages {
    /// Words of a snippet around its hits.
    static let snippetWords = 32

    /// The passage of about `snippetWords` words holding the most hits, with them marked;
    /// `within` limits it to a unit's words.
    static func snippet(_ text: String, tokens: TokenizedText, hits: [Range<Int>], within: Range<Int>) -> MarkedText {
        let lo = max(0, within.lowerBound), hi = min(tokens.count, within.upperBound)
        guard lo < hi else { return MarkedText(text: "", marks: []) }
        let inside = hits.filter { $0.lowerBound >= lo && $0.upperBound <= hi }
        var start = lo
        if hi - lo > snippetWords, let first = inside.first {
            // Slide the window to cover the most hits, starting a little before the first.
            var best = (count: -1, start: lo)
            for h in inside {
                let s = max(lo, min(h.lowerBound - 4, hi - snippetWords))
                let n = inside.filter { $0.lowerBound >= s && $0.upperBound <= s + snippetWords }.count
                if n > best.count { best = (n, s) }
            }
            start = best.count >= 0 ? best.start : max(lo, first.lowerBound - 4)
        }
        let end = min(hi, start + snippetWords)
        let byteStart = Int(tokens.starts[start]), byteEnd = Int(tokens.ends[end - 1])
        let bytes = Array(text.utf8)
        var passage = String(decoding: bytes[byteStart..<byteEnd], as: UTF8.self)
        var marks: [Range<Int>] = []
        let prefix = start > lo ? "…" : ""
        let offset = prefix.utf8.count - byteStart
        for h in inside where h.lowerBound >= start && h.upperBound <= end {
            marks.append((Int(tokens.starts[h.lowerBound]) + offset)..<(Int(tokens.ends[h.upperBound - 1]) + offset))
        }
        passage = prefix + passage + (end < hi ? "…" : "")
        return MarkedText(text: flatten(passage), marks: marks)
    }

    /// A KWIC line for one hit: context on each side within `within` words.
    static func kwic(_ text: String, tokens: TokenizedText, hit: Range<Int>, within: Range<Int>,
                     left: ContextWidth, right: ContextWidth, id: String) -> KWICLine {
        let bytes = Array(text.utf8)
        func slice(_ a: Int, _ b: Int) -> String { a < b ? flatten(String(decoding: bytes[a..<b], as: UTF8.self)) : "" }
        let lo = max(0, within.lowerBound), hi = min(tokens.count, within.upperBound)
        let matchStart = Int(tokens.starts[hit.lowerBound]), matchEnd = Int(tokens.ends[hit.upperBound - 1])
        let unitStart = Int(tokens.starts[lo]), unitEnd = Int(tokens.ends[hi - 1])
        var leftText: String, rightText: String
        switch left.unit {
        case .words:
            let from = max(lo, hit.lowerBound - left.count)
            leftText = slice(from < hit.lowerBound ? Int(tokens.starts[from]) : matchStart, matchStart)
        case .chars:
            let s = slice(unitStart, matchStart)
            leftText = String(s.suffix(left.count))
        }
        switch right.unit {
        case .words:
            let to = min(hi, hit.upperBound + right.count)
            rightText = slice(matchEnd, to > hit.upperBound ? Int(tokens.ends[to - 1]) : matchEnd)
        case .chars:
            let s = slice(matchEnd, unitEnd)
            rightText = String(s.prefix(right.count))
        }
        return KWICLine(id: id, left: leftText.trimmingSpaces(), match: slice(matchStart, matchEnd), right: rightText.trimmingSpaces())
    }

    /// Line breaks and tabs become spaces: a passage is one line.
    static func flatten(_ s: String) -> String {
        TerminalText.safe(s, lineBreaks: false)
    }
}
