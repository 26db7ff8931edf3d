import Foundation
import Warta

/// Runs statements and dot-commands for the shell, scripts and pipes, and
/// prints their results. Holds what a session of the shell changes: the
/// output format, the output file, the timer, the pager, the history.
final class Shell {
    let session: Session
    var format: OutputFormat
    let keepGoing: Bool
    let interactive: Bool
    /// Whether any statement has failed.
    private(set) var failed = false
    var timer = false
    /// `.pager on|off`: long results go through the pager (interactive shell only).
    var pager = true
    /// `.chart on|off`, `--chart`/`--no-chart`: bars and sparklines beside
    /// grouped counts in the table format; nil draws them on a terminal only.
    var chart: Bool?
    /// `.output FILE`: results go there instead of standard output.
    var output: OutputFile?
    /// Set by `.quit`.
    var quitting = false
    /// Statements entered in the shell (and earlier sessions), for `.history`.
    var history = History(path: nil, warn: { _ in })
    /// Scripts being read by `.read`, to refuse a script that reads itself.
    var readStack: [String] = []
    /// Where `.open` keeps and finds the indexes of folders and .jsonl files (nil: `--no-cache`).
    var cache: CorpusCache?

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
            // Ctrl-C stops a script read with .read, or a line of several statements.
            if interactive && Interrupt.isPending { break }
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
        var parser = Parser(source.text, range: range, parameters: session.parameters)
        let start = DispatchTime.now().uptimeNanoseconds
        do throws(any Error) {
            let statement = try parser.parsed()
            if case .command(let name, let argument, let commandRange) = statement {
                do {
                    return try command(name.text, argument, source: source)
                } catch var d as Diagnostic {
                    // Commands know no positions; point at the command itself.
                    if d.range == nil { d.range = commandRange.lowerBound..<(commandRange.lowerBound + name.text.utf8.count) }
                    throw d
                }
            }
            let cancel: (@Sendable () -> Bool)? = interactive ? Interrupt.pending : nil
            let result: QueryResult
            do {
                // Checked as parsed above: a statement is lexed and parsed once.
                result = try session.execute(try session.checked(statement), isCancelled: cancel)
            } catch var d as Diagnostic {
                // A stop (time limit, Ctrl-C) knows no position: point at the statement, so a script says which.
                if d.range == nil { d.range = statement.range }
                throw d
            }
            do {
                try emit(result, title: Shell.slice(source.text, statement.range))
            } catch var d {
                // svg of rows: point at the statement that cannot be drawn.
                if d.range == nil { d.range = statement.range }
                throw d
            }
            if timer {
                let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
                Terminal.error(String(format: "time: %.3f ms", ms))
            }
            return true
        } catch let d as Diagnostic {
            report(d, in: source)
            return false
        } catch {
            report(Diagnostic(.error, "\(error)"), in: SourceText(""))
            return false
        }
    }

    /// Prints a diagnostic on standard error: the caret view, or with
    /// `--format json`/`jsonl` one JSON object a line (docs/output.md).
    func report(_ d: Diagnostic, in source: SourceText) {
        let machine = format == .json || format == .jsonl
        Terminal.error(machine ? DiagnosticRenderer.json(d, in: source) : DiagnosticRenderer.render(d, in: source))
    }

    /// The text of a statement, from its UTF-8 offsets.
    static func slice(_ text: String, _ range: Range<Int>) -> String {
        let utf8 = text.utf8
        let lower = min(max(0, range.lowerBound), utf8.count), upper = min(max(lower, range.upperBound), utf8.count)
        return utf8.withContiguousStorageIfAvailable { String(decoding: $0[lower..<upper], as: UTF8.self) }
            ?? String(decoding: utf8.dropFirst(lower).prefix(upper - lower), as: UTF8.self)
    }

    /// The format results are written in: svg for a table sent to a `.svg` file.
    var effectiveFormat: OutputFormat {
        format == .table && output?.path.lowercased().hasSuffix(".svg") == true ? .svg : format
    }

    /// Prints a result; `title` (the statement) heads an SVG chart.
    /// - Throws: a `Diagnostic` when the format cannot show the result (svg of rows).
    func emit(_ result: QueryResult, title: String? = nil) throws(Diagnostic) {
        let toTerminal = output == nil && Terminal.isInteractive(STDOUT_FILENO)
        let format = effectiveFormat
        // Charts asked for in a pipe are fitted to COLUMNS, as on a terminal.
        let options = RenderOptions(width: toTerminal || chart == true ? Terminal.width : 100, color: toTerminal && Terminal.color,
                                    chart: format == .table && (chart ?? toTerminal), title: title)
        let text: String
        if format == .svg {
            text = try Renderer.svg(result, options: options)
            // A file holds one chart: the last statement's.
            if !text.isEmpty { output?.restart() }
        } else {
            text = Renderer.render(result, as: format, options: options)
        }
        if case .rows(let r) = result, r.leftOutByRowLimit > 0 {
            report(Diagnostic(.warning, "\(r.leftOutByRowLimit) more rows left out by the row limit of \(session.settings.maxRows ?? 0) (--max-rows)"),
                   in: SourceText(""))
        }
        if interactive && Interrupt.isPending { return }  // Ctrl-C while it ran: the result is not wanted
        show(text)
    }

    /// Writes a result, through the pager when the shell has one and the text is longer than the screen.
    func show(_ text: String) {
        if interactive && pager && !session.safeMode && output == nil && Terminal.isInteractive(STDOUT_FILENO), let rows = Pager.rows,
           Pager.isLong(text, rows: rows, columns: Terminal.width), Pager.show(text) {
            return
        }
        write(text)
    }

    func write(_ text: String) {
        if let output {
            output.write(text)
            return
        }
        guard interactive else {
            // write(2) on the string's own bytes (no Data made for every result).
            var text = text
            text.withUTF8 { b in
                var offset = 0
                while offset < b.count {
                    let n = Foundation.write(STDOUT_FILENO, b.baseAddress! + offset, b.count - offset)
                    if n < 0 && errno == EINTR { continue }
                    if n <= 0 { return }
                    offset += n
                }
            }
            return
        }
        // In the shell, write in pieces so that Ctrl-C can stop a long result.
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count && !Interrupt.isPending {
            let n = bytes[offset..<min(bytes.count, offset + 16_384)].withUnsafeBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            offset += n
        }
    }

    /// Puts the `.output` file in place, at exit.
    /// - Returns: false (after saying why) if it could not be written.
    func finishOutput() -> Bool {
        let last = output
        output = nil
        do {
            try last?.commit()
            return true
        } catch {
            Terminal.error("\(error)")
            return false
        }
    }

    // MARK: - The interactive loop

    /// The prompt: the corpus name, or dots under it while a statement goes on.
    func prompt(continuing: Bool) -> String {
        let name = session.corpus.name
        return continuing ? String(repeating: " ", count: max(0, name.count - 3)) + "...> " : name + "> "
    }

    /// Reads statements with the line editor until `.quit` or Ctrl-D.
    func runInteractive(history useHistory: Bool) -> Int32 {
        if setlocale(LC_CTYPE, "") == nil { setlocale(LC_CTYPE, "C.UTF-8") }
        Interrupt.install()
        history = History(path: useHistory ? History.defaultPath() : nil, warn: { Terminal.error($0) })
        LineEditor.setUp(history: history.entries)
        LineEditor.completer = { [unowned self] text in
            session.completions(for: text, cursor: text.utf8.count, commands: Shell.commandSpecs)
        }
        let corpus = session.corpus
        write("warta \(wartaVersion): \(corpus.articles.count) articles in \(corpus.name). "
            + "Type .help for help, Tab to complete, Ctrl-D to leave.\n")
        var buffer = ""
        while !quitting {
            LineEditor.pendingLines = buffer
            switch LineEditor.read(prompt: prompt(continuing: !buffer.isEmpty)) {
            case .end:
                write("\n")  // libedit leaves the cursor after the prompt
                return 0
            case .interrupted:
                // Drop the line and the statement it continued; a fresh prompt.
                write("\n")
                buffer = ""
            case .line(let line):
                buffer += buffer.isEmpty ? line : "\n" + line
                if buffer.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    buffer = ""
                    continue
                }
                guard StatementSplitter.isComplete(buffer) else { continue }
                // Saved before it runs, so that a crash or a kill loses nothing.
                // A recalled multi-line statement comes back as one line: the same entry.
                let statement = buffer.trimmingCharacters(in: .whitespacesAndNewlines)
                let repeated = history.entries.last.map(LineEditor.recallable) == LineEditor.recallable(statement)
                if !repeated, history.add(statement) { LineEditor.remember(History.redacted(statement)) }
                runScript(buffer, name: nil)
                buffer = ""
                if Interrupt.take() { Terminal.error("interrupted") }
            }
        }
        return 0
    }
}
