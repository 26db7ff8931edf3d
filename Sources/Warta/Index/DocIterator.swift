/// Sentinel document number: the iterator is exhausted.
let noMoreDocs = Int.max

/// A cursor over ascending document ordinals, in the shape of Lucene's
/// `DocIdSetIterator` with its two-phase extension.
///
/// `next()` and `advance(to:)` move over an *approximation*: a superset of the
/// matching documents that is cheap to enumerate (the documents that contain
/// every word of a phrase, say). `matches()` confirms the current document
/// with the expensive check (the word positions). Conjunctions align
/// approximations first and confirm only the survivors.
class DocIterator {
    /// The current document: -1 before the first call, `noMoreDocs` at the end.
    var doc: Int = -1

    /// Moves to the next document of the approximation.
    func next() -> Int { fatalError("abstract") }

    /// Moves to the first approximate document at or after `target`
    /// (`target` is greater than the current document).
    func advance(to target: Int) -> Int {
        var d = doc
        while d < target { d = next() }
        return d
    }

    /// Whether the current document really matches.
    func matches() -> Bool { true }

    /// An estimate of how many documents the approximation visits.
    var cost: Int { 0 }
}

/// An iterator that moves over another's documents and adds a check of its
/// own (positions, counts): the two-phase shape, written once.
class FilteringIterator: DocIterator {
    let approximation: DocIterator

    init(approximation: DocIterator) { self.approximation = approximation }

    override func next() -> Int {
        doc = approximation.next()
        return doc
    }

    override func advance(to target: Int) -> Int {
        doc = approximation.advance(to: target)
        return doc
    }

    override var cost: Int { approximation.cost }
}

/// The documents of one posting list.
final class PostingIterator: DocIterator {
    let list: PostingList
    private(set) var index = -1

    init(_ list: PostingList) { self.list = list }

    override func next() -> Int {
        index += 1
        doc = index < list.docs.count ? Int(list.docs[index]) : noMoreDocs
        return doc
    }

    override func advance(to target: Int) -> Int {
        // Galloping search from the current index: cheap for near targets,
        // logarithmic for far ones, as leapfrogging needs.
        let from = index + 1
        guard from < list.docs.count else { index = list.docs.count; doc = noMoreDocs; return doc }
        index = list.docs.withUnsafeBufferPointer { gallop($0, to: UInt32(clamping: target), from: from) }
        doc = index < list.docs.count ? Int(list.docs[index]) : noMoreDocs
        return doc
    }

    override var cost: Int { list.docs.count }

    /// Positions of the term in the current document.
    var positions: ArraySlice<UInt32> { list.positions(at: index) }
    /// Occurrences in the current document.
    var frequency: Int { Int(list.freqs[index]) }
}

/// Every document, optionally confirmed by a per-document check: the shape of
/// a filter on a column (a date range, a source) that has no postings.
final class AllDocsIterator: DocIterator {
    let count: Int
    let check: ((Int) -> Bool)?

    init(count: Int, check: ((Int) -> Bool)? = nil) {
        self.count = count
        self.check = check
    }

    override func next() -> Int {
        doc = doc + 1 < count ? doc + 1 : noMoreDocs
        return doc
    }

    override func advance(to target: Int) -> Int {
        doc = target < count ? target : noMoreDocs
        return doc
    }

    override func matches() -> Bool { check?(doc) ?? true }

    // A filter must never lead a conjunction: give it the highest cost.
    override var cost: Int { check == nil ? count : count + 1 }
}

/// Documents in all children: leapfrogs from the cheapest child, then
/// confirms each child's check on the aligned document.
final class ConjunctionIterator: DocIterator {
    let children: [DocIterator]

    init(_ children: [DocIterator]) {
        self.children = children.sorted { $0.cost < $1.cost }
    }

    override func next() -> Int { align(children[0].next()) }

    override func advance(to target: Int) -> Int { align(children[0].advance(to: target)) }

    private func align(_ start: Int) -> Int {
        var d = start
        let lead = children[0]
        outer: while d != noMoreDocs {
            for other in children.dropFirst() {
                var od = other.doc
                if od < d { od = other.advance(to: d) }
                if od > d {
                    d = lead.advance(to: od)
                    continue outer
                }
            }
            break
        }
        doc = d
        return d
    }

    override func matches() -> Bool {
        for c in children where !c.matches() { return false }
        return true
    }

    override var cost: Int { children[0].cost }
}

/// Documents in any child.
final class DisjunctionIterator: DocIterator {
    let children: [DocIterator]

    init(_ children: [DocIterator]) { self.children = children }

    override func next() -> Int {
        let current = doc
        var minDoc = noMoreDocs
        for c in children {
            var d = c.doc
            if d <= current { d = c.next() }
            if d < minDoc { minDoc = d }
        }
        doc = minDoc
        return minDoc
    }

    override func advance(to target: Int) -> Int {
        var minDoc = noMoreDocs
        for c in children {
            var d = c.doc
            if d < target { d = c.advance(to: target) }
            if d < minDoc { minDoc = d }
        }
        doc = minDoc
        return minDoc
    }

    override func matches() -> Bool {
        for c in children where c.doc == doc && c.matches() { return true }
        return false
    }

    override var cost: Int { children.reduce(0) { $0 + $1.cost } }
}

/// Documents of `required` that are not confirmed matches of `excluded`.
final class ExclusionIterator: DocIterator {
    let required: DocIterator
    let excluded: DocIterator

    init(required: DocIterator, excluded: DocIterator) {
        self.required = required
        self.excluded = excluded
    }

    override func next() -> Int {
        doc = required.next()
        return doc
    }

    override func advance(to target: Int) -> Int {
        doc = required.advance(to: target)
        return doc
    }

    override func matches() -> Bool {
        guard required.matches() else { return false }
        var e = excluded.doc
        if e < doc { e = excluded.advance(to: doc) }
        return !(e == doc && excluded.matches())
    }

    override var cost: Int { required.cost }
}

/// Nothing.
final class EmptyIterator: DocIterator {
    override func next() -> Int {
        doc = noMoreDocs
        return doc
    }
}

/// The first index at or after `from` whose document is not below `target`:
/// galloping (exponential) search, then binary search in the last step —
/// cheap for near targets, logarithmic for far ones, as leapfrogging needs.
@inline(__always)
func gallop(_ docs: UnsafeBufferPointer<UInt32>, to target: UInt32, from: Int) -> Int {
    var lo = from, hi = from, step = 1
    while hi < docs.count && docs[hi] < target {
        lo = hi + 1
        hi += step
        step <<= 1
    }
    if hi > docs.count { hi = docs.count }
    while lo < hi {
        let mid = (lo + hi) >> 1
        if docs[mid] < target { lo = mid + 1 } else { hi = mid }
    }
    return lo
}
