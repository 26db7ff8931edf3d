import Foundation

/// How each record of an index file is encoded and decoded
/// (docs/index-format.md). Every decoder reads through `ByteReader`, which
/// never reads past the record.

extension PostingList {
    /// Documents in blocks of `blockLength`, each with a skip entry.
    static let blockLength = 128

    /// The list as a record: the document count; a skip table (per block
    /// of 128 documents, its last document and where its data starts, u32
    /// each); per block, the document gaps and the frequencies minus one,
    /// bit-packed at the block's width; then the positions of every
    /// document, gaps as varints.
    func encoded() -> [UInt8] {
        var w = ByteWriter()
        var scratch = PostingList.Scratch()
        encode(into: &w, scratch: &scratch)
        return w.bytes
    }

    /// Appends what `encoded()` gives.
    func encode(into w: inout ByteWriter, scratch: inout Scratch) {
        let positions = self.positions
        docs.withUnsafeBufferPointer { d in
            freqs.withUnsafeBufferPointer { f in
                positions.withUnsafeBufferPointer { p in PostingList.encode(docs: d, freqs: f, positions: p, into: &w, scratch: &scratch) }
            }
        }
    }

    /// The working arrays of `encode`, kept from one list to the next.
    struct Scratch {
        var skip = ByteWriter(), data = ByteWriter()
        var gaps = [UInt32](repeating: 0, count: PostingList.blockLength)
        var freqsMinusOne = [UInt32](repeating: 0, count: PostingList.blockLength)
    }

    /// Appends the record of a list given as its documents, their
    /// frequencies, and the positions of every document one after another
    /// (`freqs[i]` of them for document `i`).
    static func encode(docs: UnsafeBufferPointer<UInt32>, freqs: UnsafeBufferPointer<UInt32>, positions: UnsafeBufferPointer<UInt32>,
                       into w: inout ByteWriter, scratch: inout Scratch) {
        let n = docs.count
        w.varint(n)
        let blocks = (n + PostingList.blockLength - 1) / PostingList.blockLength
        scratch.data.bytes.removeAll(keepingCapacity: true)
        scratch.skip.bytes.removeAll(keepingCapacity: true)
        var previous: Int64 = -1
        for b in 0..<blocks {
            let lo = b * PostingList.blockLength, hi = min(n, lo + PostingList.blockLength)
            scratch.skip.u32(docs[hi - 1])
            scratch.skip.u32(UInt32(scratch.data.count))
            for i in lo..<hi {
                scratch.gaps[i - lo] = UInt32(Int64(docs[i]) - previous - 1)
                previous = Int64(docs[i])
                scratch.freqsMinusOne[i - lo] = freqs[i] - 1
            }
            let g = scratch.gaps[0..<(hi - lo)], f = scratch.freqsMinusOne[0..<(hi - lo)]
            let gb = bitWidth(g), fb = bitWidth(f)
            scratch.data.u8(UInt8(gb))
            scratch.data.pack(g, bits: gb)
            scratch.data.u8(UInt8(fb))
            scratch.data.pack(f, bits: fb)
        }
        w.bytes += scratch.skip.bytes
        w.bytes += scratch.data.bytes
        var at = 0
        for i in 0..<n {
            var last: UInt32 = 0
            for k in 0..<Int(freqs[i]) {
                let p = positions[at + k]
                w.varint(UInt64(k == 0 ? p : p - last))
                last = p
            }
            at += Int(freqs[i])
        }
    }

    /// Reads what `encoded()` wrote.
    static func decode(_ r: inout ByteReader) -> PostingList {
        guard let (docs, freqs) = decodeBlocks(&r), let (starts, positions) = decodePositions(&r, freqs: freqs) else {
            r.failed = true
            return PostingList()
        }
        return PostingList(docs: docs, freqs: freqs, positionStarts: starts, positions: positions)
    }

    /// The count, the skip table (skipped) and the blocks: the documents and
    /// their frequencies; nil when they do not decode.
    static func decodeBlocks(_ r: inout ByteReader) -> (docs: [UInt32], freqs: [UInt32])? {
        let n = r.listLength()
        let blocks = (n + blockLength - 1) / blockLength
        r.position += 8 * blocks  // the skip table: for cursors that jump; a whole decode has no use for it
        if r.failed || r.position > r.end { r.failed = true; return nil }
        // The gaps are unpacked into the documents' own array and summed in place; neither
        // array is zeroed first (every value is written, or the record is refused).
        var ok = true
        var docs: [UInt32] = []
        let freqs = [UInt32](unsafeUninitializedCapacity: n) { f, fCount in
            docs = [UInt32](unsafeUninitializedCapacity: n) { g, gCount in
                for b in 0..<blocks where ok {
                    let lo = b * blockLength, k = min(blockLength, n - lo)
                    r.unpack(k, bits: Int(r.u8()), writingTo: g.baseAddress! + lo)
                    r.unpack(k, bits: Int(r.u8()), writingTo: f.baseAddress! + lo)
                    ok = !r.failed
                }
                var previous: Int64 = -1
                for i in 0..<n where ok {
                    previous += Int64(g[i]) + 1
                    f[i] &+= 1
                    if previous > Int64(UInt32.max) { ok = false }
                    g[i] = UInt32(truncatingIfNeeded: previous)
                }
                gCount = ok ? n : 0
            }
            fCount = ok ? n : 0
        }
        guard ok else { r.failed = true; return nil }
        return (docs, freqs)
    }

    /// The positions part of a record (after the blocks): the starts of
    /// each document's positions and the positions; nil when it does not decode.
    static func decodePositions(_ r: inout ByteReader, freqs: [UInt32]) -> (starts: [UInt32], positions: [UInt32])? {
        var starts = [UInt32](repeating: 0, count: freqs.count + 1)
        var total: UInt64 = 0
        for (i, f) in freqs.enumerated() {
            total += UInt64(f)
            guard total <= UInt64(r.end - r.position) else { r.failed = true; return nil }
            starts[i + 1] = UInt32(total)
        }
        var positions = [UInt32](repeating: 0, count: Int(total))
        var p = 0
        for f in freqs {
            var last: UInt32 = 0
            for k in 0..<Int(f) {
                let v = UInt32(truncatingIfNeeded: r.varint())
                last = k == 0 ? v : last &+ v
                positions[p] = last
                p += 1
            }
        }
        return r.failed ? nil : (starts, positions)
    }

    /// Decodes the documents and frequencies of the record at `range` of
    /// `storage`, verifying only the bytes they lie in; the positions stay
    /// in the file until read. Nil when the bytes are damaged.
    static func decodeDocuments(_ storage: IndexStorage, _ range: Range<Int>) -> PostingList? {
        guard var blocksReader = verifiedBlocks(storage, range) else { return nil }
        guard let (docs, freqs) = decodeBlocks(&blocksReader) else { return nil }
        let positions = (range.lowerBound + blocksReader.position)..<range.upperBound
        return PostingList(docs: docs, freqs: freqs, pending: PendingPositions(storage: storage, range: positions, freqs: freqs))
    }

    /// A reader over the count, skip table and blocks of the record at
    /// `range` (not its positions), once the bytes they lie in are verified;
    /// nil when they are damaged.
    private static func verifiedBlocks(_ storage: IndexStorage, _ range: Range<Int>) -> ByteReader? {
        // The count and the skip table first: the last block's offset bounds the blocks' bytes.
        let head = range.lowerBound..<min(range.upperBound, range.lowerBound + 10)
        guard storage.verify(head) else { return nil }
        var r = ByteReader(storage.bytes(range))
        let n = r.listLength()
        let blocks = (n + blockLength - 1) / blockLength
        let skipEnd = r.position + 8 * blocks
        guard !r.failed, skipEnd <= range.count, storage.verify(range.lowerBound..<(range.lowerBound + skipEnd)) else { return nil }
        var lastBlock = 0
        if blocks > 0 {
            lastBlock = Int(r.base.loadUnaligned(fromByteOffset: skipEnd - 4, as: UInt32.self).littleEndian)
        }
        // A block holds two width bytes and at most 128 values of 32 bits twice.
        let blocksEnd = min(range.count, skipEnd + lastBlock + 2 + 2 * blockLength * 4)
        guard storage.verify(range.lowerBound..<(range.lowerBound + blocksEnd)) else { return nil }
        // Read only verified bytes.
        return ByteReader(storage.bytes(range.lowerBound..<(range.lowerBound + blocksEnd)))
    }

    /// Adds the documents of the record at `range` to `set`, decoding one
    /// block at a time into a buffer of 128 (no arrays as long as the list,
    /// frequencies stepped over). The list's length, or nil when its bytes are damaged.
    static func insertDocuments(_ storage: IndexStorage, _ range: Range<Int>, into set: inout DocBits) -> Int? {
        guard var r = verifiedBlocks(storage, range) else { return nil }
        let n = r.listLength()
        let blocks = (n + blockLength - 1) / blockLength
        r.position += 8 * blocks
        if r.failed || r.position > r.end { return nil }
        var previous: Int64 = -1
        let ok = withUnsafeTemporaryAllocation(of: UInt32.self, capacity: blockLength) { gaps -> Bool in
            for b in 0..<blocks {
                let k = min(blockLength, n - b * blockLength)
                r.unpack(k, bits: Int(r.u8()), writingTo: gaps.baseAddress!)
                let freqBits = Int(r.u8())
                r.position += (k * freqBits + 7) / 8
                if r.failed || r.position > r.end || freqBits > 32 { return false }
                for i in 0..<k {
                    previous += Int64(gaps[i]) + 1
                    guard previous < Int64(set.capacity) else { return false }
                    set.insert(Int(previous))
                }
            }
            return true
        }
        return ok ? n : nil
    }
}

extension Article {
    /// The article's record in its block: everything but the title and
    /// the text, which are stored as words (`WordCoding`); `raw` is left
    /// out when it equals `text`, else kept as pieces of it (`RawDelta`).
    func encodedRecord() -> [UInt8] {
        var w = ByteWriter()
        w.string(id)
        if raw == text { w.u8(0) } else { w.u8(1); RawDelta.encode(raw: raw, text: text, into: &w) }
        if let date { w.u8(1); w.varint(date.ordinal) } else { w.u8(0) }
        w.varint(dates.count)
        for d in dates { w.varint(d.ordinal) }
        w.optionalString(source)
        w.optionalString(url)
        w.optionalString(lang)
        w.varint(fields.count)
        for (k, v) in fields.sorted(by: { $0.key < $1.key }) {
            w.string(k)
            w.string(v)
        }
        return w.bytes
    }

    /// Reads what `encodedRecord()` wrote, with the title and text decoded from their words.
    static func decode(_ r: inout ByteReader, title: String, text: String) -> Article {
        let id = r.string()
        let raw = r.u8() == 0 ? text : RawDelta.decode(text: text, &r)
        let m = ArticleFields.decodeAfterRaw(&r, id: id)
        return Article(id: id, title: title, text: text, raw: raw, date: m.date, dates: m.dates, source: m.source, url: m.url,
                       lang: m.lang, fields: m.fields)
    }
}

/// An article's fields other than its title, text and raw text: what a
/// grouping, a filter on a column or a projection of metadata reads,
/// without spelling the text out of its words.
struct ArticleFields: Sendable {
    var id: String
    var date: Day?
    var dates: [Day]
    var source: String?
    var url: String?
    var lang: String?
    var fields: [String: String]

    /// Reads a record that `Article.encodedRecord()` wrote, stepping over the raw text.
    static func decode(_ r: inout ByteReader) -> ArticleFields {
        let id = r.string()
        if r.u8() != 0 { RawDelta.skip(&r) }
        return decodeAfterRaw(&r, id: id)
    }

    /// The fields that follow the raw text in a record.
    static func decodeAfterRaw(_ r: inout ByteReader, id: String) -> ArticleFields {
        let date = r.u8() == 0 ? nil : Day(ordinal: r.int32())
        var dates: [Day] = []
        for _ in 0..<r.count() { dates.append(Day(ordinal: r.int32())) }
        let source = r.optionalString(), url = r.optionalString(), lang = r.optionalString()
        var fields: [String: String] = [:]
        for _ in 0..<r.count() {
            let k = r.string()
            fields[k] = r.string()
        }
        return ArticleFields(id: id, date: date, dates: dates, source: source, url: url, lang: lang, fields: fields)
    }
}

/// The raw text of an article as pieces of its cleaned text and the bytes
/// cleaning took out: the raw text is mostly the cleaned one with other line
/// breaks and a few lines more, so it costs a few bytes a line, not a second copy.
enum RawDelta {
    /// A line shorter than this is written out rather than looked for.
    static let shortest = 8

    /// Ops: a varint count, then per op a byte 0 and a string (bytes written
    /// out), or a byte 1, a varint start and a varint length (bytes of the
    /// cleaned text).
    /// Steps over what `encode` wrote.
    static func skip(_ r: inout ByteReader) {
        for _ in 0..<r.count() {
            if r.u8() == 0 {
                r.position += r.count()
            } else {
                _ = r.varint()
                _ = r.varint()
            }
            if r.failed { return }
        }
    }

    static func encode(raw: String, text: String, into w: inout ByteWriter) {
        let r = Array(raw.utf8), t = Array(text.utf8)
        var ops = ByteWriter()
        var count = 0
        var literal: [UInt8] = []
        func flush() {
            guard !literal.isEmpty else { return }
            ops.u8(0)
            ops.varint(literal.count)
            ops.bytes += literal
            literal.removeAll(keepingCapacity: true)
            count += 1
        }
        var i = 0, cursor = 0
        while i < r.count {
            var lineEnd = i
            while lineEnd < r.count && r[lineEnd] != 0x0A { lineEnd += 1 }
            if lineEnd - i >= shortest, let p = find(r[i..<lineEnd], in: t, from: cursor) {
                var k = lineEnd - i
                while i + k < r.count && p + k < t.count && r[i + k] == t[p + k] { k += 1 }
                flush()
                ops.u8(1)
                ops.varint(p)
                ops.varint(k)
                count += 1
                i += k
                cursor = p + k
            } else {
                let end = min(r.count, lineEnd + 1)
                literal += r[i..<end]
                i = end
            }
        }
        flush()
        w.varint(count)
        w.bytes += ops.bytes
    }

    private static func find(_ needle: ArraySlice<UInt8>, in haystack: [UInt8], from start: Int) -> Int? {
        guard start + needle.count <= haystack.count else { return nil }
        return haystack.withUnsafeBytes { h -> Int? in
            needle.withUnsafeBytes { n -> Int? in
                // memchr to each candidate first byte, memcmp for the rest (glibc's memmem is not visible to Swift).
                let first = Int32(n[0]), last = h.count - n.count
                var p = start
                while p <= last {
                    guard let hit = memchr(h.baseAddress! + p, first, last - p + 1) else { return nil }
                    p = UnsafeRawPointer(hit) - h.baseAddress!
                    if memcmp(h.baseAddress! + p, n.baseAddress!, n.count) == 0 { return p }
                    p += 1
                }
                return nil
            }
        }
    }

    static func decode(text: String, _ r: inout ByteReader) -> String {
        var t = text
        return t.withUTF8 { tb in
            var out: [UInt8] = []
            out.reserveCapacity(tb.count + 256)
            for _ in 0..<r.count() {
                if r.u8() == 0 {
                    let n = r.count()
                    out += UnsafeRawBufferPointer(start: r.base + r.position, count: n)
                    r.position += n
                } else {
                    let start = r.int(), length = r.int()
                    guard start >= 0, length >= 0, start <= tb.count, length <= tb.count - start else { r.failed = true; return "" }
                    out += UnsafeBufferPointer(rebasing: tb[start..<(start + length)])
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}

/// Signed differences as varints: zigzag, so small negative ones stay small.
extension ByteWriter {
    mutating func delta(_ v: Int32, from previous: Int32) {
        let d = Int64(v) - Int64(previous)
        varint(UInt64(bitPattern: (d << 1) ^ (d >> 63)))
    }
}

extension ByteReader {
    mutating func delta(from previous: Int32) -> Int32 {
        let z = varint()
        let d = Int64(bitPattern: z >> 1) ^ -Int64(bitPattern: z & 1)
        return Int32(truncatingIfNeeded: Int64(previous) &+ d)
    }
}

extension TextSpan {
    /// First token and first byte as differences from the end of the span
    /// before (`previous`), then the lengths: spans follow one another, so
    /// most numbers take a byte.
    func encode(_ w: inout ByteWriter, after previous: inout TextSpan) {
        w.delta(tokens.lowerBound, from: previous.tokens.upperBound)
        w.delta(tokens.upperBound, from: tokens.lowerBound)
        w.delta(bytes.lowerBound, from: previous.bytes.upperBound)
        w.delta(bytes.upperBound, from: bytes.lowerBound)
        previous = self
    }

    static func decode(_ r: inout ByteReader, after previous: inout TextSpan) -> TextSpan {
        let t0 = r.delta(from: previous.tokens.upperBound)
        let t1 = r.delta(from: t0)
        let b0 = r.delta(from: previous.bytes.upperBound)
        let b1 = r.delta(from: b0)
        let span = TextSpan(tokens: t0..<max(t0, t1), bytes: b0..<max(b0, b1))
        previous = span
        return span
    }
}

extension ArticleStructure {
    /// Paragraphs, sentences and quotes as runs of spans (`TextSpan.encode`);
    /// a quote's optional speaker; per entity mention its entity, a byte of
    /// flags (1: in the title; 2: the alias is spelled as its words, and is
    /// read back from them), its first word (from the mention before) and
    /// end, and the alias unless flag 2.
    /// - Parameter spelled: whether a mention's alias is the bytes of its words.
    func encoded(spelled: (EntityOccurrence) -> Bool = { _ in false }) -> [UInt8] {
        var w = ByteWriter()
        for spans in [paragraphs, sentences] {
            w.varint(spans.count)
            var previous = TextSpan(tokens: 0..<0, bytes: 0..<0)
            for s in spans { s.encode(&w, after: &previous) }
        }
        w.varint(quotes.count)
        var previous = TextSpan(tokens: 0..<0, bytes: 0..<0)
        for q in quotes {
            q.span.encode(&w, after: &previous)
            w.optionalString(q.speaker)
        }
        w.varint(entities.count)
        var last: Int32 = 0
        for e in entities {
            let isSpelled = spelled(e)
            w.varint(e.entity)
            w.u8((e.field == .title ? 1 : 0) | (isSpelled ? 2 : 0))
            w.delta(e.tokens.lowerBound, from: last)
            w.delta(e.tokens.upperBound, from: e.tokens.lowerBound)
            if !isSpelled { w.string(e.alias) }
            last = e.tokens.lowerBound
        }
        return w.bytes
    }

    /// Reads what `encoded` wrote: the spans now, the entity mentions when
    /// first asked for (by `mentions`, given the bytes that hold them).
    static func decode(_ r: inout ByteReader,
                       mentions: (UnsafeRawBufferPointer) -> (@Sendable () -> [EntityOccurrence])) -> ArticleStructure {
        var previous = TextSpan(tokens: 0..<0, bytes: 0..<0)
        var paragraphs: [TextSpan] = [], sentences: [TextSpan] = [], quotes: [QuoteSpan] = []
        for _ in 0..<r.count() { paragraphs.append(TextSpan.decode(&r, after: &previous)) }
        previous = TextSpan(tokens: 0..<0, bytes: 0..<0)
        for _ in 0..<r.count() { sentences.append(TextSpan.decode(&r, after: &previous)) }
        previous = TextSpan(tokens: 0..<0, bytes: 0..<0)
        for _ in 0..<r.count() {
            let span = TextSpan.decode(&r, after: &previous)
            quotes.append(QuoteSpan(span: span, speaker: r.optionalString()))
        }
        let rest = UnsafeRawBufferPointer(start: r.base + r.position, count: max(0, r.end - r.position))
        r.position = r.end
        return ArticleStructure(paragraphs: paragraphs, sentences: sentences, quotes: quotes, mentions: mentions(rest))
    }

    /// The entity mentions `encoded` wrote last; nil when they do not decode.
    /// - Parameter spell: the bytes of the words of a field, for the aliases spelled as their words.
    static func decodeMentions(_ r: inout ByteReader, spell: (IndexedField, Range<Int32>) -> String?) -> [EntityOccurrence]? {
        var out: [EntityOccurrence] = []
        var last: Int32 = 0
        for _ in 0..<r.count() {
            let entity = r.int32()
            let flags = r.u8()
            let field: IndexedField = flags & 1 != 0 ? .title : .text
            let lo = r.delta(from: last), hi = r.delta(from: lo)
            last = lo
            let tokens = lo..<max(lo, hi)
            let alias: String
            if flags & 2 != 0 {
                guard let spelled = spell(field, tokens) else { return nil }
                alias = spelled
            } else {
                alias = r.string()
            }
            if r.failed { return nil }
            out.append(EntityOccurrence(entity: entity, field: field, tokens: tokens, alias: alias))
        }
        return r.failed || !r.atEnd ? nil : out
    }
}

extension EntityRecord {
    static func encode(_ entities: [EntityRecord]) -> [UInt8] {
        var w = ByteWriter()
        w.varint(entities.count)
        for e in entities {
            w.string(e.name)
            w.string(e.type)
            w.varint(e.aliases.count)
            for a in e.aliases { w.string(a) }
        }
        return w.bytes
    }

    static func decode(_ r: inout ByteReader) -> [EntityRecord] {
        var out: [EntityRecord] = []
        for _ in 0..<r.count() {
            let name = r.string(), type = r.string()
            var aliases: [String] = []
            for _ in 0..<r.count() { aliases.append(r.string()) }
            out.append(EntityRecord(name: name, type: type, aliases: aliases))
        }
        return out
    }
}

extension CopyDetector.Clusters {
    /// Per article, per paragraph: 0 for none, else 1 + the zigzag of its
    /// cluster − the last cluster written − 1 (clusters are numbered in
    /// article order, so mostly 1); per cluster its articles as gaps
    /// (article − previous − 1, the first from −1). docs/index-format.md, "copies".
    func encoded() -> [UInt8] {
        var w = ByteWriter()
        w.varint(clusterOf.count)
        var last: Int32 = -1
        for l in clusterOf {
            w.varint(l.count)
            for c in l {
                if c < 0 { w.varint(0); continue }
                let d = Int64(c) - Int64(last) - 1
                w.varint(1 + UInt64(bitPattern: (d << 1) ^ (d >> 63)))
                last = c
            }
        }
        w.varint(articles.count)
        for l in articles {
            w.varint(l.count)
            var previous: Int32 = -1
            for d in l {
                w.varint(Int(d - previous - 1))
                previous = d
            }
        }
        return w.bytes
    }

    static func decode(_ r: inout ByteReader) -> CopyDetector.Clusters {
        var clusterOf: [[Int32]] = []
        var last: Int32 = -1
        for _ in 0..<r.count() {
            var l: [Int32] = []
            for _ in 0..<r.count() {
                let v = r.varint()
                guard v > 0 else { l.append(-1); continue }
                let z = v - 1
                last = last &+ 1 &+ Int32(truncatingIfNeeded: Int64(bitPattern: z >> 1) ^ -Int64(bitPattern: z & 1))
                l.append(last)
            }
            clusterOf.append(l)
        }
        var articles: [[Int32]] = []
        for _ in 0..<r.count() {
            var l: [Int32] = []
            var previous: Int32 = -1
            for _ in 0..<r.count() {
                previous = previous &+ 1 &+ Int32(truncatingIfNeeded: r.varint())
                l.append(previous)
            }
            articles.append(l)
        }
        return CopyDetector.Clusters(clusterOf: clusterOf, articles: articles)
    }
}

extension LoadWarning {
    static func encode(_ warnings: [LoadWarning]) -> [UInt8] {
        var w = ByteWriter()
        w.varint(warnings.count)
        for x in warnings {
            w.string(x.file)
            w.varint(x.line.map { $0 + 1 } ?? 0)
            w.string(x.reason)
        }
        return w.bytes
    }

    static func decode(_ r: inout ByteReader) -> [LoadWarning] {
        var out: [LoadWarning] = []
        for _ in 0..<r.count() {
            let file = r.string(), line = r.int()
            out.append(LoadWarning(file: file, line: line == 0 ? nil : line - 1, reason: r.string()))
        }
        return out
    }
}
