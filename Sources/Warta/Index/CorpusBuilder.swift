import Dispatch

/// One article taken apart for indexing: the words of each field and the
/// structure of its body. Computed in parallel; consumed in order.
struct AnalyzedArticle: Sendable {
    var title: TokenizedText
    var text: TokenizedText
    var structure: ArticleStructure
}

/// What the corpus builds from its articles.
struct BuiltCorpus: Sendable {
    var index: InvertedIndex
    var structures: [ArticleStructure]
    var entities: [EntityRecord]
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

    static func build(_ articles: [Article], analyze: @Sendable (Article) -> AnalyzedArticle = analyzeArticle) -> BuiltCorpus {
        var builder = IndexBuilder()
        var structures: [ArticleStructure] = []
        structures.reserveCapacity(articles.count)
        var start = 0
        while start < articles.count {
            let end = min(articles.count, start + batchSize)
            let batch = parallelMap(articles[start..<end], analyze)
            for a in batch {
                builder.add(terms: [a.title.terms, a.text.terms])
                structures.append(a.structure)
            }
            start = end
        }
        return BuiltCorpus(index: builder.build(), structures: structures, entities: [])
    }

    /// Words and paragraphs of one article.
    @Sendable static func analyzeArticle(_ a: Article) -> AnalyzedArticle {
        let title = TokenizedText(a.title)
        let text = TokenizedText(a.text)
        var structure = ArticleStructure()
        for r in paragraphRanges(a.text) {
            structure.paragraphs.append(TextSpan(tokens: text.tokens(in: r), bytes: Int32(r.lowerBound)..<Int32(r.upperBound)))
        }
        return AnalyzedArticle(title: title, text: text, structure: structure)
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
