import CPrefetch

/// The id of each term an index builder has met, numbered in order of first
/// sight: an open-addressing table over the terms' UTF-8 bytes (FNV-1a),
/// the one lookup every word of the corpus goes through while it is indexed.
struct TermNumbers {
    /// Every term by its id.
    private(set) var terms: [String] = []
    /// Words per slot (`slots`).
    private static let width = 3
    /// Three words per slot. The first: the high 24 bits of the term's hash, its length in bytes
    /// (255 for longer) and its id + 1 (0 for an empty slot); the second: its first 8 bytes; the
    /// third: its next 8. A term of up to 16 bytes (nearly every word: Indonesian words are often
    /// longer than 8) is found or ruled out by its slot alone; a longer one is compared with its
    /// string (a read of the terms array, most often a cache miss) only when all those agree.
    private var slots: [UInt64] = Array(repeating: 0, count: width << 12)

    /// The hashes of the terms `appendIDs` is looking up.
    private var hashes: [Hashed] = []

    var count: Int { terms.count }

    /// How many slots the table has (a power of two).
    private var slotCount: Int { slots.count / TermNumbers.width }

    /// The id of `term`, numbering it if it is new.
    @inline(__always)
    mutating func id(of term: String) -> UInt32 { id(of: term, TermNumbers.hash(term)) }

    /// Appends the ids of `words` to `ids`, numbering the new ones in order.
    ///
    /// The table is megabytes, so a rare word's slot is a cache miss, and one lookup
    /// after another would wait for each in turn. All the words are hashed first and
    /// their slots asked for at once (prefetched), so the misses overlap; then each is
    /// looked up. The ids are those `id(of:)` would give, one word after another.
    mutating func appendIDs(of words: [String], to ids: inout [UInt32]) {
        hashes.removeAll(keepingCapacity: true)
        let mask = slotCount - 1
        slots.withUnsafeBufferPointer { s in
            for w in words {
                let h = TermNumbers.hash(w)
                hashes.append(h)
                // A slot may straddle two cache lines: both are asked for.
                let slot = s.baseAddress! + TermNumbers.width * (Int(truncatingIfNeeded: h.hash) & mask)
                warta_prefetch(slot)
                warta_prefetch(slot + TermNumbers.width - 1)
            }
        }
        for (k, w) in words.enumerated() { ids.append(id(of: w, hashes[k])) }
    }

    /// The id of `term`, whose hash is `hashed`, numbering it if it is new.
    @inline(__always)
    private mutating func id(of term: String, _ hashed: Hashed) -> UInt32 {
        let (slot, key, found) = probe(term, hashed)
        if let found { return found }
        let id = UInt32(terms.count)
        terms.append(term)
        let at = TermNumbers.width * slot
        slots[at] = key | UInt64(id + 1)
        slots[at + 1] = hashed.prefix
        slots[at + 2] = hashed.rest
        if terms.count * 2 > slotCount { grow() }
        return id
    }

    /// The id of `term`, nil when it has none (nothing is numbered).
    @inline(__always)
    func existingID(of term: String) -> UInt32? { probe(term, TermNumbers.hash(term)).id }

    /// Where `term` is in the table (its id), or the empty slot where it would go, with its slot's first word.
    @inline(__always)
    private func probe(_ term: String, _ hashed: Hashed) -> (slot: Int, key: UInt64, id: UInt32?) {
        let (h, prefix, rest, length) = hashed
        let key = h & 0xFFFF_FF00_0000_0000 | UInt64(min(length, 255)) << 32
        let mask = slotCount - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let at = TermNumbers.width * i
            let s = slots[at]
            if s == 0 { return (i, key, nil) }
            if s & 0xFFFF_FFFF_0000_0000 == key && slots[at + 1] == prefix && slots[at + 2] == rest {
                let id = Int(s & 0xFFFF_FFFF) - 1
                if length <= 16 || terms[id] == term { return (i, key, UInt32(id)) }
            }
            i = (i + 1) & mask
        }
    }

    /// A term's FNV-1a hash, first 8 bytes, next 8 bytes and length (`hash(_:)`).
    private typealias Hashed = (hash: UInt64, prefix: UInt64, rest: UInt64, length: Int)

    private mutating func grow() {
        let width = TermNumbers.width
        var bigger = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = bigger.count / width - 1
        for k in stride(from: 0, to: slots.count, by: width) where slots[k] != 0 {
            let id = Int(slots[k] & 0xFFFF_FFFF) - 1
            var i = Int(truncatingIfNeeded: TermNumbers.hash(terms[id]).hash) & mask
            while bigger[width * i] != 0 { i = (i + 1) & mask }
            for w in 0..<width { bigger[width * i + w] = slots[k + w] }
        }
        slots = bigger
    }

    /// FNV-1a of the term's bytes (its high bits mixed down), its first 8 bytes and its next 8
    /// (little-endian, zeros after a shorter term's end) and its length, in one pass.
    @inline(__always)
    private static func hash(_ term: String) -> Hashed {
        var term = term
        return term.withUTF8 { b in
            var h: UInt64 = 0xCBF2_9CE4_8422_2325, prefix: UInt64 = 0, rest: UInt64 = 0
            for (k, x) in b.enumerated() {
                h = (h ^ UInt64(x)) &* 0x100_0000_01B3
                if k < 8 { prefix |= UInt64(x) << (8 * UInt64(k)) } else if k < 16 { rest |= UInt64(x) << (8 * UInt64(k - 8)) }
            }
            return (h ^ (h >> 29), prefix, rest, b.count)
        }
    }
}
