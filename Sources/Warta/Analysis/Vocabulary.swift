/// What the stemmer knows of the corpus: how often each folded word occurs,
/// and how often it is capitalised in the middle of a sentence.
///
/// The indexer adds every word occurrence; the stemmer reads it to tell a
/// root that is really used ("kunjungan" vouches for "kunjung") from a cut
/// that only looks possible, and names from common words.
public struct Vocabulary: Sendable {
    struct Counts: Sendable {
        var total: Int32 = 0
        var capitalized: Int32 = 0

        /// Occurrences not capitalised mid-sentence.
        var common: Int32 { total - capitalized }
    }

    var counts: [String: Counts] = [:]

    /// An empty vocabulary: a stemmer built on it relies on its rules alone.
    public init() {}

    /// A vocabulary from counts already made (the index counts every word).
    public init(words: [String], totals: [Int], capitalized: [Int]) {
        counts.reserveCapacity(words.count)
        for (i, w) in words.enumerated() where i < totals.count {
            counts[w] = Counts(total: Int32(clamping: totals[i]), capitalized: Int32(clamping: i < capitalized.count ? capitalized[i] : 0))
        }
    }

    /// Records one occurrence of `folded`; `capitalizedMidSentence` when it was
    /// written with a capital not explained by the start of a sentence or a
    /// headline in title case.
    public mutating func add(_ folded: String, capitalizedMidSentence: Bool) {
        counts[folded, default: Counts()].total &+= 1
        if capitalizedMidSentence { counts[folded, default: Counts()].capitalized &+= 1 }
    }

    /// How many times `folded` occurs.
    public func count(of folded: String) -> Int {
        Int(counts[folded]?.total ?? 0)
    }

    /// How many of those occurrences were capitalised mid-sentence.
    public func capitalizedCount(of folded: String) -> Int {
        Int(counts[folded]?.capitalized ?? 0)
    }

    /// Every distinct word, in no particular order.
    public var words: [String] { Array(counts.keys) }

    /// How many distinct words the vocabulary holds.
    public var distinctWords: Int { counts.count }

    /// Whether `folded` is mostly written as a name (capitalised mid-sentence in
    /// most of its occurrences): "putin", "hanoi", but not "presiden".
    public func isName(_ folded: String) -> Bool {
        guard let c = counts[folded] else { return false }
        return c.capitalized > c.common
    }

    /// Occurrences of `folded` as a common word (not capitalised mid-sentence).
    func commonCount(_ folded: String) -> Int {
        Int(counts[folded]?.common ?? 0)
    }
}
