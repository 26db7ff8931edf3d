import Foundation

/// Finds items whose texts are byte for byte those of an earlier item, so
/// the work done on the earlier one (cleaning, analysis) is done once.
///
/// News corpora hold verbatim copies: wire stories printed by several
/// outlets, a crawl that met one page under two URLs, a corpus appended to
/// itself. A hash proposes the earlier item; only equal bytes confirm it,
/// so a hash collision never joins two texts.
enum IdenticalTexts {
    /// For each of `count` items, the index of the first item identical to
    /// it (its own index when none comes before it).
    /// - Parameters:
    ///   - hash: a hash of item `i`'s texts (computed on every core).
    ///   - same: whether items `i` and `j` are identical, byte for byte.
    static func firsts(count: Int, hash: (Int) -> Int, same: (Int, Int) -> Bool) -> [Int32] {
        let hashes = parallelMap(0..<count, hash)
        var firsts = [Int32](repeating: 0, count: count)
        // An open-addressing table of the first item of each hash, and per item the next distinct
        // text with the same hash (nearly always none): no allocation per item.
        var slotCount = 16
        while slotCount < 2 * count { slotCount *= 2 }
        let mask = slotCount - 1
        var slots = [Int32](repeating: -1, count: slotCount)
        var nextSameHash = [Int32](repeating: -1, count: count)
        for i in 0..<count {
            firsts[i] = Int32(i)
            let h = hashes[i]
            var s = Int(truncatingIfNeeded: (UInt64(bitPattern: Int64(h)) &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
            while slots[s] >= 0 && hashes[Int(slots[s])] != h { s = (s + 1) & mask }
            guard slots[s] >= 0 else { slots[s] = Int32(i); continue }
            // The distinct texts with this hash, each by its first item.
            var j = slots[s]
            while true {
                if same(Int(j), i) { firsts[i] = j; break }
                if nextSameHash[Int(j)] < 0 { nextSameHash[Int(j)] = Int32(i); break }
                j = nextSameHash[Int(j)]
            }
        }
        return firsts
    }

    /// A hash of the UTF-8 bytes of `texts` and of `flags` (an absent text and an empty one
    /// differ): each text's CRC-32 (libdeflate's, carry-less multiplication where the processor
    /// has it, many times faster than `Hasher` over the bytes) with its length. Equal bytes
    /// confirm what it proposes, so a collision costs a comparison, never a wrong answer.
    static func hash(_ texts: String?..., flags: UInt64 = 0) -> Int {
        var h = CopyDetector.mix(flags)
        for text in texts {
            var part: UInt64 = .max
            if var text {
                part = text.withUTF8 { UInt64(CRC32.checksum(UnsafeRawBufferPointer($0))) } | UInt64(text.utf8.count) << 32
            }
            h = CopyDetector.mix(h ^ part)
        }
        return Int(truncatingIfNeeded: h)
    }

    /// Whether two strings hold the same UTF-8 bytes (`==` on strings
    /// compares canonical equivalence, which is not enough here).
    static func sameBytes(_ a: String?, _ b: String?) -> Bool {
        guard var a, var b else { return a == nil && b == nil }
        guard a.utf8.count == b.utf8.count else { return false }
        return a.withUTF8 { x in b.withUTF8 { y in x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
    }
}
