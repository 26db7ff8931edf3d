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
    /// Where the positions of each document start in `positions`, plus one entry past the last.
    public private(set) var positionStarts: [UInt32] = [0]
    /// Word positions, ascending within each document.
    public private(set) var positions: [UInt32] = []

    /// An empty list.
    public init() {}

    /// A list already decoded (from an index file).
    init(docs: [UInt32], freqs: [UInt32], positionStarts: [UInt32], positions: [UInt32]) {
        self.docs = docs
        self.freqs = freqs
        self.positionStarts = positionStarts
        self.positions = positions
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
            positionStarts.append(positionStarts[positionStarts.count - 1])
        }
        positions.append(position)
        positionStarts[positionStarts.count - 1] += 1
    }

    /// Positions of the term in the document at index `i` of `docs`.
    @inline(__always)
    public func positions(at i: Int) -> ArraySlice<UInt32> {
        positions[Int(positionStarts[i])..<Int(positionStarts[i + 1])]
    }

    /// Appends a list whose documents, once shifted, all follow this one's.
    mutating func append(_ other: PostingList, shiftedBy shift: UInt32) {
        let base = positionStarts[positionStarts.count - 1]
        docs += other.docs.map { $0 + shift }
        freqs += other.freqs
        positionStarts += other.positionStarts.dropFirst().map { $0 + base }
        positions += other.positions
    }

    mutating func shrink() {
        docs = Array(docs)
        freqs = Array(freqs)
        positionStarts = Array(positionStarts)
        positions = Array(positions)
    }
}
