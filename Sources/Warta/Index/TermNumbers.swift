import CPrefetch

/// The id of each term an index builder has met, numbered in order of first
/// sight: an open-addressing table over the terms' UTF-8 bytes (FNV-1a),
/// the one lookup every word of the corpus goes through while it is indexed.
struct TermNumbers {
    /// Every term by its id.
    private(set) var terms: [String] = []
    /// Two words per slot. The first: the high 24 bits of the term's hash, its length in bytes
    /// (255 for longer) and its id + 1 (0 for an empty slot); the second: its first 8 bytes. A term
    /// of up to 8 bytes (most words) is found or ruled out by its slot alone; a longer one is
    /// compared with its string only when hash, length and first bytes all agree.
    private var slots: [UInt64] = Array(repeating: 0, count: 2 << 12)

    /// The hashes of the terms `appendIDs` is looking up.
    private var hashes: [Hashed] = []

    var count: Int { terms.count }

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
        let mask = slots.count / 2 - 1
        slots.withUnsafeBufferPointer { s in
            for w in words {
                let h = TermNumbers.hash(w)
                hashes.append(h)
                warta_prefetch(s.baseAddress! + 2 * (Int(truncatingIfNeeded: h.hash) & mask))
            }
        }
        for (k, w) in words.enumerated() { ids.append(id(of: w, hashes[k])) }
    }

    /// The id of `term`, whose hash is `hashed`, numbering it if it is new.
    @inline(__always)
    private mutating func id(of term: String, _ hashed: Hashed) -> UInt32 {
        let (slot, key, prefix, found) = probe(term, hashed)
        if let found { return found }
        let id = UInt32(terms.count)
        terms.append(term)
        slots[2 * slot] = key | UInt64(id + 1)
        slots[2 * slot + 1] = prefix
        if terms.count * 4 > slots.count { grow() }
        return id
    }

    /// The id of `term`, nil when it has none (nothing is numbered).
    @inline(__always)
    func existingID(of term: String) -> UInt32? { probe(term, TermNumbers.hash(term)).id }

    /// Where `term` is in the table (its id), or the empty slot where it would go, with its slot's words.
    @inline(__always)
    private func probe(_ term: String, _ hashed: Hashed) -> (slot: Int, key: UInt64, prefix: UInt64, id: UInt32?) {
        let (h, prefix, length) = hashed
        let key = h & 0xFFFF_FF00_0000_0000 | UInt64(min(length, 255)) << 32
        let mask = slots.count / 2 - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let s = slots[2 * i]
            if s == 0 { return (i, key, prefix, nil) }
            if s & 0xFFFF_FFFF_0000_0000 == key && slots[2 * i + 1] == prefix {
                let id = Int(s & 0xFFFF_FFFF) - 1
                if length <= 8 || terms[id] == term { return (i, key, prefix, UInt32(id)) }
            }
            i = (i + 1) & mask
        }
    }

    /// A term's FNV-1a hash, first 8 bytes and length (`hash(_:)`).
    private typealias Hashed = (hash: UInt64, prefix: UInt64, length: Int)

    private mutating func grow() {
        var bigger = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = bigger.count / 2 - 1
        for k in stride(from: 0, to: slots.count, by: 2) where slots[k] != 0 {
            let id = Int(slots[k] & 0xFFFF_FFFF) - 1
            var i = Int(truncatingIfNeeded: TermNumbers.hash(terms[id]).hash) & mask
            while bigger[2 * i] != 0 { i = (i + 1) & mask }
            bigger[2 * i] = slots[k]
            bigger[2 * i + 1] = slots[k + 1]
        }
        slots = bigger
    }

    /// FNV-1a of the term's bytes (its high bits mixed down), its first 8 bytes (little-endian,
    /// zeros after a shorter term's end) and its length, in one pass.
    @inline(__always)
    private static func hash(_ term: String) -> Hashed {
        var term = term
        return term.withUTF8 { b in
            var h: UInt64 = 0xCBF2_9CE4_8422_2325, prefix: UInt64 = 0
            for (k, x) in b.enumerated() {
                h = (h ^ UInt64(x)) &* 0x100_0000_01B3
                if k < 8 { prefix |= UInt64(x) << (8 * UInt64(k)) }
            }
            return (h ^ (h >> 29), prefix, b.count)
        }
    }
}
