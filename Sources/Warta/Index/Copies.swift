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
    ///   title and text (itself when none), whose signatures it shares.
    static func find(index: BuiltIndex, structures: [ArticleStructure], firsts: [Int32]? = nil) -> Clusters {
        // Signatures per paragraph, computed on every core, once per distinct text.
        var signatures: [[[UInt64]?]] = parallelMap(structures.indices) { d in
            if let firsts, firsts[d] != Int32(d) { return [] }
            let words = index.forward(.text, d)
            return structures[d].paragraphs.map { p -> [UInt64]? in
                let lo = words.startIndex + Int(p.tokens.lowerBound), hi = words.startIndex + Int(p.tokens.upperBound)
                guard hi - lo >= minimumWords, hi <= words.endIndex else { return nil }
                return signature(words[lo..<hi])
            }
        }
        if let firsts {
            for d in structures.indices where firsts[d] != Int32(d) { signatures[d] = signatures[Int(firsts[d])] }
        }
        // Paragraphs are numbered over the corpus: paragraph k of article d is firsts[d] + k.
        var firsts = [Int](repeating: 0, count: structures.count + 1)
        for d in structures.indices { firsts[d + 1] = firsts[d] + structures[d].paragraphs.count }
        let flat = signatures.flatMap { $0 }
        // The LSH buckets: (band key, paragraph) pairs sorted, so a bucket is a run
        // of one key, its paragraphs in corpus order. The keys are cut in two
        // halves by their top bit, sorted on two cores: a bucket lies whole in
        // one half, and which bucket is joined first changes no cluster.
        var halves: [[(key: UInt64, paragraph: Int32)]] = [[], []]
        for h in halves.indices { halves[h].reserveCapacity(flat.count * bands / 2) }
        for (p, sig) in flat.enumerated() {
            guard let sig else { continue }
            for b in 0..<bands {
                let key = bandKey(sig, band: b, rows: rows)
                halves[Int(key >> 63)].append((key, Int32(p)))
            }
        }
        halves.withUnsafeMutableBufferPointer { halves in
            nonisolated(unsafe) let halves = halves
            DispatchQueue.concurrentPerform(iterations: halves.count) { h in
                halves[h].sort { $0.key != $1.key ? $0.key < $1.key : $0.paragraph < $1.paragraph }
            }
        }
        var sets = UnionFind(count: flat.count)
        var clustered = [Bool](repeating: false, count: flat.count)
        for entries in halves {
            var start = 0
            while start < entries.count {
                var end = start + 1
                while end < entries.count && entries[end].key == entries[start].key { end += 1 }
                defer { start = end }
                guard end - start > 1 else { continue }
                let first = entries[start].paragraph
                guard let a = flat[Int(first)] else { continue }
                for e in (start + 1)..<end {
                    let other = entries[e].paragraph
                    guard let b = flat[Int(other)] else { continue }
                    var same = 0
                    for i in 0..<hashes where a[i] == b[i] { same += 1 }
                    if Double(same) >= threshold * Double(hashes) {
                        clustered[Int(first)] = true
                        clustered[Int(other)] = true
                        sets.join(first, other)
                    }
                }
            }
        }
        var clusterOf = structures.map { [Int32](repeating: -1, count: $0.paragraphs.count) }
        var ids = [Int32](repeating: -1, count: flat.count)
        var articles: [Set<Int32>] = []
        // In article and paragraph order, so clusters are numbered the same on every run.
        for d in structures.indices {
            for k in 0..<structures[d].paragraphs.count where clustered[firsts[d] + k] {
                let r = Int(sets.root(Int32(firsts[d] + k)))
                if ids[r] < 0 { ids[r] = Int32(articles.count); articles.append([]) }
                clusterOf[d][k] = ids[r]
                articles[Int(ids[r])].insert(Int32(d))
            }
        }
        return Clusters(clusterOf: clusterOf, articles: articles.map { $0.sorted() })
    }

    /// MinHash of the word 3-grams of a paragraph.
    static func signature(_ words: ArraySlice<UInt32>) -> [UInt64] {
        var sig = [UInt64](repeating: .max, count: hashes)
        var i = words.startIndex
        while i + 2 < words.endIndex {
            let s = shingle(words, at: i)
            for h in 0..<hashes {
                let v = minHash(s, h)
                if v < sig[h] { sig[h] = v }
            }
            i += 1
        }
        return sig
    }

    /// The hash of the three words from `i`.
    @inline(__always)
    static func shingle<Words: RandomAccessCollection>(_ words: Words, at i: Int) -> UInt64 where Words.Element == UInt32, Words.Index == Int {
        mix(UInt64(words[i]) &* 0x100000001B3 ^ UInt64(words[i + 1]) &* 0xC2B2AE3D27D4EB4F ^ UInt64(words[i + 2]))
    }

    /// The `h`-th hash function of a MinHash signature, applied to a shingle.
    @inline(__always)
    static func minHash(_ shingle: UInt64, _ h: Int) -> UInt64 {
        mix(shingle ^ (UInt64(h + 1) &* 0x9E37_79B9_7F4A_7C15))
    }

    /// The LSH bucket of band `band` of a signature (`rows` values a band).
    static func bandKey(_ sig: [UInt64], band: Int, rows: Int) -> UInt64 {
        var key = UInt64(band) &* 0x9E37_79B9_7F4A_7C15
        for r in 0..<rows { key = mix(key ^ sig[band * rows + r]) }
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
