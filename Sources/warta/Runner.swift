import Foundation
import Warta
import WartaPostgres

/// Decides what a `warta` invocation does: statements from `-c`, a script,
/// a pipe, or the interactive shell; and turns failures into exit statuses.
struct Runner {
    let options: Options

    /// The longest time limit accepted (about 24 days), in milliseconds.
    static let maxTimeout = Int(Int32.max)

    func run() -> Int32 {
        if let t = options.timeout, !(1...Runner.maxTimeout).contains(t) {
            fail("--timeout takes milliseconds from 1 to \(Runner.maxTimeout), not \(t)")
            return 2
        }
        if let n = options.maxRows, n < 0 {
            fail("--max-rows takes 0 or more, not \(n)")
            return 2
        }
        var parameters: [String: String] = [:]
        for p in options.parameters {
            guard let eq = p.firstIndex(of: "="), Session.isParameterName(String(p[..<eq])) else {
                fail("--set takes NAME=VALUE (a name of letters, digits and _), not '\(p)'")
                return 2
            }
            parameters[String(p[..<eq])] = String(p[p.index(after: eq)...])
        }
        let path = options.corpus ?? BundledCorpus.path
        guard let path else {
            fail("the bundled corpus (seeds/) was not found; give one with --corpus PATH")
            return 2
        }
        // The standard gazetteer is read only when needed (an index file has its entities already).
        var gazetteer: Gazetteer?
        if let file = options.entities {
            guard let data = FileManager.default.contents(atPath: file) else {
                fail("cannot read entities file '\(file)'")
                return 2
            }
            do {
                gazetteer = Gazetteer.standard.merging(try Gazetteer(tsv: String(decoding: data, as: UTF8.self), origin: file))
            } catch {
                fail("\(error)")
                return 2
            }
        }
        let session: Session
        let interactive = options.statements.isEmpty && options.script == nil && Terminal.isInteractive(STDIN_FILENO)
        if PostgresURL.isPostgres(path) {
            do {
                session = Session(executor: try PostgresExecutor(url: path), safeMode: options.safe)
            } catch {
                fail("\(error)")
                return 2
            }
        } else {
            let corpus: Corpus
            // Indexing a big folder or .jsonl takes a while: say how far it is, on a terminal only.
            let progress = Terminal.isInteractive(STDERR_FILENO)
            if progress { Corpus.progress = { Terminal.progress($0) } }
            defer { if progress { Corpus.progress = nil } }
            do {
                corpus = try Corpus.open(path: path, gazetteer: gazetteer, cache: options.noCache ? nil : Runner.cache)
                if progress { Terminal.progress(nil) }
            } catch let e as IndexFileError {
                // A damaged index file is a failure of the data, not of the command line (status 1).
                if progress { Terminal.progress(nil) }
                fail("\(e)")
                return 1
            } catch {
                if progress { Terminal.progress(nil) }
                fail("\(error)")
                return 2
            }
            for w in corpus.warnings { Terminal.error(machine ? DiagnosticRenderer.json(w) : w.description) }
            session = Session(corpus: corpus, safeMode: options.safe)
        }
        session.settings.timeoutMilliseconds = options.timeout
        session.settings.maxRows = options.maxRows
        session.settings.kwicLines = options.format == .kwic
        session.parameters = parameters
        let shell = Shell(session: session, format: options.format ?? .table,
                          keepGoing: options.keepGoing, interactive: interactive)
        shell.chart = options.chart
        shell.cache = options.noCache ? nil : Runner.cache
        let status = run(shell, interactive: interactive)
        // An .output file still open takes its place only now.
        return shell.finishOutput() ? status : max(status, 1)
    }

    /// Where the indexes of folders and .jsonl files opened directly are kept
    /// (`CorpusCache`): the standard place, for this build of warta.
    static let cache: CorpusCache? = CorpusCache.executableIdentity.flatMap { CorpusCache.standard(tool: "warta \(wartaVersion) \($0)") }

    /// Whether errors go to standard error as JSON (docs/output.md).
    private var machine: Bool { options.format == .json || options.format == .jsonl }

    /// Reports an error that stops warta before or around its statements (exit status 2).
    private func fail(_ message: String) {
        Terminal.error(machine ? DiagnosticRenderer.json(Diagnostic(.error, message), in: SourceText(""))
                               : "warta: error: " + message)
    }

    private func run(_ shell: Shell, interactive: Bool) -> Int32 {
        if !options.statements.isEmpty {
            for s in options.statements {
                let ok = shell.runScript(s, name: nil)
                if !ok && !options.keepGoing { return 1 }
            }
            return shell.failed ? 1 : 0
        }
        if let script = options.script {
            let text: String
            if script == "-" {
                text = Terminal.readAllStandardInput()
            } else {
                guard let data = FileManager.default.contents(atPath: script) else {
                    fail("cannot read script '\(script)'")
                    return 2
                }
                guard !data.contains(0) else {
                    fail("cannot read script '\(script)': it looks like a binary file (it contains NUL bytes)")
                    return 2
                }
                text = String(decoding: data, as: UTF8.self)
            }
            return shell.runScript(text, name: script == "-" ? "<stdin>" : script) && !shell.failed ? 0 : 1
        }
        if !interactive {
            let text = Terminal.readAllStandardInput()
            return shell.runScript(text, name: "<stdin>") && !shell.failed ? 0 : 1
        }
        // Safe mode writes no file of its own either: no history.
        return shell.runInteractive(history: !options.noHistory && !options.safe)
    }
}

/// Where the bundled corpus lives, from any working directory.
enum BundledCorpus {
    /// The first of the candidates that is a folder, tried in order (each only if
    /// the ones before are not: this runs at every start).
    static var path: String? {
        // Set by the user.
        if let env = getenv("WARTA_SEEDS"), isFolder(String(cString: env)) { return String(cString: env) }
        // Installed: PREFIX/bin/warta next to PREFIX/share/warta/seeds.
        if let real = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"),
           let found = seeds(besideBinary: URL(fileURLWithPath: real)) { return found }
        if let found = seeds(besideBinary: URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()) { return found }
        // Built from a checkout: the seeds/ beside Package.swift.
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("seeds").path
        return isFolder(checkout) ? checkout : nil
    }

    private static func seeds(besideBinary binary: URL) -> String? {
        let c = binary.deletingLastPathComponent().appendingPathComponent("../share/warta/seeds").standardized.path
        return isFolder(c) ? c : nil
    }

    private static func isFolder(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }
}
