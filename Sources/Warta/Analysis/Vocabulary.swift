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

    /// The words, numbered (`TermNumbers`: hashed a word at a time, not by `Hasher`), and their
    /// counts by number. The stemmer looks up several readings of every word of a corpus.
    private var table = TermNumbers()
    private var counts: [Counts] = []

    /// An empty vocabulary: a stemmer built on it relies on its rules alone.
    public init() {}

    /// A vocabulary from counts already made (the index counts every word). A word given twice
    /// has the counts given last.
    public init(words: [String], totals: [Int], capitalized: [Int]) {
        table.reserve(words.count)
        counts.reserveCapacity(words.count)
        for (i, w) in words.enumerated() where i < totals.count {
            counts[slot(w)] = Counts(total: Int32(clamping: totals[i]), capitalized: Int32(clamping: i < capitalized.count ? capitalized[i] : 0))
        }
    }

    /// The same for words already numbered (an index builder's term table): word k of `table`
    /// has `totals[k]` occurrences, `capitalized[k]` of them capitalised mid-sentence.
    init(numbered table: TermNumbers, totals: [Int], capitalized: [Int]) {
        self.table = table
        counts = (0..<table.count).map { i in
            Counts(total: Int32(clamping: i < totals.count ? totals[i] : 0),
                   capitalized: Int32(clamping: i < capitalized.count ? capitalized[i] : 0))
        }
    }

    /// The number of `folded`, numbering it (with no occurrences yet) if it is new.
    private mutating func slot(_ folded: String) -> Int {
        let id = Int(table.id(of: folded))
        if id == counts.count { counts.append(Counts()) }
        return id
    }

    /// The counts of `folded`, nil when it does not occur.
    private func counts(of folded: String) -> Counts? {
        table.existingID(of: folded).map { counts[Int($0)] }
    }

    /// Records one occurrence of `folded`; `capitalizedMidSentence` when it was
    /// written with a capital not explained by the start of a sentence or a
    /// headline in title case.
    public mutating func add(_ folded: String, capitalizedMidSentence: Bool) {
        let k = slot(folded)
        counts[k].total &+= 1
        if capitalizedMidSentence { counts[k].capitalized &+= 1 }
    }

    /// How many times `folded` occurs.
    public func count(of folded: String) -> Int {
        Int(counts(of: folded)?.total ?? 0)
    }

    /// How many of those occurrences were capitalised mid-sentence.
    public func capitalizedCount(of folded: String) -> Int {
        Int(counts(of: folded)?.capitalized ?? 0)
    }

    /// Every distinct word, in no particular order.
    public var words: [String] { table.terms }

    /// How many distinct words the vocabulary holds.
    public var distinctWords: Int { counts.count }

    /// Each distinct word with its counts.
    var entries: Zip2Sequence<[String], [Counts]> { zip(table.terms, counts) }

    /// Whether `folded` is mostly written as a name (capitalised mid-sentence in
    /// most of its occurrences): "putin", "hanoi", but not "presiden".
    public func isName(_ folded: String) -> Bool {
        guard let c = counts(of: folded) else { return false }
        return c.capitalized > c.common
    }

    /// Occurrences of `folded` as a common word (not capitalised mid-sentence).
    func commonCount(_ folded: String) -> Int {
        Int(counts(of: folded)?.common ?? 0)
    }
}
