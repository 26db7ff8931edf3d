import Foundation

/// A loaded, indexed corpus: the articles and everything built from them.
///
/// Immutable once built, so any number of queries may read it at once.
public final class Corpus: Sendable {
    /// Shown in the shell's prompt: the folder or file name.
    public let name: String
    /// Where it was loaded from, if anywhere.
    public let path: String?
    /// The articles, by ordinal.
    public let articles: [Article]
    /// The positional index over title and text.
    public let index: InvertedIndex
    /// Metadata fields found beyond the built-in ones, sorted.
    public let metadataFields: [String]
    /// Problems met while loading (files skipped, lines skipped).
    public let warnings: [LoadWarning]

    /// `date` as day ordinals, `Int32.min` for null: a column to filter on
    /// without touching the articles.
    let dateColumn: [Int32]
    /// The rank of each article's id in id order, for the default order.
    let idRank: [Int32]
    /// Ordinal of each id.
    let ordinalByID: [String: Int]
    /// Paragraphs, sentences, quotes and entity mentions of each article.
    let structures: [ArticleStructure]
    /// The entities mentioned in the corpus; `EntityOccurrence.entity` indexes it.
    let entityTable: [EntityRecord]
    /// Ids of `entityTable` by canonical name.
    let entityIDs: [String: Int32]
    /// `entityPostings[field][entity]`.
    let entityPostings: [[PostingList]]
    /// The names entity predicates are resolved with.
    public let gazetteer: Gazetteer
    /// The root of each term, by term id, and the terms of each root.
    let stems: [String]
    let termsByStem: [String: [String]]
    /// The Indonesian stemmer, with the roots learned from these articles.
    public let stemmer: Stemmer
    /// Paragraphs printed in more than one article.
    let copies: CopyDetector.Clusters
    /// Ranking bounds of posting lists, made on first use.
    let impacts = ImpactCache()
    /// Near-duplicate stories, made on first use for each threshold.
    let storyCache = StoryCache()

    /// The stories of the corpus at a similarity threshold (see `StoryDetector`).
    func stories(threshold: Double) -> Stories {
        storyCache.stories(threshold) { StoryDetector.find(index: index, threshold: threshold) }
    }

    /// Indexes `articles` (ids must be unique), finding entities with `gazetteer`.
    public init(name: String, path: String? = nil, articles: [Article], warnings: [LoadWarning] = [],
                gazetteer: Gazetteer = .standard) {
        self.name = name
        self.path = path
        self.articles = articles
        self.warnings = warnings
        self.gazetteer = gazetteer
        let built = CorpusBuilder.build(articles, gazetteer: gazetteer)
        index = built.index
        structures = built.structures
        entityTable = built.entities
        entityPostings = built.entityPostings
        stems = built.stems
        stemmer = built.stemmer
        copies = built.copies
        var byStem: [String: [String]] = [:]
        for (id, stem) in built.stems.enumerated() { byStem[stem, default: []].append(built.index.termsByID[id]) }
        for k in byStem.keys { byStem[k]!.sort() }
        termsByStem = byStem
        var ids: [String: Int32] = [:]
        for (i, e) in built.entities.enumerated() { ids[e.name] = Int32(i) }
        entityIDs = ids
        dateColumn = articles.map { $0.date?.ordinal ?? Int32.min }
        var rank = [Int32](repeating: 0, count: articles.count)
        for (r, i) in articles.indices.sorted(by: { articles[$0].id < articles[$1].id }).enumerated() {
            rank[i] = Int32(r)
        }
        idRank = rank
        var byID: [String: Int] = [:]
        for (i, a) in articles.enumerated() { byID[a.id] = i }
        ordinalByID = byID
        var extra = Set<String>()
        let builtIn = Set(Schema.articleFields.map(\.name))
        for a in articles { for k in a.fields.keys where !builtIn.contains(k) { extra.insert(k) } }
        metadataFields = extra.sorted()
    }

    /// Loads and indexes a folder, a `.jsonl` file, or a single `.txt`/`.md` file.
    public static func open(path: String, gazetteer: Gazetteer = .standard) throws -> Corpus {
        let t0 = DispatchTime.now().uptimeNanoseconds
        let result = try CorpusLoader.load(path: path)
        let t1 = DispatchTime.now().uptimeNanoseconds
        let corpus = Corpus(name: displayName(path), path: path, articles: result.articles, warnings: result.warnings,
                            gazetteer: gazetteer)
        if ProcessInfo.processInfo.environment["WARTA_TRACE"] != nil {
            let t2 = DispatchTime.now().uptimeNanoseconds
            FileHandle.standardError.write(Data("trace: load \((t1 - t0) / 1_000_000) ms, index \((t2 - t1) / 1_000_000) ms, \(corpus.articles.count) articles, \(corpus.index.termCount) terms\n".utf8))
        }
        return corpus
    }

    /// The entity a name refers to: the gazetteer first, then the names
    /// found in the corpus (type other), compared without case.
    public func entity(named name: String) -> (name: String, type: String, aliases: [String])? {
        if let e = gazetteer.entity(named: name) { return (e.name, e.type.rawValue, e.aliases) }
        if let id = entityIDs[name] { let e = entityTable[Int(id)]; return (e.name, e.type, e.aliases) }
        let folded = Normalizer.fold(name)
        if let e = entityTable.first(where: { Normalizer.fold($0.name) == folded }) { return (e.name, e.type, e.aliases) }
        return nil
    }

    /// The Indonesian root of a folded term.
    func stem(_ term: String) -> String {
        if let id = index.termIDs[term] { return stems[Int(id)] }
        return term
    }

    /// Every word form of the corpus with the same root as `word` (folded):
    /// "kunjungan" gives kunjungan, mengunjungi, berkunjung….
    public func wordForms(sameStemAs word: String) -> [String] {
        let folded = Normalizer.fold(word)
        var roots: Set<String> = [stem(folded)]
        // A word the corpus lacks is stemmed by the corpus's own rules and roots.
        if index.termIDs[folded] == nil { roots.insert(stemmer.stem(folded)) }
        return roots.flatMap { termsByStem[$0] ?? [] }.sorted()
    }

    /// The last path component without extension: `seeds`, `click_id`.
    static func displayName(_ path: String) -> String {
        var p = Substring(path)
        while p.count > 1, p.last == "/" { p = p.dropLast() }
        var last = p.split(separator: "/").last.map(String.init) ?? String(p)
        if let dot = last.lastIndex(of: "."), dot != last.startIndex { last = String(last[..<dot]) }
        return last.isEmpty ? "warta" : last
    }
}

/// Statistics of a corpus, for `.info`.
public struct CorpusSummary: Sendable {
    /// Articles in the corpus.
    public var articles: Int
    /// Words in titles and bodies.
    public var words: Int
    /// Distinct words (after folding case and diacritics).
    public var terms: Int
    /// The earliest article date, if any article has one.
    public var firstDate: Day?
    /// The latest article date, if any article has one.
    public var lastDate: Day?
    /// Articles with no date found.
    public var undated: Int
    /// Articles per source, most first; `nil` source not included.
    public var sources: [(name: String, articles: Int)]
    /// Articles per language (`id`, `en`), most first; articles of unknown language not included.
    public var languages: [(name: String, articles: Int)]
}

extension Corpus {
    /// Counts for `.info`.
    public var summary: CorpusSummary {
        var words = 0
        for f in IndexedField.allCases { for l in index.fieldLengths[f.rawValue] { words += Int(l) } }
        let dates = articles.compactMap(\.date)
        var sources: [String: Int] = [:]
        var langs: [String: Int] = [:]
        for a in articles {
            if let s = a.source { sources[s, default: 0] += 1 }
            if let l = a.lang { langs[l, default: 0] += 1 }
        }
        func ranked(_ d: [String: Int]) -> [(name: String, articles: Int)] {
            d.map { ($0.key, $0.value) }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        }
        return CorpusSummary(articles: articles.count, words: words, terms: index.termCount,
                             firstDate: dates.min(), lastDate: dates.max(), undated: articles.count - dates.count,
                             sources: ranked(sources), languages: ranked(langs))
    }
}
