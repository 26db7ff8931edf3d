/// Documents where words occur consecutively (a phrase), or two phrases occur
/// within a window of each other (`near`), in one field.
///
/// The approximation is the conjunction of the words' posting lists; the
/// positions are read only in `matches()`, for documents that survived it.
/// Each word is a *slot* that may hold several terms (a prefix `kunjung*`
/// expands to every indexed term starting with it).
final class PhraseIterator: FilteringIterator {
    let slots: [[PostingIterator]]
    /// For `near`: slots `0..<split` are the first phrase, the rest the second.
    let near: (split: Int, gap: Int)?

    init(slots: [[PostingIterator]], near: (split: Int, gap: Int)? = nil) {
        self.slots = slots
        self.near = near
        let perSlot: [DocIterator] = slots.map { $0.count == 1 ? $0[0] : DisjunctionIterator($0) }
        super.init(approximation: perSlot.count == 1 ? perSlot[0] : ConjunctionIterator(perSlot))
    }

    override func matches() -> Bool {
        guard approximation.matches() else { return false }
        // A one-word phrase needs no positions.
        if slots.count == 1 { return true }
        if slots.allSatisfy({ $0.count == 1 }) {
            if near == nil { return phraseOccurs() }
            if let near, near.split == 1, slots.count == 2 { return pairOccurs(gap: near.gap) }
        }
        return occurrences(limit: 1) > 0
    }

    /// Whether two words occur within `gap` words of each other, either
    /// order, in the current document (`near` of two single words).
    private func pairOccurs(gap: Int) -> Bool {
        slots[0][0].positions.withUnsafeBufferPointer { a in
            slots[1][0].positions.withUnsafeBufferPointer { b in PhraseJoin.within(a, b, gap: gap) }
        }
    }

    /// Whether the phrase occurs in the current document, when every slot
    /// is one term: walks the position lists in place (the common case, kept
    /// free of allocations).
    private func phraseOccurs() -> Bool {
        let lists = slots.map { $0[0].positions }
        return PositionViews.with(lists[...], []) { views in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: views.count) { at in
                PhraseJoin.consecutive(slots: views.count, at) { views[$0] }
            }
        }
    }

    /// Occurrences in the current document, counting at most `limit`.
    func occurrences(limit: Int = .max) -> Int {
        if slots.count == 1 && near == nil {
            var n = 0
            for it in slots[0] where it.doc == doc { n += it.frequency }
            return min(n, limit)
        }
        return spans(limit: limit).count
    }

    /// The word positions each occurrence covers in the current document, in
    /// order (for `near`, from the first word of the pair to the last).
    func spans(limit: Int = .max) -> [Range<Int>] {
        let positions = slots.map(slotPositions)
        if let near {
            let a = phraseStarts(Array(positions[0..<near.split]))
            let b = phraseStarts(Array(positions[near.split...]))
            let la = near.split, lb = slots.count - near.split
            var out: [Range<Int>] = []
            for p in a {
                // Either order, at most `gap` other words in between.
                if let q = b.first(where: { q in
                    q >= p ? q - (p + la) <= near.gap && q >= p + la
                           : p - (q + lb) <= near.gap && p >= q + lb
                }) {
                    out.append(min(p, q)..<max(p + la, q + lb))
                    if out.count >= limit { break }
                }
            }
            return out
        }
        let n = slots.count
        return phraseStarts(positions).prefix(limit).map { $0..<($0 + n) }
    }

    private func slotPositions(_ slot: [PostingIterator]) -> [Int] {
        var out: [Int] = []
        var sources = 0
        for it in slot where it.doc == doc {
            sources += 1
            for p in it.positions { out.append(Int(p)) }
        }
        if sources > 1 { out.sort() }
        return out
    }

    /// Start positions `p` with slot k at `p + k` for every k.
    private func phraseStarts(_ positions: [[Int]]) -> [Int] {
        guard let first = positions.first else { return [] }
        if positions.count == 1 { return first }
        var cursors = Array(repeating: 0, count: positions.count)
        var out: [Int] = []
        candidates: for p in first {
            for k in 1..<positions.count {
                let want = p + k
                let list = positions[k]
                var c = cursors[k]
                while c < list.count && list[c] < want { c += 1 }
                cursors[k] = c
                if c == list.count { break candidates }
                if list[c] != want { continue candidates }
            }
            out.append(p)
        }
        return out
    }
}

/// Documents where a phrase occurs at least `minimum` times over all its
/// fields (`mentions "Putin" at least 5 times`).
final class MinimumCountIterator: FilteringIterator {
    let phrases: [PhraseIterator]
    let minimum: Int

    init(phrases: [PhraseIterator], minimum: Int) {
        self.phrases = phrases
        self.minimum = minimum
        super.init(approximation: phrases.count == 1 ? phrases[0] : DisjunctionIterator(phrases))
    }

    override func matches() -> Bool {
        var n = 0
        for p in phrases where p.doc == doc {
            n += p.occurrences(limit: minimum - n)
            if n >= minimum { return true }
        }
        return false
    }
}

/// Position lists borrowed for the length of a check.
enum PositionViews {
    /// Calls `body` with buffers of `lists`, valid for the call.
    static func with<R>(_ lists: ArraySlice<ArraySlice<UInt32>>, _ views: [UnsafeBufferPointer<UInt32>],
                        _ body: ([UnsafeBufferPointer<UInt32>]) -> R) -> R {
        guard let first = lists.first else { return body(views) }
        return first.withUnsafeBufferPointer { with(lists.dropFirst(), views + [$0], body) }
    }
}
