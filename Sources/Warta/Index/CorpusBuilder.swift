import Dispatch
import Foundation
import CMalloc

let trace = getenv("WARTA_TRACE") != nil  // not ProcessInfo's environment, a dictionary of every variable

/// Lets the last references to `values` go on another thread: what a build made of a big
/// corpus is millions of small arrays, and freeing them took ~0.3 s of the 1x CLICK-ID build
/// that nothing waited on (the file could be written, the corpus answer, meanwhile). The
/// memory is then handed back to the kernel.
func freeInBackground<each T: Sendable>(_ values: repeat each T) {
    let box = Leftovers((repeat each values))
    DispatchQueue.global(qos: .utility).async {
        box.drop()
        // Hand the freed memory back to the kernel now (a program may have told glibc not to trim as it goes).
        warta_release_free_memory()
    }
}

/// The same, but the memory is kept for what the build allocates next: fresh pages cost a
/// fault each (on a virtual machine, many times more than reusing one), freed ones do not.
func freeInBackgroundForReuse<each T: Sendable>(_ values: repeat each T) {
    let box = Leftovers((repeat each values))
    DispatchQueue.global(qos: .utility).async { box.drop() }
}

/// The same for a value the caller holds in a variable: it is moved out (`empty` is left in its
/// place) into what the other thread lets go of, so that the caller keeps no reference. (With a
/// copy passed, the other thread may drop its reference first, and the caller's, the last one,
/// frees it all on the caller's thread after all.)
func freeInBackgroundForReuse<T: Sendable>(taking value: inout T, leaving empty: T) {
    var taken = empty
    swap(&taken, &value)
    let box = Leftovers(consume taken)
    DispatchQueue.global(qos: .utility).async { box.drop() }
}

private final class Leftovers<V: Sendable>: @unchecked Sendable {
    private var value: V?
    init(_ value: V) { self.value = value }
    func drop() { value = nil }
}

/// Work started on a thread of its own, outside Dispatch's pool: it shares the cores with the
/// pool's work (which the scheduler then interleaves) instead of taking one of the pool's threads
/// from a `concurrentPerform` that runs meanwhile. `value()` waits for it.
final class OwnThread<T>: @unchecked Sendable {
    private var result: T?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping () -> T) {
        nonisolated(unsafe) let work = work
        let thread = Thread { [self] in
            result = work()
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// What the work gave, once it is done.
    func value() -> T {
        done.wait()
        done.signal()
        return result!
    }
}

/// Runs every piece of `work` once, on every core: a core done with one piece takes the next not yet
/// begun, so the longest pieces should come first. Each piece keeps what it makes in a `Made` of its own.
/// A piece may hand in more pieces (`Pieces.add`), which run once those before them have begun: work
/// that a piece makes ready (the roots to find once the stemmer has learned them) is shared by the cores
/// as soon as it is ready, not done on the core that made it ready while the other has nothing left.
func together(_ work: [(Pieces) -> Void]) {
    let pieces = Pieces()
    for w in work { pieces.add(w) }
    pieces.run()
}

/// The pieces of work `together` hands to the cores. Each piece is given the `Pieces` that runs it
/// rather than holding it, so the queue and what the pieces captured go when the run is done.
final class Pieces: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [(Pieces) -> Void] = []
    /// The next piece not yet begun, and how many have begun and not ended.
    private var next = 0, running = 0

    /// A piece to run after those already handed in.
    func add(_ piece: @escaping (Pieces) -> Void) {
        condition.lock()
        queue.append(piece)
        condition.broadcast()
        condition.unlock()
    }

    /// Runs the pieces on every core until none is left to begin and none is running (a running piece may add more).
    fileprivate func run() {
        DispatchQueue.concurrentPerform(iterations: max(1, ProcessInfo.processInfo.activeProcessorCount)) { _ in
            condition.lock()
            while true {
                if next < queue.count {
                    let piece = queue[next]
                    next += 1
                    running += 1
                    condition.unlock()
                    piece(self)
                    condition.lock()
                    running -= 1
                    condition.broadcast()
                } else if running == 0 {
                    break
                } else {
                    condition.wait()
                }
            }
            condition.unlock()
        }
    }
}

/// What one piece of `together`'s work made, read once all are done.
final class Made<T>: @unchecked Sendable {
    private var made: T?
    func set(_ value: T) { made = value }
    var value: T { made! }
}

/// Runs `first` and `second` at once, on two cores, and returns what each gives.
func inParallel<A, B>(_ first: () -> A, _ second: () -> B) -> (A, B) {
    var a: A?, b: B?
    withUnsafeMutablePointer(to: &a) { aOut in
        withUnsafeMutablePointer(to: &b) { bOut in
            nonisolated(unsafe) let aOut = aOut, bOut = bOut
            DispatchQueue.concurrentPerform(iterations: 2) { job in
                if job == 0 { aOut.pointee = first() } else { bOut.pointee = second() }
            }
        }
    }
    return (a!, b!)
}

private final class TracedCPU: @unchecked Sendable { var value = 0 }
private let tracedCPU = TracedCPU()

/// Prints a timing line on standard error when WARTA_TRACE is set.
/// A phase's line also says how much memory the process holds then (resident, MiB).
func trace(_ message: String) {
    var resident = ""
    if !message.hasPrefix("  "), let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) {
        let fields = statm.split(separator: " ")
        if fields.count > 1, let pages = Int(fields[1]) { resident = " [\((pages * Int(getpagesize())) >> 20) MiB" }
        // The CPU time (user + system, all threads) since the last phase's line.
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let cpu = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000 + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000
        resident += ", CPU \(cpu - tracedCPU.value) ms]"
        tracedCPU.value = cpu
    }
    FileHandle.standardError.write(Data(("trace: " + message + resident + "\n").utf8))
}

/// One article taken apart for indexing: the words of each field and the
/// structure of its body. Computed in parallel; consumed in order.
struct AnalyzedArticle: Sendable {
    var title: TokenizedText
    var text: TokenizedText
    var structure: ArticleStructure
    /// Entity mentions before the corpus numbers its entities, with whether each alias is the
    /// bytes of its words (`EntityOccurrence.spelled`).
    var mentions: [(mention: EntityMention, field: IndexedField, tokens: Range<Int32>, spelled: Bool)]
    /// Positions in the body of words capitalised mid-sentence.
    var capitalized: [Int32]
    /// What gives back the title and body from their words.
    var shape: ArticleShape
}

/// The text analysis an article goes through, configured once per corpus.
struct ArticleAnalyzer: Sendable {
    let recognizer: EntityRecognizer
    let quoteFinder: QuoteFinder

    init(gazetteer: Gazetteer) {
        recognizer = EntityRecognizer(gazetteer: gazetteer)
        quoteFinder = QuoteFinder(recognizer: recognizer)
    }

    /// Words, paragraphs, sentences, quotes and entity mentions of one article.
    func analyze(_ a: Article) -> AnalyzedArticle {
        var body = a.text
        return body.withUTF8 { analyze(a, body: $0) }
    }

    /// The same, with the body's UTF-8 bytes at hand: its paragraphs are read where they lie.
    private func analyze(_ a: Article, body bytes: UnsafeBufferPointer<UInt8>) -> AnalyzedArticle {
        let title = TokenizedText(a.title)
        let text = TokenizedText(a.text)
        var structure = ArticleStructure()
        let ranges = paragraphRanges(a.text)
        func span(_ r: Range<Int>) -> TextSpan {
            TextSpan(tokens: text.tokens(in: r), bytes: Int32(r.lowerBound)..<Int32(r.upperBound))
        }
        for r in ranges {
            structure.paragraphs.append(span(r))
            for s in SentenceSplitter.sentences(utf8: UnsafeBufferPointer(rebasing: bytes[r])) {
                structure.sentences.append(span((s.lowerBound + r.lowerBound)..<(s.upperBound + r.lowerBound)))
            }
        }
        // The body's entity mentions, found once, serve the quote finder per paragraph.
        let textMentions = recognizer.mentions(in: a.text, tokens: text)
        var perParagraph = [[EntityMention]](repeating: [], count: ranges.count)
        var p = 0
        for m in textMentions {
            while p < ranges.count && ranges[p].upperBound <= m.range.lowerBound { p += 1 }
            guard p < ranges.count, m.range.lowerBound >= ranges[p].lowerBound, m.range.upperBound <= ranges[p].upperBound else { continue }
            var local = m
            local.range = (m.range.lowerBound - ranges[p].lowerBound)..<(m.range.upperBound - ranges[p].lowerBound)
            perParagraph[p].append(local)
        }
        for (k, quotes) in quoteFinder.quotes(in: bytes, paragraphs: ranges, mentions: perParagraph).enumerated() where k < ranges.count {
            let base = ranges[k].lowerBound
            for q in quotes {
                structure.quotes.append(QuoteSpan(span: span((q.range.lowerBound + base)..<(q.range.upperBound + base)), speaker: q.speaker))
            }
        }
        var mentions: [(mention: EntityMention, field: IndexedField, tokens: Range<Int32>, spelled: Bool)] = []
        for m in recognizer.mentions(in: a.title, tokens: title) {
            let tokens = title.tokens(in: m.range)
            mentions.append((m, .title, tokens, EntityOccurrence.spells(m.alias, words: tokens, starts: title.starts, ends: title.ends, in: a.title)))
        }
        for m in textMentions {
            let tokens = text.tokens(in: m.range)
            mentions.append((m, .text, tokens, EntityOccurrence.spells(m.alias, words: tokens, starts: text.starts, ends: text.ends, in: a.text)))
        }
        // A capital at the start of a sentence says nothing about a name.
        // The sentences are in text order, so their first words are met in step with the words.
        var capitalized: [Int32] = []
        var sentence = 0
        for (i, start) in text.starts.enumerated() where startsUppercase(bytes, Int(start)) {
            while sentence < structure.sentences.count && structure.sentences[sentence].tokens.lowerBound < Int32(i) { sentence += 1 }
            if sentence < structure.sentences.count && structure.sentences[sentence].tokens.lowerBound == Int32(i) { continue }
            capitalized.append(Int32(i))
        }
        return AnalyzedArticle(title: title, text: text, structure: structure, mentions: mentions, capitalized: capitalized,
                               shape: ArticleShape(a, title: title, text: text))
    }

    private func startsUppercase(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard i < bytes.count else { return false }
        let b = bytes[i]
        if b < 0x80 { return b >= 0x41 && b <= 0x5A }
        return Tokenizer.decode(bytes, at: i).0.properties.isUppercase
    }
}

/// What the corpus builds from its articles.
struct BuiltCorpus: Sendable {
    var index: BuiltIndex
    var structures: [ArticleStructure] = []
    /// What gives back each article's title and body from their words.
    var shapes: [ArticleShape] = []
    var entities: [EntityRecord] = []
    /// `entityPostings[field]`: where each entity is mentioned, by entity id,
    /// one position (the mention's first word) per mention.
    var entityPostings: [FlatPostings] = IndexedField.allCases.map { _ in .counting(terms: 0) { _ in } }
    /// The Indonesian root of each term, by term id.
    var stems: [String] = []
    /// The stemmer, with the roots it learned from the corpus.
    var stemmer = Stemmer(vocabulary: Vocabulary())
    /// Paragraphs printed in more than one article.
    var copies = CopyDetector.Clusters(clusterOf: [], articles: [])
    /// Per article, the first one with the same title and text (itself when
    /// none): found once, for the analysis and for the index file's duplicates.
    var firsts: [Int32] = []
    /// The terms' orders in the index file, when made with the rest (else the layout makes them).
    var termOrder: TermOrder?
}

/// An entity as the corpus knows it.
struct EntityRecord: Sendable, Hashable {
    var name: String
    var type: String
    var aliases: [String]
}

/// Builds the index and the article structures, analysing articles on every
/// core in batches (memory stays bounded by a batch, not by the corpus) and
/// adding them to the index in article order.
enum CorpusBuilder {
    static let batchSize = 1024

    /// - Parameters:
    ///   - parts: how many stretches to build at once (by default one per core, for a big corpus).
    ///   - firsts: per article, the first one it is identical to (`identicalArticles`, the default); tests
    ///     pass each article's own ordinal to analyse every copy afresh.
    static func build(_ articles: [Article], gazetteer: Gazetteer, parts: Int? = nil, firsts: [Int32]? = nil) -> BuiltCorpus {
        let analyzer = ArticleAnalyzer(gazetteer: gazetteer)
        let t0 = DispatchTime.now().uptimeNanoseconds
        // One part per core, each analysing and indexing its own stretch of
        // articles; the parts are then joined in article order, which gives
        // the ids a single pass would have given.
        // (The cores are counted only for a big corpus: counting reads files in /sys.)
        let partCount = max(1, min(articles.count, parts ?? (articles.count < 2 * batchSize ? 1
            : min(ProcessInfo.processInfo.activeProcessorCount, articles.count / batchSize))))
        let size = (articles.count + partCount - 1) / partCount
        var parts = [CorpusPart?](repeating: nil, count: partCount)
        let done = ProgressCounter(total: articles.count)
        // Identical articles found here serve the index file's duplicates too; a test's own `firsts` does not.
        let found = firsts == nil ? identicalArticles(articles) : []
        let firsts = firsts ?? found
        if trace { trace("  identical articles \((DispatchTime.now().uptimeNanoseconds - t0) / 1_000_000) ms") }
        let shared = SharedAnalyses(firsts: firsts) { analyzer.analyze(articles[$0]) }
        let stretches = Stretches((0..<partCount).map { k in min(articles.count, k * size)..<min(articles.count, k * size + size) })
        parts.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let out = out
            DispatchQueue.concurrentPerform(iterations: partCount) { k in
                var part = CorpusPart()
                let lo = min(articles.count, k * size), hi = min(articles.count, lo + size)
                // Room for the words of this part's articles; the first part's is joined to by the
                // others, so it makes room for them all. News text runs about one word per 6-7 bytes.
                var bytes = [0, 0]
                for i in (k == 0 ? 0 : lo)..<(k == 0 ? articles.count : hi) {
                    bytes[IndexedField.title.rawValue] += articles[i].title.utf8.count
                    bytes[IndexedField.text.rawValue] += articles[i].text.utf8.count
                }
                part.builder.reserve(words: bytes.map { $0 / 5 + 16 }, documents: k == 0 ? articles.count : hi - lo)
                func add(_ batch: [AnalyzedArticle], from start: Int) {
                    // By index: each analysis is lent to `add`, not copied out of the batch first.
                    for j in batch.indices { part.add(batch[j], copyOf: shared.copyKey(start + j), gazetteer: gazetteer) }
                    done.add(batch.count)
                }
                if partCount == 1 {
                    // A single part (a small corpus) still analyses on every core.
                    for start in stride(from: lo, to: hi, by: batchSize) {
                        add(parallelMap(start..<min(hi, start + batchSize)) { shared.analysis(of: $0) }, from: start)
                    }
                } else {
                    // Its own articles from the front; then, in order, those another part analysed for it.
                    while let r = stretches.front(k) { add(shared.analyses(of: r), from: r.lowerBound) }
                    var start = stretches.ownEnd(k)
                    while start < hi {
                        let batch = stretches.wait(k, start)
                        add(batch, from: start)
                        start += batch.count
                    }
                }
                out[k] = part
                if trace { trace("  part \(k): articles \(lo)..<\(hi) done at \((DispatchTime.now().uptimeNanoseconds - t0) / 1_000_000) ms") }
                // Done: the last articles of a part still at work are analysed here (the cores are shared
                // with other work, so two equal stretches rarely end together).
                var helped = 0
                while let (j, r) = stretches.steal(for: k) {
                    stretches.deliver(j, r, shared.analyses(of: r))
                    helped += r.count
                }
                if trace && helped > 0 { trace("  part \(k) then analysed \(helped) articles of other parts") }
            }
        }
        let tAnalysed = DispatchTime.now().uptimeNanoseconds
        // Each part is let go of as it is taken: the whole then owns its arrays alone and grows them in place, not a copy.
        var whole = parts[0].take() ?? CorpusPart()
        for k in 1..<partCount { whole.append(&parts[k]!) }
        // What the whole did not take of the other parts is freed meanwhile (~60 ms at 1x CLICK-ID).
        freeInBackgroundForReuse(taking: &parts, leaving: [])
        if trace { trace("analyse+add \((tAnalysed - t0) / 1_000_000) ms, join \((DispatchTime.now().uptimeNanoseconds - tAnalysed) / 1_000_000) ms") }
        let builder = whole.builder
        let structures = whole.structures, shapes = whole.shapes, entities = whole.entities
        whole = CorpusPart()
        let tIndexed = DispatchTime.now().uptimeNanoseconds
        let text = builder.forward(.text)
        let frequencies = builder.termFrequencies()
        // The posting lists, the roots (learned from this corpus's own words and their counts) and
        // the copies (read from the bodies' words) need nothing of each other: they are made at once,
        // a piece of work a core, longest first, so that the cores end together.
        let postings = (0..<IndexedField.allCases.count).map { _ in Made<FlatPostings>() }
        let entityPostings = Made<[FlatPostings]>(), copies = Made<CopyDetector.Clusters>()
        // The roots: the stemmer learns from the whole vocabulary (one piece), then the terms are
        // stemmed a stretch a piece, on whichever cores are free by then.
        let terms = builder.terms
        let learned = Made<Stemmer>()
        let stemChunks = 8, perChunk = (terms.count + stemChunks - 1) / stemChunks
        let stemmed = (0..<stemChunks).map { _ in Made<[String]>() }
        let termOrder = Made<TermOrder>()
        together([
            { _ in postings[IndexedField.text.rawValue].set(builder.postings(of: .text)) },
            { _ in copies.set(CopyDetector.find(words: text.words, starts: text.starts, structures: structures, firsts: firsts)) },
            { pieces in
                let stemmer = Stemmer(vocabulary: Vocabulary(numbered: builder.termTable, totals: frequencies,
                                                             capitalized: builder.capitalizedCounts))
                learned.set(stemmer)
                for c in 0..<stemChunks {
                    let r = min(terms.count, c * perChunk)..<min(terms.count, c * perChunk + perChunk)
                    pieces.add { _ in stemmed[c].set(terms[r].map { stemmer.stem($0) }) }
                }
            },
            { _ in entityPostings.set(FlatPostings.ofEntities(in: structures, count: entities.count)) },
            { _ in postings[IndexedField.title.rawValue].set(builder.postings(of: .title)) },
            { _ in termOrder.set(TermOrder(terms: terms, frequencies: frequencies)) },
        ])
        let index = builder.finish(termFrequencies: frequencies, postings: postings.map { $0.value })
        let stemmer = learned.value, stems = stemmed.flatMap { $0.value }
        if trace { trace("postings, entities' postings, roots and copies, at once \((DispatchTime.now().uptimeNanoseconds - tIndexed) / 1_000_000) ms") }
        return BuiltCorpus(index: index, structures: structures, shapes: shapes, entities: entities, entityPostings: entityPostings.value,
                           stems: stems, stemmer: stemmer, copies: copies.value, firsts: found,
                           termOrder: termOrder.value)
    }

    /// For each article, the first one with the same title and text bytes
    /// (itself when none): all that analysis reads of an article.
    static func identicalArticles(_ articles: [Article]) -> [Int32] {
        IdenticalTexts.firsts(count: articles.count, hash: { ExactDuplicates.fingerprint(articles[$0]) },
                              same: { ExactDuplicates.sameText(articles[$0], articles[$1]) })
    }
}

/// The articles and index of one stretch of the corpus, built on one core.
struct CorpusPart {
    var builder = IndexBuilder()
    var structures: [ArticleStructure] = []
    var shapes: [ArticleShape] = []
    var entities: [EntityRecord] = []
    /// Each entity's id by its name (entity k is `entities[k]`, numbered in order of first mention).
    private var entityIDs = TermNumbers()
    /// The names of an article's mentions that `knownIDs` does not answer, and their ids.
    private var unknownNames: [String] = [], unknownIDs: [UInt32] = []
    /// The id of each gazetteer entity already met (by `EntityMention.known`), -1 for one not yet met:
    /// most mentions are of known entities, whose names are then not hashed again.
    private var knownIDs: [Int32] = []
    /// The document of this part each article with identical copies was first added as, by that article's ordinal.
    private var copiedDocs: [Int32: UInt32] = [:]

    /// Adds the next article.
    /// - Parameter copyOf: for an article with identical copies, the first of them (see `SharedAnalyses.copyKey`).
    mutating func add(_ a: AnalyzedArticle, copyOf first: Int32? = nil, gazetteer: Gazetteer) {
        if let first, let earlier = copiedDocs[first] {
            addCopy(a, of: earlier)
            return
        }
        let doc = builder.add(tokens: [a.title, a.text], capitalizedInText: a.capitalized)
        if let first { copiedDocs[first] = doc }
        var structure = a.structure
        // Gathered here and set once: each change of `structure.entities` makes a new store of them.
        var occurrences: [EntityOccurrence] = []
        occurrences.reserveCapacity(a.mentions.count)
        if knownIDs.isEmpty { knownIDs = [Int32](repeating: -1, count: gazetteer.entities.count) }
        // The names that need looking up are looked up together (`TermNumbers.appendIDs`), in
        // mention order: the ids are those one lookup after another would give.
        unknownNames.removeAll(keepingCapacity: true)
        unknownIDs.removeAll(keepingCapacity: true)
        for (m, _, _, _) in a.mentions where !(m.known >= 0 && Int(m.known) < knownIDs.count && knownIDs[Int(m.known)] >= 0) {
            unknownNames.append(m.entity)
        }
        entityIDs.appendIDs(of: unknownNames, to: &unknownIDs)
        // Those ids in the same order; `knownIDs` learns them only after, so that a name met twice
        // here takes its two looked-up ids (the same) rather than one from `knownIDs`.
        var next = 0
        var learned: [(known: Int, id: Int32)] = []
        for (m, field, tokens, spelled) in a.mentions {
            let known = m.known >= 0 && Int(m.known) < knownIDs.count ? Int(m.known) : nil
            var id = known.map { knownIDs[$0] } ?? -1
            if id < 0 {
                id = Int32(unknownIDs[next])
                next += 1
                if id == entities.count {
                    entities.append(EntityRecord(name: m.entity, type: m.type.rawValue,
                                                 aliases: gazetteer.entity(named: m.entity).map { $0.aliases } ?? []))
                }
                if let known { learned.append((known, id)) }
            }
            occurrences.append(EntityOccurrence(entity: id, field: field, tokens: tokens, alias: m.alias, spelled: spelled))
        }
        for (known, id) in learned { knownIDs[known] = id }
        structure.entities = occurrences
        structures.append(structure)
        shapes.append(a.shape)
    }

    /// Adds an article identical to document `earlier` of this part: its
    /// words, structure and entities are the earlier one's, already numbered.
    private mutating func addCopy(_ a: AnalyzedArticle, of earlier: UInt32) {
        builder.add(copyOf: earlier, capitalizedInText: a.capitalized)
        structures.append(structures[Int(earlier)])
        shapes.append(shapes[Int(earlier)])
    }

    /// Appends the part that follows this one.
    /// The other part's structures are taken out of it (so that they are renumbered in place); the
    /// rest of it is left to the caller to let go of.
    mutating func append(_ other: inout CorpusPart) {
        // The forward index is joined on one core while the entities and structures are on another.
        var joined = IndexBuilder()
        swap(&joined, &builder)
        var otherStructures: [ArticleStructure] = []
        swap(&otherStructures, &other.structures)
        let otherEntities = other.entities, otherShapes = other.shapes
        let t0 = DispatchTime.now().uptimeNanoseconds
        let (index, _) = inParallel({ () -> IndexBuilder in
            joined.append(other.builder)
            if trace { trace("  join: words \((DispatchTime.now().uptimeNanoseconds - t0) / 1_000_000) ms") }
            return joined
        }, {
            appendEntities(otherEntities, &otherStructures, otherShapes)
            if trace { trace("  join: entities and structures \((DispatchTime.now().uptimeNanoseconds - t0) / 1_000_000) ms") }
        })
        builder = index
        // The other part gets its structures back (their arrays are shared with this part's now)
        // and lets them go with the rest of it.
        swap(&otherStructures, &other.structures)
    }

    /// Appends the entities, structures and shapes of the part that follows this one.
    private mutating func appendEntities(_ otherEntities: [EntityRecord], _ otherStructures: inout [ArticleStructure],
                                         _ otherShapes: [ArticleShape]) {
        // The other part's names looked up together (`TermNumbers.appendIDs`), in its order.
        var remap: [UInt32] = []
        remap.reserveCapacity(otherEntities.count)
        entityIDs.reserve(entities.count + otherEntities.count)
        entityIDs.appendIDs(of: otherEntities.map(\.name), to: &remap)
        for (e, id) in zip(otherEntities, remap) where id == entities.count { entities.append(e) }
        for i in otherStructures.indices { otherStructures[i].renumberEntities(remap) }
        structures += otherStructures
        shapes += otherShapes
    }
}

/// The stretches of articles the parts of a build analyse, shared so that a part done with its
/// own analyses the last articles of another's (taken from the back, a batch at a time); the
/// owner adds every article itself, in order, those analyses when it reaches them.
final class Stretches: @unchecked Sendable {
    /// Articles a part takes from its own front, or another takes from its back, at a time:
    /// small enough that two parts end within a few ms of each other.
    static let batch = 128
    private let condition = NSCondition()
    /// Per part: the next article it analyses itself, and the end of those it analyses itself.
    private var next: [Int], end: [Int]
    /// Per part, by first article: the analyses of the batches another part took from its back, once made.
    private var taken: [[Int: [AnalyzedArticle]]]

    init(_ bounds: [Range<Int>]) {
        next = bounds.map(\.lowerBound)
        end = bounds.map(\.upperBound)
        taken = Array(repeating: [:], count: bounds.count)
    }

    /// Part `k`'s next batch of its own; nil once it has taken them all.
    func front(_ k: Int) -> Range<Int>? {
        condition.lock()
        defer { condition.unlock() }
        guard next[k] < end[k] else { return nil }
        let r = next[k]..<min(end[k], next[k] + Stretches.batch)
        next[k] = r.upperBound
        return r
    }

    /// Where the articles part `k` analysed itself end (after `front` gave nil).
    func ownEnd(_ k: Int) -> Int {
        condition.lock()
        defer { condition.unlock() }
        return end[k]
    }

    /// For part `k`, done with its own: the last batch of the part with the most articles not yet
    /// taken (its owner is busy with the batch it took last); nil when every part has taken all of its own.
    func steal(for k: Int) -> (part: Int, range: Range<Int>)? {
        condition.lock()
        defer { condition.unlock() }
        guard let j = next.indices.filter({ $0 != k }).max(by: { end[$0] - next[$0] < end[$1] - next[$1] }),
              end[j] > next[j] else { return nil }
        let r = max(next[j], end[j] - Stretches.batch)..<end[j]
        end[j] = r.lowerBound
        return (j, r)
    }

    /// The analyses of a batch taken from part `j`.
    func deliver(_ j: Int, _ r: Range<Int>, _ analyses: [AnalyzedArticle]) {
        condition.lock()
        taken[j][r.lowerBound] = analyses
        condition.broadcast()
        condition.unlock()
    }

    /// Part `k`'s batch starting at `start` that another part took, once analysed.
    func wait(_ k: Int, _ start: Int) -> [AnalyzedArticle] {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let made = taken[k].removeValue(forKey: start) { return made }
            condition.wait()
        }
    }
}

/// Articles indexed so far, told to `Corpus.progress` as parts finish batches.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    let total: Int

    init(total: Int) { self.total = total }

    func add(_ n: Int) {
        lock.lock()
        done += n
        let now = done
        lock.unlock()
        if total > CorpusBuilder.batchSize { Corpus.progress?("indexed \(now) of \(total) articles") }
    }
}

/// `transform` applied to every element, spread over the cores, in order.
func parallelMap<C: RandomAccessCollection, T>(_ items: C, _ transform: (C.Element) -> T) -> [T] where C.Index == Int {
    let n = items.count
    if n < 64 { return items.map(transform) }
    let base = items.startIndex
    // Each result is made in its place (no optional per element, no copy into a second array).
    return [T](unsafeUninitializedCapacity: n) { buffer, count in
        let chunks = min(n, 64)
        let size = (n + chunks - 1) / chunks
        nonisolated(unsafe) let out = buffer.baseAddress!
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let lo = c * size, hi = min(n, lo + size)
            guard lo < hi else { return }
            for i in lo..<hi { (out + i).initialize(to: transform(items[base + i])) }
        }
        count = n
    }
}
