/// The id of each term an index builder has met, numbered in order of first
/// sight: an open-addressing table over the terms' UTF-8 bytes (FNV-1a),
/// the one lookup every word of the corpus goes through while it is indexed.
struct TermNumbers {
    /// Every term by its id.
    private(set) var terms: [String] = []
    /// Per slot: the high 32 bits of the term's hash, then its id + 1 (0 for
    /// an empty slot). The hash bits rule out nearly every other term without
    /// reading it: a probe touches this array and, once, the term's string.
    private var slots: [UInt64] = Array(repeating: 0, count: 1 << 12)

    var count: Int { terms.count }

    /// The id of `term`, numbering it if it is new.
    @inline(__always)
    mutating func id(of term: String) -> UInt32 {
        let (slot, tag, found) = probe(term)
        if let found { return found }
        let id = UInt32(terms.count)
        terms.append(term)
        slots[slot] = tag | UInt64(id + 1)
        if terms.count * 2 > slots.count { grow() }
        return id
    }

    /// The id of `term`, nil when it has none (nothing is numbered).
    @inline(__always)
    func existingID(of term: String) -> UInt32? { probe(term).id }

    /// Where `term` is in the table (its id), or the empty slot where it would go, with its hash's tag.
    @inline(__always)
    private func probe(_ term: String) -> (slot: Int, tag: UInt64, id: UInt32?) {
        let h = TermNumbers.hash(term)
        let tag = h & 0xFFFF_FFFF_0000_0000
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let s = slots[i]
            if s == 0 { return (i, tag, nil) }
            if s & 0xFFFF_FFFF_0000_0000 == tag {
                let id = Int(s & 0xFFFF_FFFF) - 1
                if terms[id] == term { return (i, tag, UInt32(id)) }
            }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        var bigger = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = bigger.count - 1
        for s in slots where s != 0 {
            let id = Int(s & 0xFFFF_FFFF) - 1
            var i = Int(truncatingIfNeeded: TermNumbers.hash(terms[id])) & mask
            while bigger[i] != 0 { i = (i + 1) & mask }
            bigger[i] = s
        }
        slots = bigger
    }

    @inline(__always)
    private static func hash(_ term: String) -> UInt64 {
        let h = FNV1a.hash(term)
        return h ^ (h >> 29)
    }
}
