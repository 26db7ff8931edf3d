import Warta

// libFuzzer target: raw bytes → article loading (as a .txt, a .md and a
// .jsonl file) and cleaning, then indexing what loaded. A load never stops
// on bad input: it gives articles or warnings. Built and run by Fuzz/run; an
// ordinary build links it as a no-op program.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var articles: [Article] = []
    for name in ["fuzz.txt", "fuzz.md", "fuzz.jsonl"] {
        let result = CorpusLoader.load(data: bytes, name: name)
        precondition(!result.articles.isEmpty || !result.warnings.isEmpty, "\(name): no article and no warning")
        for warning in result.warnings { _ = warning.description }
        precondition(Set(result.articles.map(\.id)).count == result.articles.count, "\(name): ids not unique")
        for var article in result.articles {
            article.id = name + ":" + article.id
            articles.append(article)
        }
    }
    // One index over everything that loaded: the tokenizer, stemmer, entity
    // finder and index builder see every article.
    if !articles.isEmpty {
        let session = Session(corpus: Corpus(name: "fuzz", articles: articles))
        _ = session.corpus.summary
        _ = try? session.run("count articles where mentions \"putin\" or date is not null group by source")
    }
    _ = Cleaner.standard.clean(raw: String(decoding: bytes, as: UTF8.self))
    return 0
}
