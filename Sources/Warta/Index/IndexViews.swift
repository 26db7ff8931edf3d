import Foundation

/// A value made on first use and kept; a value that could not be made
/// (its bytes are damaged) is not kept, so every later reader meets the
/// damage again rather than an empty stand-in.
final class Lazy<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var made: T?
    private let make: () -> T?
    private let fallback: () -> T

    init(_ make: @escaping () -> T?, fallback: @escaping () -> T) {
        self.make = make
        self.fallback = fallback
    }

    var value: T {
        lock.lock()
        if let v = made { lock.unlock(); return v }
        lock.unlock()
        guard let v = make() else { return fallback() }
        lock.lock()
        made = v
        lock.unlock()
        return v
    }
}

/// A fixed-width value stored little-endian in a column.
protocol ColumnValue {
    static var width: Int { get }
    static func load(_ base: UnsafeRawPointer, _ i: Int) -> Self
}

extension UInt32: ColumnValue {
    static var width: Int { 4 }
    @inline(__always) static func load(_ base: UnsafeRawPointer, _ i: Int) -> UInt32 {
        base.loadUnaligned(fromByteOffset: i &* 4, as: UInt32.self).littleEndian
    }
}

extension Int32: ColumnValue {
    static var width: Int { 4 }
    @inline(__always) static func load(_ base: UnsafeRawPointer, _ i: Int) -> Int32 {
        base.loadUnaligned(fromByteOffset: i &* 4, as: Int32.self).littleEndian
    }
}

/// Counts stored as UInt32, read as Int.
extension Int: ColumnValue {
    static var width: Int { 4 }
    @inline(__always) static func load(_ base: UnsafeRawPointer, _ i: Int) -> Int {
        Int(base.loadUnaligned(fromByteOffset: i &* 4, as: UInt32.self).littleEndian)
    }
}

/// One value per document or per term, read in place.
///
/// `Element` is constrained by the extensions, not by the type: `Lazy<ValueColumn<Int32>>`
/// is then made at open without the runtime looking up `Int32: ColumnValue` (a scan of
/// every conformance in the binary).
struct ValueColumn<Element>: @unchecked Sendable {
    fileprivate let base: UnsafeRawPointer
    let count: Int
    fileprivate let owner: AnyObject

    fileprivate init(base: UnsafeRawPointer, count: Int, owner: AnyObject) {
        self.base = base
        self.count = count
        self.owner = owner
    }
}

extension ValueColumn: Sequence, Collection, BidirectionalCollection, RandomAccessCollection where Element: ColumnValue {
    var startIndex: Int { 0 }
    var endIndex: Int { count }

    @inline(__always) subscript(i: Int) -> Element {
        precondition(i >= 0 && i < count, "column index out of range")
        return Element.load(base, i)
    }

    /// The column stored in `section`, verified; nil when damaged or too short.
    static func read(_ storage: IndexStorage, _ section: Section, count: Int) -> ValueColumn? {
        let r = storage[section]
        guard r.count >= count * Element.width else {
            storage.report("is damaged (section \(section) is too short)")
            return nil
        }
        guard storage.verify(r) else { return nil }
        return ValueColumn(base: storage.base + r.lowerBound, count: count, owner: storage)
    }

    /// `count` zeros: what a reader gets from a damaged column (the statement fails anyway).
    static func zeros(_ count: Int) -> ValueColumn {
        let buffer = ZeroBuffer(bytes: count * Element.width)
        return ValueColumn(base: UnsafeRawPointer(buffer.pointer), count: count, owner: buffer)
    }
}

private final class ZeroBuffer {
    let pointer: UnsafeMutableRawPointer
    init(bytes: Int) { pointer = calloc(max(1, bytes), 1)! }
    deinit { free(pointer) }
}

/// A section of variable-length records: the record count (u32), the width
/// of an offset (u32: 4, or 8 when the data passes 4 GiB), `count + 1`
/// offsets from the start of the data, the data. A record is verified when read.
struct RecordTable: @unchecked Sendable {
    let storage: IndexStorage
    let section: Section
    let count: Int
    private let start: Int
    private let width: Int
    private let data: Int
    private let end: Int

    init(_ storage: IndexStorage, _ section: Section, count: Int) {
        let r = storage[section]
        self.storage = storage
        self.section = section
        start = r.lowerBound + 8
        end = r.upperBound
        // The width is read unverified; a wrong one gives offsets that fail their bounds checks.
        let w = r.count >= 8 ? Int(storage.base.loadUnaligned(fromByteOffset: r.lowerBound + 4, as: UInt32.self).littleEndian) : 4
        width = w == 8 ? 8 : 4
        data = start + width * (count + 1)
        // A section too short for its offsets reads as empty (and reports it on first read).
        self.count = data <= end ? count : 0
        if data > end { storage.report("is damaged (section \(section) is too short)") }
    }

    @inline(__always)
    private func offset(_ at: Int) -> UInt64 {
        width == 4 ? UInt64(storage.base.loadUnaligned(fromByteOffset: at, as: UInt32.self).littleEndian)
                   : storage.base.loadUnaligned(fromByteOffset: at, as: UInt64.self).littleEndian
    }

    /// The bytes of record `i`, or nil when they are damaged.
    func record(_ i: Int) -> UnsafeRawBufferPointer? {
        guard let r = range(i), storage.verify(r) else { return nil }
        return storage.bytes(r)
    }

    /// Where record `i` lies in the file (its offsets verified, not its
    /// bytes), or nil when the offsets are damaged.
    func range(_ i: Int) -> Range<Int>? {
        guard i >= 0 && i < count else { return nil }
        let at = start + width * i
        guard storage.verify(at..<(at + 2 * width)) else { return nil }
        return bounds(at)
    }

    /// The bytes of record `i` of a section already verified whole, bounds checked only.
    func unverifiedRecord(_ i: Int) -> UnsafeRawBufferPointer? {
        guard i >= 0 && i < count, let r = bounds(start + width * i) else { return nil }
        return storage.bytes(r)
    }

    /// The record whose offset is stored at `at`, bounds checked.
    private func bounds(_ at: Int) -> Range<Int>? {
        let lo = offset(at), hi = offset(at + width)
        guard lo <= hi, hi <= UInt64(end - data) else {
            storage.report("is damaged (a record of section \(section) lies outside it)")
            return nil
        }
        return (data + Int(lo))..<(data + Int(hi))
    }

    /// The posting list of record `i`, its positions left in the file
    /// (see `PendingPositions`); empty, with the damage reported, when its
    /// bytes are damaged.
    func lazyPostings(_ i: Int) -> PostingList {
        guard let r = range(i) else { return PostingList() }
        guard let list = PostingList.decodeDocuments(storage, r) else {
            storage.report("is damaged (a record of section \(section) does not decode)")
            return PostingList()
        }
        return list
    }

    /// The length of record `i`, a posting list (its first varint); 0 when damaged.
    func postingCount(_ i: Int) -> Int {
        guard let r = range(i), storage.verify(r.lowerBound..<min(r.upperBound, r.lowerBound + 10)) else { return 0 }
        var reader = ByteReader(storage.bytes(r.lowerBound..<min(r.upperBound, r.lowerBound + 10)))
        let n = reader.varint()
        return reader.failed || n > UInt64(Int32.max) ? 0 : Int(n)
    }

    /// Adds the documents of record `i` (a posting list) to `set` without
    /// decoding the list into arrays; its length (0, with the damage
    /// reported, when its bytes are damaged).
    func insertDocuments(_ i: Int, into set: inout DocBits) -> Int {
        guard let r = range(i) else { return 0 }
        guard let n = PostingList.insertDocuments(storage, r, into: &set) else {
            storage.report("is damaged (a record of section \(section) does not decode)")
            return 0
        }
        return n
    }

    /// Decodes record `i` with `body`; `fallback` when the record is damaged
    /// or does not decode (reported as damage).
    func decode<T>(_ i: Int, fallback: T, _ body: (inout ByteReader) -> T) -> T {
        guard let bytes = record(i) else { return fallback }
        var r = ByteReader(bytes)
        let value = body(&r)
        if r.failed {
            storage.report("is damaged (a record of section \(section) does not decode)")
            return fallback
        }
        return value
    }

    /// Writes a record table: the count, the offset width, the offsets, then the records.
    static func write(_ records: [[UInt8]], into w: inout ByteWriter) {
        writeOffsets(of: records, into: &w)
        for r in records { w.bytes.append(contentsOf: r) }
    }

    /// Writes a record table's count, offset width and offsets; its records follow as they are.
    static func writeOffsets(of records: [[UInt8]], into w: inout ByteWriter) {
        var ends: [Int] = [], end = 0
        ends.reserveCapacity(records.count)
        for r in records { end += r.count; ends.append(end) }
        writeOffsets(ends, into: &w)
    }

    /// The count, the offset width (4 bytes, 8 past 4 GiB) and the offsets: 0, then where each record ends.
    private static func writeOffsets(_ ends: [Int], into w: inout ByteWriter) {
        let wide = (ends.last ?? 0) > Int(UInt32.max)
        w.u32(UInt32(ends.count))
        w.u32(wide ? 8 : 4)
        func put(_ v: Int) { if wide { w.u64(UInt64(v)) } else { w.u32(UInt32(v)) } }
        put(0)
        for e in ends { put(e) }
    }

    /// Records encoded on every core, a stretch of record numbers to a task,
    /// not yet written: their size is known before the table is.
    struct Stretches {
        let count: Int
        var parts: [(bytes: [UInt8], ends: [Int])]
        var size: Int { parts.reduce(0) { $0 + $1.bytes.count } }

        init(count: Int, encoding encode: @Sendable (Range<Int>) -> (bytes: [UInt8], ends: [Int])) {
            self.count = count
            let stretches = max(1, min(64, count / 256))
            let size = (count + stretches - 1) / stretches
            var parts = [(bytes: [UInt8], ends: [Int])](repeating: ([], []), count: stretches)
            parts.withUnsafeMutableBufferPointer { out in
                nonisolated(unsafe) let out = out
                DispatchQueue.concurrentPerform(iterations: stretches) { k in
                    let lo = min(count, k * size), hi = min(count, lo + size)
                    out[k] = encode(lo..<hi)
                }
            }
            self.parts = parts
        }
    }

    /// Writes a record table of records encoded in stretches.
    static func write(_ records: Stretches, into w: inout ByteWriter) {
        writeOffsets(of: records, into: &w)
        for p in records.parts { w.bytes.append(contentsOf: p.bytes) }
    }

    /// Writes the count, offset width and offsets of a table of records encoded in stretches;
    /// the stretches' bytes follow as they are.
    static func writeOffsets(of records: Stretches, into w: inout ByteWriter) {
        var ends: [Int] = [], base = 0
        ends.reserveCapacity(records.count)
        for p in records.parts {
            for e in p.ends { ends.append(base + e) }
            base += p.bytes.count
        }
        writeOffsets(ends, into: &w)
    }
}

/// Strings by number (terms, stems), read in place; the term dictionary
/// is sorted by UTF-8 bytes, so a term is found by binary search without
/// loading the dictionary.
struct StringTable: RandomAccessCollection, Sendable {
    let records: RecordTable

    var startIndex: Int { 0 }
    var endIndex: Int { records.count }

    subscript(i: Int) -> String {
        guard let b = records.record(i) else { return "" }
        return String(decoding: b, as: UTF8.self)
    }

    /// -1, 0, 1 as record `i` sorts before, equal to, after `key`.
    private func compare(_ i: Int, _ key: UnsafeBufferPointer<UInt8>, prefix: Bool) -> Int {
        guard let b = records.record(i) else { return -1 }
        let n = Swift.min(b.count, key.count)
        let c = n == 0 ? 0 : memcmp(b.baseAddress!, key.baseAddress!, n)
        if c != 0 { return c < 0 ? -1 : 1 }
        if prefix && b.count >= key.count { return 0 }
        return b.count < key.count ? -1 : (b.count == key.count ? 0 : 1)
    }

    /// The first record not sorting before `key`.
    private func lowerBound(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var lo = 0, hi = records.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if compare(mid, key, prefix: false) < 0 { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The number of `key` in a sorted table.
    func find(_ key: String) -> Int? {
        var key = key
        return key.withUTF8 { k in
            let i = lowerBound(k)
            return i < records.count && compare(i, k, prefix: false) == 0 ? i : nil
        }
    }

    /// The numbers of the strings starting with `prefix` in a sorted table.
    func range(withPrefix prefix: String) -> Range<Int> {
        var prefix = prefix
        return prefix.withUTF8 { k in
            let lo = lowerBound(k)
            var hi = lo
            while hi < records.count && compare(hi, k, prefix: true) == 0 { hi += 1 }
            return lo..<hi
        }
    }
}

/// Values by number, in sorted arrays: a `[Int: Value]` would have the runtime look up
/// `Int: Hashable` (a scan of every conformance in the binary) at the first statement of a
/// process. Holds what a session keeps of long posting lists: a few hundred entries.
struct ByNumber<Value> {
    private var keys: [Int] = []
    private var values: [Value] = []

    private func slot(_ key: Int) -> Int {
        var lo = 0, hi = keys.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if keys[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    subscript(key: Int) -> Value? {
        get {
            let i = slot(key)
            return i < keys.count && keys[i] == key ? values[i] : nil
        }
        set {
            let i = slot(key)
            let found = i < keys.count && keys[i] == key
            switch (found, newValue) {
            case (true, let v?): values[i] = v
            case (true, nil): keys.remove(at: i); values.remove(at: i)
            case (false, let v?): keys.insert(key, at: i); values.insert(v, at: i)
            case (false, nil): break
            }
        }
    }
}

/// Posting lists by term (or entity) number, decoded from their blocks on
/// first use; long lists stay decoded for the next statement.
final class PostingTable: @unchecked Sendable {
    let records: RecordTable
    private let lock = NSLock()
    private var cache = ByNumber<PostingList>()
    private var sets = ByNumber<DocBits>()
    /// Lists at least this long are kept decoded.
    static let cachedLength = 128

    init(_ records: RecordTable) { self.records = records }

    var count: Int { records.count }

    subscript(i: Int) -> PostingList {
        lock.lock()
        if let l = cache[i] { lock.unlock(); return l }
        lock.unlock()
        let list = records.lazyPostings(i)
        if list.count >= PostingTable.cachedLength {
            lock.lock()
            cache[i] = list
            lock.unlock()
        }
        return list
    }

    /// Adds the documents of list `i` to `set`: from the decoded list when
    /// there is one, else decoded straight into the set (a count never builds
    /// the list's arrays). A long list's own set is kept, like the lists, for
    /// the next statement.
    func insertDocuments(_ i: Int, into set: inout DocBits) {
        lock.lock()
        if let s = sets[i], s.capacity == set.capacity { lock.unlock(); set.formUnion(s); return }
        let decoded = cache[i]
        lock.unlock()
        let long = decoded.map { $0.count >= PostingTable.cachedLength } ?? (records.postingCount(i) >= PostingTable.cachedLength)
        guard long else {
            if let decoded { set.insert(contentsOf: decoded.docs) } else { _ = records.insertDocuments(i, into: &set) }
            return
        }
        var own = DocBits(capacity: set.capacity)
        if let decoded { own.insert(contentsOf: decoded.docs) } else { _ = records.insertDocuments(i, into: &own) }
        lock.lock()
        sets[i] = own
        lock.unlock()
        set.formUnion(own)
    }
}

/// The articles of a corpus, by ordinal, decoded when read (the block
/// holding an article is inflated, and kept for the next few reads).
public struct ArticleStore: RandomAccessCollection, Sendable {
    let blocks: ArticleBlocks

    public var startIndex: Int { 0 }
    public var endIndex: Int { blocks.documentCount }

    public subscript(i: Int) -> Article {
        blocks.article(i) ?? Article(id: "", title: "", text: "", raw: "")
    }

    /// Article `i`'s fields other than its title and text, read without spelling them.
    func metadata(_ i: Int) -> ArticleFields {
        blocks.metadata(i) ?? ArticleFields(id: "", date: nil, dates: [], source: nil, url: nil, lang: nil, fields: [:])
    }
}

/// The paragraphs, sentences, quotes and entity mentions of each article, decoded when read.
struct StructureStore: RandomAccessCollection, Sendable {
    let blocks: ArticleBlocks

    var startIndex: Int { 0 }
    var endIndex: Int { blocks.documentCount }

    subscript(i: Int) -> ArticleStructure {
        blocks.structure(i) ?? ArticleStructure()
    }
}

/// The root of each term, by term id: most roots are terms themselves
/// (a u32 term id), the others are strings of their own (the high bit set,
/// then their number in `otherStems`).
struct StemTable: Sendable {
    let terms: StringTable
    let others: StringTable
    let column: Lazy<ValueColumn<UInt32>>

    /// Marks a root that is not a term.
    static let other: UInt32 = 0x8000_0000

    subscript(i: Int) -> String {
        let c = column.value
        guard i >= 0 && i < c.count else { return "" }
        let v = c[i]
        return v & StemTable.other == 0 ? terms[Int(v)] : others[Int(v & ~StemTable.other)]
    }
}

/// The ordinal of each article id, found by binary search in the ids
/// section (sorted by UTF-8 bytes) without loading it.
struct OrdinalIndex: Sendable {
    let ids: FrontCodedStrings
    let ordinals: Lazy<ValueColumn<UInt32>>

    subscript(id: String) -> Int? {
        guard let k = ids.find(id) else { return nil }
        let column = ordinals.value
        return k < column.count ? Int(column[k]) : nil
    }

    /// The ordinals of the articles whose id equals `value` ignoring case, as `id = "…"`
    /// compares (`lowercased()`, then `==`), read from the ids section in one pass instead
    /// of decoding every article's id.
    func ordinals(ignoringCase value: String) -> [Int] {
        let lowered = value.lowercased()
        let key = Array(lowered.utf8)
        let asciiKey = key.allSatisfy { $0 < 0x80 }
        let numbers = ids.numbers(where: { b in
            // Both ASCII: equal when their bytes are, A-Z folded. Otherwise as Strings (`==`
            // is canonical equivalence: "\u{212A}" (Kelvin) equals "k" once lowercased).
            if asciiKey && b.allSatisfy({ $0 < 0x80 }) {
                guard b.count == key.count else { return false }
                for i in 0..<b.count {
                    let c = b[i] &- 0x41 < 26 ? b[i] | 0x20 : b[i]
                    if c != key[i] { return false }
                }
                return true
            }
            return String(decoding: b, as: UTF8.self).lowercased() == lowered
        })
        let column = ordinals.value
        return numbers.compactMap { $0 < column.count ? Int(column[$0]) : nil }
    }
}

/// Strings sorted by UTF-8 bytes (the article ids), front coded in groups:
/// record g of a record table holds strings 8g ..< 8g + 8, the first as a
/// string, each next as a varint count of the leading bytes it shares with
/// the one before and a string of the rest. Sorted ids share most of their
/// bytes with their neighbours (`clickid-kompas-00001-x3`), so most take a
/// few bytes; reading one decodes at most 8.
struct FrontCodedStrings: Sendable {
    static let groupSize = 8
    let records: RecordTable
    /// How many strings.
    let count: Int

    init(_ storage: IndexStorage, _ section: Section, count: Int) {
        records = RecordTable(storage, section, count: (count + Self.groupSize - 1) / Self.groupSize)
        self.count = records.count == 0 ? 0 : count
    }

    /// String `i`, or "" when it is damaged (reported).
    subscript(i: Int) -> String {
        guard i >= 0 && i < count else { return "" }
        return scan(i / Self.groupSize) { k, b in k == i % Self.groupSize ? String(decoding: b, as: UTF8.self) : nil } ?? ""
    }

    /// The number of `key`, by binary search over the groups' first strings.
    func find(_ key: String) -> Int? {
        let key = Array(key.utf8)
        var lo = 0, hi = records.count  // the last group whose first string is at most key
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            guard let c = scan(mid, { _, b in Self.compare(b, key) }) else { return nil }
            if c <= 0 { lo = mid } else { hi = mid }
        }
        let found = scan(lo) { k, b -> Int? in
            let c = Self.compare(b, key)
            return c == 0 ? lo * Self.groupSize + k : (c > 0 ? -1 : nil)
        }
        return found.flatMap { $0 >= 0 ? $0 : nil }
    }

    /// The numbers of the strings `match` accepts, reading every group once in order
    /// (a damaged group is reported, which fails the statement, and read as none).
    func numbers(where match: (UnsafeBufferPointer<UInt8>) -> Bool) -> [Int] {
        var out: [Int] = []
        for g in 0..<records.count {
            _ = scan(g) { k, b -> Void? in
                if match(b) { out.append(g * Self.groupSize + k) }
                return nil
            }
        }
        return out
    }

    /// -1, 0, 1 as `a` sorts before, equal to, after `b` (UTF-8 bytes).
    private static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: [UInt8]) -> Int {
        let n = Swift.min(a.count, b.count)
        let c = n == 0 ? 0 : memcmp(a.baseAddress!, b, n)
        if c != 0 { return c < 0 ? -1 : 1 }
        return a.count < b.count ? -1 : (a.count == b.count ? 0 : 1)
    }

    /// Decodes the strings of group `g` in order, calling `body` with each
    /// one's index in the group and bytes until it returns a value; nil
    /// when none does, or the group is damaged (reported).
    private func scan<T>(_ g: Int, _ body: (Int, UnsafeBufferPointer<UInt8>) -> T?) -> T? {
        guard let data = records.record(g) else { return nil }
        // No string of a group is longer than the group's bytes: each is made of suffixes written in it.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Swift.max(1, data.count)) { buffer -> T? in
            var r = ByteReader(data)
            var length = 0
            for k in 0..<Swift.min(Self.groupSize, count - g * Self.groupSize) {
                let shared = k == 0 ? 0 : r.int()
                let n = r.count()
                guard !r.failed, shared >= 0, shared <= length else {
                    records.storage.report("is damaged (a record of section \(records.section) does not decode)")
                    return nil
                }
                if n > 0 { memcpy(buffer.baseAddress! + shared, r.base + r.position, n) }
                length = shared + n
                r.position += n
                if let v = body(k, UnsafeBufferPointer(rebasing: buffer[0..<length])) { return v }
            }
            return nil
        }
    }

    /// Writes `sorted` front coded, as the record table of its groups.
    static func write(_ sorted: [[UInt8]], into w: inout ByteWriter) {
        let groups = stride(from: 0, to: sorted.count, by: groupSize).map { start -> [UInt8] in
            var g = ByteWriter()
            var previous: [UInt8] = []
            for (k, s) in sorted[start..<Swift.min(start + groupSize, sorted.count)].enumerated() {
                let shared = zip(previous, s).prefix { $0 == $1 }.count
                if k > 0 { g.varint(shared) }
                g.varint(s.count - shared)
                g.bytes += s[shared...]
                previous = s
            }
            return g.bytes
        }
        RecordTable.write(groups, into: &w)
    }
}
