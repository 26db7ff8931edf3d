import Foundation

/// A title or body stored as its words: the term of each word (the forward
/// index, which collocations and stories read anyway) and a *shape* that
/// gives back the exact bytes — the bytes between words, and how each word
/// is written when that is not simply its folded term. Indonesian news is
/// mostly lower-case words and single spaces, so the shape is a few bits a
/// word once deflated, and the text costs little more than its forward index.
///
/// The shape, per word, one byte: its low two bits say how the word is
/// written (0 as its term, 1 its term with the first letter in capitals
/// (ASCII), 2 its term in capitals (ASCII), 3 as bytes that follow), its high
/// six the bytes before it: 1 to 63 one of the `commonGaps` (a single space
/// for four words in five), 0 bytes that follow. Then the bytes before the
/// word when they follow (varint count and bytes), then the word's own when
/// it is written as bytes (the same). Then the bytes after the last word
/// (varint count and bytes).
enum WordCoding {
    static let asTerm: UInt8 = 0, capitalized: UInt8 = 1, upperCase: UInt8 = 2, literal: UInt8 = 3

    /// The bytes between two words that a shape names by number (gap k is numbered k + 1): a
    /// space, and the punctuation, line breaks and quotation marks of running text, most
    /// frequent first (measured on 1x CLICK-ID, where these are 99.5% of the gaps). Fixed by the
    /// index format (docs/index-format.md): a change is a new format version.
    static let commonGaps: [String] = [
        " ", ", ", ". ", ".\n\n", "-", " (", "", "/", ", \"", ") ", ".\n\n\"", " , ", ".", ",", ").\n\n", "), ",
        ". \"", ", \u{201D} ", ".\n\n\u{201C}", ": ", " \"", "\" ", "). ", ".\"\n\n", " '", "? ", " - ", ". \u{201C}", "% ",
        "' ", "; ", " [", "'", " \u{201C}", " & ", "?\n\n", ":", " @", "\u{201D} ", ", (", "! ", "\", ", " \u{2013} ",
        ". (", "\n", "\n\n", "\u{201D}", "\u{201C}", "\"", ".\u{201D}", ".\u{201D} ", "\u{2019}", "\n\n\u{201C}", "\n\n\"",
        ", \u{201C}", ": \u{201C}", ": \"", ":\n\n", "!\n\n", "...", " \u{2014} ", " / ",
    ]

    /// The common gaps' bytes one after another, in memory held for the life of the process;
    /// gap k is `gapBytes[gapStarts[k] ..< gapStarts[k + 1]]`.
    private static let gapBytes: UnsafeBufferPointer<UInt8> = {
        let bytes = commonGaps.flatMap { Array($0.utf8) }
        let held = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = held.initialize(from: bytes)
        return UnsafeBufferPointer(held)
    }()
    private static let gapStarts: [Int] = commonGaps.reduce(into: [0]) { $0.append($0.last! + $1.utf8.count) }

    /// The common gaps by their key (`gapKey`), in 256 slots: open addressing, 0 for an empty slot.
    private static let gapSlots: (keys: [UInt64], numbers: [UInt8]) = {
        var keys = [UInt64](repeating: 0, count: 256), numbers = [UInt8](repeating: 0, count: 256)
        for (k, gap) in commonGaps.enumerated() {
            let bytes = Array(gap.utf8)
            precondition(bytes.count <= 7 && k < 63)
            let key = bytes.withUnsafeBufferPointer { gapKey($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, bytes.count) }
            var slot = gapSlot(key)
            while keys[slot] != 0 { slot = (slot + 1) & 255 }
            keys[slot] = key
            numbers[slot] = UInt8(k + 1)
        }
        return (keys, numbers)
    }()

    /// Up to seven bytes and their count in one word (never 0).
    @inline(__always)
    private static func gapKey(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        var key = UInt64(n + 1) << 56
        for k in 0..<n { key |= UInt64(p[k]) << UInt64(8 * k) }
        return key
    }

    @inline(__always)
    private static func gapSlot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 56) }

    /// The number of the `n` bytes at `p` among the common gaps (1 to 63), 0 when they are none of them.
    @inline(__always)
    static func gapNumber(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt8 {
        if n == 1 && p[0] == 0x20 { return 1 }
        guard n <= 7 else { return 0 }
        let key = gapKey(p, n)
        return gapSlots.keys.withUnsafeBufferPointer { keys in
            var slot = gapSlot(key)
            while true {
                if keys[slot] == key { return gapSlots.numbers[slot] }
                if keys[slot] == 0 { return 0 }
                slot = (slot + 1) & 255
            }
        }
    }

    /// The bytes of common gap `number` (1 to 63), nil for another number.
    @inline(__always)
    static func gap(_ number: Int) -> UnsafeBufferPointer<UInt8>? {
        guard number >= 1 && number <= commonGaps.count else { return nil }
        return UnsafeBufferPointer(rebasing: gapBytes[gapStarts[number - 1]..<gapStarts[number]])
    }

    /// The shape of `text`, whose words are `words` (from `TokenizedText(text)`).
    static func shape(of text: String, words: TokenizedText) -> [UInt8] {
        var text = text
        return text.withUTF8 { bytes in
            let n = words.count
            // At most: each gap and word as a literal with its 10-byte count, and the bytes themselves.
            // Written into scratch memory, then copied to an array of just that size.
            let capacity = bytes.count + 21 * n + 10
            let out = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: capacity)
            defer { out.deallocate() }
            var at = 0
            do {
                @inline(__always) func varint(_ v: Int) {
                    var v = UInt(bitPattern: v)
                    while v >= 0x80 { out[at] = UInt8(truncatingIfNeeded: v) | 0x80; at += 1; v >>= 7 }
                    out[at] = UInt8(v)
                    at += 1
                }
                @inline(__always) func copy(_ from: Int, _ to: Int) {
                    if to > from { (out.baseAddress! + at).update(from: bytes.baseAddress! + from, count: to - from) }
                    at += to - from
                }
                var previous = 0
                for i in 0..<n {
                    let start = Int(words.starts[i]), end = Int(words.ends[i])
                    let how = i < words.hows.count ? words.hows[i]
                        : writing(UnsafeBufferPointer(rebasing: bytes[start..<end]), words.term(i))
                    let gap = gapNumber(bytes.baseAddress! + previous, start - previous)
                    out[at] = gap << 2 | how
                    at += 1
                    if gap == 0 {
                        varint(start - previous)
                        copy(previous, start)
                    }
                    if how == literal {
                        varint(end - start)
                        copy(start, end)
                    }
                    previous = end
                }
                varint(bytes.count - previous)
                copy(previous, bytes.count)
            }
            return Array(UnsafeBufferPointer(rebasing: out[..<at]))
        }
    }

    /// How `surface` is written with respect to its folded `term`.
    static func writing(_ surface: UnsafeBufferPointer<UInt8>, _ term: String) -> UInt8 {
        var term = term
        return term.withUTF8 { t in
            guard t.count == surface.count else { return literal }
            if t.isEmpty || memcmp(t.baseAddress!, surface.baseAddress!, t.count) == 0 { return asTerm }
            for how in [capitalized, upperCase] {
                var same = true
                for k in 0..<t.count where written(t[k], how, first: k == 0) != surface[k] {
                    same = false
                    break
                }
                if same { return how }
            }
            return literal
        }
    }

    /// A byte of a term as written in capitals (only ASCII letters change).
    @inline(__always)
    static func written(_ b: UInt8, _ how: UInt8, first: Bool) -> UInt8 {
        guard how == upperCase || (how == capitalized && first), b >= 0x61, b <= 0x7A else { return b }
        return b - 0x20
    }

    /// The text given back from its words (`count` term numbers read from
    /// `words`) and its shape, with each word's byte range; nil when the
    /// bytes do not decode.
    static func text(words: inout ByteReader, shape: inout ByteReader, spelling: Spelling) -> SpelledText? {
        let n = words.count()
        guard !words.failed else { return nil }
        var starts = [Int32](repeating: 0, count: n), ends = [Int32](repeating: 0, count: n)
        var text = TextBuffer(capacity: 2 * (shape.end - shape.position) + 8 * n)
        let terms = spelling.count
        let ok = spelling.slots.withUnsafeBufferPointer { slots in
            spelling.long.withUnsafeBufferPointer { long in
                starts.withUnsafeMutableBufferPointer { starts in
                    ends.withUnsafeMutableBufferPointer { ends in
                        for i in 0..<n {
                            let code = shape.u8()
                            guard !shape.failed else { return false }
                            if code >> 2 == 0 {
                                guard text.append(&shape) else { return false }
                            } else {
                                guard let gap = gap(Int(code >> 2)) else { return false }
                                text.append(gap)
                            }
                            let number = words.varint()
                            let how = code & 3
                            guard !words.failed, number < UInt64(terms) else { return false }
                            starts[i] = Int32(truncatingIfNeeded: text.count)
                            if how == literal {
                                guard text.append(&shape) else { return false }
                            } else {
                                spelling.withTerm(Int(number), slots: slots, long: long) { text.append($0, $1, how) }
                            }
                            ends[i] = Int32(truncatingIfNeeded: text.count)
                        }
                        return text.append(&shape)
                    }
                }
            }
        }
        defer { text.free() }
        return ok ? SpelledText(bytes: text.bytes, starts: starts, ends: ends) : nil
    }

    /// The byte range of each word of a text, from its shape and the byte
    /// length of each word's term (what the writer needs to tell an alias
    /// spelled as its words).
    static func wordRanges(shape: [UInt8], termLengths: [Int]) -> (starts: [Int32], ends: [Int32]) {
        var starts: [Int32] = [], ends: [Int32] = []
        starts.reserveCapacity(termLengths.count)
        ends.reserveCapacity(termLengths.count)
        shape.withUnsafeBytes { b in
            var r = ByteReader(b)
            var at = 0
            for length in termLengths {
                let code = r.u8()
                if code >> 2 == 0 {
                    let gap = r.count()
                    r.position += gap
                    at += gap
                } else {
                    at += gap(Int(code >> 2))?.count ?? 0
                }
                starts.append(Int32(at))
                if code & 3 == literal {
                    let k = r.count()
                    r.position += k
                    at += k
                } else {
                    at += length
                }
                ends.append(Int32(at))
            }
        }
        return (starts, ends)
    }
}

/// The bytes of a text being spelled, written through a pointer and grown
/// by doubling: a copy per word, no more.
private struct TextBuffer {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(64, capacity)
        base = .allocate(capacity: self.capacity)
    }

    func free() { base.deallocate() }

    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    @inline(__always)
    private mutating func reserve(_ k: Int) {
        guard count + k > capacity else { return }
        capacity = max(2 * capacity, count + k)
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        grown.update(from: base, count: count)
        base.deallocate()
        base = grown
    }

    /// Appends a varint-counted run of bytes read from `r`; false when it runs past the end.
    @inline(__always)
    mutating func append(_ r: inout ByteReader) -> Bool {
        let k = r.count()
        guard !r.failed else { return false }
        reserve(k)
        let from = (r.base + r.position).assumingMemoryBound(to: UInt8.self), to = base + count
        for j in 0..<k { to[j] = from[j] }
        count += k
        r.position += k
        return true
    }

    /// Appends bytes as they are.
    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        reserve(bytes.count)
        let to = base + count
        for j in 0..<bytes.count { to[j] = bytes[j] }
        count += bytes.count
    }

    /// Appends the `k` bytes of a term at `term`, written as `how` says.
    @inline(__always)
    mutating func append(_ term: UnsafePointer<UInt8>, _ k: Int, _ how: UInt8) {
        reserve(k)
        let to = base + count
        if how == WordCoding.asTerm {
            for j in 0..<k { to[j] = term[j] }
        } else {
            for j in 0..<k { to[j] = WordCoding.written(term[j], how, first: j == 0) }
        }
        count += k
    }
}

/// The shapes of an article's title and body (`WordCoding`), made while it
/// is analysed, where its words are at hand.
struct ArticleShape: Sendable {
    var title: [UInt8]
    var text: [UInt8]

    init(_ a: Article, title: TokenizedText, text: TokenizedText) {
        self.title = WordCoding.shape(of: a.title, words: title)
        self.text = WordCoding.shape(of: a.text, words: text)
    }

    /// The shapes of an article not analysed here.
    init(_ a: Article) {
        self.init(a, title: TokenizedText(a.title), text: TokenizedText(a.text))
    }
}
