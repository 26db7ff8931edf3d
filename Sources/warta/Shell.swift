import CLibEdit
import Foundation
import Warta

/// Runs statements and dot-commands for the shell, scripts and pipes, and
/// prints their results. Holds what a session of the shell changes: the
/// output format, the output file, the timer.
final class Shell {
    let session: Session
    var format: OutputFormat
    let keepGoing: Bool
    let interactive: Bool
    /// Whether any statement has failed.
    private(set) var failed = false
    var timer = false
    /// `.output FILE`: results go there instead of standard output.
    var output: FileHandle?
    var outputPath: String?
    /// Set by `.quit`.
    var quitting = false
    /// Statements entered in this shell, oldest first.
    var history: [String] = []
    /// Scripts being read by `.read`, to refuse a script that reads itself.
    var readStack: [String] = []

    init(session: Session, format: OutputFormat, keepGoing: Bool, interactive: Bool) {
        self.session = session
        self.format = format
        self.keepGoing = keepGoing
        self.interactive = interactive
    }

    /// Runs every statement of `text` in order. A script stops at its first
    /// error unless `--keep-going`; the shell always goes on.
    /// - Returns: false if a statement failed.
    @discardableResult
    func runScript(_ text: String, name: String?) -> Bool {
        let source = SourceText(text, name: name)
        var ok = true
        for span in StatementSplitter.split(text) {
            if !run(span.range, in: source) {
                ok = false
                failed = true
                if !keepGoing && !interactive { return false }
            }
            if quitting { break }
        }
        return ok
    }

    /// Runs one statement; prints its result or its error.
    private func run(_ range: Range<Int>, in source: SourceText) -> Bool {
        var parser = Parser(source.text, range: range)
        let start = DispatchTime.now().uptimeNanoseconds
        do throws(any Error) {
            let statement = try parser.parseStatement().get()
            if case .command(let name, let argument, let commandRange) = statement {
                do {
                    return try command(name.text, argument, source: source)
                } catch var d as Diagnostic {
                    // Commands know no positions; point at the command itself.
                    if d.range == nil { d.range = commandRange.lowerBound..<(commandRange.lowerBound + name.text.utf8.count) }
                    throw d
                }
            }
            let result = try session.run(source.text, range: range)
            emit(result)
            if timer {
                let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
                Terminal.error(String(format: "time: %.3f ms", ms))
            }
            return true
        } catch let d as Diagnostic {
            Terminal.error(DiagnosticRenderer.render(d, in: source))
            return false
        } catch {
            Terminal.error("error: \(error)")
            return false
        }
    }

    func emit(_ result: QueryResult) {
        let toTerminal = output == nil && Terminal.isInteractive(STDOUT_FILENO)
        let options = RenderOptions(width: toTerminal ? Terminal.width : 100, color: toTerminal && Terminal.color)
        let text = Renderer.render(result, as: format, options: options)
        write(text)
    }

    func write(_ text: String) {
        let data = Data(text.utf8)
        if let output { output.write(data) } else { FileHandle.standardOutput.write(data) }
    }

    // MARK: - The interactive loop

    func runInteractive(history useHistory: Bool) -> Int32 {
        if setlocale(LC_CTYPE, "") == nil { setlocale(LC_CTYPE, "C.UTF-8") }
        let corpus = session.corpus
        write("warta \(wartaVersion) — \(corpus.articles.count) articles in \(corpus.name). Type .help for help, Ctrl-D to leave.\n")
        var buffer = ""
        while !quitting {
            let name = session.corpus.name
            let prompt = buffer.isEmpty ? "\(name)> " : String(repeating: " ", count: max(0, name.count - 3)) + "...> "
            guard let raw = readline(prompt) else {
                // Ctrl-D: leave from an empty line; drop an unfinished statement otherwise.
                write("\n")
                if buffer.isEmpty { break }
                buffer = ""
                continue
            }
            let line = String(cString: raw)
            free(raw)
            buffer += buffer.isEmpty ? line : "\n" + line
            if buffer.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                buffer = ""
                continue
            }
            guard StatementSplitter.isComplete(buffer) else { continue }
            if history.last != buffer {
                history.append(buffer)
                add_history(buffer)
            }
            runScript(buffer, name: nil)
            buffer = ""
        }
        return 0
    }
}
