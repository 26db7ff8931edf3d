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
        // Per hash, the first item of each distinct text with that hash (nearly always one).
        var seen: [Int: [Int32]] = [:]
        seen.reserveCapacity(count)
        for i in 0..<count {
            firsts[i] = Int32(i)
            if let earlier = seen[hashes[i]] {
                if let j = earlier.first(where: { same(Int($0), i) }) {
                    firsts[i] = j
                } else {
                    seen[hashes[i]]!.append(Int32(i))
                }
            } else {
                seen[hashes[i]] = [Int32(i)]
            }
        }
        return firsts
    }

    /// Adds the UTF-8 bytes of `text` to `hasher` (absent and empty differ).
    static func combine(_ text: String?, into hasher: inout Hasher) {
        guard var text else { hasher.combine(-1); return }
        hasher.combine(text.utf8.count)
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Whether two strings hold the same UTF-8 bytes (`==` on strings
    /// compares canonical equivalence, which is not enough here).
    static func sameBytes(_ a: String?, _ b: String?) -> Bool {
        guard var a, var b else { return a == nil && b == nil }
        guard a.utf8.count == b.utf8.count else { return false }
        return a.withUTF8 { x in b.withUTF8 { y in x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
    }
}
