import CMinHash
import Dispatch

/// Paragraphs printed, identically or nearly, in more than one article:
/// wire copy and shared captions.
///
/// Each paragraph of at least `minimumWords` words becomes the set of its
/// word 3-grams (shingles); a MinHash signature of `hashes` values estimates
/// the Jaccard similarity of two such sets, and locality-sensitive hashing
/// (`bands` bands of `rows` values) proposes the pairs worth comparing, so
/// no pair of the corpus is compared blindly. Two paragraphs whose
/// signatures agree on at least `threshold` of their values are copies;
/// copies of copies form one cluster.
struct CopyDetector {
    static let minimumWords = 8
    static let bands = 6, rows = 4
    static var hashes: Int { bands * rows }
    /// Estimated Jaccard similarity of shingle sets above which paragraphs are copies.
    static let threshold = 0.8

    /// The cluster of each paragraph that has copies (by article, then
    /// paragraph), and the articles of each cluster.
    struct Clusters: Sendable {
        var clusterOf: [[Int32]]
        var articles: [[Int32]]
    }

    /// - Parameter firsts: per article, the first article with the same
    ///   title and text (itself when none). Such a copy is analysed as its
    ///   original was: its paragraphs are copies of the original's, joined
    ///   to them directly, and take no part in the search.
    /// - Parameters:
    ///   - words: the term ids of every article's body, one article after another;
    ///     article d's are `words[starts[d] ..< starts[d + 1]]`.
    static func find(words allWords: [UInt32], starts: [Int], structures: [ArticleStructure], firsts: [Int32]? = nil) -> Clusters {
        let count = structures.count
        func original(_ d: Int) -> Int {
            guard let firsts, firsts[d] != Int32(d), structures[Int(firsts[d])].paragraphs.count == structures[d].paragraphs.count
            else { return d }
            return Int(firsts[d])
        }
        // Paragraphs are numbered over the corpus: paragraph k of article d is start[d] + k.
        // Originals' paragraphs also have a slot in the signatures, slot[d] + k.
        var start = [Int](repeating: 0, count: count + 1), slot = [Int](repeating: -1, count: count)
        var slots = 0
        for d in 0..<count {
            start[d + 1] = start[d] + structures[d].paragraphs.count
            if original(d) == d { slot[d] = slots; slots += structures[d].paragraphs.count }
        }
        let paragraphs = start[count]
        // The originals' paragraphs of at least minimumWords words are signed: each has a
        // signature of its own, numbered in slot order (-1 for the others).
        var signatureOf = [Int32](repeating: -1, count: slots)
        var signedCount = 0
        for d in 0..<count where slot[d] >= 0 {
            let words = starts[d + 1] - starts[d]
            for (k, p) in structures[d].paragraphs.enumerated()
            where Int(p.tokens.upperBound) - Int(p.tokens.lowerBound) >= minimumWords && Int(p.tokens.upperBound) <= words {
                signatureOf[slot[d] + k] = Int32(signedCount)
                signedCount += 1
            }
        }
        // Their signatures, on every core.
        var signatures = [UInt64](repeating: 0, count: signedCount * hashes)
        signatures.withUnsafeMutableBufferPointer { sigs in
            nonisolated(unsafe) let sigs = sigs
            let chunks = min(count, 64)
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                for d in stride(from: c, to: count, by: chunks) where slot[d] >= 0 {
                    let words = allWords[starts[d]..<starts[d + 1]]
                    for (k, p) in structures[d].paragraphs.enumerated() where signatureOf[slot[d] + k] >= 0 {
                        let lo = words.startIndex + Int(p.tokens.lowerBound), hi = words.startIndex + Int(p.tokens.upperBound)
                        let at = Int(signatureOf[slot[d] + k]) * hashes
                        signature(words[lo..<hi], into: UnsafeMutableBufferPointer(rebasing: sigs[at..<(at + hashes)]))
                    }
                }
            }
        }
        // The slot of a paragraph numbered over the corpus: binary search finds its article,
        // the last whose first paragraph is at or before it (so never one without paragraphs).
        func slotOf(_ paragraph: Int32) -> Int {
            var lo = 0, hi = count  // start[lo] <= paragraph < start[hi]
            while hi - lo > 1 {
                let mid = (lo + hi) / 2
                if start[mid] <= Int(paragraph) { lo = mid } else { hi = mid }
            }
            return slot[lo] + Int(paragraph) - start[lo]
        }
        /// Where a signed paragraph's signature starts.
        func signatureAt(_ paragraph: Int32) -> Int { Int(signatureOf[slotOf(paragraph)]) * hashes }
        // The paragraph of each signature.
        var paragraphOf = [Int32](repeating: 0, count: signedCount)
        for d in 0..<count where slot[d] >= 0 {
            for k in 0..<structures[d].paragraphs.count where signatureOf[slot[d] + k] >= 0 {
                paragraphOf[Int(signatureOf[slot[d] + k])] = Int32(start[d] + k)
            }
        }
        var sets = UnionFind(count: paragraphs)
        var clustered = [Bool](repeating: false, count: paragraphs)
        // The LSH buckets of one band after another (a band's keys never meet another's): (band key,
        // paragraph) pairs grouped by key, a bucket's paragraphs in corpus order. A counting sort on the
        // key's top bits makes small groups (kept in corpus order), sorted on two cores. Each bucket's
        // paragraphs are compared with its first.
        let radixBits = 16
        var keys = [UInt64](repeating: 0, count: signedCount)
        var entries = [(key: UInt64, paragraph: Int32)](repeating: (0, 0), count: signedCount)
        for band in 0..<bands {
            var groupStart = [Int](repeating: 0, count: (1 << radixBits) + 1)
            for n in 0..<signedCount {
                let key = bandKey(signatures[n * hashes..<(n + 1) * hashes], band: band, rows: rows)
                keys[n] = key
                groupStart[Int(key >> UInt64(64 - radixBits)) + 1] += 1
            }
            for g in 0..<(1 << radixBits) { groupStart[g + 1] += groupStart[g] }
            var next = groupStart
            for n in 0..<signedCount {
                let g = Int(keys[n] >> UInt64(64 - radixBits))
                entries[next[g]] = (keys[n], paragraphOf[n])
                next[g] += 1
            }
            entries.withUnsafeMutableBufferPointer { entries in
                nonisolated(unsafe) let entries = entries
                DispatchQueue.concurrentPerform(iterations: 2) { h in
                    for g in stride(from: h, to: 1 << radixBits, by: 2) where groupStart[g + 1] - groupStart[g] > 1 {
                        var group = UnsafeMutableBufferPointer(rebasing: entries[groupStart[g]..<groupStart[g + 1]])
                        // Most groups hold a few entries, already in paragraph order: sorted in place by
                        // insertion, with no call to the library's sort (which sets up a merge each time).
                        if group.count <= 32 {
                            for i in 1..<group.count {
                                let e = group[i]
                                var j = i
                                while j > 0 && CopyDetector.before(e, group[j - 1]) { group[j] = group[j - 1]; j -= 1 }
                                group[j] = e
                            }
                        } else {
                            group.sort(by: CopyDetector.before)
                        }
                    }
                }
            }
            var first = 0
            while first < entries.count {
                var end = first + 1
                while end < entries.count && entries[end].key == entries[first].key { end += 1 }
                defer { first = end }
                guard end - first > 1 else { continue }
                let p = entries[first].paragraph, a = signatureAt(p)
                for e in (first + 1)..<end {
                    let q = entries[e].paragraph, b = signatureAt(q)
                    var same = 0
                    for i in 0..<hashes where signatures[a + i] == signatures[b + i] { same += 1 }
                    if Double(same) >= threshold * Double(hashes) {
                        clustered[Int(p)] = true
                        clustered[Int(q)] = true
                        sets.join(p, q)
                    }
                }
            }
        }
        // Exact copies: each signed paragraph with its original's.
        for d in 0..<count where original(d) != d {
            let o = original(d)
            for k in 0..<structures[d].paragraphs.count where signatureOf[slot[o] + k] >= 0 {
                clustered[start[o] + k] = true
                clustered[start[d] + k] = true
                sets.join(Int32(start[o] + k), Int32(start[d] + k))
            }
        }
        var clusterOf = structures.map { [Int32](repeating: -1, count: $0.paragraphs.count) }
        var ids = [Int32](repeating: -1, count: paragraphs)
        var articles: [Set<Int32>] = []
        // In article and paragraph order, so clusters are numbered the same on every run.
        for d in structures.indices {
            for k in 0..<structures[d].paragraphs.count where clustered[start[d] + k] {
                let r = Int(sets.root(Int32(start[d] + k)))
                if ids[r] < 0 { ids[r] = Int32(articles.count); articles.append([]) }
                clusterOf[d][k] = ids[r]
                articles[Int(ids[r])].insert(Int32(d))
            }
        }
        return Clusters(clusterOf: clusterOf, articles: articles.map { $0.sorted() })
    }

    /// Writes the MinHash of the word 3-grams of a paragraph into `sig` (`hashes` values).
    static func signature(_ words: ArraySlice<UInt32>, into sig: UnsafeMutableBufferPointer<UInt64>) {
        let count = max(0, words.count - 2)
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: max(1, count)) { mixed in
            for k in 0..<count { mixed[k] = mix(shingle(words, at: words.startIndex + k)) }
            MinHash.lower(sig, toMixed: UnsafeBufferPointer(rebasing: mixed[0..<count]))
        }
    }

    /// The hash of the three words from `i`.
    @inline(__always)
    static func shingle<Words: RandomAccessCollection>(_ words: Words, at i: Int) -> UInt64 where Words.Element == UInt32, Words.Index == Int {
        mix(UInt64(words[i]) &* 0x100000001B3 ^ UInt64(words[i + 1]) &* 0xC2B2AE3D27D4EB4F ^ UInt64(words[i + 2]))
    }

    /// The order of LSH entries: by key, then by paragraph.
    static func before(_ a: (key: UInt64, paragraph: Int32), _ b: (key: UInt64, paragraph: Int32)) -> Bool {
        a.key != b.key ? a.key < b.key : a.paragraph < b.paragraph
    }

    /// The LSH bucket of band `band` of a signature (`rows` values a band).
    static func bandKey(_ sig: [UInt64], band: Int, rows: Int) -> UInt64 { bandKey(sig[...], band: band, rows: rows) }

    /// The LSH bucket of band `band` of a signature (`rows` values a band).
    static func bandKey(_ sig: ArraySlice<UInt64>, band: Int, rows: Int) -> UInt64 {
        var key = UInt64(band) &* 0x9E37_79B9_7F4A_7C15
        for r in 0..<rows { key = mix(key ^ sig[sig.startIndex + band * rows + r]) }
        return key
    }

    /// SplitMix64's finalizer: a fast, well-spread 64-bit mix.
    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The hash functions of MinHash signatures: the shingle is mixed once
/// (SplitMix64's finalizer), then the h-th function is `a * x + b` modulo
/// 2^64 with its own odd `a`, one multiplication and one addition a
/// function instead of a whole mix (a multiply-add family: the order of
/// the results follows their high bits, which every bit of `x` reaches).
enum MinHash {
    /// `a` and `b` of each function; enough for every signature warta makes.
    static let a: [UInt64] = (0..<64).map { h in CopyDetector.mix(UInt64(h + 1) &* 0x9E37_79B9_7F4A_7C15) | 1 }
    static let b: [UInt64] = (0..<64).map { h in CopyDetector.mix(UInt64(h + 1) &* 0xC2B2_AE3D_27D4_EB4F) }

    /// Sets each value of a signature (one per function, `sig.count` of them, at most 64) to the
    /// least its function gives any shingle of a set, from the shingles mixed (`CopyDetector.mix`);
    /// `.max` for none. In C (`warta_minhash_lower`): eight functions at a time in AVX-512
    /// registers where the processor has them, four at a time in general registers elsewhere,
    /// the same values either way.
    static func lower(_ sig: UnsafeMutableBufferPointer<UInt64>, toMixed mixed: UnsafeBufferPointer<UInt64>) {
        precondition(sig.count <= a.count)
        guard let out = sig.baseAddress else { return }
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                warta_minhash_lower(out, sig.count, mixed.baseAddress, mixed.count, a.baseAddress, b.baseAddress)
            }
        }
    }
}

/// Disjoint sets of 0..<count with path compression: copies of copies, and
/// stories of stories, are one cluster.
struct UnionFind {
    private var parent: [Int32]

    init(count: Int) { parent = Array(0..<Int32(count)) }

    /// The representative of `x`'s set.
    mutating func root(_ x: Int32) -> Int32 {
        var r = x
        while parent[Int(r)] != r { r = parent[Int(r)] }
        var c = x
        while parent[Int(c)] != r { let next = parent[Int(c)]; parent[Int(c)] = r; c = next }
        return r
    }

    /// Puts `a` and `b` in one set (`a`'s representative stays).
    mutating func join(_ a: Int32, _ b: Int32) {
        let ra = root(a), rb = root(b)
        if ra != rb { parent[Int(rb)] = ra }
    }
}
