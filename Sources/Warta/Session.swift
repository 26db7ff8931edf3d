import Foundation

/// A conversation with a corpus: the statements of one shell session, one
/// script run, or one embedding tool, with the named sets they make.
///
/// The shell is a client of this class and nothing more: anything the shell
/// can do, an embedding tool can do through the same calls.
public final class Session {
    /// The corpus statements run against.
    public private(set) var corpus: Corpus
    /// Named sets (`let NAME = …`): ascending article ordinals.
    public private(set) var sets: [String: [Int]] = [:]
    /// Context widths and KWIC mode for the statements that follow.
    public var settings = Settings()
    /// Values of `$name` in statements (`--set`, `.set`): each is bound where
    /// it stands as a literal, never spliced into the statement's text.
    public var parameters: [String: String] = [:]
    /// Safe mode, for a service that passes strangers' statements straight
    /// in: every command that touches the file system (`fileSystemCommands`)
    /// is refused with an error, and the session goes on.
    public var safeMode = false
    /// Runs the statements instead of the native index when set (a database:
    /// see `WartaPostgres`); `corpus` is then a placeholder with no articles.
    public private(set) var executor: StatementExecutor?

    /// The commands that read or write files: refused in safe mode.
    public static let fileSystemCommands: Set<String> = [".open", ".read", ".output", ".entities"]

    /// A session over `corpus`, with no named sets and the default ``Settings``.
    public init(corpus: Corpus, safeMode: Bool = false) {
        self.corpus = corpus
        self.safeMode = safeMode
    }

    /// Throws the safe-mode refusal if `command` (such as `.read`) touches
    /// the file system and the session is in safe mode; a client that runs
    /// commands itself (the shell) asks this first.
    public func checkAllowed(command: String) throws {
        let name = command.lowercased()
        if safeMode && Session.fileSystemCommands.contains(name) {
            throw Diagnostic(.error, "'\(name)' touches the file system; refused in safe mode")
        }
    }

    /// Replaces the corpus; named sets are dropped, as they name articles of the old one.
    public func open(_ corpus: Corpus) {
        self.corpus = corpus
        executor = nil
        sets = [:]
    }

    /// A session whose statements run on `executor` (a database) rather than the native index.
    public convenience init(executor: StatementExecutor, safeMode: Bool = false) {
        self.init(corpus: Corpus(name: executor.corpusName, articles: []), safeMode: safeMode)
        self.executor = executor
    }

    /// Runs the statements that follow on `executor`; named sets are dropped.
    public func open(_ executor: StatementExecutor) {
        corpus = Corpus(name: executor.corpusName, articles: [])
        self.executor = executor
        sets = [:]
    }

    func storeSet(_ name: String, _ docs: [Int]) { sets[name] = docs }

    /// Finds entities again with the standard gazetteer plus the entries of
    /// `file` (TSV: name, type, aliases separated by `|`), keeping the named
    /// sets: the articles are the same.
    /// - Returns: how many entries the file added.
    @discardableResult
    public func addEntities(tsv: String, origin: String) throws -> Int {
        let extra = try Gazetteer(tsv: tsv, origin: origin)
        let merged = corpus.gazetteer.merging(extra)
        corpus = Corpus(name: corpus.name, path: corpus.path, articles: Array(corpus.articles), warnings: corpus.warnings, gazetteer: merged)
        return extra.entities.count
    }

    /// Parses and checks `range` of `source` without running it (for editors and linters).
    public func check(_ source: String, range: Range<Int>? = nil) -> Result<CheckedStatement, Diagnostic> {
        do { return .success(try checked(source, range: range)) } catch { return .failure(error) }
    }

    /// Parses and checks `range` of `source` without running it, or throws its first error
    /// (`check` without a `Result`).
    public func checked(_ source: String, range: Range<Int>? = nil) throws(Diagnostic) -> CheckedStatement {
        var parser = Parser(source, range: range, parameters: parameters)
        return try checked(try parser.parsed())
    }

    /// Checks a statement already parsed (with this session's parameters), or throws its
    /// first error: a caller that parses a statement to see what it is checks it without
    /// parsing it again.
    public func checked(_ statement: Statement) throws(Diagnostic) -> CheckedStatement {
        do {
            return try checker.check(statement)
        } catch let d as Diagnostic {
            throw d
        } catch {
            throw Diagnostic(.error, "\(error)")
        }
    }

    var checker: Checker {
        let corpus = self.corpus
        var checker = Checker(metadataFields: executor?.metadataFields ?? corpus.metadataFields,
                              setNames: sets.isEmpty ? [] : sets.keys.sorted(),
                              resolveEntity: { corpus.entity(named: $0) })
        checker.suggestedEntityNames = { corpus.entityNames }
        return checker
    }

    /// Runs one statement (the whole `source`, or `range` of it).
    ///
    /// `isCancelled` is polled while it runs (the shell's Ctrl-C); with
    /// `settings.timeoutMilliseconds` set, it also stops at that limit.
    /// - Throws: a `Diagnostic` for a statement that is wrong, cancelled or out of time.
    public func run(_ source: String, range: Range<Int>? = nil, isCancelled: (@Sendable () -> Bool)? = nil) throws -> QueryResult {
        try execute(try checked(source, range: range), isCancelled: isCancelled)
    }

    /// Runs a checked statement.
    public func execute(_ statement: CheckedStatement, isCancelled: (@Sendable () -> Bool)? = nil) throws -> QueryResult {
        let stop = StopSignal(isCancelled: isCancelled, timeoutMilliseconds: settings.timeoutMilliseconds)
        let damaged = corpus.damage.count
        let result = try execute(statement, stop: stop)
        // A statement that read damaged bytes of an index file gives no answer.
        let damage = corpus.damage
        if damage.count != damaged { throw Diagnostic(.error, damage.message ?? "the index file is damaged") }
        // A stopped statement has only part of its answer: give none.
        if let reason = stop.reason { throw Diagnostic(.error, reason) }
        return result
    }

    private func execute(_ statement: CheckedStatement, stop: StopSignal) throws -> QueryResult {
        if let executor { return try execute(statement, on: executor, stop: stop) }
        var evaluator = Evaluator(corpus: corpus, sets: sets)
        evaluator.stop = stop
        evaluator.storyThreshold = settings.storyThreshold
        switch statement {
        case .rows(let q):
            return evaluator.rows(q, settings: boundedSettings)
        case .count(let q):
            return evaluator.count(q)
        case .explain(let inner, let written):
            return .message("parsed: \(Printer.print(written))\n" + Explainer(evaluator: evaluator).explain(inner))
        case .let(let name, let value):
            let docs: [Int]
            switch value {
            case .rows(let q): docs = evaluator.matchingDocuments(q.condition, within: q.setName)
            case .setOperation(let a, let op, let b): docs = combine(a, op, b)
            default: throw Diagnostic(.error, "a set is made from a query")
            }
            // A set made from part of an answer would be wrong: keep the old one.
            if let reason = stop.reason { throw Diagnostic(.error, reason) }
            sets[name] = docs
            return .message("\(name): \(docs.count) \(docs.count == 1 ? "article" : "articles")")
        case .setOperation(let a, let op, let b):
            let docs = combine(a, op, b)
            let q = CheckedQuery(unit: "articles", unitKind: .articles, setName: nil, condition: .all, rowFilter: .all,
                                 groupBy: [], order: [], limit: nil, offset: 0, columns: Schema.defaultArticleColumns, ranked: false)
            var e = Evaluator(corpus: corpus, sets: sets.merging(["\u{0}result": docs]) { $1 })
            e.stop = stop
            var rq = q
            rq.setName = "\u{0}result"
            rq.unit = "\(a) \(op) \(b)"
            return e.rows(rq)
        case .compare(let c):
            return evaluator.compare(c)
        case .spread(let q):
            return evaluator.spread(q, settings: boundedSettings)
        case .command(let name, _):
            try checkAllowed(command: name)
            throw Diagnostic(.error, "'\(name)' is a shell command; run it in warta's shell or a script")
        }
    }

    /// The settings as the evaluator takes them: a row cap from 0 to 2^31
    /// (a negative cap set by an embedding tool shows no rows rather than trapping).
    var boundedSettings: Settings {
        var bounded = settings
        bounded.maxRows = settings.maxRows.map { min(max(0, $0), Int(Int32.max)) }
        return bounded
    }

    func combine(_ a: String, _ op: String, _ b: String) -> [Int] {
        let x = sets[a] ?? [], y = Set(sets[b] ?? [])
        switch op {
        case "union": return Array(Set(x).union(y)).sorted()
        case "intersect": return x.filter { y.contains($0) }
        default: return x.filter { !y.contains($0) }
        }
    }

    /// Binds `$name` to `value` for the statements that follow.
    /// - Throws: a `Diagnostic` if `name` is not a name (letters, digits, `_`, not starting with a digit).
    public func setParameter(_ name: String, _ value: String) throws {
        guard Session.isParameterName(name) else {
            throw Diagnostic(.error, "'\(name)' is not a parameter name: use letters, digits and _, starting with a letter")
        }
        parameters[name] = value
    }

    /// Whether `name` can follow `$` in a statement.
    public static func isParameterName(_ name: String) -> Bool {
        guard let f = name.unicodeScalars.first, f.properties.isAlphabetic && f.isASCII || f == "_" else { return false }
        return name.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "_" }
    }

    /// Sizes of the named sets, by name.
    public var setSizes: [(name: String, size: Int)] {
        sets.keys.sorted().map { ($0, sets[$0]!.count) }
    }
}
