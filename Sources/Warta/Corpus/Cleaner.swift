/// A line the cleaner removed, and the name of the rule that removed it.
public struct DroppedLine: Sendable, Equatable {
    /// The removed text: a whole line, or the part cut from a line (a
    /// promotional tail, a "Baca juga:," marker).
    public var line: String
    /// The `CleaningRule.name` that removed it.
    public var rule: String

    /// A record of `line` dropped by `rule`.
    public init(line: String, rule: String) {
        self.line = line
        self.rule = rule
    }
}

/// A scraped page reduced to its headline and body paragraphs.
public struct CleanedText: Sendable, Equatable {
    /// The headline; empty when none was looked for (`Cleaner.cleanBody`) or found.
    public var title: String
    /// The body paragraphs, in order, each trimmed, none empty.
    public var paragraphs: [String]
    /// What was removed, in the order it was found.
    public var dropped: [DroppedLine]

    /// A cleaned text with these parts.
    public init(title: String = "", paragraphs: [String] = [], dropped: [DroppedLine] = []) {
        self.title = title
        self.paragraphs = paragraphs
        self.dropped = dropped
    }

    /// The paragraphs joined by a blank line: `Article.text`.
    public var text: String { paragraphs.joined(separator: "\n\n") }
}

/// Turns scraped page text into a headline and body paragraphs by applying a
/// table of named rules (`CleaningRules`) line by line.
///
/// A line is a paragraph: scraped pages put one paragraph per line, and
/// blank lines carry no meaning beyond that.
public struct Cleaner: Sendable {
    /// The cleaner built from `CleaningRules.standard`.
    public static let standard = Cleaner(rules: CleaningRules.standard)

    /// The rules, in the order they are tried.
    public let rules: [CleaningRule]

    /// The rules compiled for matching. One reference, so copying a Cleaner
    /// (which closures over `self` do on every line) costs one retain.
    let compiled: CompiledRules

    var wholeLines: PhraseTable { compiled.wholeLines }
    var prefixes: PhraseTable { compiled.prefixes }
    var prefixMaxWords: [Int] { compiled.prefixMaxWords }
    var markers: PhraseTable { compiled.markers }
    var tails: PhraseTable { compiled.tails }
    var creditHeaders: PhraseTable { compiled.creditHeaders }
    /// Rule names by tag; a tag is the rule's index in `rules`.
    var names: [String] { compiled.names }
    var structures: StructureNames { compiled.structures }

    /// A cleaner applying `rules`.
    public init(rules: [CleaningRule]) {
        self.rules = rules
        self.compiled = CompiledRules(rules)
    }

    /// Raw scraped page text → headline and body paragraphs. The headline is
    /// the first line no rule drops (navigation before it is dropped); a
    /// Markdown `#` before it is removed.
    public func clean(raw: String) -> CleanedText {
        let lines = splitLines(raw)
        var out = CleanedText()
        var first = 0
        while first < lines.count {
            let line = lines[first].text
            if let rule = lineRule(line) {
                out.dropped.append(DroppedLine(line: String(line), rule: rule))
                first += 1
                continue
            }
            var title = line
            while title.hasPrefix("#") { title = title.dropFirst() }
            title = trimLine(title)
            // A first line of paragraph length is body text, not a headline:
            // some pages have none.
            if title.utf8.count <= 300, !title.isEmpty {
                out.title = String(title)
                first += 1
            }
            break
        }
        cleanLines(Array(lines[first...]), into: &out)
        return out
    }

    /// Body text whose title is known (JSON Lines, front matter): the same
    /// line rules, no headline detection.
    public func cleanBody(_ text: String) -> CleanedText {
        var out = CleanedText()
        cleanLines(splitLines(text), into: &out)
        return out
    }

    struct Line {
        var text: Substring
    }

    /// Splits at "\n", "\r\n" and "\r" by scanning bytes (splitting a
    /// String by Character is several times slower), trimming each line.
    func splitLines(_ text: String) -> [Line] {
        var lines: [Line] = []
        let u = text.utf8
        withUTF8Bytes(text) { s in
            var start = 0
            func flush(_ end: Int) {
                // Offsets into a native string's UTF-8 view map to indices in O(1).
                let lo = u.index(u.startIndex, offsetBy: start), hi = u.index(u.startIndex, offsetBy: end)
                let t = trimLine(text[lo..<hi])
                if !t.isEmpty { lines.append(Line(text: t)) }
            }
            var i = 0
            while i < s.count {
                let b = s[i]
                if b == 0x0A || b == 0x0D {
                    flush(i)
                    i += (b == 0x0D && i + 1 < s.count && s[i + 1] == 0x0A) ? 2 : 1
                    start = i
                } else {
                    i += 1
                }
            }
            flush(s.count)
        }
        return lines
    }

    /// The rules that look at one line alone and drop it whole: used for the
    /// lines before the headline.
    func lineRule(_ line: Substring) -> String? {
        withUTF8Bytes(line) { s in
            if let tag = wholeLineTag(s) { return names[tag] }
            if let name = structures[.fileName], isFileName(s) { return name }
            if let name = structures[.noWords], !hasWord(line) { return name }
            return nil
        }
    }

    func wholeLineTag(_ s: UnsafeBufferPointer<UInt8>) -> Int? {
        guard s.count <= 64, let m = wholeLines.match(s, at: 0) else { return nil }
        // Only trailing ":", ".", "…" and spaces may follow the phrase.
        var i = m.end
        while i < s.count {
            let b = s[i]
            if b == UInt8(ascii: ":") || b == UInt8(ascii: ".") || isSpaceByte(b) { i += 1; continue }
            if b == 0xE2, i + 2 < s.count, s[i + 1] == 0x80, s[i + 2] == 0xA6 { i += 3; continue }
            return nil
        }
        return m.tag
    }
}

/// A rule table compiled into phrase tables, shared by copies of a `Cleaner`.
final class CompiledRules: Sendable {
    let wholeLines: PhraseTable
    let prefixes: PhraseTable
    let prefixMaxWords: [Int]
    let markers: PhraseTable
    let tails: PhraseTable
    let creditHeaders: PhraseTable
    let names: [String]
    let structures: StructureNames

    init(_ rules: [CleaningRule]) {
        var wholeLines = PhraseTable(), prefixes = PhraseTable(), markers = PhraseTable()
        var tails = PhraseTable(), creditHeaders = PhraseTable()
        var maxWords = [Int](repeating: .max, count: rules.count)
        var structures = StructureNames()
        for (tag, rule) in rules.enumerated() {
            switch rule.kind {
            case .line(let ps): ps.forEach { wholeLines.add(Phrase($0), tag: tag) }
            case .prefix(let ps, let m):
                ps.forEach { prefixes.add(Phrase($0), tag: tag) }
                maxWords[tag] = m
            case .relatedMarker(let ps): ps.forEach { markers.add(Phrase($0), tag: tag) }
            case .tail(let ps): ps.forEach { tails.add(Phrase($0), tag: tag) }
            case .structure(let s):
                if structures[s] == nil { structures[s] = rule.name }
                if s == .photoCredit {
                    CleaningRules.photoCreditHeaders.forEach { creditHeaders.add(Phrase($0), tag: tag) }
                }
            }
        }
        self.wholeLines = wholeLines
        self.prefixes = prefixes
        self.prefixMaxWords = maxWords
        self.markers = markers
        self.tails = tails
        self.creditHeaders = creditHeaders
        self.names = rules.map(\.name)
        self.structures = structures
    }
}

/// The name of the rule that applies each structural check (nil: none does), looked up every
/// line: an array by the check's number, not a dictionary hashed each time.
struct StructureNames: Sendable {
    private var names = [String?](repeating: nil, count: 9)

    subscript(_ s: CleaningRule.Structure) -> String? {
        get { names[StructureNames.slot(s)] }
        set { names[StructureNames.slot(s)] = newValue }
    }

    private static func slot(_ s: CleaningRule.Structure) -> Int {
        switch s {
        case .repeatedLine: return 0
        case .fileName: return 1
        case .noWords: return 2
        case .photoCredit: return 3
        case .captionBeforeCredit: return 4
        case .relatedHeadline: return 5
        case .hashtagSlogan: return 6
        case .emptyQuotes: return 7
        case .trailingFragment: return 8
        }
    }
}
