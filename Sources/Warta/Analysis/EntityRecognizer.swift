/// One place where a text names an entity.
public struct EntityMention: Sendable, Hashable {
    /// The entity's canonical name ("Korea Utara"); for a name the gazetteer
    /// does not know, the name as written.
    public var entity: String
    /// The entity's type (`other` for names the gazetteer does not know).
    public var type: EntityType
    /// The name as written in the text ("Korut", "Kim Jong-un").
    public var alias: String
    /// UTF-8 byte range of `alias` in the text.
    public var range: Range<Int>
    /// The entity's place in the gazetteer that recognised it (-1 for a name it does not know):
    /// a build numbers known entities by it without looking their names up.
    var known: Int32 = -1

    /// A mention from its parts.
    public init(entity: String, type: EntityType, alias: String, range: Range<Int>) {
        self.entity = entity
        self.type = type
        self.alias = alias
        self.range = range
    }
}

/// Finds the named entities of a text: the gazetteer's, under any alias, and
/// the capitalised names it does not know.
///
/// It reads bytes and words, no regular expressions: it runs over every
/// article at index time.
public struct EntityRecognizer: Sendable {
    /// The known entities.
    public let gazetteer: Gazetteer
    /// What the scan asks of a folded word, in one probe.
    let facts: WordFacts

    /// A recognizer over `gazetteer`.
    public init(gazetteer: Gazetteer = .standard) {
        self.gazetteer = gazetteer
        facts = WordFacts(gazetteer: gazetteer)
    }

    /// Gazetteer matches (longest alias first; acronyms — aliases of ≤ 5 letters
    /// written all in capitals — match only in capitals; other aliases match
    /// case- and diacritic-insensitively on word boundaries; "Kim Jong-un"
    /// matches alias "Kim Jong Un": hyphens and spaces are equivalent) and
    /// capitalised runs not in the gazetteer (type other), in text order, never
    /// overlapping.
    ///
    /// A mention always starts with a capital letter: Indonesian news
    /// capitalises names, and the rule keeps "malang" (unlucky), "medan
    /// perang" (battlefield) and "palu" (hammer) from being cities.
    /// A capitalised run leaves out titles ("Presiden", "Wakil Perdana
    /// Menteri", "Mr."), function words, days and months; it may hold
    /// connectors ("bin", "van", "al") but not "di" ("… Vietnam di Hanoi" is
    /// two places); it stops where a gazetteer name starts. A one-word run that
    /// opens a sentence ("Pertumbuhan ekonomi …") counts only when the same
    /// word also stands alone inside a sentence elsewhere in the text, or when a
    /// verb of saying follows it ("Zulmi menjelaskan"). Lines
    /// in title case (headlines) give gazetteer matches only.
    public func mentions(in text: String) -> [EntityMention] {
        TextBytes.withBytes(text) { mentions(utf8: $0) }
    }

    /// The same over UTF-8 bytes (offsets are into `buf`).
    public func mentions(utf8 buf: UnsafeBufferPointer<UInt8>) -> [EntityMention] {
        Scan(buf: buf, words: TextBytes.words(buf), gazetteer: gazetteer, facts: facts).run()
    }

    /// The same for a text whose words the index has already found (`TokenizedText(text)`):
    /// they are not looked for again.
    func mentions(in text: String, tokens: TokenizedText) -> [EntityMention] {
        TextBytes.withBytes(text) { buf in
            guard !tokens.leftOut else { return Scan(buf: buf, words: TextBytes.words(buf), gazetteer: gazetteer, facts: facts).run() }
            // Word k is token k: its folded form is the token's term, not folded again.
            let words = TextBytes.words(buf, starts: tokens.starts, ends: tokens.ends)
            return Scan(buf: buf, words: words, gazetteer: gazetteer, facts: facts, tokens: tokens).run()
        }
    }
}

/// The state of one recognition pass.
private struct Scan {
    let buf: UnsafeBufferPointer<UInt8>
    let words: [TextBytes.Word]
    let gazetteer: Gazetteer
    let facts: WordFacts
    /// The folded form of every capitalised word ("" for the others, which
    /// are folded when needed): a plain array, so the scan never copies a cache.
    let folds: [String]
    /// The words as the tokenizer found them (word k is token k), when it did: their terms and
    /// hashes are not made again.
    let tokens: TokenizedText?
    /// The facts of every capitalised word (`WordFacts.none` for the others).
    let known: [Int32]

    /// - Parameter tokens: the words as the tokenizer found them (word k is token k of `TokenizedText`), if known.
    init(buf: UnsafeBufferPointer<UInt8>, words: [TextBytes.Word], gazetteer: Gazetteer, facts: WordFacts,
         tokens: TokenizedText? = nil) {
        self.buf = buf
        self.words = words
        self.gazetteer = gazetteer
        self.facts = facts
        let tokens = tokens.flatMap { $0.count == words.count ? $0 : nil }
        self.tokens = tokens
        let folds = words.indices.map { k in
            words[k].capitalised ? tokens?.term(k) ?? TextBytes.fold(buf, words[k].start, words[k].end) : ""
        }
        self.folds = folds
        known = words.indices.map { k in
            guard words[k].capitalised else { return WordFacts.none }
            return tokens.map { facts.id(hashed: $0.hashes[k]) { folds[k] } } ?? facts.id(folds[k])
        }
    }

    /// The facts of word `k`.
    @inline(__always)
    func factsOf(_ k: Int) -> Int32 {
        if words[k].capitalised { return known[k] }
        return tokens.map { facts.id(hashed: $0.hashes[k]) { folded(k) } } ?? facts.id(folded(k))
    }

    @inline(__always)
    func folded(_ k: Int) -> String {
        words[k].capitalised ? folds[k] : tokens?.term(k) ?? TextBytes.fold(buf, words[k].start, words[k].end)
    }

    func run() -> [EntityMention] {
        let headlines = titleCaseLines()
        var out: [EntityMention] = []
        var tentative: [(index: Int, key: String)] = []
        // Gathered as they come and made a set only when a tentative name must be checked (most texts have none).
        var standsAlone: [String] = []
        var carryInitial = false
        var i = 0
        while i < words.count {
            let w = words[i]
            guard w.capitalised else {
                carryInitial = false
                i += 1
                continue
            }
            let initial = w.initial || carryInitial
            carryInitial = false
            if let (pattern, count) = gazetteerMatch(at: i) {
                let e = gazetteer.entities[pattern.entity]
                let end = words[i + count - 1].end
                var m = EntityMention(entity: e.name, type: e.type, alias: TextBytes.string(buf, w.start, end), range: w.start..<end)
                m.known = Int32(pattern.entity)
                out.append(m)
                i += count
                continue
            }
            let key = folded(i)
            let fact = known[i]
            let wordClass = facts.classes(fact)
            if !wordClass.isDisjoint(with: .stop) || isNya(key) || facts.has(fact, WordFacts.numeral) {
                // "Dalam Sambutannya, …": the word after an opening function
                // word still opens the sentence.
                carryInitial = initial && wordClass.contains(.function)
                i += 1
                continue
            }
            if w.line < headlines.count && headlines[w.line] {
                i += 1
                continue
            }
            let first = i
            let last = runEnd(from: first)
            i = last + 1
            if last == first, facts.has(fact, WordFacts.direction), let previous = out.last,
               previous.type == .place, previous.range.upperBound <= w.start, joinsBytes(previous.range.upperBound, w.start) {
                // "Jakarta Selatan": the compass word is part of the place before it.
                out[out.count - 1].range = previous.range.lowerBound..<w.end
                out[out.count - 1].alias = TextBytes.string(buf, previous.range.lowerBound, w.end)
                continue
            }
            if last == first {
                // A one-word run: not a lone initial ("korban Z") or a generic
                // head; a speech verb after it makes it a name ("Zulmi menjelaskan").
                if w.end - w.start == 1 || facts.has(fact, WordFacts.genericHead) { continue }
                if initial && !(last + 1 < words.count && !words[last + 1].capitalised
                                && AttributionReader.isVerbBefore(folded(last + 1))) {
                    tentative.append((out.count, key))
                } else {
                    standsAlone.append(key)
                }
            }
            // A name the gazetteer does not know is its own entity, as written: one string for both.
            let name = TextBytes.string(buf, w.start, words[last].end)
            out.append(EntityMention(entity: name, type: .other, alias: name, range: w.start..<words[last].end))
        }
        if tentative.isEmpty { return out }
        // A few looked up among a few are compared, not hashed.
        let alone = tentative.count * standsAlone.count > 256 ? Set(standsAlone) : nil
        var drop: Set<Int> = []
        for t in tentative where !(alone?.contains(t.key) ?? standsAlone.contains(t.key)) { drop.insert(t.index) }
        if drop.isEmpty { return out }
        return out.enumerated().filter { !drop.contains($0.offset) }.map { $0.element }
    }

    /// The last word of the capitalised run that starts at `i`.
    func runEnd(from i: Int) -> Int {
        var last = i
        var j = i + 1
        while j < words.count, joins(last, j) {
            if words[j].capitalised {
                if !canContinue(j) { break }
                last = j
                j += 1
            } else if words[j].end - words[j].start <= 5, facts.has(factsOf(j), WordFacts.connector), j + 1 < words.count,
                      words[j + 1].capitalised, joins(j, j + 1), canContinue(j + 1) {
                last = j + 1
                j += 2
            } else {
                break
            }
        }
        return last
    }

    /// A capitalised word that may extend a run: not a title or function
    /// word, not the start of a gazetteer name.
    func canContinue(_ j: Int) -> Bool {
        let fact = factsOf(j)
        return facts.has(fact, WordFacts.numeral)
            || (facts.classes(fact).isDisjoint(with: .stop) && !isNya(folded(j)) && gazetteerMatch(at: j) == nil)
    }

    /// Whether words `a` and `b` are parts of one name: only spaces or one
    /// hyphen between them, or the dot of an initial ("Vladimir V. Putin").
    func joins(_ a: Int, _ b: Int) -> Bool {
        var j = words[a].end
        if j < words[b].start && buf[j] == 0x2E && words[a].end - words[a].start == 1 { j += 1 }
        return joinsBytes(j, words[b].start)
    }

    /// Only spaces or one hyphen from `from` to `to`.
    func joinsBytes(_ from: Int, _ to: Int) -> Bool {
        var j = from
        var hyphens = 0
        while j < to {
            let b = buf[j]
            if b == 0x20 || b == 0x09 { j += 1 }
            else if b == 0x2D { hyphens += 1; j += 1 }
            else if b == 0xC2 && j + 1 < to && buf[j + 1] == 0xA0 { j += 2 }
            else { return false }
        }
        return hyphens <= 1
    }

    /// "-nya" (its, his) ends common words, not names: "Sambutannya".
    @inline(__always)
    func isNya(_ key: String) -> Bool {
        let u = key.utf8
        return u.count > 5 && u.suffix(3).elementsEqual("nya".utf8)
    }

    /// The longest gazetteer name that starts at word `i`.
    func gazetteerMatch(at i: Int) -> (AliasPattern, Int)? {
        guard let candidates = facts.patterns(factsOf(i)) else { return nil }
        outer: for p in candidates {
            let count = p.words.count
            if i + count > words.count { continue }
            if p.acronym {
                let w = words[i]
                if w.end - w.start != p.exact.count { continue }
                for k in 0..<p.exact.count where buf[w.start + k] != p.exact[k] { continue outer }
                return (p, 1)
            }
            for k in 1..<count {
                guard folded(i + k) == p.words[k],
                      TextBytes.gapKey(buf, words[i + k - 1].end, words[i + k].start) == p.gaps[k - 1]
                else { continue outer }
            }
            return (p, count)
        }
        return nil
    }

    /// Lines written in title case (four words or more, three in four of them
    /// capitalised): headlines and link lists, where capitals mark no names.
    /// Whether each line is one, by line index (up to the last line with a word).
    func titleCaseLines() -> [Bool] {
        var result = [Bool](repeating: false, count: (words.last?.line ?? -1) + 1)
        var line = -1
        var total = 0
        var capitals = 0
        func close() {
            if total >= 4 && capitals * 4 >= total * 3 { result[line] = true }
        }
        for w in words {
            if w.line != line {
                close()
                line = w.line
                total = 0
                capitals = 0
            }
            total += 1
            if w.capitalised { capitals += 1 }
        }
        close()
        return result
    }
}

/// What the recognizer asks of a folded word, found with one probe of one table (`TermNumbers`, not
/// a dictionary per word list): its classes in `NameLexicon`, whether it is a numeral, a
/// compass word, a generic head or a connector, and the gazetteer names that start with it.
struct WordFacts: Sendable {
    static let none: Int32 = -1
    static let numeral: UInt8 = 1, direction: UInt8 = 2, genericHead: UInt8 = 4, connector: UInt8 = 8

    private let numbers: TermNumbers
    private let wordClasses: [NameLexicon.WordClass]
    private let flags: [UInt8]
    private let lists: [[AliasPattern]?]

    init(gazetteer: Gazetteer) {
        var numbers = TermNumbers()
        var classes: [NameLexicon.WordClass] = [], flags: [UInt8] = [], lists: [[AliasPattern]?] = []
        func id(_ word: String) -> Int {
            let id = Int(numbers.id(of: word))
            if id == classes.count { classes.append([]); flags.append(0); lists.append(nil) }
            return id
        }
        for (word, c) in NameLexicon.classes { classes[id(word)] = c }
        for (set, flag) in [(NameLexicon.numerals, WordFacts.numeral), (NameLexicon.directions, WordFacts.direction),
                            (NameLexicon.genericHeads, WordFacts.genericHead), (NameLexicon.connectors, WordFacts.connector)] {
            for word in set { flags[id(word)] |= flag }
        }
        for (word, list) in gazetteer.patterns { lists[id(word)] = list }
        self.numbers = numbers
        wordClasses = classes
        self.flags = flags
        self.lists = lists
    }

    /// The id of a folded word's facts, `none` when it has none.
    @inline(__always)
    func id(_ word: String) -> Int32 { numbers.existingID(of: word).map { Int32($0) } ?? WordFacts.none }

    /// The same for a word known by its hash (`TermNumbers.hash`), made by `word()` only when it must be compared.
    @inline(__always)
    func id(hashed: TermHash, _ word: () -> String) -> Int32 {
        numbers.existingID(hashed: hashed, term: word).map { Int32($0) } ?? WordFacts.none
    }

    @inline(__always)
    func classes(_ id: Int32) -> NameLexicon.WordClass { id < 0 ? [] : wordClasses[Int(id)] }

    @inline(__always)
    func has(_ id: Int32, _ flag: UInt8) -> Bool { id >= 0 && flags[Int(id)] & flag != 0 }

    @inline(__always)
    func patterns(_ id: Int32) -> [AliasPattern]? { id < 0 ? nil : lists[Int(id)] }
}
