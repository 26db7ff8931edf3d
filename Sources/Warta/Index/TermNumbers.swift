/// The id of each term an index builder has met, numbered in order of first
/// sight: an open-addressing table over the terms' UTF-8 bytes (FNV-1a),
/// the one lookup every word of the corpus goes through while it is indexed.
struct TermNumbers {
    /// Every term by its id.
    private(set) var terms: [String] = []
    /// Per slot: the id + 1 of the term there, 0 for none.
    private var slots: [UInt32] = Array(repeating: 0, count: 1 << 12)
    private var hashes: [UInt64] = []

    var count: Int { terms.count }

    /// The id of `term`, numbering it if it is new.
    @inline(__always)
    mutating func id(of term: String) -> UInt32 {
        let h = TermNumbers.hash(term)
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let s = slots[i]
            if s == 0 { break }
            let id = Int(s - 1)
            if hashes[id] == h && terms[id] == term { return UInt32(id) }
            i = (i + 1) & mask
        }
        let id = UInt32(terms.count)
        terms.append(term)
        hashes.append(h)
        slots[i] = id + 1
        if terms.count * 2 > slots.count { grow() }
        return id
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (id, h) in hashes.enumerated() {
            var i = Int(truncatingIfNeeded: h) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = UInt32(id + 1)
        }
    }

    @inline(__always)
    private static func hash(_ term: String) -> UInt64 {
        var term = term
        return term.withUTF8 { b in
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            for x in b { h = (h ^ UInt64(x)) &* 0x100_0000_01B3 }
            return h ^ (h >> 29)
        }
    }
}
