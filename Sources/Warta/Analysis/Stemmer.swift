/// An Indonesian stemmer that learns its roots from the corpus.
///
/// The affix rules (`StemmerRules`) list every way a word could be read as
/// affixes around a root; the corpus then says which root is real. A candidate
/// root is *attested* when it occurs as a common word, or when words of the
/// corpus reach it through two different inner affixes ("kunjung" is never
/// written alone, but "kunjungan" and "dikunjungi" reach it through -an and
/// di-). The stemmer takes the deepest reading that is attested or that the
/// rules trust on their own (meN-, peN-, ber-, ter-, di-, the confixes ke-an,
/// per-an, peN-an), so an unseen word still stems ("pemungutan" → pungut)
/// while "sekutu" is not taken for se- + kutu. Names (mostly capitalised
/// mid-sentence) and a short list of lexicalised words (`StemmerExceptions`)
/// come back unchanged.
public struct Stemmer: Sendable {
    /// What the corpus shows of one candidate root through the words that reach it.
    struct Reach {
        /// The inner affixes through which corpus words reach it.
        var ways: UInt16 = 0
        /// The commonest word reaching it without a suffix -i ("kunjungan" for kunjung).
        var plainCount: Int32 = 0
    }

    let vocabulary: Vocabulary
    /// What the corpus shows of each root its words' readings reach, by the root's number.
    private let reachedIDs: TermNumbers
    private let reaches: [Reach]

    /// A stemmer for the corpus `vocabulary` describes (which may be empty).
    public init(vocabulary: Vocabulary) {
        self.vocabulary = vocabulary
        var reachedIDs = TermNumbers(), reaches: [Reach] = []
        var buffer: [StemmerRules.Candidate] = []
        for (word, counts) in vocabulary.entries where counts.capitalized <= counts.common {
            guard let bytes = Stemmer.letters(word), bytes.count >= 5 else { continue }
            buffer.removeAll(keepingCapacity: true)
            StemmerRules.candidates(of: bytes, into: &buffer)
            for c in buffer where c.depth > 0 {
                // An ambiguous recoding vouches for neither of its roots ("pengambilan" is no
                // evidence for "kambil"); the corpus must show the root some other way.
                let countsWay = !c.recoded, countsPlain = c.suffix != .i
                guard countsWay || countsPlain else { continue }
                let id = Int(reachedIDs.id(of: String(decoding: c.root, as: UTF8.self)))
                if id == reaches.count { reaches.append(Reach()) }
                if countsWay { reaches[id].ways |= c.inner.bit }
                if countsPlain { reaches[id].plainCount = max(reaches[id].plainCount, counts.common) }
            }
        }
        self.reachedIDs = reachedIDs
        self.reaches = reaches
    }

    /// The root of a folded (lower-case, diacritic-free) word: "mengunjungi" →
    /// "kunjung". A proper name or a word with no affix comes back unchanged.
    public func stem(_ folded: String) -> String {
        guard folded.utf8.count >= 5, let bytes = Stemmer.letters(folded),
              !StemmerExceptions.lexicalised.contains(folded) else { return folded }
        var candidates: [StemmerRules.Candidate] = []
        candidates.reserveCapacity(16)
        StemmerRules.candidates(of: bytes, into: &candidates)
        if vocabulary.isName(folded) {
            // A name is left alone, unless it is a confix over a common word: "Istana Kepresidenan",
            // "Kementerian Luar Negeri" are written as names but are forms of presiden, menteri.
            guard candidates.contains(where: {
                $0.confix && $0.strong && vocabulary.commonCount(String(decoding: $0.root, as: UTF8.self)) > 0
            }) else { return folded }
        }
        let known = candidates.map { know(String(decoding: $0.root, as: UTF8.self), locked: $0.locked) }
        // When the corpus attests only one side of an ambiguous prefix, the other side's
        // unattested cuts go: "menginvasi" is meng- + invasi (a word), not k + invas + -i.
        var attestedSides: UInt8 = 0
        for (c, k) in zip(candidates, known) where k.attested && c.side != 0 { attestedSides |= 1 << c.side }
        // The commonest word in -ai/-ei/-oi/-ii among the readings: a root must beat it for
        // its -i to be the suffix ("memulai" has mulai, so it is not mula + -i).
        var commonestInVowelI = 0
        for (c, k) in zip(candidates, known)
        where c.root.count >= 3 && c.root.last == StemmerRules.i && StemmerRules.isVowel(c.root[c.root.count - 2]) {
            commonestInVowelI = max(commonestInVowelI, k.common)
        }
        var best: (candidate: StemmerRules.Candidate, known: Known)?
        for (c, k) in zip(candidates, known) where k.attested || c.strong {
            if !k.attested && c.side != 0 && attestedSides != 0 && attestedSides & (1 << c.side) == 0 { continue }
            guard suffixIHolds(c, k, commonestInVowelI: commonestInVowelI) else { continue }
            if let b = best, !Stemmer.isBetter(c, k, than: b.candidate, b.known) { continue }
            best = (c, k)
        }
        return best?.known.root ?? folded
    }

    /// Whether a suffix -i taken off in `c` is believable, where the root itself may end in -i.
    func suffixIHolds(_ c: StemmerRules.Candidate, _ k: Known, commonestInVowelI: Int) -> Bool {
        guard c.suffix == .i && !k.locked && !k.hinted else { return true }
        let withI = vocabulary.commonCount(k.root + "i")
        switch c.suffixIRisk {
        case .afterVowel:
            // "menandai" is tanda + -i because tanda is the commoner word; "mencapai" stays capai.
            if k.common <= max(withI, commonestInVowelI) { return false }
        case .afterLoanEnding:
            // Keep the loans the corpus writes whole ("isolasi", "subsidi"); cut "dilandasi".
            if k.common < withI { return false }
        case .none:
            break
        }
        // A bare -i is an imperative ("kunjungi") only if some form of the root without -i
        // ("kunjungan") is at least as common; "suami" is not suam + -i.
        return !c.isBareI || max(k.common, Int(k.reach.plainCount)) >= withI
    }

    /// Deeper readings win; then attested ones; then the better evidenced root
    /// ("memainkan" is main, not pain; "memulai" is mulai, seen in "dimulai", not
    /// pulai); then the rules' default reading.
    static func isBetter(_ c: StemmerRules.Candidate, _ k: Known,
                         than b: StemmerRules.Candidate, _ bk: Known) -> Bool {
        if c.depth != b.depth { return c.depth > b.depth }
        if k.attested != bk.attested { return k.attested }
        if k.evidence != bk.evidence { return k.evidence > bk.evidence }
        return c.preference > b.preference
    }

    /// What the corpus says of one candidate root.
    struct Known {
        var root: String
        var common: Int
        var reach: Reach
        var hinted: Bool
        var locked: Bool

        /// Whether the corpus vouches for the root: written alone as a common word, reached
        /// through two different inner affixes, or vouched for by hand.
        var attested: Bool { locked || hinted || common > 0 || reach.ways.nonzeroBitCount >= 2 }

        /// How well the corpus knows the root: a hand-made hint first, then the number of
        /// ways it is seen (alone, and through each inner affix), then how often it occurs
        /// alone. Breadth beats frequency: "menonton" is tonton (ditonton, tontonan,
        /// tonton) though colloquial "nonton" is commoner.
        var evidence: Int {
            let ways = reach.ways.nonzeroBitCount + (common > 0 ? 1 : 0)
            return (hinted ? 1 : 0) << 40 | ways << 32 | min(common, Int(UInt32.max))
        }
    }

    func know(_ root: String, locked: Bool) -> Known {
        Known(root: root, common: vocabulary.commonCount(root), reach: reachedIDs.existingID(of: root).map { reaches[Int($0)] } ?? Reach(),
              hinted: StemmerExceptions.rootHints.contains(root), locked: locked)
    }

    /// The bytes of `word` if it is made of ASCII lower-case letters only; words
    /// with digits or other scripts are never stemmed.
    static func letters(_ word: String) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(word.utf8.count)
        for c in word.utf8 {
            guard c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z") else { return nil }
            out.append(c)
        }
        return out
    }
}
