/// One way to run checked statements. The native index is one (``NativeExecutor``);
/// a database is another (the `WartaPostgres` library). ``Session`` checks a
/// statement once and hands the checked, backend-neutral form to its executor.
///
/// Named sets stay with the session, as article ordinals; an executor only
/// reads them (`setName` of a query names one of `sets`).
public protocol StatementExecutor: AnyObject {
    /// Shown in messages and the prompt (a database URL without its password).
    var corpusName: String { get }
    /// The corpus's metadata fields beyond the built-in ones, for the checker.
    var metadataFields: [String] { get }
    /// Rows of a query.
    func rows(_ q: CheckedQuery, sets: [String: [Int]], settings: Settings) throws -> QueryResult
    /// A count or grouped counts.
    func count(_ q: CheckedQuery, sets: [String: [Int]]) throws -> QueryResult
    /// Ordinals (ascending) of the articles a query's condition keeps, to make a named set.
    func documents(_ q: CheckedQuery, sets: [String: [Int]]) throws -> [Int]
    /// `compare a, b … group by …`: several counts over the same groups.
    func compare(_ c: Comparison, sets: [String: [Int]]) throws -> QueryResult
    /// `spread …`: per outlet, the first date it carried a match.
    func spread(_ q: CheckedQuery, sets: [String: [Int]], settings: Settings) throws -> QueryResult
    /// What `explain` prints for a statement (after the parsed form).
    func explain(_ statement: CheckedStatement, sets: [String: [Int]]) throws -> String
    /// Takes the session's settings before each statement (a time limit),
    /// and what says the statement is no longer wanted (the shell's Ctrl-C).
    func prepare(_ settings: Settings, isCancelled: (@Sendable () -> Bool)?) throws
}

extension StatementExecutor {
    /// Nothing to prepare by default.
    public func prepare(_ settings: Settings, isCancelled: (@Sendable () -> Bool)?) throws {}
}

/// The native engine behind the same seam: the in-memory index and its posting iterators.
public final class NativeExecutor: StatementExecutor {
    /// The corpus queried.
    public let corpus: Corpus

    /// An executor over `corpus`.
    public init(corpus: Corpus) { self.corpus = corpus }

    public var corpusName: String { corpus.name }
    public var metadataFields: [String] { corpus.metadataFields }

    func evaluator(_ sets: [String: [Int]], _ settings: Settings = Settings()) -> Evaluator {
        var e = Evaluator(corpus: corpus, sets: sets)
        e.storyThreshold = settings.storyThreshold
        return e
    }

    public func rows(_ q: CheckedQuery, sets: [String: [Int]], settings: Settings) throws -> QueryResult {
        evaluator(sets, settings).rows(q, settings: settings)
    }

    public func compare(_ c: Comparison, sets: [String: [Int]]) throws -> QueryResult {
        evaluator(sets).compare(c)
    }

    public func spread(_ q: CheckedQuery, sets: [String: [Int]], settings: Settings) throws -> QueryResult {
        evaluator(sets, settings).spread(q, settings: settings)
    }

    public func count(_ q: CheckedQuery, sets: [String: [Int]]) throws -> QueryResult {
        evaluator(sets).count(q)
    }

    public func documents(_ q: CheckedQuery, sets: [String: [Int]]) throws -> [Int] {
        evaluator(sets).matchingDocuments(q.condition, within: q.setName)
    }

    public func explain(_ statement: CheckedStatement, sets: [String: [Int]]) throws -> String {
        Explainer(evaluator: evaluator(sets)).explain(statement)
    }
}

extension Session {
    /// Runs a checked statement on another executor; named sets stay here.
    func execute(_ statement: CheckedStatement, on executor: StatementExecutor, stop: StopSignal) throws -> QueryResult {
        try executor.prepare(boundedSettings, isCancelled: stop.isCancelled)
        switch statement {
        case .rows(let q):
            return try executor.rows(q, sets: sets, settings: boundedSettings)
        case .count(let q):
            return try executor.count(q, sets: sets)
        case .explain(let inner, let written):
            return .message("parsed: \(Printer.print(written))\n" + (try executor.explain(inner, sets: sets)))
        case .let(let name, let value):
            let docs: [Int]
            switch value {
            case .rows(let q): docs = try executor.documents(q, sets: sets)
            case .setOperation(let a, let op, let b): docs = combine(a, op, b)
            default: throw Diagnostic(.error, "a set is made from a query")
            }
            storeSet(name, docs)
            return .message("\(name): \(docs.count) \(docs.count == 1 ? "article" : "articles")")
        case .setOperation(let a, let op, let b):
            var q = CheckedQuery(unit: "\(a) \(op) \(b)", unitKind: .articles, setName: "\u{0}result", condition: .all,
                                 rowFilter: .all, groupBy: [], order: [], limit: nil, offset: 0,
                                 columns: Schema.defaultArticleColumns, ranked: false)
            q.unit = "\(a) \(op) \(b)"
            return try executor.rows(q, sets: sets.merging(["\u{0}result": combine(a, op, b)]) { $1 }, settings: boundedSettings)
        case .compare(let c):
            return try executor.compare(c, sets: sets)
        case .spread(let q):
            return try executor.spread(q, sets: sets, settings: boundedSettings)
        case .command(let name, _):
            try checkAllowed(command: name)
            throw Diagnostic(.error, "'\(name)' is a shell command; run it in warta's shell or a script")
        @unknown default:
            throw Diagnostic(.error, "\(executor.corpusName) cannot run this statement")
        }
    }
}

extension Day {
    /// The label of the `bucket` (`day`, `week`, `month`, `year`) holding this
    /// day, as `group by date.BUCKET` prints it: `2024-06-20`, `2024-W25`, `2024-06`, `2024`.
    public func label(bucket: String) -> String { Projection.bucketLabel(self, bucket) }
}

extension Value {
    /// A JSON string literal, escaped as warta's JSON output escapes strings.
    public static func jsonLiteral(_ s: String) -> String { JSONRenderer.string(s) }
}

extension Stemmer {
    /// The corpus counts the stemmer learned its roots from (to store them
    /// beside a corpus kept elsewhere, and build the same stemmer again).
    public var learnedVocabulary: Vocabulary { vocabulary }
}

// Public initializers, so that an executor in another module can make its queries.

extension RowSet {
    /// A page of rows as an executor returns it.
    public init(unit: String, unitKind: Unit, columns: [String], ids: [String], rows: [[Value]], matched: Int, leftOutByRowLimit: Int) {
        self.init(unit: unit, unitKind: unitKind, columns: columns, rows: rows, ids: ids, matched: matched,
                  leftOutByRowLimit: leftOutByRowLimit)
    }
}

extension CorpusSummary {
    /// Statistics an executor computed itself (a database's corpus).
    public init(articles: Int, words: Int, terms: Int, undated: Int, firstDate: Day?, lastDate: Day?,
                sources: [(name: String, articles: Int)], languages: [(name: String, articles: Int)]) {
        self.init(articles: articles, words: words, terms: terms, firstDate: firstDate, lastDate: lastDate, undated: undated,
                  sources: sources, languages: languages)
    }
}

extension TextSearch {
    /// A search for `phrase` in `fields`.
    public init(fields: [IndexedField], phrase: [WordPattern], written: String) {
        self.fields = fields
        self.phrase = phrase
        self.written = written
    }
}
