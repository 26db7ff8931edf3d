import Foundation

/// Articles that are the same story: near-duplicate bodies, such as wire
/// copy printed by several outlets with a new headline and a line changed.
///
/// Each body of at least `minimumWords` words becomes the set of its word
/// 3-grams (shingles). A MinHash signature of `bands × rows` values with
/// locality-sensitive hashing proposes the pairs worth comparing; a pair is
/// the same story when the Jaccard similarity of the two shingle sets,
/// computed exactly, is at least the threshold (0.5 by default, settable per
/// session: `.stories 0.6`). Stories of stories are one story (union–find).
/// Shorter bodies are stories of their own.
struct StoryDetector {
    static let minimumWords = 30
    /// 10 bands of 3 rows: pairs near a Jaccard of 0.46 and above become
    /// candidates with probability one half, higher ones almost surely.
    static let bands = 10, rows = 3
    static var hashes: Int { bands * rows }
    /// The default similarity threshold.
    static let defaultThreshold = 0.5

    static func find(index: InvertedIndex, threshold: Double) -> Stories {
        let n = index.documentCount
        let shingles: [[UInt64]] = parallelMap(Array(0..<n)) { d in
            let words = index.forward(.text, d)
            guard words.count >= minimumWords else { return [] }
            var set: [UInt64] = []
            set.reserveCapacity(words.count)
            var i = words.startIndex
            while i + 2 < words.endIndex {
                set.append(CopyDetector.shingle(words, at: i))
                i += 1
            }
            set.sort()
            var unique: [UInt64] = []
            unique.reserveCapacity(set.count)
            for v in set where unique.last != v { unique.append(v) }
            return unique
        }
        let signatures: [[UInt64]] = parallelMap(shingles) { set in
            guard !set.isEmpty else { return [] }
            var sig = [UInt64](repeating: .max, count: hashes)
            let mixed = set.map { CopyDetector.mix($0) }
            sig.withUnsafeMutableBufferPointer { sig in
                mixed.withUnsafeBufferPointer { MinHash.lower(sig, toMixed: $0) }
            }
            return sig
        }
        var buckets: [UInt64: [Int32]] = [:]
        for (d, sig) in signatures.enumerated() where !sig.isEmpty {
            for b in 0..<bands { buckets[CopyDetector.bandKey(sig, band: b, rows: rows), default: []].append(Int32(d)) }
        }
        var sets = UnionFind(count: n)
        var compared = Set<UInt64>()
        for (_, docs) in buckets where docs.count > 1 {
            // Every member against every other, up to a bound: a bucket that
            // large is one story already, and its first member links the rest.
            let pairs = docs.count <= 64
                ? docs.indices.flatMap { i in docs.indices.filter { $0 > i }.map { (docs[i], docs[$0]) } }
                : docs.dropFirst().map { (docs[0], $0) }
            for (a, b) in pairs {
                let key = UInt64(UInt32(min(a, b))) << 32 | UInt64(UInt32(max(a, b)))
                guard compared.insert(key).inserted, sets.root(a) != sets.root(b) else { continue }
                if jaccard(shingles[Int(a)], shingles[Int(b)]) >= threshold { sets.join(a, b) }
            }
        }
        var storyOf = [Int32](repeating: 0, count: n)
        var ids: [Int32: Int32] = [:]
        var members: [[Int32]] = []
        for d in 0..<Int32(n) {
            let r = sets.root(d)
            let id: Int32
            if let known = ids[r] { id = known } else { id = Int32(members.count); ids[r] = id; members.append([]) }
            storyOf[Int(d)] = id
            members[Int(id)].append(d)
        }
        return Stories(threshold: threshold, storyOf: storyOf, members: members)
    }

    /// |A ∩ B| / |A ∪ B| of two sorted sets.
    static func jaccard(_ a: [UInt64], _ b: [UInt64]) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var i = 0, j = 0, common = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { common += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return Double(common) / Double(a.count + b.count - common)
    }
}

/// The stories of a corpus at one threshold: each article's story, and the
/// articles of each story (ascending ordinals).
struct Stories: Sendable {
    let threshold: Double
    let storyOf: [Int32]
    let members: [[Int32]]
}

/// What a corpus makes on first use and keeps: the ranking bounds of posting
/// lists, the stories at each threshold.
final class QueryCaches: Sendable {
    let impacts = ImpactCache()
    let stories = MadeOnce<Double, Stories>()
}

/// Values made on first use and kept, safe to share between threads: the
/// ranking bounds of posting lists, the stories at each threshold.
final class MadeOnce<Key: Hashable, Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [Key: Value] = [:]

    /// The value for `key`, made by `make` the first time it is asked for.
    func value(_ key: Key, make: () -> Value) -> Value {
        lock.lock()
        if let known = entries[key] { lock.unlock(); return known }
        lock.unlock()
        let made = make()
        lock.lock()
        entries[key] = made
        lock.unlock()
        return made
    }
}
