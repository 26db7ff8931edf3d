import Foundation

/// The documents one term occurs in, within one field, with its positions.
///
/// Documents are ascending ordinals; `positions[positionStarts[i]..<positionStarts[i+1]]`
/// are the word positions of the term in `docs[i]`, ascending. Positions are
/// only read for documents that survive the document-level join.
public struct PostingList: Sendable {
    /// The documents, ascending ordinals.
    public private(set) var docs: [UInt32] = []
    /// How often the term occurs in each document of `docs`.
    public private(set) var freqs: [UInt32] = []
    private var starts: [UInt32] = [0]
    private var words: [UInt32] = []
    /// Positions still in the index file: decoded on first use, so that a
    /// count or a ranking (which read documents and frequencies only)
    /// never decodes them.
    private var pending: PendingPositions?

    /// Where the positions of each document start in `positions`, plus one entry past the last.
    public var positionStarts: [UInt32] { pending?.value.starts ?? starts }
    /// Word positions, ascending within each document.
    public var positions: [UInt32] { pending?.value.positions ?? words }

    /// An empty list.
    public init() {}

    /// A list already decoded (from an index file).
    init(docs: [UInt32], freqs: [UInt32], positionStarts: [UInt32], positions: [UInt32]) {
        self.docs = docs
        self.freqs = freqs
        self.starts = positionStarts
        self.words = positions
    }

    /// A list whose positions are decoded when first read.
    init(docs: [UInt32], freqs: [UInt32], pending: PendingPositions) {
        self.docs = docs
        self.freqs = freqs
        self.pending = pending
    }

    /// How many documents the term occurs in.
    public var count: Int { docs.count }

    /// Adds one occurrence; documents must arrive in ascending order.
    mutating func add(doc: UInt32, position: UInt32) {
        if let last = docs.last, last == doc {
            freqs[freqs.count - 1] += 1
        } else {
            docs.append(doc)
            freqs.append(1)
            starts.append(starts[starts.count - 1])
        }
        words.append(position)
        starts[starts.count - 1] += 1
    }

    /// Positions of the term in the document at index `i` of `docs`.
    @inline(__always)
    public func positions(at i: Int) -> ArraySlice<UInt32> {
        let all = positions, at = positionStarts
        return all[Int(at[i])..<Int(at[i + 1])]
    }
}

/// The positions of a posting list, left in the index file until a
/// statement first reads them (a phrase, `near`, a snippet): then verified
/// against their checksums, decoded once and kept with the list.
final class PendingPositions: @unchecked Sendable {
    private let storage: IndexStorage
    private let range: Range<Int>
    private let freqs: [UInt32]
    private let lock = NSLock()
    private var decoded: (starts: [UInt32], positions: [UInt32])?

    init(storage: IndexStorage, range: Range<Int>, freqs: [UInt32]) {
        self.storage = storage
        self.range = range
        self.freqs = freqs
    }

    /// The positions, decoded on first use; empty (and the damage reported,
    /// so the statement fails) when their bytes are damaged.
    var value: (starts: [UInt32], positions: [UInt32]) {
        lock.lock()
        defer { lock.unlock() }
        if let decoded { return decoded }
        var made: (starts: [UInt32], positions: [UInt32]) = ([UInt32](repeating: 0, count: freqs.count + 1), [])
        if storage.verify(range) {
            var r = ByteReader(storage.bytes(range))
            if let p = PostingList.decodePositions(&r, freqs: freqs) {
                made = p
            } else {
                storage.report("is damaged (a posting list's positions do not decode)")
            }
        }
        decoded = made
        return made
    }
}
