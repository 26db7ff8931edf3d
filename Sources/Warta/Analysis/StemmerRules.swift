// The affix rules of Indonesian as the stemmer applies them: which
// segmentations of a word are possible, before the corpus says which is true.
//
// The order is the one of Nazief–Adriani and its ECS refinement: particles
// (-lah, -kah, -tah), then possessives (-nya, -ku, -mu), then one derivational
// suffix (-kan, -an, -i), then up to three prefixes from the outside in. The
// nasal prefixes meN- and peN- take the shape of the root's first sound and
// swallow a voiceless k, p, t or s, so a root is recoded when they are taken
// off ("menyambut" is meny- + sambut, "pemungutan" is pem- + pungut + -an).

enum StemmerRules {
    /// An affix next to the root, as far as the stemmer needs to tell them apart.
    enum Affix: UInt8 {
        case meN, peN, pe, ber, ter, per, di, ke, se, suffixOnly

        var bit: UInt16 { 1 << UInt16(rawValue) }
    }

    /// The derivational suffix taken off a word, if any.
    enum Suffix: UInt8 {
        case none, kan, an, i
    }

    /// Why a suffix -i may really be the root's last sound.
    enum SuffixIRisk: UInt8 {
        case none
        /// After a, e, i, o: roots end in -ai ("mencapai"), so "menandai" needs the corpus.
        case afterVowel
        /// After s, d: loans end in -si, -di ("isolasi", "subsidi"), though "dilandasi" is landas + -i.
        case afterLoanEnding
    }

    /// One way of reading a word as affixes around a root.
    struct Candidate {
        /// The root this reading leaves (ASCII letters).
        var root: [UInt8]
        /// How many affixes were taken off, particles and possessives included.
        var depth: Int
        /// Whether every affix taken off is one the rules trust without corpus evidence.
        var strong: Bool
        /// The affix that stood directly before the root.
        var inner: Affix = .suffixOnly
        /// The derivational suffix taken off.
        var suffix: Suffix = .none
        /// Which reading wins a tie when the corpus cannot tell (the commoner pattern).
        var preference: Int = 0
        /// Whether the root is a lexicalised word the rules must not cut further.
        var locked: Bool = false
        var suffixIRisk: SuffixIRisk = .none
        /// Whether meN-/peN- could hide another first sound here ("mengambil": ambil or kambil).
        var recoded: Bool = false
        /// Which side of an ambiguous prefix this reading takes: 1 when a sound was put back (a
        /// consonant swallowed by meN-/peN-, the r swallowed by ber-/ter-/per-), 2 for the plain
        /// reading, 0 when the prefix was not ambiguous.
        var side: UInt8 = 0
        /// Whether the reading is a confix (ke-an, peN-an, per-an…), which names hardly ever are.
        var confix: Bool = false

        /// Whether -i was taken off with no prefix ("kunjungi"), which roots in -i make risky ("suami").
        var isBareI: Bool { suffix == .i && inner == .suffixOnly }
    }

    static let a = UInt8(ascii: "a"), e = UInt8(ascii: "e"), i = UInt8(ascii: "i")
    static let o = UInt8(ascii: "o"), u = UInt8(ascii: "u")
    static let k = UInt8(ascii: "k"), p = UInt8(ascii: "p"), t = UInt8(ascii: "t")
    static let s = UInt8(ascii: "s"), r = UInt8(ascii: "r"), n = UInt8(ascii: "n")
    static let m = UInt8(ascii: "m"), l = UInt8(ascii: "l"), w = UInt8(ascii: "w"), y = UInt8(ascii: "y")
    static let g = UInt8(ascii: "g"), h = UInt8(ascii: "h"), d = UInt8(ascii: "d")
    /// The sounds before which meN- is plain me- (and peN- plain pe-).
    static let liquidsAndNasals: [UInt8] = [l, m, n, r, w, y]

    @inline(__always) static func isVowel(_ c: UInt8) -> Bool {
        c == a || c == e || c == i || c == o || c == u
    }

    @inline(__always) static func hasPrefix(_ word: ArraySlice<UInt8>, _ affix: StaticString) -> Bool {
        let count = affix.utf8CodeUnitCount
        guard word.count >= count else { return false }
        for j in 0..<count where word[word.startIndex + j] != affix.utf8Start[j] { return false }
        return true
    }

    @inline(__always) static func hasSuffix(_ word: ArraySlice<UInt8>, _ affix: StaticString) -> Bool {
        let count = affix.utf8CodeUnitCount
        guard word.count >= count else { return false }
        for j in 0..<count where word[word.endIndex - count + j] != affix.utf8Start[j] { return false }
        return true
    }

    /// Whether `root` could be an Indonesian root left by stripping: at least two
    /// syllables (native roots are overwhelmingly disyllabic, so "berat" is not
    /// ber- + "at"), a possible first cluster ("menteri" is not me- + "nteri")
    /// and a possible last sound (no root ends in w, y, c, j: "pahlawan" is not
    /// "pahlaw" + -an).
    static func isPlausibleRoot(_ root: ArraySlice<UInt8>) -> Bool {
        guard root.count >= 3 else { return false }
        var vowels = 0
        for c in root where isVowel(c) { vowels += 1 }
        guard vowels >= 2 else { return false }
        let first = root[root.startIndex], second = root[root.startIndex + 1]
        if !isVowel(first) && !isVowel(second) && !onsets.contains(UInt16(first) << 8 | UInt16(second)) {
            return false
        }
        let last = root[root.endIndex - 1], beforeLast = root[root.endIndex - 2]
        if badFinals.contains(last) { return false }
        if !isVowel(last) && !isVowel(beforeLast) && !codas.contains(UInt16(beforeLast) << 8 | UInt16(last)) {
            return false
        }
        return true
    }

    static func pair(_ letters: StaticString) -> UInt16 {
        UInt16(letters.utf8Start[0]) << 8 | UInt16(letters.utf8Start[1])
    }

    /// Consonant pairs a root may start with (native "ny", "kh", "sy"; loans "pr", "kr", "st"…).
    static let onsets: Set<UInt16> = Set(
        ["bl", "br", "dr", "fl", "fr", "gl", "gr", "kl", "kr", "pl", "pr", "tr", "sk", "sl", "sm", "sn",
         "sp", "st", "sw", "ny", "kh", "sy", "ts", "ps", "sc", "ch"].map(pair))
    /// Consonant pairs a root may end with (native "ng"; loans "teks", "film", "kontras"…).
    static let codas: Set<UInt16> = Set(
        ["ng", "nk", "ks", "rs", "rt", "st", "lm", "lt", "rm", "rn", "nt", "ns", "ps", "ft", "kt", "rd", "nd"]
            .map(pair))
    static let badFinals: Set<UInt8> = Set("wycjqvx".utf8)

    /// Every reading of `word` (not the word itself), appended to `out`.
    static func candidates(of word: [UInt8], into out: inout [Candidate]) {
        let whole = word[...]
        // Particles, then possessives: each optional, so a base is the word with 0, 1 or 2 clitics off.
        var bases: [(stem: ArraySlice<UInt8>, depth: Int, strong: Bool, nya: Bool)] = [(whole, 0, true, false)]
        let rootInLah = hasSuffix(whole, "lah") && StemmerExceptions.rootsInLah.contains { hasSuffix(whole, $0) }
        for particle: StaticString in ["lah", "kah", "tah"]
        where hasSuffix(whole, particle) && whole.count >= 6 && !rootInLah {
            // A particle is rare in news and many roots end in -lah ("masalah"): only with evidence.
            bases.append((whole.dropLast(3), 1, false, false))
        }
        for base in bases {
            if hasSuffix(base.stem, "nya") && base.stem.count >= 6 {
                bases.append((base.stem.dropLast(3), base.depth + 1, base.strong, true))
            } else if (hasSuffix(base.stem, "ku") || hasSuffix(base.stem, "mu")) && base.stem.count >= 5 {
                // "-ku"/"-mu" end many roots ("buku", "ilmu") and are rare in reporting.
                bases.append((base.stem.dropLast(2), base.depth + 1, false, false))
            }
        }
        for base in bases {
            let locked = StemmerExceptions.isLexicalised(base.stem)
            // A clitic leaves a word, which may be short ("halnya" → hal).
            if base.depth > 0 && (locked || (base.stem.count >= 3 && base.stem.contains(where: isVowel))) {
                out.append(Candidate(root: Array(base.stem), depth: base.depth, strong: base.strong, locked: locked))
            }
            if !locked { suffixReadings(of: base, into: &out) }
        }
    }

    /// The readings of a base (the word without clitics) with and without a derivational suffix.
    static func suffixReadings(of base: (stem: ArraySlice<UInt8>, depth: Int, strong: Bool, nya: Bool),
                               into out: inout [Candidate]) {
        var forms: [(ArraySlice<UInt8>, Suffix)] = [(base.stem, .none)]
        if hasSuffix(base.stem, "kan") && base.stem.count >= 6 { forms.append((base.stem.dropLast(3), .kan)) }
        if hasSuffix(base.stem, "an") && base.stem.count >= 5 { forms.append((base.stem.dropLast(2), .an)) }
        if hasSuffix(base.stem, "i") && base.stem.count >= 4 { forms.append((base.stem.dropLast(1), .i)) }
        for (stem, suffix) in forms {
            var risk = SuffixIRisk.none
            if suffix == .i {
                // -u is no root's last sound before -i ("diketahui", "melalui"); a, e, i, o are.
                let last = stem[stem.endIndex - 1]
                if isVowel(last) && last != u { risk = .afterVowel }
                if last == s || last == d { risk = .afterLoanEnding }
            }
            var depth = base.depth
            if suffix != .none {
                depth += 1
                let locked = StemmerExceptions.isLexicalised(stem)
                if locked || isPlausibleRoot(stem) {
                    // -kan and -an alone are reliable on a two-syllable root; a bare -i is not ("negeri").
                    // Without a prefix, an imperative in -kan ("gunakan") is the default over a noun
                    // in -an on a root in -k ("tindakan"); the corpus usually knows which.
                    out.append(Candidate(root: Array(stem), depth: depth, strong: base.strong && suffix != .i,
                                         suffix: suffix, preference: suffix == .kan ? 1 : 0, locked: locked,
                                         suffixIRisk: risk))
                }
            }
            // A prefix confirms a suffix -i after a consonant ("mengunjungi"), not after a vowel ("mencapai").
            let context = Stripping(suffix: suffix, suffixIRisk: risk, nya: base.nya && suffix == .none,
                                    depth: depth, strong: base.strong && risk != .afterVowel)
            stripPrefixes(Array(stem)[...], context, into: &out)
        }
    }

    /// What the outer layers of a word leave to the next prefix taken off.
    struct Stripping {
        var suffix: Suffix
        var suffixIRisk: SuffixIRisk
        /// Whether -nya came off and nothing else yet (the se-nya of "sebaliknya").
        var nya: Bool
        var depth: Int
        var strong: Bool
        var level = 0
        var outer: Affix?
        /// Whether the outer prefix put back a swallowed sound.
        var outerRestored = false
        var outerSide: UInt8 = 0
    }

    /// Whether a word can carry both this outermost prefix and this suffix (the
    /// confixes of Indonesian: ke-an but not ke-kan, meN-kan but not meN-an).
    static func confixAllowed(_ prefix: Affix, _ suffix: Suffix) -> Bool {
        switch suffix {
        case .none: return true
        case .kan: return [.meN, .di, .ter, .ber, .per].contains(prefix)
        case .an: return [.ke, .peN, .pe, .per, .ber, .se].contains(prefix)
        case .i: return [.meN, .di, .ter, .per].contains(prefix)
        }
    }

    /// Which prefix may stand inside which ("memper-", "diber-", "keber-", "penye-"…).
    static func mayFollow(_ inner: Affix, _ outer: Affix) -> Bool {
        switch outer {
        case .meN, .di, .peN: return [.per, .ber, .ke, .se].contains(inner)
        case .ke: return [.ber, .ter, .se, .peN, .pe, .per].contains(inner)
        case .ber: return [.ke, .peN, .pe, .se].contains(inner)
        case .ter: return inner == .ke
        case .per: return [.ke, .se].contains(inner)
        case .se: return inner == .per
        case .pe, .suffixOnly: return false
        }
    }

    /// Whether the rules trust `affix` without the corpus, in this position.
    static func isStrong(_ affix: Affix, leaving rest: ArraySlice<UInt8>, _ context: Stripping) -> Bool {
        let outermostWithAn = context.suffix == .an && context.level == 0
        switch affix {
        case .meN, .peN, .ber, .ter, .di: return true
        case .pe: return outermostWithAn
        case .per: return outermostWithAn || context.outer == .meN || context.outer == .di
        case .ke:
            // ke- alone is too often part of a root ("ketika"); as ke-an, with an ordinal, or inside
            // another prefix ("diketahui", "mengesampingkan", "terkemuka") it is reliable.
            return outermostWithAn || context.level > 0 || StemmerExceptions.numerals.contains(String(decoding: rest, as: UTF8.self))
        case .se:
            // se- before a vowel ("seorang", "seimbang"), as the se-nya of adverbs ("sebaliknya") or
            // se-an ("serangkaian"); before a consonant it is often the root's ("sekutu", "sejarah").
            return isVowel(rest[rest.startIndex]) || (context.nya && context.level == 0) || outermostWithAn
        case .suffixOnly: return false
        }
    }

    static func stripPrefixes(_ stem: ArraySlice<UInt8>, _ context: Stripping, into out: inout [Candidate]) {
        guard stem.count >= 5 else { return }
        forEachReading(stem) { reading in
            let affix = reading.affix, rest = reading.rest
            if let outer = context.outer {
                guard mayFollow(affix, outer) else { return }
            } else {
                guard confixAllowed(affix, context.suffix) else { return }
            }
            if context.level > 0 && (affix == .meN || affix == .di) { return }
            // memper- keeps its p ("memperkuat"): a sound put back by the nasal starts the root
            // ("memeriksa" is periksa, "menerima" is terima, "penyematan" semat), never a prefix.
            if context.outerRestored && [.per, .pe, .ter, .ber, .se].contains(affix) { return }
            let locked = StemmerExceptions.isLexicalised(rest)
            guard locked || isPlausibleRoot(rest) else { return }
            let strong = context.strong && isStrong(affix, leaving: rest, context)
            let side = reading.side != 0 ? reading.side : context.outerSide
            out.append(Candidate(
                root: Array(rest), depth: context.depth + 1, strong: strong, inner: affix, suffix: context.suffix,
                preference: reading.preference * 2 + (context.suffix == .an ? 1 : 0), locked: locked,
                suffixIRisk: context.suffixIRisk, recoded: reading.recoded, side: side,
                confix: context.suffix == .an && (context.outer != nil || affix != .ber)))
            if context.level < 2 && !locked {
                var inner = context
                inner.nya = false
                inner.depth += 1
                inner.strong = strong
                inner.level += 1
                inner.outer = affix
                inner.outerRestored = reading.restored
                inner.outerSide = side
                stripPrefixes(rest, inner, into: &out)
            }
        }
    }

    /// One prefix a stem may start with, and the root it leaves with the sound change undone.
    struct Reading {
        var rest: ArraySlice<UInt8>
        var affix: Affix
        /// 1 for the reading to take when the corpus cannot choose between recodings.
        var preference = 1
        /// Whether a sound swallowed by the prefix was put back.
        var restored = false
        var recoded = false
        var side: UInt8 = 0
    }

    /// Calls `body` with each prefix reading of `stem`.
    static func forEachReading(_ stem: ArraySlice<UInt8>, _ body: (Reading) -> Void) {
        let start = stem.startIndex
        @inline(__always) func at(_ j: Int) -> UInt8 { start + j < stem.endIndex ? stem[start + j] : 0 }
        func restoring(_ c: UInt8, after j: Int) -> ArraySlice<UInt8> { ([c] + stem[(start + j)...])[...] }

        // meN- and peN-: the nasal takes the place of the root's first sound.
        for (nasal, affix): (StaticString, Affix) in [("me", .meN), ("pe", .peN)] where hasPrefix(stem, nasal) {
            let c2 = at(2), c3 = at(3), c4 = at(4)
            if c2 == n && c3 == g {
                if c4 == g || c4 == h || c4 == k {
                    body(Reading(rest: stem.dropFirst(4), affix: affix))     // menghadapi, mengkritik
                } else if isVowel(c4) {
                    // meng + vowel: the root began with k ("mengunjungi") or with the vowel ("mengambil").
                    // In the CLICK-ID corpus, where only one reading is attested, it is the vowel
                    // before a, i, u and the k before e, o ("mengecam", "mengomentari").
                    let kFirst = c4 == e || c4 == o
                    body(Reading(rest: restoring(k, after: 4), affix: affix, preference: kFirst ? 1 : 0,
                                 restored: true, recoded: true, side: 1))
                    body(Reading(rest: stem.dropFirst(4), affix: affix, preference: kFirst ? 0 : 1,
                                 recoded: true, side: 2))
                }
            } else if c2 == n && c3 == y {
                if isVowel(c4) {                                             // menyambut → sambut
                    body(Reading(rest: restoring(s, after: 4), affix: affix, restored: true, recoded: true, side: 1))
                }
            } else if c2 == m {
                if c3 == UInt8(ascii: "b") || c3 == p || c3 == UInt8(ascii: "f") || c3 == UInt8(ascii: "v") {
                    body(Reading(rest: stem.dropFirst(3), affix: affix))     // membantu, mempromosikan, memperkuat
                } else if isVowel(c3) {                                      // memuji → puji
                    body(Reading(rest: restoring(p, after: 3), affix: affix, restored: true, recoded: true, side: 1))
                }
            } else if c2 == n {
                if c3 == UInt8(ascii: "c") || c3 == d || c3 == UInt8(ascii: "j") || c3 == UInt8(ascii: "z") {
                    body(Reading(rest: stem.dropFirst(3), affix: affix))     // mencari, mendukung, menjaga
                } else if isVowel(c3) {                                      // menuduh → tuduh
                    body(Reading(rest: restoring(t, after: 3), affix: affix, restored: true, recoded: true, side: 1))
                }
            }
            // me-/pe- before l, m, n, r, w, y (and ny): no sound change ("melawan", "memiliki",
            // "menyatakan"). Before m, n, ny + vowel the nasal reading above is the alternative.
            let ambiguous = (c2 == m || c2 == n) && (isVowel(c3) || (c3 == y && isVowel(c4)))
            if liquidsAndNasals.contains(c2) {
                if affix == .meN {
                    body(Reading(rest: stem.dropFirst(2), affix: .meN, preference: 0, recoded: ambiguous,
                                 side: ambiguous ? 2 : 0))
                } else if c2 != r {                                          // pelaku, pemuda (pe+r is per-)
                    body(Reading(rest: stem.dropFirst(2), affix: .pe, preference: 0, recoded: ambiguous,
                                 side: ambiguous ? 2 : 0))
                }
            } else if affix == .peN && !isVowel(c2) && c2 != 0 {
                body(Reading(rest: stem.dropFirst(2), affix: .pe))           // pe- of agents: pejabat, petani
            }
            if affix == .peN && hasPrefix(stem, "pelajar") { body(Reading(rest: stem.dropFirst(3), affix: .pe)) }
        }
        // ber-, ter-, per-: the r drops before a root in r ("beragam" is ber + ragam), and
        // ber- is be- before k, t, p + -er ("bekerja", "beternak", "bepergian"). bel- only in "belajar".
        for (head, affix): (StaticString, Affix) in [("be", .ber), ("te", .ter), ("pe", .per)]
        where hasPrefix(stem, head) {
            let c2 = at(2), c3 = at(3)
            if c2 == r && c3 != r && c3 != 0 {
                body(Reading(rest: stem.dropFirst(3), affix: affix, side: isVowel(c3) ? 2 : 0))
            }
            if c2 == r && isVowel(c3) {
                body(Reading(rest: stem.dropFirst(2), affix: affix, preference: 0, side: 1))
            }
            if affix == .ber && (c2 == k || c2 == t || c2 == p) && c3 == e && at(4) == r {
                body(Reading(rest: stem.dropFirst(2), affix: .ber))
            }
        }
        if hasPrefix(stem, "belajar") { body(Reading(rest: stem.dropFirst(3), affix: .ber)) }
        for (head, affix): (StaticString, Affix) in [("di", .di), ("ke", .ke), ("se", .se)] where hasPrefix(stem, head) {
            body(Reading(rest: stem.dropFirst(2), affix: affix))
        }
    }
}
