import Foundation

/// Results longer than the screen go through a pager in the shell:
/// `$PAGER`, or `less -FRX` (quit at once when the text fits, keep colour,
/// leave the text on the screen afterwards).
enum Pager {
    /// The pager's command line, run by `/bin/sh`.
    static var command: String {
        let p = ProcessInfo.processInfo.environment["PAGER"] ?? ""
        return p.trimmingCharacters(in: .whitespaces).isEmpty ? "less -FRX" : p
    }

    /// Lines of the terminal on standard output, or nil when it is not one.
    static var rows: Int? {
        var ws = winsize()
        guard isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_row > 0 else { return nil }
        return Int(ws.ws_row)
    }

    /// Whether `text` takes more lines than fit above the prompt, counting
    /// wrapped lines (escape sequences for colour take no room).
    static func isLong(_ text: String, rows: Int, columns: Int) -> Bool {
        var used = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            let width = visibleWidth(line)
            used += max(1, (width + columns - 1) / max(1, columns))
            if used > rows - 1 { return true }
        }
        return false
    }

    private static func visibleWidth(_ line: Substring) -> Int {
        var n = 0
        var inEscape = false
        for ch in line.unicodeScalars {
            if inEscape {
                if ch.properties.isAlphabetic { inEscape = false }
            } else if ch == "\u{1B}" {
                inEscape = true
            } else {
                n += 1
            }
        }
        return n
    }

    /// Runs the pager on `text` and waits for it.
    /// - Returns: false when the pager could not be started or was not found
    ///   (the caller then prints the text itself).
    static func show(_ text: String) -> Bool {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return false }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[0], STDIN_FILENO)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        var pid: pid_t = 0
        let args = ["/bin/sh", "-c", command]
        var argv: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, nil, &argv, environ)
        close(fds[0])
        guard spawned == 0 else {
            close(fds[1])
            return false
        }
        // The pager may quit before reading everything (q): the write then fails, which is fine.
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            offset += n
        }
        close(fds[1])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // Ctrl-C inside the pager was the pager's own business.
        Interrupt.clear()
        let exited = status & 0x7F == 0
        return !(exited && (status >> 8) & 0xFF == 127)
    }
}
