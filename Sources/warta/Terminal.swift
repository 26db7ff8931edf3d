import Foundation

/// The few facts about the terminal the command line needs.
enum Terminal {
    static func isInteractive(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// Columns of the terminal on standard output; `COLUMNS` or 100 when not a terminal.
    static var width: Int {
        var ws = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 {
            return Int(ws.ws_col)
        }
        if let c = ProcessInfo.processInfo.environment["COLUMNS"], let n = Int(c), n > 20 { return n }
        return 100
    }

    /// Colour and bold only on a terminal, and never with NO_COLOR set.
    static var color: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// Replaces the progress line on standard error; nil clears it.
    static func progress(_ line: String?) {
        guard line != nil || progressShown else { return }
        progressShown = line != nil
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + (line ?? "")).utf8))
    }

    nonisolated(unsafe) private static var progressShown = false

    static func readAllStandardInput() -> String {
        String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    }
}
