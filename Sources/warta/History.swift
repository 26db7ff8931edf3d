import Foundation

/// The statements entered in the shell, kept across sessions in a file
/// (`~/.warta_history`, `WARTA_HISTORY` overrides).
///
/// The file holds one entry per line; a backslash, a line break or a
/// carriage return inside an entry is written `\\`, `\n`, `\r`, so a
/// multi-line statement stays one entry. Each entry is appended as it is
/// entered, in one `write` to a file opened with `O_APPEND`: a crash loses
/// nothing, and two shells writing at once do not mix their lines.
final class History {
    /// Entries kept, in memory and (trimmed when the shell starts) in the file.
    static let capacity = 2_000

    /// Oldest first.
    private(set) var entries: [String] = []
    /// Where entries are saved; nil when history is not saved.
    private(set) var path: String?
    private let warn: (String) -> Void
    /// The file's last line lacks its line break (a crash mid-write): the next entry starts a new line.
    private var startNewLine = false

    /// The history file to use: `WARTA_HISTORY` if set (empty disables it), else `~/.warta_history`.
    static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let p = environment["WARTA_HISTORY"] { return p.isEmpty ? nil : p }
        let home = environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path
        return home + "/.warta_history"
    }

    /// Loads the entries of `path` (nil: keep history in memory only).
    /// A file that cannot be read gives one warning through `warn`, and
    /// the session goes on without saving.
    init(path: String?, warn: @escaping (String) -> Void) {
        self.path = path
        self.warn = warn
        guard let path else { return }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno != ENOENT { disable("cannot read the history file \(path): \(String(cString: strerror(errno)))") }
            return
        }
        defer { close(fd) }
        guard let data = History.readAll(fd) else {
            disable("cannot read the history file \(path): \(String(cString: strerror(errno)))")
            return
        }
        startNewLine = !data.isEmpty && data.last != 0x0A
        var loaded: [String] = []
        for line in data.split(separator: 0x0A) {
            let entry = History.decode(String(decoding: line, as: UTF8.self))
            if !entry.isEmpty && loaded.last != entry { loaded.append(entry) }
        }
        entries = Array(loaded.suffix(History.capacity))
        if loaded.count > History.capacity { rewrite() }
    }

    /// Records a statement as entered. Empty statements and a repeat of
    /// the last entry are not recorded.
    /// - Returns: whether it was recorded.
    @discardableResult
    func add(_ statement: String) -> Bool {
        let entry = History.redacted(statement.trimmingCharacters(in: .whitespacesAndNewlines))
        guard !entry.isEmpty, entry != entries.last else { return false }
        entries.append(entry)
        if entries.count > History.capacity { entries.removeFirst(entries.count - History.capacity) }
        guard let path else { return true }
        let line = (startNewLine ? "\n" : "") + History.encode(entry) + "\n"
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            disable("cannot write the history file \(path): \(String(cString: strerror(errno)))")
            return true
        }
        defer { close(fd) }
        let bytes = Array(line.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        if written != bytes.count {
            disable("cannot write the history file \(path): \(String(cString: strerror(errno)))")
        }
        startNewLine = false
        return true
    }

    /// The statement with the password of any database URL in it replaced by `***`
    /// (`.open postgresql://user:secret@host/db`): history never keeps credentials.
    static func redacted(_ statement: String) -> String {
        guard statement.contains("postgres") || statement.contains("password=") else { return statement }
        var out = statement
        for (pattern, template) in [("(postgres(?:ql)?://[^:/@\\s]*:)[^@\\s]*@", "$1***@"), ("(password=)[^\\s&]+", "$1***")] {
            if let re = try? NSRegularExpression(pattern: pattern) {
                out = re.stringByReplacingMatches(in: out, range: NSRange(out.startIndex..., in: out), withTemplate: template)
            }
        }
        return out
    }

    /// One line of the file for an entry.
    static func encode(_ entry: String) -> String {
        var out = ""
        for ch in entry.unicodeScalars {
            switch ch {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// The entry a line of the file holds; an unknown escape stays as written.
    static func decode(_ line: String) -> String {
        var out = ""
        var escaped = false
        for ch in line.unicodeScalars {
            if escaped {
                switch ch {
                case "n": out += "\n"
                case "r": out += "\r"
                case "\\": out += "\\"
                default: out += "\\"; out.unicodeScalars.append(ch)
                }
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else {
                out.unicodeScalars.append(ch)
            }
        }
        return escaped ? out + "\\" : out
    }

    /// Warns once and stops using the file.
    private func disable(_ message: String) {
        warn("warning: \(message); history will not be saved")
        path = nil
    }

    /// Writes the kept entries to a new file and renames it over the old one.
    private func rewrite() {
        guard let path else { return }
        let temporary = path + ".tmp\(getpid())"
        let text = entries.map { History.encode($0) + "\n" }.joined()
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            disable("cannot write the history file \(path): \(String(cString: strerror(errno)))")
            return
        }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        if written != bytes.count || rename(temporary, path) != 0 {
            unlink(temporary)
            disable("cannot write the history file \(path): \(String(cString: strerror(errno)))")
        }
    }

    private static func readAll(_ fd: Int32) -> [UInt8]? {
        var data: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { return data }
            data.append(contentsOf: chunk[0..<n])
        }
    }
}
