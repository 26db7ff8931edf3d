import Foundation

/// What an index file keeps of each article, in blocks of consecutive
/// articles compressed together (docs/index-format.md, "Article blocks"):
/// the metadata record, the structure, and the title and body as their
/// words and shapes (`WordCoding`). The words are also the forward index
/// that collocations and stories read.
enum BlockStream: Int, CaseIterable {
    case record, structure, titleWords, titleShape, textWords, textShape

    /// The words and shape streams of a field.
    static func words(_ field: IndexedField) -> BlockStream { field == .title ? .titleWords : .textWords }
    static func shape(_ field: IndexedField) -> BlockStream { field == .title ? .titleShape : .textShape }
}

/// Groups the streams of each article into blocks and compresses them.
enum ArticleBlockWriter {
    /// A block is closed once its streams hold this many bytes: reading one
    /// article inflates at most about this much.
    static let targetSize = 64 * 1024

    /// The compressed blocks of `parts` (per article, one byte string per
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
        let blocks = parallelMap(ranges) { r -> [UInt8] in
            var w = ByteWriter()
            w.varint(r.count)
            for s in BlockStream.allCases { for d in r { w.varint(parts[d][s.rawValue].count) } }
            for s in BlockStream.allCases { for d in r { w.bytes += parts[d][s.rawValue] } }
            return Deflate.compress(w.bytes)
        }
        return (blocks, ranges.map { UInt32($0.lowerBound) } + [UInt32(parts.count)])
    }
}

/// One block inflated: its bytes and where each article's streams lie.
final class DecodedBlock: @unchecked Sendable {
    /// The first article of the block, and how many it holds.
    let first: Int, count: Int
    private let bytes: UnsafeMutableRawBufferPointer
    /// Stream s of the block's article i is `bytes[offsets[s * count + i] ..< offsets[s * count + i + 1]]`.
    private let offsets: [Int]

    /// The block of `raw` (inflated bytes), nil when its table of lengths does not add up.
    init?(_ raw: [UInt8], first: Int) {
        var offsets: [Int] = []
        var count = 0
        let ok = raw.withUnsafeBytes { b -> Bool in
            var r = ByteReader(b)
            count = r.count()
            let n = count * BlockStream.allCases.count
            guard n <= r.end - r.position else { return false }
            var lengths: [Int] = []
            lengths.reserveCapacity(n)
            for _ in 0..<n { lengths.append(r.count()) }
            guard !r.failed else { return false }
            offsets.reserveCapacity(n + 1)
            var at = r.position
            offsets.append(at)
            for l in lengths {
                at += l
                offsets.append(at)
            }
            return at == r.end
        }
        guard ok else { return nil }
        self.first = first
        self.count = count
        self.offsets = offsets
        bytes = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, raw.count), alignment: 8)
        raw.withUnsafeBytes { bytes.copyMemory(from: $0) }
    }

    deinit { bytes.deallocate() }

    /// A reader over stream `s` of the block's article `i` (valid while the block lives).
    func reader(_ i: Int, _ s: BlockStream) -> ByteReader {
        let k = s.rawValue * count + i
        return ByteReader(UnsafeRawBufferPointer(rebasing: bytes[offsets[k]..<offsets[k + 1]]))
    }
}

/// The article blocks of an index file, inflated when read; the last few
/// inflated blocks are kept (reads often walk the articles in order).
final class ArticleBlocks: @unchecked Sendable {
    let storage: IndexStorage
    let documentCount: Int
    private let records: RecordTable
    private let firsts: Lazy<ValueColumn<UInt32>>
    private let terms: RecordTable
    private let termsSound: Lazy<Bool>
    private let termOfNumber: Lazy<ValueColumn<UInt32>>
    private let lock = NSLock()
    private var recent: [DecodedBlock] = []
    static let kept = 8

    /// - Parameters:
    ///   - terms: the term dictionary, whose records the words spell.
    ///   - termOfNumber: the term id of each number the words use.
    init(storage: IndexStorage, documentCount: Int, blockCount: Int, terms: RecordTable, termOfNumber: Lazy<ValueColumn<UInt32>>) {
        self.storage = storage
        self.documentCount = documentCount
        records = RecordTable(storage, .articleBlocks, count: blockCount)
        firsts = Lazy({ ValueColumn<UInt32>.read(storage, .blockStarts, count: blockCount + 1) }, fallback: { .zeros(blockCount + 1) })
        self.terms = terms
        // Texts spell every word from the dictionary: it is verified once, not per word.
        termsSound = Lazy({ storage.verify(storage[.terms]) ? true : nil }, fallback: { false })
        self.termOfNumber = termOfNumber
    }

    /// The inflated block holding article `doc`, or nil when it is damaged (reported).
    func block(of doc: Int) -> DecodedBlock? {
        guard doc >= 0 && doc < documentCount else { return nil }
        lock.lock()
        if let b = recent.first(where: { doc >= $0.first && doc < $0.first + $0.count }) { lock.unlock(); return b }
        lock.unlock()
        let starts = firsts.value
        var lo = 0, hi = records.count  // the last block whose first article is at most doc
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if Int(starts[mid]) <= doc { lo = mid } else { hi = mid }
        }
        guard lo < records.count, let stored = records.record(lo) else { return nil }
        guard let raw = Deflate.decompress(stored), let block = DecodedBlock(raw, first: Int(starts[lo])),
              Int(starts[lo + 1]) - block.first == block.count, doc >= block.first, doc < block.first + block.count else {
            storage.report("is damaged (article block \(lo) does not decode)")
            return nil
        }
        lock.lock()
        recent.insert(block, at: 0)
        if recent.count > ArticleBlocks.kept { recent.removeLast() }
        lock.unlock()
        return block
    }

    /// Decodes stream `s` of article `doc` with `body`; `fallback` when damaged.
    func read<T>(_ doc: Int, _ s: BlockStream, fallback: T, _ body: (inout ByteReader) -> T?) -> T {
        guard let block = block(of: doc) else { return fallback }
        return withExtendedLifetime(block) {
            var r = block.reader(doc - block.first, s)
            guard let value = body(&r), !r.failed else {
                storage.report("is damaged (article \(doc) does not decode)")
                return fallback
            }
            return value
        }
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

    /// Article `doc` whole: its record, its structure aside.
    func article(_ doc: Int) -> Article? {
        guard let block = block(of: doc) else { return nil }
        let ids = termOfNumber.value
        guard termsSound.value else { return nil }
        return withExtendedLifetime(block) {
            let i = doc - block.first
            func field(_ f: IndexedField) -> String? {
                var words = block.reader(i, .words(f)), shape = block.reader(i, .shape(f))
                return WordCoding.text(words: &words, shape: &shape) { number in
                    guard number < UInt64(ids.count) else { return nil }
                    return terms.unverifiedRecord(Int(ids[Int(number)]))
                }
            }
            var r = block.reader(i, .record)
            guard let title = field(.title), let text = field(.text) else {
                storage.report("is damaged (the text of article \(doc) does not decode)")
                return nil
            }
            let a = Article.decode(&r, title: title, text: text)
            if r.failed {
                storage.report("is damaged (article \(doc) does not decode)")
                return nil
            }
            return a
        }
    }
}
