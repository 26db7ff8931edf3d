import ArgumentParser
import Foundation
import Warta
import WartaPostgres

/// `warta load PATH --into postgresql://…`: warta's loading and analysis, written to PostgreSQL.
struct LoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "warta load",
        abstract: "Load articles into PostgreSQL (schema created or migrated; changed articles replaced, the rest kept).",
        discussion: """
            Examples:
              warta load seeds --into postgresql://localhost/news
              warta load news.jsonl --into postgresql://coordinator/news --shards postgresql://s1/news,postgresql://s2/news

            Credentials come from the URL, the PG* environment variables or ~/.pgpass; they are never printed.
            """)

    @Argument(help: ArgumentHelp("A folder of .txt/.md files, a .jsonl file, or one article file.", valueName: "path"),
              completion: .file())
    var path: String

    @Option(name: .long, help: ArgumentHelp("The database to load into (the coordinator, with --shards).", valueName: "url"))
    var into: String

    @Option(name: .long, help: ArgumentHelp("Spread the articles over these databases, comma-separated.", valueName: "urls"))
    var shards: String?

    func validate() throws {
        guard PostgresURL.isPostgres(into) else { throw ValidationError("--into takes a postgresql:// URL") }
        if let bad = shardURLs.first(where: { !PostgresURL.isPostgres($0) }) {
            throw ValidationError("--shards takes postgresql:// URLs, not '\(PostgresURL.redact(bad))'")
        }
    }

    var shardURLs: [String] {
        shards.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } } ?? []
    }

    func run() throws {
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            let report = try PostgresLoader.load(path: path, into: into, shards: shardURLs)
            for w in report.warnings { Terminal.error(w.description) }
            let ms = (DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
            print("loaded \(report.summary) into \(PostgresURL.redact(into)) in \(ms) ms")
        } catch {
            Terminal.error("warta: error: \(error)")
            throw ExitCode(1)
        }
    }

    /// Runs `warta load …` (the arguments after `load`); never returns.
    static func load(_ arguments: [String]) -> Never {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Foundation.exit(0)
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            if exitCode(for: error) == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            Terminal.error("warta load: " + message(for: error) + "\nUsage: warta load <path> --into <url> [--shards <urls>]")
            Foundation.exit(2)
        }
    }
}
