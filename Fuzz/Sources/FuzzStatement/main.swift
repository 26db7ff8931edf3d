import Warta

// libFuzzer target: statement text → lexer → parser → checker → plan → run,
// against a small in-memory corpus with a short time limit. Also: the error
// is rendered with its caret, completion is asked at the end of the text, and
// a statement that parses prints to a form that parses to the same print.
// Built and run by Fuzz/run; an ordinary build links it as a no-op program.

/// Three articles in memory, loaded once: a dated one with a source, one
/// without a date, and one with an extra metadata field.
let corpus: Corpus = {
    let jsonl = """
        {"id": "a1", "title": "Putin tiba di Vietnam", "text": "HANOI, kompas.com – Presiden Rusia Vladimir Putin tiba di Hanoi, Rabu (19/6/2024). To Lam menyambut Putin. \\"Kami bersahabat,\\" kata Putin.\\n\\nPakta pertahanan dengan Korea Utara ditandatangani.", "date": "2024-06-19", "source": "kompas.com"}
        {"id": "a2", "title": "Kunjungan ke Vietnam", "text": "Carl Thayer mengatakan kunjungan itu penting. Kim Jong-un dan Putin menandatangani pakta. Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", "category": "dunia"}
        {"id": "a3", "title": "Berita lain", "text": "Jakarta, 20 Juni 2024 – Harga beras naik. Baca juga: Putin di Vietnam.", "url": "https://example.com/a3"}
        """
    let loaded = CorpusLoader.load(data: Array(jsonl.utf8), name: "fuzz.jsonl")
    return Corpus(name: "fuzz", articles: loaded.articles)
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStatement(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let source = SourceText(text, name: "fuzz.wq")
    let session = Session(corpus: corpus)
    session.settings.timeoutMilliseconds = 200
    session.settings.maxRows = 50
    var lexer = Lexer(text)
    _ = lexer.tokenize()
    for span in StatementSplitter.split(text) {
        switch Parser.parse(String(decoding: Array(text.utf8)[span.range], as: UTF8.self)) {
        case .success(let statement):
            // The canonical printer must give a statement that parses to the same print.
            let printed = Printer.print(statement)
            guard case .success(let again) = Parser.parse(printed) else {
                fatalError("printed form does not parse: \(printed)")
            }
            precondition(Printer.print(again) == printed, "print is not stable: \(printed)")
        case .failure(let d):
            _ = DiagnosticRenderer.render(d, in: source)
        }
        do {
            let result = try session.run(text, range: span.range)
            for format in OutputFormat.allCases { _ = Renderer.render(result, as: format) }
        } catch let d as Diagnostic {
            _ = DiagnosticRenderer.render(d, in: source)
        } catch {}
    }
    _ = session.completions(for: text, cursor: text.utf8.count)
    return 0
}
