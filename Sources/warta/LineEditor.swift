import CLibEdit
import Foundation
import Warta

/// Reads the shell's lines with libedit (its readline layer): emacs keys,
/// arrows, Ctrl-R search through history, Tab completion.
///
/// libedit keeps its state in globals and calls completion through a C
/// function pointer, so this is an enum over static state: there is one
/// terminal and one line being edited.
enum LineEditor {
    /// What a read gave.
    enum Input: Equatable {
        case line(String)
        /// Ctrl-C: the line (and the statement it continued) is dropped.
        case interrupted
        /// Ctrl-D on an empty line, or the end of input.
        case end
    }

    /// Completes text: called with the statement typed so far (earlier
    /// lines included) up to the cursor.
    nonisolated(unsafe) static var completer: ((String) -> Completion)?
    /// Earlier lines of the statement being typed, for completion.
    nonisolated(unsafe) static var pendingLines = ""

    /// Sets libedit up and hands it the history to recall.
    static func setUp(history: [String]) {
        warta_configure_readline(complete)
        stifle_history(Int32(History.capacity))
        for entry in history { add_history(recallable(entry)) }
    }

    /// Shows `prompt` and reads one line.
    static func read(prompt: String) -> Input {
        Interrupt.clear()
        guard let raw = readline(prompt) else {
            // libedit returns NULL both for Ctrl-D and when a signal cut the read short.
            return Interrupt.take() ? .interrupted : .end
        }
        defer { free(raw) }
        if Interrupt.take() { return .interrupted }
        return .line(String(cString: raw))
    }

    /// Makes `entry` recallable with Up and Ctrl-R.
    static func remember(_ entry: String) {
        add_history(recallable(entry))
    }

    /// How `entry` comes back with Up: a multi-line statement as one line,
    /// easier to edit than lines joined by `^J` (libedit's view of a line
    /// break), unless joining would change it: a comment ending a line, a
    /// line break inside a string.
    static func recallable(_ entry: String) -> String {
        guard entry.contains("\n") else { return entry }
        let joined = entry.split(separator: "\n", omittingEmptySubsequences: true)
            .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        var a = Lexer(entry), b = Lexer(joined)
        let same = a.tokenize().map { [$0.kind == .end ? "" : "\($0.kind)", $0.text, $0.flags] }
            == b.tokenize().map { [$0.kind == .end ? "" : "\($0.kind)", $0.text, $0.flags] }
        return same ? joined : entry
    }

    /// The longest common beginning of `words`, in whole characters.
    static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first.map(Array.init) else { return "" }
        for w in words.dropFirst() {
            let chars = Array(w)
            var n = 0
            while n < prefix.count && n < chars.count && prefix[n] == chars[n] { n += 1 }
            prefix.removeLast(prefix.count - n)
        }
        return String(prefix)
    }

    /// What libedit's Tab gets back: first the replacement for the whole
    /// line up to the cursor (it breaks no words: see the shim), then, when
    /// there is a choice, the candidates to list on a second Tab.
    static func matches(line: String) -> [String] {
        guard let completer else { return [] }
        let text = pendingLines.isEmpty ? line : pendingLines + "\n" + line
        let lineStart = text.utf8.count - line.utf8.count
        let completion = completer(text)
        guard !completion.candidates.isEmpty, completion.range.lowerBound >= lineStart else { return [] }
        let kept = String(decoding: Array(line.utf8)[..<(completion.range.lowerBound - lineStart)], as: UTF8.self)
        if completion.candidates.count == 1 {
            let only = completion.candidates[0]
            // libedit tells one match from many by a second copy.
            return [kept + only, kept + only]
        }
        // The list shows values without the closing quote that completing one adds.
        let listed = completion.candidates.map { c in
            c.count > 1 && (c.hasSuffix("\"") || c.hasSuffix("'") || c.hasSuffix("\u{201D}")) && !(c.first == "\"" || c.first == "'")
                ? String(c.dropLast()) : c
        }
        return [kept + commonPrefix(completion.candidates)] + listed
    }
}

/// libedit's completion hook (`rl_attempted_completion_function`).
private func complete(_ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    warta_set_completion_over(1)  // never fall back to file names
    guard let text else { return nil }
    let found = LineEditor.matches(line: String(cString: text))
    guard !found.isEmpty else { return nil }
    // A lone word is followed by a space; a folder is not, so typing goes on inside it.
    let single = found.count == 2 && found[0] == found[1]
    warta_set_completion_append_character(single && !found[0].hasSuffix("/") ? 32 : 0)
    // libedit frees the array and the strings with free().
    let size = MemoryLayout<UnsafeMutablePointer<CChar>?>.stride * (found.count + 1)
    guard let memory = malloc(size) else { return nil }
    let array = memory.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: found.count + 1)
    for (i, m) in found.enumerated() { array[i] = strdup(m) }
    array[found.count] = nil
    return array
}
