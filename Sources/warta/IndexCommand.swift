import ArgumentParser
import Foundation
import Warta

/// `warta index PATH -o FILE.widx`: builds an index file, opened later
/// without indexing again (`--corpus FILE.widx`, `.open FILE.widx`).
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "warta index",
        abstract: "Build an index file from a folder, a .jsonl file or an article file.",
        discussion: """
            The file is written atomically (a temporary file renamed into place): an
            interrupted build leaves the old file as it was. Progress is shown on
            standard error when it is a terminal.

            Example:
              warta index news.jsonl -o news.widx
              warta --corpus news.widx -c 'count articles'
            """)

    @Argument(help: ArgumentHelp("A folder of .txt/.md files, a .jsonl file, or one article file.", valueName: "path"),
              completion: .file())
    var path: String

    @Option(name: .shortAndLong, help: ArgumentHelp("The index file to write.", valueName: "file"), completion: .file())
    var output: String

    func run() throws {
        let progress = Terminal.isInteractive(STDERR_FILENO)
        if progress {
            Corpus.progress = { Terminal.progress($0) }
            Terminal.progress("loading \(path)")
        }
        let started = Date()
        do {
            try Corpus.writeIndex(of: path, to: output)
        } catch {
            if progress { Terminal.progress(nil) }
            Terminal.error("warta: error: \(error)")
            throw ExitCode(1)
        }
        if progress {
            Terminal.progress(nil)
            let size = (try? FileManager.default.attributesOfItem(atPath: output)[.size] as? Int) ?? 0
            Terminal.error(String(format: "wrote %@ (%.1f MB) in %.1f s", output, Double(size) / 1e6, Date().timeIntervalSince(started)))
        }
    }
}

/// `warta check FILE.widx`: verifies every checksum of an index file.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "warta check",
        abstract: "Verify every checksum of an index file (exit status 1 when it is damaged).")

    @Argument(help: ArgumentHelp("An index file made by 'warta index'.", valueName: "file"), completion: .file())
    var file: String

    func run() throws {
        do {
            let result = try Corpus.check(indexFile: file)
            if let message = result.message, !result.damaged.isEmpty {
                Terminal.error("warta: error: \(message)")
                Terminal.error("\(result.damaged.count) of \(result.blocks) blocks damaged")
                throw ExitCode(1)
            }
            print("\(file): ok, \(result.blocks) blocks verified")
        } catch let e as IndexFileError {
            Terminal.error("warta: error: \(e)")
            throw ExitCode(1)
        }
    }
}
