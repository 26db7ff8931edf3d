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

    /// A paragraph: its article and its index there.
    struct Ref: Hashable {
        var doc: Int32
        var paragraph: Int32
    }

    /// The cluster of each paragraph that has copies (by article, then
    /// paragraph), and the articles of each cluster.
    struct Clusters: Sendable {
        var clusterOf: [[Int32]]
        var articles: [[Int32]]
    }

    static func find(index: BuiltIndex, structures: [ArticleStructure]) -> Clusters {
        // Signatures per paragraph, computed on every core.
        let signatures: [[[UInt64]?]] = parallelMap(Array(structures.indices)) { d in
            let words = index.forward(.text, d)
            return structures[d].paragraphs.map { p -> [UInt64]? in
                let lo = words.startIndex + Int(p.tokens.lowerBound), hi = words.startIndex + Int(p.tokens.upperBound)
                guard hi - lo >= minimumWords, hi <= words.endIndex else { return nil }
                return signature(words[lo..<hi])
            }
        }
        var buckets: [UInt64: [Ref]] = [:]
        for (d, perDoc) in signatures.enumerated() {
            for (k, sig) in perDoc.enumerated() {
                guard let sig else { continue }
                for b in 0..<bands {
                    var key = UInt64(b) &* 0x9E37_79B9_7F4A_7C15
                    for r in 0..<rows { key = mix(key ^ sig[b * rows + r]) }
                    buckets[key, default: []].append(Ref(doc: Int32(d), paragraph: Int32(k)))
                }
            }
        }
        var parent: [Ref: Ref] = [:]
        func root(_ x: Ref) -> Ref {
            var r = x
            while let p = parent[r], p != r { r = p }
            var c = x
            while let p = parent[c], p != r { parent[c] = r; c = p }
            return r
        }
        for (_, refs) in buckets where refs.count > 1 {
            let first = refs[0]
            guard let a = signatures[Int(first.doc)][Int(first.paragraph)] else { continue }
            for other in refs.dropFirst() {
                guard let b = signatures[Int(other.doc)][Int(other.paragraph)] else { continue }
                var same = 0
                for i in 0..<hashes where a[i] == b[i] { same += 1 }
                if Double(same) >= threshold * Double(hashes) {
                    parent[first] = parent[first] ?? first
                    parent[other] = parent[other] ?? other
                    let ra = root(first), rb = root(other)
                    if ra != rb { parent[rb] = ra }
                }
            }
        }
        var clusterOf = structures.map { [Int32](repeating: -1, count: $0.paragraphs.count) }
        var ids: [Ref: Int32] = [:]
        var articles: [Set<Int32>] = []
        // In article and paragraph order, so clusters are numbered the same on every run.
        for ref in parent.keys.sorted(by: { ($0.doc, $0.paragraph) < ($1.doc, $1.paragraph) }) {
            let r = root(ref)
            let id: Int32
            if let known = ids[r] { id = known } else { id = Int32(articles.count); ids[r] = id; articles.append([]) }
            clusterOf[Int(ref.doc)][Int(ref.paragraph)] = id
            articles[Int(id)].insert(ref.doc)
        }
        return Clusters(clusterOf: clusterOf, articles: articles.map { $0.sorted() })
    }

    /// MinHash of the word 3-grams of a paragraph.
    static func signature(_ words: ArraySlice<UInt32>) -> [UInt64] {
        var sig = [UInt64](repeating: .max, count: hashes)
        var i = words.startIndex
        while i + 2 < words.endIndex {
            let shingle = mix(UInt64(words[i]) &* 0x100000001B3 ^ UInt64(words[i + 1]) &* 0xC2B2AE3D27D4EB4F ^ UInt64(words[i + 2]))
            for h in 0..<hashes {
                let v = mix(shingle ^ (UInt64(h + 1) &* 0x9E37_79B9_7F4A_7C15))
                if v < sig[h] { sig[h] = v }
            }
            i += 1
        }
        return sig
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
