import Foundation

/// What an index file keeps of each article, in blocks of consecutive
/// articles (docs/index-format.md, "Article blocks"): the metadata record,
/// the structure, and the title and body as their words and shapes
/// (`WordCoding`). Each stream of a block is deflated on its own, so a
/// reader inflates only what it asks for: the words alone are the forward
/// index that collocations and stories read.
enum BlockStream: Int, CaseIterable {
    case record, structure, titleWords, titleShape, textWords, textShape

    /// The words and shape streams of a field.
    static func words(_ field: IndexedField) -> BlockStream { field == .title ? .titleWords : .textWords }
    static func shape(_ field: IndexedField) -> BlockStream { field == .title ? .titleShape : .textShape }

    /// The level each stream is deflated at (libdeflate; measured on 1x CLICK-ID). Words are
    /// numbers by frequency, nearly incompressible: the body's 10.67 MB deflate to 8.94 at level 1
    /// (8.86 at 9) in 57 ms, a sixth of all the deflating, and titles do not shrink at all; so they
    /// are stored (level 0: a copy, and no inflating when the forward index is read), which
    /// costs 1.7 MB of a 44.6 MB file, still under tantivy's. The fastest level does nearly as
    /// well as the best for the structure (4.51 MB at 1, 4.44 at 9) and the records (2.51 at 1,
    /// 2.44 at 6, in a third of the time); shapes, a byte a word, shrink most and are deflated
    /// at 1 as well.
    var level: Int32 {
        switch self {
        case .titleWords, .textWords: return 0
        case .record, .structure, .titleShape, .textShape: return 1
        }
    }
}

/// Groups the streams of each article into blocks and compresses them.
enum ArticleBlockWriter {
    /// A block is closed once its streams hold this many bytes: reading one
    /// article inflates at most about this much.
    static let targetSize = 64 * 1024

    /// The blocks of `parts` (per article, one byte string per
    /// `BlockStream`) and the first article of each block, then the article count.
    static func blocks(_ parts: [[[UInt8]]]) -> (blocks: [[UInt8]], firsts: [UInt32]) {
        var ranges: [Range<Int>] = []
        var start = 0, size = 0
        for (d, p) in parts.enumerated() {
            size += p.reduce(0) { $0 + $1.count }
            if size >= targetSize || d == parts.count - 1 {
                ranges.append(start..<(d + 1))
                start = d + 1
                size = 0
            }
        }
        // One task a block, its streams deflated one after another into it: no stream is
        // held compressed apart from its block.
        let streams = BlockStream.allCases.count
        var blocks = [[UInt8]](repeating: [], count: ranges.count)
        blocks.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let out = out
            DispatchQueue.concurrentPerform(iterations: ranges.count) { b in
                // The streams are gathered and compressed in two buffers made once a block, at the
                // largest stream's size: none grows step by step. (The block keeps what it holds
                // until the file is written, so it is not made bigger than it turns out.)
                let largest = (0..<streams).map { s in ranges[b].reduce(0) { $0 + parts[$1][s].count } }.max()!
                var block = ByteWriter(), raw = ByteWriter(), compressed: [UInt8] = []
                raw.bytes.reserveCapacity(largest + 8 * ranges[b].count)
                for s in 0..<streams {
                    raw.bytes.removeAll(keepingCapacity: true)
                    for d in ranges[b] { raw.varint(parts[d][s].count) }
                    for d in ranges[b] { raw.bytes += parts[d][s] }
                    Deflate.compress(raw.bytes, level: BlockStream(rawValue: s)!.level, into: &compressed)
                    block.varint(compressed.count)
                    block.bytes += compressed
                }
                out[b] = block.bytes
            }
        }
        return (blocks, ranges.map { UInt32($0.lowerBound) } + [UInt32(parts.count)])
    }
}

/// One stream of one block, inflated: its bytes and where each article's part lies.
final class DecodedStream: @unchecked Sendable {
    let block: Int, stream: BlockStream
    /// The first article of the block, and how many it holds.
    let first: Int, count: Int
    private let bytes: [UInt8]
    var size: Int { bytes.count }
    /// Article i's part is `bytes[offsets[i] ..< offsets[i + 1]]`.
    private let offsets: [Int]

    /// The stream of `raw` (inflated bytes), nil when its table of lengths does not add up.
    init?(_ raw: [UInt8], block: Int, stream: BlockStream, first: Int, count: Int) {
        var offsets: [Int] = []
        offsets.reserveCapacity(count + 1)
        let ok = raw.withUnsafeBytes { b -> Bool in
            var r = ByteReader(b)
            var lengths: [Int] = []
            lengths.reserveCapacity(count)
            for _ in 0..<count { lengths.append(r.count()) }
            guard !r.failed else { return false }
            var at = r.position
            offsets.append(at)
            for l in lengths {
                at += l
                offsets.append(at)
            }
            return at == r.end
        }
        guard ok else { return nil }
        self.block = block
        self.stream = stream
        self.first = first
        self.count = count
        self.offsets = offsets
        bytes = raw
    }

    /// Reads article `doc`'s part with `body`.
    func read<T>(_ doc: Int, _ body: (inout ByteReader) -> T) -> T {
        let i = doc - first
        return bytes.withUnsafeBytes { b in
            var r = ByteReader(UnsafeRawBufferPointer(rebasing: b[offsets[i]..<offsets[i + 1]]))
            return body(&r)
        }
    }
}

/// The article blocks of an index file, inflated a stream at a time when
/// read; the last few inflated streams are kept (reads often walk the
/// articles in order).
final class ArticleBlocks: @unchecked Sendable {
    let storage: IndexStorage
    let documentCount: Int
    private let records: RecordTable
    private let firsts: Lazy<ValueColumn<UInt32>>
    private let spelling: Lazy<Spelling>
    private let termOfNumber: Lazy<ValueColumn<UInt32>>
    private let inflated = InflatedStreams()
    private let duplicates: Lazy<DuplicateTable>, hasDuplicates: Bool
    /// Statements read an article or its structure several times in a row (a field at a time, a span at a time).
    private let articles = RecentValues<Article>(), structures = RecentValues<ArticleStructure>()

    /// - Parameters:
    ///   - terms: the term dictionary, whose records the words spell.
    ///   - termOfNumber: the term id of each number the words use.
    init(storage: IndexStorage, documentCount: Int, blockCount: Int, terms: RecordTable, termOfNumber: Lazy<ValueColumn<UInt32>>) {
        self.storage = storage
        self.documentCount = documentCount
        records = RecordTable(storage, .articleBlocks, count: blockCount)
        firsts = Lazy({ ValueColumn<UInt32>.read(storage, .blockStarts, count: blockCount + 1) }, fallback: { .zeros(blockCount + 1) })
        self.termOfNumber = termOfNumber
        spelling = Lazy({ Spelling(storage: storage, terms: terms, numbers: termOfNumber.value) }, fallback: { Spelling() })
        duplicates = Lazy({ DuplicateTable(storage) }, fallback: { DuplicateTable() })
        hasDuplicates = !storage[.duplicates].isEmpty
    }

    /// The article whose blocks hold stream `s` of article `doc`: for a
    /// duplicate's shared streams its first occurrence (which is never a
    /// duplicate itself: one more block at most), else `doc`.
    private func holder(_ doc: Int, _ s: BlockStream) -> Int {
        guard s != .record, hasDuplicates, let original = duplicates.value.original(of: doc) else { return doc }
        guard original < doc else {
            storage.report("is damaged (article \(doc) refers to article \(original))")
            return doc  // its own streams are empty and fail to decode
        }
        return original
    }

    /// Stream `s` of the block holding article `doc`, inflated, or nil when it is damaged (reported).
    private func stream(_ s: BlockStream, of doc: Int) -> DecodedStream? {
        guard doc >= 0 && doc < documentCount else { return nil }
        let starts = firsts.value
        var lo = 0, hi = records.count  // the last block whose first article is at most doc
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if Int(starts[mid]) <= doc { lo = mid } else { hi = mid }
        }
        if let hit = inflated.stream(s, block: lo), doc >= hit.first, doc < hit.first + hit.count { return hit }
        guard lo < records.count, let stored = records.record(lo) else { return nil }
        let first = Int(starts[lo]), count = Int(starts[lo + 1]) - Int(starts[lo])
        var r = ByteReader(stored)
        for _ in 0..<s.rawValue { r.position += r.count() }
        let n = r.count()
        guard !r.failed, doc >= first, doc < first + count,
              let raw = Deflate.decompress(UnsafeRawBufferPointer(rebasing: stored[r.position..<(r.position + n)])),
              let decoded = DecodedStream(raw, block: lo, stream: s, first: first, count: count) else {
            storage.report("is damaged (article block \(lo) does not decode)")
            return nil
        }
        inflated.keep(decoded)
        return decoded
    }

    /// Decodes stream `s` of article `doc` with `body`; `fallback` when damaged.
    func read<T>(_ doc: Int, _ s: BlockStream, fallback: T, _ body: (inout ByteReader) -> T?) -> T {
        let doc = holder(doc, s)
        guard let stream = stream(s, of: doc) else { return fallback }
        let value = stream.read(doc) { r -> T? in
            let v = body(&r)
            return r.failed ? nil : v
        }
        guard let value else {
            storage.report("is damaged (article \(doc) does not decode)")
            return fallback
        }
        return value
    }

    /// The words of a field of article `doc` as term ids, in order.
    func words(_ field: IndexedField, _ doc: Int) -> [UInt32] {
        let ids = termOfNumber.value
        return read(doc, .words(field), fallback: []) { r in
            let n = r.count()
            var out: [UInt32] = []
            out.reserveCapacity(n)
            for _ in 0..<n {
                let number = r.varint()
                guard number < UInt64(ids.count) else { return nil }
                out.append(ids[Int(number)])
            }
            return out
        }
    }

    /// A field of article `doc` spelled out, with the byte range of each word; nil when damaged.
    func spelled(_ field: IndexedField, _ doc: Int) -> SpelledText? {
        let doc = holder(doc, .words(field))
        guard let words = stream(.words(field), of: doc), let shape = stream(.shape(field), of: doc) else { return nil }
        let spelling = spelling.value
        let text = words.read(doc) { w in
            shape.read(doc) { s in WordCoding.text(words: &w, shape: &s, spelling: spelling) }
        }
        if text == nil { storage.report("is damaged (the \(field.name) of article \(doc) does not decode)") }
        return text
    }

    /// The fields of article `doc` other than its title and text (its
    /// record stream only), or nil when damaged.
    func metadata(_ doc: Int) -> ArticleFields? {
        if let known = articles[doc] {
            return ArticleFields(id: known.id, date: known.date, dates: known.dates, source: known.source,
                                   url: known.url, lang: known.lang, fields: known.fields)
        }
        return read(doc, .record, fallback: nil) { r in ArticleFields.decode(&r) }
    }

    /// Article `doc` whole, or nil when damaged.
    func article(_ doc: Int) -> Article? {
        if let known = articles[doc] { return known }
        guard let title = spelled(.title, doc), let text = spelled(.text, doc) else { return nil }
        let body = String(decoding: text.bytes, as: UTF8.self)
        let article = read(doc, .record, fallback: nil) { r in
            Article.decode(&r, title: String(decoding: title.bytes, as: UTF8.self), text: body)
        }
        if let article { articles[doc] = article }
        return article
    }

    /// The structure of article `doc`. Its entity mentions are decoded when
    /// first read; the aliases spelled as their words are read from the text then.
    func structure(_ doc: Int) -> ArticleStructure? {
        if let known = structures[doc] { return known }
        let structure = read(doc, .structure, fallback: nil) { r in
            ArticleStructure.decode(&r) { bytes in
                let kept = Array(bytes)
                // Weak: the structures kept by `structures` must not keep the blocks alive.
                return { [weak self] in
                    guard let self else { return [] }
                    return kept.withUnsafeBytes { b in
                        var r = ByteReader(b)
                        var fields: [IndexedField: SpelledText] = [:]
                        let mentions = ArticleStructure.decodeMentions(&r) { field, tokens in
                            if fields[field] == nil { fields[field] = self.spelled(field, doc) }
                            return fields[field]?.string(tokens)
                        }
                        if mentions == nil { self.storage.report("is damaged (the entity mentions of article \(doc) do not decode)") }
                        return mentions ?? []
                    }
                }
            }
        }
        if let structure { structures[doc] = structure }
        return structure
    }
}

/// The streams inflated lately, kept up to a budget of bytes: a statement
/// that walks the articles in order inflates each block once, and one that
/// jumps about (the members of stories) finds most of what it reads.
final class InflatedStreams: @unchecked Sendable {
    /// Inflated bytes kept at most (the whole of a corpus of 25,000 articles is about 50 MB).
    static let budget = 32 << 20
    private let lock = NSLock()
    private var entries: [Int: (stream: DecodedStream, used: Int)] = [:]
    private var bytes = 0
    private var clock = 0
    /// The stream last found, checked first: reads come in runs.
    private var last: DecodedStream?

    /// Stream `s` of block `block`, when kept.
    func stream(_ s: BlockStream, block: Int) -> DecodedStream? {
        lock.lock()
        defer { lock.unlock() }
        if let l = last, l.stream == s, l.block == block { return l }
        guard let e = entries[block * 8 + s.rawValue] else { return nil }
        clock += 1
        entries[block * 8 + s.rawValue]?.used = clock
        last = e.stream
        return e.stream
    }

    func keep(_ d: DecodedStream) {
        lock.lock()
        defer { lock.unlock() }
        clock += 1
        entries[d.block * 8 + d.stream.rawValue] = (d, clock)
        bytes += d.size
        last = d
        while bytes > InflatedStreams.budget, entries.count > 1,
              let oldest = entries.min(by: { $0.value.used < $1.value.used }) {
            bytes -= oldest.value.stream.size
            entries[oldest.key] = nil
        }
    }
}

/// The values decoded for the last few articles read, shared by threads.
final class RecentValues<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [(doc: Int, value: Value)] = []
    static var kept: Int { 32 }

    subscript(doc: Int) -> Value? {
        get {
            lock.lock()
            defer { lock.unlock() }
            return entries.first(where: { $0.doc == doc })?.value
        }
        set {
            guard let newValue else { return }
            lock.lock()
            entries.insert((doc, newValue), at: 0)
            if entries.count > RecentValues.kept { entries.removeLast() }
            lock.unlock()
        }
    }
}

/// The bytes of every term in the order the words number them, laid out
/// once per process, so spelling a text is a copy per word. A term takes a
/// 16-byte slot: its length and, when it fits (nearly always), its bytes,
/// so a word costs one cache line; a longer term's slot holds length 255,
/// then at byte 4 the u32 offset and at byte 8 the u32 length of its bytes
/// in `long`.
struct Spelling: Sendable {
    static let slot = 16
    private(set) var slots: [UInt8] = []
    private(set) var long: [UInt8] = []

    init() {}

    init?(storage: IndexStorage, terms: RecordTable, numbers: ValueColumn<UInt32>) {
        guard storage.verify(storage[.terms]) else { return nil }
        slots.reserveCapacity(Spelling.slot * numbers.count)
        for id in numbers {
            guard let t = terms.unverifiedRecord(Int(id)) else { return nil }
            append(t)
        }
    }

    /// How many terms it spells.
    var count: Int { slots.count / Spelling.slot }

    /// Adds the next term.
    mutating func append(_ term: UnsafeRawBufferPointer) {
        var slot = [UInt8](repeating: 0, count: Spelling.slot)
        if term.count < Spelling.slot {
            slot[0] = UInt8(term.count)
            for (k, b) in term.enumerated() { slot[1 + k] = b }
        } else {
            slot[0] = 255
            withUnsafeBytes(of: UInt32(long.count).littleEndian) { for k in 0..<4 { slot[4 + k] = $0[k] } }
            withUnsafeBytes(of: UInt32(term.count).littleEndian) { for k in 0..<4 { slot[8 + k] = $0[k] } }
            long += term
        }
        slots += slot
    }

    /// Calls `body` with the bytes of term number `n` (which must be below `count`).
    @inline(__always)
    func withTerm<T>(_ n: Int, slots: UnsafeBufferPointer<UInt8>, long: UnsafeBufferPointer<UInt8>,
                     _ body: (UnsafePointer<UInt8>, Int) -> T) -> T {
        let at = slots.baseAddress! + Spelling.slot * n
        if at[0] < 255 { return body(at + 1, Int(at[0])) }
        let raw = UnsafeRawPointer(at)
        let offset = Int(raw.loadUnaligned(fromByteOffset: 4, as: UInt32.self).littleEndian)
        let length = Int(raw.loadUnaligned(fromByteOffset: 8, as: UInt32.self).littleEndian)
        return body(long.baseAddress! + offset, length)
    }
}

/// A title or body given back from its words: its bytes and each word's range.
struct SpelledText {
    var bytes: [UInt8]
    var starts: [Int32]
    var ends: [Int32]

    /// The bytes of words `tokens`, from the first word's start to the last word's end.
    func string(_ tokens: Range<Int32>) -> String? {
        guard tokens.lowerBound >= 0, tokens.upperBound <= Int32(starts.count), !tokens.isEmpty else { return nil }
        let lo = Int(starts[Int(tokens.lowerBound)]), hi = Int(ends[Int(tokens.upperBound) - 1])
        return String(decoding: bytes[lo..<hi], as: UTF8.self)
    }
}
