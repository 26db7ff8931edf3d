import Foundation
import Warta
import WartaPostgres

extension Shell {
    /// The dot-commands as completion sees them: the library's list, with
    /// the shell's help topics after `.help`.
    static let commandSpecs: [CommandSpec] = CommandSpec.standard.map {
        switch $0.name {
        case ".help": return CommandSpec(".help", .choice(Help.topicNames))
        case ".schema": return CommandSpec(".schema", .choice(Schema.units))
        default: return $0
        }
    }

    /// Runs a dot-command (reference, section 7).
    /// - Returns: false if it failed.
    func command(_ name: String, _ argument: String, source: SourceText) throws -> Bool {
        let name = name.lowercased()
        guard let spec = Shell.commandSpecs.first(where: { $0.name == name }) else {
            let s = Suggest.closest(to: name, among: Shell.commandSpecs.map(\.name))
            throw Diagnostic(.error, "unknown command '\(name)'" + (s.map { " (did you mean '\($0)'?)" } ?? " (type .help for the commands)"))
        }
        if case .none = spec.argument, !argument.isEmpty, name != ".history" {
            throw usage(name)
        }
        try session.checkAllowed(command: name)
        switch name {
        case ".help":
            show(Help.text(topic: argument))
        case ".quit", ".exit":
            quitting = true
        case ".open":
            guard !argument.isEmpty else { throw usage(name) }
            if PostgresURL.isPostgres(argument) {
                let executor: PostgresExecutor
                do {
                    executor = try PostgresExecutor(url: argument)
                } catch {
                    throw Diagnostic(.error, "\(error)")
                }
                let dropped = session.sets.count
                session.open(executor)
                write("opened \(executor.corpusName)" + (dropped > 0 ? " (named sets dropped)" : "") + "\n")
                return true
            }
            let corpus: Corpus
            do {
                corpus = try Corpus.open(path: expandTilde(argument), cache: cache)
            } catch {
                throw Diagnostic(.error, "\(error)")
            }
            for w in corpus.warnings { Terminal.error(w.description) }
            let dropped = session.sets.count
            session.open(corpus)
            write("opened \(corpus.name): \(corpus.articles.count) articles"
                + (dropped > 0 ? " (named sets dropped)" : "") + "\n")
        case ".entities":
            guard !argument.isEmpty else { throw usage(name) }
            guard let data = FileManager.default.contents(atPath: expandTilde(argument)) else {
                throw Diagnostic(.error, "cannot read '\(argument)'")
            }
            do {
                let n = try session.addEntities(tsv: String(decoding: data, as: UTF8.self), origin: argument)
                write("added \(n) \(n == 1 ? "entity" : "entities") from \(argument)\n")
            } catch let e as GazetteerError {
                throw Diagnostic(.error, e.description)
            }
        case ".info":
            // Statistics read every article: from a damaged index file they are no answer.
            let damaged = session.corpus.damage.count
            let text = try Info.text(session)
            if session.corpus.damage.count != damaged { throw Diagnostic(.error, session.corpus.damage.message ?? "the index file is damaged") }
            show(text)
        case ".schema":
            show(try Info.schema(session, unit: argument))
        case ".format":
            if argument.isEmpty { write("format: \(format.rawValue)\n"); return true }
            guard let f = OutputFormat(rawValue: argument.lowercased()) else {
                let names = OutputFormat.allCases.map(\.rawValue)
                let s = Suggest.closest(to: argument, among: names)
                throw Diagnostic(.error, "unknown format '\(argument)'" + (s.map { " (did you mean '\($0)'?)" } ?? "")
                    + "; formats: \(names.joined(separator: ", "))")
            }
            format = f
            session.settings.kwicLines = f == .kwic
        case ".context":
            try context(argument, name)
        case ".timeout":
            switch argument.lowercased() {
            case "": write("timeout: \(session.settings.timeoutMilliseconds.map { "\($0) ms" } ?? "off")\n")
            case "off", "0": session.settings.timeoutMilliseconds = nil
            default:
                guard let ms = Int(argument), (1...Runner.maxTimeout).contains(ms) else { throw usage(name) }
                session.settings.timeoutMilliseconds = ms
            }
        case ".timer":
            timer = try onOff(argument, name, current: timer)
        case ".chart":
            if argument.isEmpty {
                let on = chart ?? Terminal.isInteractive(STDOUT_FILENO)
                write("chart: \(on ? "on" : "off")\(chart == nil ? " (on a terminal, off when piped)" : "")\n")
            } else {
                chart = try onOff(argument, name, current: chart ?? false)
            }
        case ".pager":
            // A pager such as less can run commands and save files (!, s, v).
            if session.safeMode && argument.lowercased() == "on" {
                throw Diagnostic(.error, "the pager can run commands and write files; refused in safe mode")
            }
            pager = try onOff(argument, name, current: pager)
        case ".read":
            guard !argument.isEmpty else { throw usage(name) }
            let path = expandTilde(argument)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw Diagnostic(.error, "cannot read '\(argument)'")
            }
            guard !data.contains(0) else { throw Diagnostic(.error, "cannot read '\(argument)': it looks like a binary file (it contains NUL bytes)") }
            guard !readStack.contains(path) else { throw Diagnostic(.error, "'\(argument)' is already being read (a script cannot read itself)") }
            readStack.append(path)
            defer { readStack.removeLast() }
            return runScript(String(decoding: data, as: UTF8.self), name: argument)
        case ".output":
            // The file written so far takes its place now (see OutputFile).
            let previous = output
            output = nil
            try previous?.commit()
            if !argument.isEmpty {
                output = try OutputFile(path: expandTilde(argument))
            }
        case ".sets":
            let sizes = session.setSizes
            if sizes.isEmpty {
                write("no sets yet (make one with: let NAME = articles where …)\n")
            } else {
                let width = sizes.map(\.name.count).max() ?? 0
                for s in sizes { write("\(s.name.padding(width))  \(s.size) \(s.size == 1 ? "article" : "articles")\n") }
            }
        case ".set":
            try setParameter(argument)
        case ".stories":
            if argument.isEmpty {
                write("stories: articles whose bodies share at least \(formatShare(session.settings.storyThreshold)) of their word 3-grams (Jaccard)\n")
            } else {
                guard let t = Double(argument), t > 0, t <= 1 else {
                    throw Diagnostic(.error, "usage: .stories THRESHOLD — a Jaccard similarity above 0 and at most 1, such as 0.5")
                }
                session.settings.storyThreshold = t
            }
        case ".unset":
            guard !argument.isEmpty else { throw usage(name) }
            guard session.parameters.removeValue(forKey: argument.hasPrefix("$") ? String(argument.dropFirst()) : argument) != nil else {
                throw Diagnostic(.error, "no parameter '\(argument)' is set (see .set)")
            }
        case ".history":
            guard argument.isEmpty || Int(argument).map({ $0 > 0 }) == true else { throw usage(name) }
            let entries = history.entries
            let shown = entries.suffix(Int(argument) ?? 20)
            let first = entries.count - shown.count + 1
            let width = String(entries.count).count
            var text = ""
            for (i, h) in shown.enumerated() {
                let number = String(first + i)
                let indent = String(repeating: " ", count: width + 2)
                text += String(repeating: " ", count: width - number.count) + number + "  "
                    + h.replacingOccurrences(of: "\n", with: "\n" + indent) + "\n"
            }
            show(text)
        default:
            throw usage(name)
        }
        return true
    }

    private func formatShare(_ x: Double) -> String {
        let v = (x * 1000).rounded() / 10
        return (v == v.rounded() ? String(Int(v)) : String(v)) + "%"
    }

    /// `.set` lists the parameters; `.set who "To Lam"` (or `.set who To Lam`) binds `$who`.
    private func setParameter(_ argument: String) throws {
        if argument.isEmpty {
            if session.parameters.isEmpty {
                write("no parameters yet (set one with: .set who \"To Lam\", then write $who in a statement)\n")
            } else {
                let width = session.parameters.keys.map(\.count).max() ?? 0
                for (k, v) in session.parameters.sorted(by: { $0.key < $1.key }) {
                    write("$\(k.padding(width))  \(Printer.print(Literal.string(v, 0..<0)))\n")
                }
            }
            return
        }
        var parts = argument.split(separator: " ", maxSplits: 1).map(String.init)
        if parts[0].hasPrefix("$") { parts[0].removeFirst() }
        guard parts.count == 2 else { throw usage(".set") }
        var value = parts[1].trimmingCharacters(in: .whitespaces)
        // A quoted value is a string literal: its quotes and escapes are read as in a statement.
        if let first = value.first, first == "\"" || first == "'" || first == "\u{201C}" {
            var lexer = Lexer(value)
            let tokens = lexer.tokenize()
            guard lexer.diagnostics.isEmpty, tokens.count == 2, tokens[0].kind == .string else {
                throw Diagnostic(.error, "usage: .set NAME VALUE — a quoted value must be one string: .set who \"To Lam\"")
            }
            value = tokens[0].text
        }
        try session.setParameter(parts[0], value)
    }

    private func usage(_ name: String) -> Diagnostic {
        let c = Help.commands.first { $0.name == name }
        return Diagnostic(.error, "usage: \(c?.usage ?? name)")
    }

    /// `.context 8 words`, `.context left 40 chars`: both sides, or one.
    private func context(_ argument: String, _ name: String) throws {
        let words = argument.lowercased().split(separator: " ").map(String.init)
        if words.isEmpty {
            write("context: left \(session.settings.leftContext), right \(session.settings.rightContext)\n")
            return
        }
        var side: String?
        var rest = words[...]
        if let first = rest.first, first == "left" || first == "right" { side = first; rest = rest.dropFirst() }
        guard rest.count == 2, let n = Int(rest[rest.startIndex]), n >= 0, n <= 1000,
              let unit = ContextWidth.Unit(rawValue: rest[rest.startIndex + 1] == "word" ? "words" : (rest[rest.startIndex + 1] == "char" ? "chars" : rest[rest.startIndex + 1])) else {
            throw usage(name)
        }
        let width = ContextWidth(n, unit)
        if side != "right" { session.settings.leftContext = width }
        if side != "left" { session.settings.rightContext = width }
    }

    private func onOff(_ argument: String, _ name: String, current: Bool) throws -> Bool {
        switch argument.lowercased() {
        case "on": return true
        case "off": return false
        case "":
            write("\(name.dropFirst()): \(current ? "on" : "off")\n")
            return current
        default: throw usage(name)
        }
    }

    private func expandTilde(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        return FileManager.default.homeDirectoryForCurrentUser.path + String(path.dropFirst(1))
    }
}
