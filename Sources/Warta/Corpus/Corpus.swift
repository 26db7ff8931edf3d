import Foundation

/// A loaded, indexed corpus: the articles and everything built from them.
///
/// Everything is read through views over the bytes of an index file: a
/// file mapped by `open(path:)` (nothing that grows with the corpus is read
/// at open), or one laid out in memory when a folder or `.jsonl` file is
/// indexed on the spot, so both are read the same way.
///
/// Immutable once built, so any number of queries may read it at once.
public final class Corpus: Sendable {
    /// Shown in the shell's prompt: the folder or file name.
    public let name: String
    /// Where it was loaded from, if anywhere.
    public let path: String?
    /// The articles, by ordinal, decoded when read.
    public let articles: ArticleStore
    /// The positional index over title and text.
    public let index: InvertedIndex
    /// Metadata fields found beyond the built-in ones, sorted.
    public let metadataFields: [String]
    private let lazyGazetteer: Lazy<Gazetteer>
    private let lazyEntityNames: Lazy<[String]>
    /// Paragraphs, sentences, quotes and entity mentions of each article.
    let structures: StructureStore
    /// `entityPostings[field][entity]`.
    let entityPostings: [PostingTable]
    /// The root of each term, by term id.
    let stems: StemTable
    /// Ranking bounds and stories, kept once made: made with the first statement that needs
    /// them (the runtime looks up `String: Hashable` and `Double: Hashable` for their types by
    /// scanning every conformance of the binary, about 0.1 ms each, which a count never needs).
    private let caches = Lazy({ QueryCaches() }, fallback: { QueryCaches() })
    /// Ranking bounds of posting lists, made on first use.
    var impacts: ImpactCache { caches.value.impacts }

    /// The stories of the corpus at a similarity threshold (see `StoryDetector`).
    func stories(threshold: Double) -> Stories {
        caches.value.stories.value(threshold) { StoryDetector.find(index: index, threshold: threshold) }
    }
    let storage: IndexStorage
    /// Ordinal of each id.
    let ordinalByID: OrdinalIndex
    private let lazyWarnings: Lazy<[LoadWarning]>
    private let lazyDates: Lazy<ValueColumn<Int32>>
    private let lazyRanks: Lazy<ValueColumn<Int32>>
    private let lazyEntities: Lazy<[EntityRecord]>
    // Dictionaries behind non-generic wrappers: `Lazy<[String: …]>` would make the runtime
    // look up `String: Hashable` at open, for a value most statements never read.
    private let lazyEntityIDs: Lazy<EntityIDs>
    private let lazyStems: Lazy<TermsByStem>
    private let lazyStemmer: Lazy<Stemmer>
    private let lazyCopies: Lazy<CopyDetector.Clusters>

    /// Indexes `articles` (ids must be unique), finding entities with `gazetteer`.
    public convenience init(name: String, path: String? = nil, articles: [Article], warnings: [LoadWarning] = [],
                            gazetteer: Gazetteer = .standard) {
        self.init(name: name, path: path, articles: articles, warnings: warnings, gazetteer: gazetteer, source: path,
                  checksums: false, laidOut: { _ in })
    }

    /// Indexes `articles` and hands the bytes of their index file to `laidOut`
    /// (the cache keeps them: with `checksums`, they are what `warta index` writes).
    convenience init(name: String, path: String?, articles: [Article], warnings: [LoadWarning], gazetteer: Gazetteer,
                     source: String?, checksums: Bool, laidOut: ([UInt8]) -> Void) {
        let built = CorpusBuilder.build(articles, gazetteer: gazetteer)
        let bytes = Corpus.indexFile(built, articles: articles, warnings: warnings, source: source, checksums: checksums)
        let stemmer = built.stemmer
        freeInBackground(built)
        laidOut(bytes)
        // Bytes this process just laid out: reading their header cannot fail.
        try! self.init(storage: IndexStorage.memory(bytes), name: name, path: path, gazetteer: gazetteer, stemmer: stemmer)
    }

    /// The bytes of the index file of `articles`.
    static func indexFile(_ built: BuiltCorpus, articles: [Article], warnings: [LoadWarning], source: String?,
                          checksums: Bool = true) -> [UInt8] {
        indexFilePieces(built, articles: articles, warnings: warnings, source: source, checksums: checksums).joined
    }

    /// The same bytes in pieces, as `IndexWriter.save` writes them.
    /// (`IndexWriter.layout` lets go of what it no longer needs of `built` and `articles`.)
    static func indexFilePieces(_ built: consuming BuiltCorpus, articles: consuming [Article], warnings: [LoadWarning], source: String?,
                                checksums: Bool = true) -> IndexFileBytes {
        var extra = Set<String>()
        let builtIn = Set(Schema.articleFields.map(\.name))
        for i in articles.indices { for k in articles[i].fields.keys where !builtIn.contains(k) { extra.insert(k) } }
        let t0 = DispatchTime.now().uptimeNanoseconds
        let file = IndexWriter.layout(built, articles: articles, warnings: warnings, metadataFields: extra.sorted(),
                                      source: source, checksums: checksums)
        if trace { trace("layout \((DispatchTime.now().uptimeNanoseconds - t0) / 1_000_000) ms, \(file.count) bytes in \(file.pieces.count) pieces") }
        return file
    }

    /// A corpus read from the bytes of an index file.
    /// - Parameter gazetteer: nil for the standard one, read when first needed.
    init(storage: IndexStorage, name: String, path: String?, gazetteer: Gazetteer?, stemmer: Stemmer? = nil) throws {
        self.storage = storage
        self.name = name
        self.path = path
        let lazyGazetteer = Lazy({ gazetteer ?? .standard }, fallback: { .standard })
        self.lazyGazetteer = lazyGazetteer
        // For "did you mean": the standard names without building the standard gazetteer's matcher.
        lazyEntityNames = Lazy({ gazetteer.map { $0.entities.map(\.name) } ?? Gazetteer.standardNames }, fallback: { [] })
        var r = ByteReader(storage.bytes(storage[.meta]))
        let meta = IndexMeta.decode(&r)
        let index = try InvertedIndex(storage: storage)
        self.index = index
        metadataFields = meta.metadataFields
        let docs = meta.documentCount, terms = meta.termCount, entities = meta.entityCount
        articles = ArticleStore(blocks: index.blocks)
        structures = StructureStore(blocks: index.blocks)
        entityPostings = [PostingTable(RecordTable(storage, .entityPostingsTitle, count: entities)),
                          PostingTable(RecordTable(storage, .entityPostingsText, count: entities))]
        let stems = StemTable(terms: index.termsByID,
                              others: StringTable(records: RecordTable(storage, .otherStems, count: meta.otherStemCount)),
                              column: Lazy({ ValueColumn<UInt32>.read(storage, .stems, count: terms) }, fallback: { .zeros(terms) }))
        self.stems = stems
        /// A section decoded whole on first use; `compressed` when it is stored deflated.
        func blob<T>(_ s: Section, compressed: Bool = false, _ decode: @escaping (inout ByteReader) -> T, empty: T) -> Lazy<T> {
            Lazy({
                guard storage.verify(storage[s]) else { return nil }
                let stored = storage.bytes(storage[s])
                guard let bytes = compressed ? Deflate.decompress(stored) : Array(stored) else {
                    storage.report("is damaged (section \(s) does not decompress)")
                    return nil
                }
                return bytes.withUnsafeBytes { b -> T? in
                    var r = ByteReader(b)
                    let v = decode(&r)
                    if r.failed { storage.report("is damaged (section \(s) does not decode)"); return nil }
                    return v
                }
            }, fallback: { empty })
        }
        lazyWarnings = blob(.warnings, LoadWarning.decode, empty: [])
        lazyDates = Lazy({ ValueColumn<Int32>.read(storage, .dates, count: docs) }, fallback: { .zeros(docs) })
        ordinalByID = OrdinalIndex(ids: FrontCodedStrings(storage, .ids, count: docs),
                                   ordinals: Lazy({ ValueColumn<UInt32>.read(storage, .idOrdinals, count: docs) }, fallback: { .zeros(docs) }))
        lazyRanks = Lazy({ ValueColumn<Int32>.read(storage, .idRanks, count: docs) }, fallback: { .zeros(docs) })
        let byID = ordinalByID
        lazyIDSlots = Lazy({
            // The inverse of the ids section's ordinals: where each article's id lies in it.
            let ordinals = byID.ordinals.value
            guard ordinals.count == docs else { return nil }
            var slots = [Int32](repeating: -1, count: docs)
            for (k, d) in ordinals.enumerated() where Int(d) < docs { slots[Int(d)] = Int32(k) }
            return slots
        }, fallback: { [] })
        let table = blob(.entities, compressed: true, EntityRecord.decode, empty: [])
        lazyEntities = table
        lazyEntityIDs = Lazy({
            var ids: [String: Int32] = [:]
            for (i, e) in table.value.enumerated() { ids[e.name] = Int32(i) }
            return EntityIDs(byName: ids)
        }, fallback: { EntityIDs(byName: [:]) })
        lazyStems = Lazy({
            var byStem: [String: [String]] = [:]
            for id in 0..<terms { byStem[stems[id], default: []].append(index.termsByID[id]) }
            return TermsByStem(terms: byStem)  // term ids are in sorted order: each list is sorted
        }, fallback: { TermsByStem(terms: [:]) })
        lazyStemmer = stemmer.map { s in Lazy({ s }, fallback: { s }) } ?? Lazy({
            // Roots are learned from this corpus's own words.
            Stemmer(vocabulary: Vocabulary(words: Array(index.termsByID), totals: Array(index.termFrequencies),
                                           capitalized: Array(index.capitalized)))
        }, fallback: { Stemmer(vocabulary: Vocabulary()) })
        lazyCopies = blob(.copies, compressed: true, CopyDetector.Clusters.decode, empty: CopyDetector.Clusters(clusterOf: [], articles: []))
    }

    /// The names entity predicates are resolved with.
    public var gazetteer: Gazetteer { lazyGazetteer.value }
    /// The gazetteer's canonical names, for suggestions.
    var entityNames: [String] { lazyEntityNames.value }
    /// Problems met while loading (files skipped, lines skipped).
    public var warnings: [LoadWarning] { lazyWarnings.value }
    /// `date` as day ordinals, `Int32.min` for null: a column to filter on
    /// without touching the articles.
    var dateColumn: ValueColumn<Int32> { lazyDates.value }
    /// The rank of each article's id in id order, for the default order.
    var idRank: ValueColumn<Int32> { lazyRanks.value }
    /// Where each article's id lies in the ids section.
    private let lazyIDSlots: Lazy<[Int32]>

    /// The id of article `d`, read from the ids section without decoding the article.
    func articleID(_ d: Int) -> String {
        let slots = lazyIDSlots.value
        guard d >= 0 && d < slots.count, slots[d] >= 0 else { return articles[d].id }
        return ordinalByID.ids[Int(slots[d])]
    }
    /// The entities mentioned in the corpus; `EntityOccurrence.entity` indexes it.
    var entityTable: [EntityRecord] { lazyEntities.value }
    /// Ids of `entityTable` by canonical name.
    var entityIDs: [String: Int32] { lazyEntityIDs.value.byName }
    /// The terms of each root.
    var termsByStem: [String: [String]] { lazyStems.value.terms }
    /// The Indonesian stemmer, with the roots learned from these articles.
    public var stemmer: Stemmer { lazyStemmer.value }
    /// Paragraphs printed in more than one article.
    var copies: CopyDetector.Clusters { lazyCopies.value }

    /// Told how far a build is, a line at a time ("indexed 3072 of 25421
    /// articles"); the command line shows it on a terminal.
    public nonisolated(unsafe) static var progress: ((String) -> Void)?

    /// Reads that met damaged bytes so far, and the message of the last
    /// (always 0 for a corpus indexed in memory).
    public var damage: (count: Int, message: String?) { storage.damage }

    /// Opens an index file (`warta index` makes one), or loads and indexes a
    /// folder, a `.jsonl` file, or a single `.txt`/`.md` file.
    /// - Throws: `IndexFileError` for an index file that is truncated,
    ///   damaged or of another format version.
    /// - Parameters:
    ///   - path: a `.widx` index file, a folder, a `.jsonl` file or one article file.
    ///   - gazetteer: the entities to find; nil for the standard gazetteer.
    ///   - cache: where to keep the index of a folder or `.jsonl` file, and
    ///     find it again while its files are unchanged (`CorpusCache`); nil
    ///     to index it every time. Not used with a gazetteer of one's own.
    public static func open(path: String, gazetteer: Gazetteer? = nil, cache: CorpusCache? = nil) throws -> Corpus {
        if IndexStorage.isIndexFile(path: path) {
            let t0 = DispatchTime.now().uptimeNanoseconds
            let storage = try IndexStorage.map(path: path)
            let corpus = try Corpus(storage: storage, name: displayName(path), path: path, gazetteer: gazetteer)
            if trace {
                let us = (DispatchTime.now().uptimeNanoseconds - t0) / 1000
                Warta.trace("open \(path): \(us) µs, \(corpus.articles.count) articles, \(corpus.index.termCount) terms, \(storage.count) bytes")
            }
            // Entities added on the command line are found by indexing the articles again.
            if let gazetteer, gazetteer.entities.count != Gazetteer.standard.entities.count {
                return Corpus(name: corpus.name, path: path, articles: Array(corpus.articles), warnings: corpus.warnings,
                              gazetteer: gazetteer)
            }
            return corpus
        }
        let key = gazetteer == nil ? cache?.key(for: path) : nil
        if let cache, let key, let corpus = cache.corpus(for: key, path: path) { return corpus }
        let t0 = DispatchTime.now().uptimeNanoseconds
        let result = try CorpusLoader.load(path: path)
        let t1 = DispatchTime.now().uptimeNanoseconds
        // With a cache: the file `warta index` would write, checksums and all, kept for the next opening.
        let corpus = Corpus(name: displayName(path), path: path, articles: result.articles, warnings: result.warnings,
                            gazetteer: gazetteer ?? .standard, source: key?.path ?? path, checksums: key != nil) { bytes in
            if let cache, let key { cache.store(bytes, for: key) }
        }
        if trace {
            let t2 = DispatchTime.now().uptimeNanoseconds
            FileHandle.standardError.write(Data("trace: load \((t1 - t0) / 1_000_000) ms, index \((t2 - t1) / 1_000_000) ms, \(corpus.articles.count) articles, \(corpus.index.termCount) terms\n".utf8))
        }
        return corpus
    }

    /// Loads and indexes `path` (a folder, `.jsonl` or text file) and writes
    /// its index file to `output`, atomically.
    public static func writeIndex(of path: String, to output: String, gazetteer: Gazetteer = .standard) throws {
        let t0 = DispatchTime.now().uptimeNanoseconds
        IndexWriter.forgetCachedPages(of: output)
        var result = try CorpusLoader.load(path: path)
        if trace { trace("load \((DispatchTime.now().uptimeNanoseconds - t0) / 1_000_000) ms, \(result.articles.count) articles") }
        let built = CorpusBuilder.build(result.articles, gazetteer: gazetteer)
        progress?("writing \(output)")
        let source = URL(fileURLWithPath: path).standardizedFileURL.path
        // The layout is given the only copies of the articles and of what was built, and lets them go as it goes.
        let articles = result.articles
        result.articles = []
        let file = indexFilePieces(consume built, articles: consume articles, warnings: result.warnings, source: source)
        let t1 = DispatchTime.now().uptimeNanoseconds
        try IndexWriter.save(file, to: output)
        if trace { trace("write \((DispatchTime.now().uptimeNanoseconds - t1) / 1_000_000) ms") }
    }

    /// Verifies every checksum of an index file (`warta check`).
    /// - Returns: the damaged blocks' numbers (empty: the file is sound) and how many blocks there are.
    public static func check(indexFile path: String) throws -> (damaged: [Int], blocks: Int, message: String?) {
        let storage = try IndexStorage.map(path: path)
        let bad = storage.verifyAll()
        return (bad, storage.blockCount, storage.damage.message)
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
        if let id = index.termID(term) { return stems[Int(id)] }
        return term
    }

    /// Every word form of the corpus with the same root as `word` (folded):
    /// "kunjungan" gives kunjungan, mengunjungi, berkunjung….
    public func wordForms(sameStemAs word: String) -> [String] {
        let folded = Normalizer.fold(word)
        var roots: Set<String> = [stem(folded)]
        // A word the corpus lacks is stemmed by the corpus's own rules and roots.
        if index.termID(folded) == nil { roots.insert(stemmer.stem(folded)) }
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

/// `Corpus.entityIDs`, behind a non-generic type (see `Corpus.lazyEntityIDs`).
struct EntityIDs { let byName: [String: Int32] }

/// `Corpus.termsByStem`, behind a non-generic type (see `Corpus.lazyStems`).
struct TermsByStem { let terms: [String: [String]] }
