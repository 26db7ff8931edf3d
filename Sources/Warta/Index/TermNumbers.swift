import CPrefetch

/// A term's hash, its first 8 bytes, its next 8 and its length (`TermNumbers.hash`): what the
/// term table looks a term up by. The tokenizer makes it as it folds a word (`TokenizedText.hashes`),
/// and a term of up to 16 bytes is kept as its hash alone (`term(of:)` gives it back).
typealias TermHash = (hash: UInt64, prefix: UInt64, rest: UInt64, length: Int)

/// The id of each term an index builder has met, numbered in order of first
/// sight: an open-addressing table over the terms' UTF-8 bytes (hashed a word
/// at a time), the one lookup every word of the corpus goes through while it is indexed.
struct TermNumbers {
    /// Every term by its id.
    private(set) var terms: [String] = []
    /// Words per slot (`slots`).
    private static let width = 3
    /// Three words per slot. The first: the high 24 bits of the term's hash, its length in bytes
    /// (255 for longer) and its id + 1 (0 for an empty slot); the second: its first 8 bytes; the
    /// third: its next 8. A term of up to 16 bytes (nearly every word: Indonesian words are often
    /// longer than 8) is found or ruled out by its slot alone; a longer one is compared with its
    /// string (a read of the terms array, most often a cache miss) only when all those agree.
    private var slots: [UInt64] = Array(repeating: 0, count: width << 12)

    /// Every term's hash by its id: the table grows without hashing the terms again.
    private var termHashes: [UInt64] = []

    /// The hashes of the terms `appendIDs` is looking up.
    private var hashes: [TermHash] = []

    var count: Int { terms.count }

    /// How many slots the table has (a power of two).
    private var slotCount: Int { slots.count / TermNumbers.width }

    /// The id of `term`, numbering it if it is new.
    @inline(__always)
    mutating func id(of term: String) -> UInt32 { id(of: term, TermNumbers.hash(term)) }

    /// Appends the ids of `words` to `ids`, numbering the new ones in order.
    ///
    /// The table is megabytes, so a rare word's slot is a cache miss, and one lookup
    /// after another would wait for each in turn. All the words are hashed first and
    /// their slots asked for at once (prefetched), so the misses overlap; then each is
    /// looked up. The ids are those `id(of:)` would give, one word after another.
    mutating func appendIDs<Words: RandomAccessCollection<String>>(of words: Words, to ids: inout [UInt32]) {
        hashes.removeAll(keepingCapacity: true)
        for w in words { hashes.append(TermNumbers.hash(w)) }
        appendIDs(of: words, hashed: hashes, to: &ids)
    }

    /// The same for words already hashed (`hashed[k]` is `hash` of the k-th word).
    mutating func appendIDs<Words: RandomAccessCollection<String>>(of words: Words, hashed: [TermHash], to ids: inout [UInt32]) {
        prefetchSlots(of: hashed)
        for (k, w) in words.enumerated() { ids.append(id(of: w, hashed[k])) }
    }

    /// Asks for the slots of these hashes ahead of their lookups, so that the cache misses overlap.
    private func prefetchSlots(of hashed: [TermHash]) {
        let mask = slotCount - 1
        slots.withUnsafeBufferPointer { s in
            for h in hashed {
                // A slot may straddle two cache lines: both are asked for.
                let slot = s.baseAddress! + TermNumbers.width * (Int(truncatingIfNeeded: h.hash) & mask)
                warta_prefetch(slot)
                warta_prefetch(slot + TermNumbers.width - 1)
            }
        }
    }

    /// The same for the words of a tokenized text: a word's term is made (from its hash, or
    /// taken from the text's long terms) only when it is new here.
    mutating func appendIDs(of words: TokenizedText, to ids: inout [UInt32]) {
        prefetchSlots(of: words.hashes)
        // The long terms are in word order: each is met once, in turn.
        var long = 0
        for h in words.hashes {
            if h.length <= 16 {
                ids.append(id(h, term: { TermNumbers.term(of: h) }, isTerm: { _ in true }))
            } else {
                let term = words.longTerms[long]
                long += 1
                ids.append(id(of: term, h))
            }
        }
    }

    /// The id of `term`, whose hash is `hashed`, numbering it if it is new.
    @inline(__always)
    private mutating func id(of term: String, _ hashed: TermHash) -> UInt32 {
        id(hashed, term: { term }, isTerm: { $0 == term })
    }

    /// The id of the term whose hash is `hashed`, numbering it (as `term()`) if it is new;
    /// `isTerm(t)` tells whether a term `t` is it, asked only of one longer than 16 bytes.
    @inline(__always)
    private mutating func id(_ hashed: TermHash, term: () -> String, isTerm: (String) -> Bool) -> UInt32 {
        let (slot, key, found) = probe(hashed, isTerm)
        if let found { return found }
        let id = UInt32(terms.count)
        terms.append(term())
        termHashes.append(hashed.hash)
        let at = TermNumbers.width * slot
        slots[at] = key | UInt64(id + 1)
        slots[at + 1] = hashed.prefix
        slots[at + 2] = hashed.rest
        if terms.count * 2 > slotCount { grow() }
        return id
    }

    /// The id of `term`, nil when it has none (nothing is numbered).
    @inline(__always)
    func existingID(of term: String) -> UInt32? { existingID(of: term, hashed: TermNumbers.hash(term)) }

    /// The same for a term already hashed (`hashed` is `hash(term)`).
    @inline(__always)
    func existingID(of term: String, hashed: TermHash) -> UInt32? { probe(hashed) { $0 == term }.id }

    /// The same for a term known by its hash, made by `term()` only if it must be compared (when
    /// longer than 16 bytes).
    @inline(__always)
    func existingID(hashed: TermHash, term: () -> String) -> UInt32? {
        hashed.length <= 16 ? probe(hashed) { _ in true }.id : existingID(of: term(), hashed: hashed)
    }

    /// Where the term whose hash is `hashed` is in the table (its id), or the empty slot where it
    /// would go, with its slot's first word. A term of up to 16 bytes is told by its slot alone;
    /// `isTerm(t)` tells whether a longer term `t`, whose slot agrees, is the one looked for.
    @inline(__always)
    private func probe(_ hashed: TermHash, _ isTerm: (String) -> Bool) -> (slot: Int, key: UInt64, id: UInt32?) {
        let (h, prefix, rest, length) = hashed
        let key = h & 0xFFFF_FF00_0000_0000 | UInt64(min(length, 255)) << 32
        let mask = slotCount - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let at = TermNumbers.width * i
            let s = slots[at]
            if s == 0 { return (i, key, nil) }
            if s & 0xFFFF_FFFF_0000_0000 == key && slots[at + 1] == prefix && slots[at + 2] == rest {
                let id = Int(s & 0xFFFF_FFFF) - 1
                if length <= 16 || isTerm(terms[id]) { return (i, key, UInt32(id)) }
            }
            i = (i + 1) & mask
        }
    }


    /// Makes room for `count` terms in all, so that numbering them grows the table at most once.
    mutating func reserve(_ count: Int) {
        terms.reserveCapacity(count)
        termHashes.reserveCapacity(count)
        while count * 2 > slotCount { grow() }
    }

    private mutating func grow() {
        let width = TermNumbers.width
        var bigger = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = bigger.count / width - 1
        for k in stride(from: 0, to: slots.count, by: width) where slots[k] != 0 {
            let id = Int(slots[k] & 0xFFFF_FFFF) - 1
            var i = Int(truncatingIfNeeded: termHashes[id]) & mask
            while bigger[width * i] != 0 { i = (i + 1) & mask }
            for w in 0..<width { bigger[width * i + w] = slots[k + w] }
        }
        slots = bigger
    }

    /// A term's hash, first 8 bytes and next 8 (little-endian, zeros after a shorter term's end)
    /// and its length. The 16 bytes are read a word at a time (`bytes(_:_:_:)`) and mixed with two
    /// multiplications; the bytes past 16 of a longer term (few) are folded in 8 at a time.
    @inline(__always)
    static func hash(_ term: String) -> TermHash {
        var term = term
        return term.withUTF8 { hash(bytes: $0) }
    }

    /// The same over a term's UTF-8 bytes.
    @inline(__always)
    static func hash(bytes b: UnsafeBufferPointer<UInt8>) -> TermHash {
        let n = b.count
        guard let p = b.baseAddress, n > 0 else { return (0x9E37_79B9_7F4A_7C15, 0, 0, 0) }
        return hash(prefix: bytes(p, 0, min(n, 8)), rest: n > 8 ? bytes(p, 8, min(n, 16) - 8) : 0, bytes: p, count: n)
    }

    /// The same for a term whose first 8 bytes and next 8 are already read (little-endian, zeros
    /// after its end): the bytes at `p` are read only past the 16th.
    @inline(__always)
    static func hash(prefix: UInt64, rest: UInt64, bytes p: UnsafePointer<UInt8>, count n: Int) -> TermHash {
        var h = (prefix ^ 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9
        h = (h ^ (h >> 31) ^ rest) &* 0x94D0_49BB_1331_11EB
        var k = 16
        while k < n {
            h = (h ^ (h >> 29) ^ bytes(p, k, min(n - k, 8))) &* 0xBF58_476D_1CE4_E5B9
            k += 8
        }
        h ^= UInt64(n)
        h = (h ^ (h >> 32)) &* 0xD6E8_FEB8_6659_FD93
        return (h ^ (h >> 29), prefix, rest, n)
    }

    /// The term whose hash (`hash`) holds it whole: one of up to 16 bytes, its first 8 and next 8.
    static func term(of hashed: TermHash) -> String {
        let n = hashed.length
        return String(unsafeUninitializedCapacity: n) { out in
            withUnsafeBytes(of: (hashed.prefix.littleEndian, hashed.rest.littleEndian)) { words in
                out.baseAddress!.update(from: words.baseAddress!.assumingMemoryBound(to: UInt8.self), count: n)
            }
            return n
        }
    }

    /// The `count` (1 to 8) bytes at `p + at` as a little-endian word, zeros above them: read as one
    /// word, two overlapping half-words or (up to three bytes) one at a time, never past the end.
    @inline(__always)
    static func bytes(_ p: UnsafePointer<UInt8>, _ at: Int, _ count: Int) -> UInt64 {
        let q = UnsafeRawPointer(p + at)
        if count == 8 { return q.loadUnaligned(as: UInt64.self).littleEndian }
        if count >= 4 {
            let lo = UInt64(q.loadUnaligned(as: UInt32.self).littleEndian)
            let hi = UInt64(q.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self).littleEndian)
            return lo | hi << (8 * UInt64(count - 4))
        }
        let b0 = UInt64(p[at]), b1 = count > 1 ? UInt64(p[at + 1]) : 0, b2 = count > 2 ? UInt64(p[at + 2]) : 0
        return b0 | b1 << 8 | b2 << 16
    }
}
