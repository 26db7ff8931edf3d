import Dispatch
import Foundation

let trace = ProcessInfo.processInfo.environment["WARTA_TRACE"] != nil

/// Prints a timing line on standard error when WARTA_TRACE is set.
func trace(_ message: String) {
    FileHandle.standardError.write(Data(("trace: " + message + "\n").utf8))
}

/// One article taken apart for indexing: the words of each field and the
/// structure of its body. Computed in parallel; consumed in order.
struct AnalyzedArticle: Sendable {
    var title: TokenizedText
    var text: TokenizedText
    var structure: ArticleStructure
    /// Entity mentions before the corpus numbers its entities.
    var mentions: [(mention: EntityMention, field: IndexedField, tokens: Range<Int32>)]
    /// Positions in the body of words capitalised mid-sentence.
    var capitalized: [Int32]
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
        let title = TokenizedText(a.title)
        let text = TokenizedText(a.text)
        var structure = ArticleStructure()
        let ranges = paragraphRanges(a.text)
        let bytes = Array(a.text.utf8)
        var paragraphs: [String] = []
        func span(_ r: Range<Int>) -> TextSpan {
            TextSpan(tokens: text.tokens(in: r), bytes: Int32(r.lowerBound)..<Int32(r.upperBound))
        }
        for r in ranges {
            structure.paragraphs.append(span(r))
            let paragraph = String(decoding: bytes[r], as: UTF8.self)
            paragraphs.append(paragraph)
            for s in SentenceSplitter.sentences(in: paragraph) {
                structure.sentences.append(span((s.lowerBound + r.lowerBound)..<(s.upperBound + r.lowerBound)))
            }
        }
        // The body's entity mentions, found once, serve the quote finder per paragraph.
        let textMentions = recognizer.mentions(in: a.text)
        var perParagraph = [[EntityMention]](repeating: [], count: ranges.count)
        var p = 0
        for m in textMentions {
            while p < ranges.count && ranges[p].upperBound <= m.range.lowerBound { p += 1 }
            guard p < ranges.count, m.range.lowerBound >= ranges[p].lowerBound, m.range.upperBound <= ranges[p].upperBound else { continue }
            var local = m
            local.range = (m.range.lowerBound - ranges[p].lowerBound)..<(m.range.upperBound - ranges[p].lowerBound)
            perParagraph[p].append(local)
        }
        for (k, quotes) in quoteFinder.quotes(inParagraphs: paragraphs, mentions: perParagraph).enumerated() where k < ranges.count {
            let base = ranges[k].lowerBound
            for q in quotes {
                structure.quotes.append(QuoteSpan(span: span((q.range.lowerBound + base)..<(q.range.upperBound + base)), speaker: q.speaker))
            }
        }
        var mentions: [(mention: EntityMention, field: IndexedField, tokens: Range<Int32>)] = []
        for m in recognizer.mentions(in: a.title) { mentions.append((m, .title, title.tokens(in: m.range))) }
        for m in textMentions { mentions.append((m, .text, text.tokens(in: m.range))) }
        // A capital at the start of a sentence says nothing about a name.
        let sentenceStarts = Set(structure.sentences.map(\.tokens.lowerBound))
        var capitalized: [Int32] = []
        for (i, start) in text.starts.enumerated() where !sentenceStarts.contains(Int32(i)) && startsUppercase(bytes, Int(start)) {
            capitalized.append(Int32(i))
        }
        return AnalyzedArticle(title: title, text: text, structure: structure, mentions: mentions, capitalized: capitalized)
    }

    private func startsUppercase(_ bytes: [UInt8], _ i: Int) -> Bool {
        guard i < bytes.count else { return false }
        let b = bytes[i]
        if b < 0x80 { return b >= 0x41 && b <= 0x5A }
        return bytes.withUnsafeBufferPointer { Tokenizer.decode($0, at: i).0.properties.isUppercase }
    }
}

/// What the corpus builds from its articles.
struct BuiltCorpus: Sendable {
    var index: BuiltIndex
    var structures: [ArticleStructure] = []
    var entities: [EntityRecord] = []
    /// `entityPostings[field][entity]`: where each entity is mentioned,
    /// one position (the mention's first word) per mention.
    var entityPostings: [[PostingList]] = [[], []]
    /// The Indonesian root of each term, by term id.
    var stems: [String] = []
    /// The stemmer, with the roots it learned from the corpus.
    var stemmer = Stemmer(vocabulary: Vocabulary())
    /// Paragraphs printed in more than one article.
    var copies = CopyDetector.Clusters(clusterOf: [], articles: [])
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

    static func build(_ articles: [Article], gazetteer: Gazetteer) -> BuiltCorpus {
        let analyzer = ArticleAnalyzer(gazetteer: gazetteer)
        var builder = IndexBuilder()
        var structures: [ArticleStructure] = []
        structures.reserveCapacity(articles.count)
        var entities: [EntityRecord] = []
        var entityIDs: [String: Int32] = [:]
        var entityPostings: [[PostingList]] = Array(repeating: [], count: IndexedField.allCases.count)
        var start = 0
        let t0 = DispatchTime.now().uptimeNanoseconds
        var addNanos: UInt64 = 0
        while start < articles.count {
            let end = min(articles.count, start + batchSize)
            let batch = parallelMap(articles[start..<end]) { analyzer.analyze($0) }
            let tAdd = DispatchTime.now().uptimeNanoseconds
            defer { addNanos += DispatchTime.now().uptimeNanoseconds - tAdd }
            for a in batch {
                let doc = builder.add(terms: [a.title.terms, a.text.terms], capitalizedInText: a.capitalized)
                var structure = a.structure
                for (m, field, tokens) in a.mentions {
                    let id: Int32
                    if let known = entityIDs[m.entity] {
                        id = known
                    } else {
                        id = Int32(entities.count)
                        entityIDs[m.entity] = id
                        let aliases = gazetteer.entity(named: m.entity).map { $0.aliases } ?? []
                        entities.append(EntityRecord(name: m.entity, type: m.type.rawValue, aliases: aliases))
                        for f in entityPostings.indices { entityPostings[f].append(PostingList()) }
                    }
                    structure.entities.append(EntityOccurrence(entity: id, field: field, tokens: tokens, alias: m.alias))
                    entityPostings[field.rawValue][Int(id)].add(doc: doc, position: UInt32(tokens.lowerBound))
                }
                structures.append(structure)
            }
            start = end
            if articles.count > batchSize { Corpus.progress?("indexed \(end) of \(articles.count) articles") }
        }
        let tIndexed = DispatchTime.now().uptimeNanoseconds
        let index = builder.finish()
        // Roots are learned from this corpus's own words.
        let vocabulary = Vocabulary(words: index.termsByID, totals: index.termFrequencies, capitalized: index.capitalized)
        let stemmer = Stemmer(vocabulary: vocabulary)
        let stems = parallelMap(index.termsByID) { stemmer.stem($0) }
        let tStemmed = DispatchTime.now().uptimeNanoseconds
        let copies = CopyDetector.find(index: index, structures: structures)
        if trace {
            let now = DispatchTime.now().uptimeNanoseconds
            trace("analyse+add \((tIndexed - t0) / 1_000_000) ms (add alone \(addNanos / 1_000_000) ms), finish+stems \((tStemmed - tIndexed) / 1_000_000) ms, copies \((now - tStemmed) / 1_000_000) ms")
        }
        return BuiltCorpus(index: index, structures: structures, entities: entities, entityPostings: entityPostings,
                           stems: stems, stemmer: stemmer, copies: copies)
    }
}

/// `transform` applied to every element, spread over the cores, in order.
func parallelMap<C: RandomAccessCollection, T>(_ items: C, _ transform: (C.Element) -> T) -> [T] where C.Index == Int {
    let n = items.count
    if n < 64 { return items.map(transform) }
    var results = [T?](repeating: nil, count: n)
    let base = items.startIndex
    results.withUnsafeMutableBufferPointer { out in
        let chunks = min(n, 64)
        let size = (n + chunks - 1) / chunks
        nonisolated(unsafe) let out = out
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let lo = c * size, hi = min(n, lo + size)
            guard lo < hi else { return }
            for i in lo..<hi { out[i] = transform(items[base + i]) }
        }
    }
    return results.map { $0! }
}
