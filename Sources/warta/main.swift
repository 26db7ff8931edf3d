import ArgumentParser
import CMalloc
import Foundation
import Warta

/// `warta`: the command line (reference, section 9).
struct WartaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "warta",
        abstract: "A query language and shell for corpora of news articles.",
        discussion: """
            With no statements and no script, warta opens its shell on the corpus
            (the bundled seeds/ unless --corpus is given). Statements piped on
            standard input run in order.

            Examples:
              warta -c 'articles where mentions "To Lam" and date = 2024-06-20'
              warta --corpus news.jsonl -c 'count articles group by source'
              warta index news.jsonl -o news.widx   (then --corpus news.widx opens at once)
              warta report.wq
            """,
        version: wartaVersion)

    @Option(name: .long, help: ArgumentHelp("A folder of .txt/.md files, a .jsonl file, one article file, or an index file (warta index).", valueName: "path"),
            completion: .file())
    var corpus: String?

    @Option(name: .customShort("c"), help: ArgumentHelp("Run a statement and exit (repeatable).", valueName: "statement"))
    var statements: [String] = []

    @Option(name: .long, help: "Output format: table, json, jsonl, csv, markdown, kwic or svg (a chart of grouped counts).")
    var format: OutputFormat?

    @Flag(name: .long, inversion: .prefixedNo,
          help: "Bars beside grouped counts and a sparkline under timelines in tables (default: on a terminal only).")
    var chart: Bool?

    @Option(name: .long, help: ArgumentHelp("Add entities from a TSV file (name, type, aliases separated by |).", valueName: "file"),
            completion: .file())
    var entities: String?

    @Option(name: .long, help: ArgumentHelp("Stop any statement that runs longer than this.", valueName: "milliseconds"))
    var timeout: Int?

    @Option(name: .customLong("max-rows"), help: ArgumentHelp("Print at most this many rows of any statement.", valueName: "n"))
    var maxRows: Int?

    @Flag(name: .long, help: "Report a failing statement and go on with the next.")
    var keepGoing = false

    @Flag(name: .customLong("no-history"), help: "Do not read or write the shell's history file.")
    var noHistory = false

    @Flag(name: .customLong("no-cache"),
          help: "Index a folder or .jsonl corpus anew rather than reuse its cached index (~/.cache/warta; WARTA_CACHE=off does the same).")
    var noCache = false

    @Flag(name: .long, help: "Safe mode: refuse .open, .read, .output and .entities (statements from strangers); no history file, no pager.")
    var safe = false

    @Option(name: .customLong("set"), help: ArgumentHelp("Bind $NAME in the statements to VALUE, as a literal (repeatable): --set who=\"To Lam\".",
                                                         valueName: "name=value"))
    var parameters: [String] = []

    @Argument(help: ArgumentHelp("A script of statements to run ('-' reads standard input).", valueName: "script"),
              completion: .file())
    var script: String?

    func run() throws {
        let exitCode = Runner(options: options).run()
        if exitCode != 0 { throw ExitCode(exitCode) }
    }

    /// The options as `Runner` reads them.
    var options: Options {
        Options(corpus: corpus, statements: statements, format: format, chart: chart, entities: entities, timeout: timeout,
                maxRows: maxRows, keepGoing: keepGoing, noHistory: noHistory, noCache: noCache, safe: safe, parameters: parameters, script: script)
    }
}

extension OutputFormat: ExpressibleByArgument {}

let wartaVersion = "0.1.0"

// `warta index` and `warta check` are commands of their own; anything else is the main command.
let arguments = Array(CommandLine.arguments.dropFirst())
// glibc's allocator set for building indexes, which make and free millions of arrays, some of
// them megabytes (Sources/CMalloc/include/cmalloc.h): a fifth fewer page faults for the 1x
// CLICK-ID build, ~7% less time.
warta_tune_allocator()
if let first = arguments.first, first == "index" || first == "check" {
    let rest = Array(arguments.dropFirst())
    do {
        var command: ParsableCommand = first == "index" ? try IndexCommand.parseAsRoot(rest) : try CheckCommand.parseAsRoot(rest)
        try command.run()
        exit(0)
    } catch let code as ExitCode {
        exit(code.rawValue)
    } catch {
        let type: ParsableCommand.Type = first == "index" ? IndexCommand.self : CheckCommand.self
        let code = type.exitCode(for: error)
        if code == .success {
            print(type.fullMessage(for: error))
            exit(0)
        }
        FileHandle.standardError.write(Data(("warta: " + type.message(for: error) + "\n" + type.usageString() + "\n").utf8))
        exit(2)
    }
}

// Usage errors exit with 2 (reference, section 9), not ArgumentParser's 64.
if CommandLine.arguments.dropFirst().first == "load" {
    LoadCommand.load(Array(CommandLine.arguments.dropFirst(2)))
}
// The common command lines start without ArgumentParser (see Options.quick); the rest go through it.
if arguments == ["--version"] {
    print(wartaVersion)
    exit(0)
}
if let options = Options.quick(arguments) {
    exit(Runner(options: options).run())
}
do {
    var command = try WartaCommand.parseAsRoot()
    try command.run()
} catch let code as ExitCode {
    exit(code.rawValue)
} catch {
    let code = WartaCommand.exitCode(for: error)
    if code == .success {
        print(WartaCommand.fullMessage(for: error))
        exit(0)
    }
    FileHandle.standardError.write(Data(("warta: " + WartaCommand.message(for: error) + "\n"
        + "Usage: warta [--corpus <path>] [-c <statement> ...] [--format <format>] [<script>]\n"
        + "See 'warta --help'.\n").utf8))
    exit(2)
}
