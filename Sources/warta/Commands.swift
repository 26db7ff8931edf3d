import Foundation
import Warta

extension Shell {
    /// Runs a dot-command (reference, section 7).
    /// - Returns: false if it failed.
    func command(_ name: String, _ argument: String, source: SourceText) throws -> Bool {
        switch name.lowercased() {
        case ".help":
            write(Help.text(topic: argument))
        case ".quit", ".exit":
            quitting = true
        case ".open":
            guard !argument.isEmpty else { throw Diagnostic(.error, "usage: .open PATH (a folder, a .jsonl file or an article file)") }
            let path = expandTilde(argument)
            do {
                let corpus = try Corpus.open(path: path)
                for w in corpus.warnings { Terminal.error(w.description) }
                session.open(corpus)
                write("opened \(corpus.name): \(corpus.articles.count) articles\n")
            } catch {
                throw Diagnostic(.error, "\(error)")
            }
        case ".info":
            write(Info.text(session.corpus))
        case ".schema":
            write(Info.schema(session.corpus))
        case ".format":
            guard let f = OutputFormat(rawValue: argument.lowercased()) else {
                let names = OutputFormat.allCases.map(\.rawValue)
                if argument.isEmpty { write("format: \(format.rawValue)\n"); return true }
                throw Diagnostic(.error, "unknown format '\(argument)' (formats: \(names.joined(separator: ", ")))")
            }
            format = f
        case ".timer":
            switch argument.lowercased() {
            case "on": timer = true
            case "off": timer = false
            default: throw Diagnostic(.error, "usage: .timer on|off")
            }
        case ".read":
            guard !argument.isEmpty else { throw Diagnostic(.error, "usage: .read FILE") }
            let path = expandTilde(argument)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw Diagnostic(.error, "cannot read '\(argument)'")
            }
            guard !readStack.contains(path) else { throw Diagnostic(.error, "'\(argument)' is already being read (a script cannot read itself)") }
            readStack.append(path)
            defer { readStack.removeLast() }
            return runScript(String(decoding: data, as: UTF8.self), name: argument)
        case ".output":
            if let output { try? output.close() }
            output = nil
            outputPath = nil
            if !argument.isEmpty {
                let path = expandTilde(argument)
                guard FileManager.default.createFile(atPath: path, contents: nil),
                      let handle = FileHandle(forWritingAtPath: path) else {
                    throw Diagnostic(.error, "cannot write '\(argument)'")
                }
                output = handle
                outputPath = path
            }
        case ".sets":
            let sizes = session.setSizes
            if sizes.isEmpty {
                write("no sets yet (make one with: let NAME = articles where …)\n")
            } else {
                for s in sizes { write("\(s.name)  \(s.size)\n") }
            }
        case ".history":
            for (i, h) in history.suffix(50).enumerated() { write("\(i + 1)  \(h)\n") }
        default:
            let known = [".help", ".open", ".info", ".schema", ".format", ".timer", ".read", ".output", ".sets", ".history", ".quit", ".exit"]
            let s = Suggest.closest(to: name.lowercased(), among: known)
            throw Diagnostic(.error, "unknown command '\(name)'" + (s.map { " (did you mean '\($0)'?)" } ?? " (type .help)"))
        }
        return true
    }

    private func expandTilde(_ path: String) -> String {
        guard path.hasPrefix("~/") else { return path }
        return FileManager.default.homeDirectoryForCurrentUser.path + String(path.dropFirst(1))
    }
}
