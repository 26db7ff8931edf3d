import Foundation

/// A stretch of an article's body: its words, as positions in the `text`
/// field's postings, and its bytes in `Article.text`.
struct TextSpan: Sendable, Hashable {
    var tokens: Range<Int32>
    var bytes: Range<Int32>
}

/// A direct quotation found in an article.
struct QuoteSpan: Sendable, Hashable {
    var span: TextSpan
    var speaker: String?
}

/// Where an entity is mentioned: which field, which words, under which alias.
struct EntityOccurrence: Sendable, Hashable {
    var entity: Int32
    var field: IndexedField
    var tokens: Range<Int32>
    var alias: String
    /// Whether `alias` is the bytes of its words, when the analysis that found it says so
    /// (nil: not known, and an index file's writer finds it from the text). What the text
    /// already tells, kept to spare the writer a look: not part of what a mention is, so
    /// equality and hashing leave it out.
    var spelled: Bool? = nil

    /// Whether `alias` is the bytes of words `tokens` of a field (from the first's start to the
    /// last's end), its words lying at `starts[k] ..< ends[k]`: an index file then reads the
    /// alias back from the text rather than storing it.
    static func spells(_ alias: String, words tokens: Range<Int32>, starts: [Int32], ends: [Int32], in field: String) -> Bool {
        guard tokens.lowerBound >= 0, tokens.upperBound <= Int32(min(starts.count, ends.count)), !tokens.isEmpty else { return false }
        let lo = Int(starts[Int(tokens.lowerBound)]), hi = Int(ends[Int(tokens.upperBound) - 1])
        var field = field, alias = alias
        return field.withUTF8 { t in
            alias.withUTF8 { a in
                hi <= t.count && hi - lo == a.count && (a.isEmpty || memcmp(t.baseAddress! + lo, a.baseAddress!, a.count) == 0)
            }
        }
    }

    static func == (a: EntityOccurrence, b: EntityOccurrence) -> Bool {
        a.entity == b.entity && a.field == b.field && a.tokens == b.tokens && a.alias == b.alias
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(entity)
        hasher.combine(field)
        hasher.combine(tokens)
        hasher.combine(alias)
    }
}

/// The structure found in one article's body, in token positions, so that
/// paragraphs, sentences and quotes are answered from the same postings as
/// articles: a phrase is in a sentence when its positions fall in the
/// sentence's span.
struct ArticleStructure: Sendable {
    var paragraphs: [TextSpan] = []
    var sentences: [TextSpan] = []
    var quotes: [QuoteSpan] = []
    /// The entity mentions; read from an index file only when asked for
    /// (their aliases are spelled from the text, which a statement about
    /// sentences has no need of).
    var entities: [EntityOccurrence] {
        get { decoded?.value ?? given }
        set {
            given = newValue
            decoded = nil
        }
    }
    /// The mentions when given (a build): a plain array, nothing allocated beside it.
    private var given: [EntityOccurrence] = []
    /// Or what makes them when first read (an index file).
    private var decoded: Mentions?

    /// The structure with its mentions made by `decode` when first read.
    init(paragraphs: [TextSpan] = [], sentences: [TextSpan] = [], quotes: [QuoteSpan] = [],
         mentions decode: (@Sendable () -> [EntityOccurrence])? = nil) {
        self.paragraphs = paragraphs
        self.sentences = sentences
        self.quotes = quotes
        if let decode { decoded = Mentions(decode) }
    }

    /// Gives each mention the entity id `remap` has for its own, in place (no copy of the
    /// mentions when this structure alone holds them).
    mutating func renumberEntities(_ remap: [UInt32]) {
        if let decoded {
            given = decoded.value
            self.decoded = nil
        }
        for i in given.indices { given[i].entity = Int32(remap[Int(given[i].entity)]) }
    }

    func spans(of unit: Unit) -> [TextSpan] {
        switch unit {
        case .paragraphs: return paragraphs
        case .sentences: return sentences
        case .quotes: return quotes.map(\.span)
        default: return []
        }
    }
}

/// Entity mentions made once, on first read.
private final class Mentions: @unchecked Sendable {
    private let lock = NSLock()
    private var made: [EntityOccurrence]?
    private var make: (@Sendable () -> [EntityOccurrence])?

    init(_ make: @escaping @Sendable () -> [EntityOccurrence]) { self.make = make }

    var value: [EntityOccurrence] {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let v = make?() ?? []
        made = v
        make = nil
        return v
    }
}

/// The words of one text with their byte offsets.
///
/// A word's term is kept as its hash (`TermHash`), which holds a term of up to 16 bytes whole:
/// nearly every word makes no string of its own. The longer terms are kept as strings.
struct TokenizedText: Sendable {
    var starts: [Int32] = []
    var ends: [Int32] = []
    /// How each word is written with respect to its term (`WordCoding.writing`).
    var hows: [UInt8] = []
    /// Each term's hash for the term tables (`TermNumbers.hash`), made as it was folded.
    var hashes: [TermHash] = []
    /// The terms longer than 16 bytes, in word order, and the words they are the terms of.
    private(set) var longTerms: [String] = []
    private var longWords: [Int32] = []
    /// Whether a word was left out for folding to nothing: the words are then not
    /// all of the text's runs of letters and digits (`TextBytes.words`).
    var leftOut = false

    init(_ text: String) {
        // About one word per seven bytes of news text: few arrays grow more than once.
        let expected = text.utf8.count / 7 + 1
        // Filled as locals and stored at the end: the closure then appends to them without an
        // access check of `self` a word.
        var starts: [Int32] = [], ends: [Int32] = [], hows: [UInt8] = [], hashes: [TermHash] = []
        var longTerms: [String] = [], longWords: [Int32] = []
        var leftOut = false
        starts.reserveCapacity(expected)
        ends.reserveCapacity(expected)
        hows.reserveCapacity(expected)
        hashes.reserveCapacity(expected)
        var text = text
        text.withUTF8 { buf in
            Tokenizer.forEachToken(utf8: buf) { start, end, how, hash, long in
                if hash.length == 0 { leftOut = true; return }
                if let long {
                    longTerms.append(long)
                    longWords.append(Int32(hashes.count))
                }
                hashes.append(hash)
                starts.append(Int32(start))
                ends.append(Int32(end))
                hows.append(how)
            }
        }
        (self.starts, self.ends, self.hows, self.hashes) = (starts, ends, hows, hashes)
        (self.longTerms, self.longWords, self.leftOut) = (longTerms, longWords, leftOut)
    }

    /// How many words.
    var count: Int { hashes.count }

    /// The term of word `k`.
    func term(_ k: Int) -> String {
        if hashes[k].length <= 16 { return TermNumbers.term(of: hashes[k]) }
        let at = TokenizedText.first(in: longWords, from: 0) { $0 >= Int32(k) }
        return longTerms[at]
    }

    /// Every word's term, in order.
    var terms: [String] { (0..<count).map(term) }

    /// The words lying within a byte range.
    func tokens(in bytes: Range<Int>) -> Range<Int32> {
        // The first word that starts in the range; from there, the first that ends past it (the
        // ends rise with the starts). Both by binary search.
        let lo = TokenizedText.first(in: starts, from: 0) { $0 >= Int32(bytes.lowerBound) }
        let hi = TokenizedText.first(in: ends, from: lo) { $0 > Int32(bytes.upperBound) }
        return Int32(lo)..<Int32(hi)
    }

    /// The first index from `from` on whose value satisfies `isPast` (false up to some index, true
    /// from there on), `a.count` if none. Without a branch on the comparisons (selects): which way
    /// a search goes is unpredictable, and a mispredicted branch a step costs more than the step.
    @inline(__always)
    private static func first(in a: [Int32], from: Int, _ isPast: (Int32) -> Bool) -> Int {
        a.withUnsafeBufferPointer { a in
            var lo = from, count = a.count - from
            while count > 0 {
                let half = count >> 1
                let ahead = !isPast(a[lo + half])
                lo = ahead ? lo + half + 1 : lo
                count = ahead ? count - half - 1 : half
            }
            return lo
        }
    }
}

/// Byte ranges of the paragraphs of a cleaned body (separated by blank lines).
func paragraphRanges(_ text: String) -> [Range<Int>] {
    var out: [Range<Int>] = []
    var text = text
    text.withUTF8 { b in
        var start = 0
        var i = 0
        let n = b.count
        func flush(_ end: Int) {
            var s = start, e = end
            while s < e && (b[s] == 0x20 || b[s] == 0x0A || b[s] == 0x0D || b[s] == 0x09) { s += 1 }
            while e > s && (b[e - 1] == 0x20 || b[e - 1] == 0x0A || b[e - 1] == 0x0D || b[e - 1] == 0x09) { e -= 1 }
            if e > s { out.append(s..<e) }
        }
        while i < n {
            if b[i] == 0x0A, i + 1 < n, b[i + 1] == 0x0A {
                flush(i)
                while i < n && b[i] == 0x0A { i += 1 }
                start = i
                continue
            }
            i = skipUnflagged(b, from: i + 1) { ByteFlags.equal($0, 0x0A) }
        }
        flush(n)
    }
    return out
}
