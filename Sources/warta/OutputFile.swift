import Foundation
import Warta

/// The file `.output FILE` sends results to, written so that nothing is lost:
/// results go to a temporary file beside it, which replaces the file in one
/// `rename` when output switches (`.output`, `.output OTHER`) or warta exits.
/// A kill or a crash before then leaves the file as it was, never half
/// written; the temporary file (`.NAME.warta-PID.tmp`) is left behind.
final class OutputFile {
    /// The file as the user named it.
    let path: String
    private let temporary: String
    private var fd: Int32
    /// Why a write failed (disk full, …); reported when the file is committed.
    private var failure: String?

    /// Starts a new version of `path`.
    /// - Throws: a message when the folder cannot hold a new file.
    init(path: String) throws {
        // Through a symbolic link to the file it names: the rename replaces that file, not the link.
        let url = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        self.path = url.path
        temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).warta-\(getpid()).tmp").path
        // Keep the permissions of a file being replaced; a new one gets the usual 0666 minus the umask.
        var existing = stat()
        let exists = stat(url.path, &existing) == 0
        if exists && existing.st_mode & S_IFMT == S_IFDIR {
            throw Diagnostic(.error, "cannot write '\(path)': it is a folder")
        }
        let mode: mode_t = exists ? existing.st_mode & 0o7777 : 0o666
        fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { throw OutputFile.error(path) }
    }

    /// Appends `text`; a failure is remembered and reported by `commit`.
    func write(_ text: String) {
        guard fd >= 0, failure == nil else { return }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                failure = String(cString: strerror(errno))
                return
            }
            bytes = bytes.dropFirst(n)
        }
    }

    /// Drops what was written so far: the file will hold only what comes next
    /// (an SVG file holds one chart).
    func restart() {
        guard fd >= 0, failure == nil else { return }
        if ftruncate(fd, 0) != 0 || lseek(fd, 0, SEEK_SET) < 0 { failure = String(cString: strerror(errno)) }
    }

    /// Puts everything written in place of the file, in one step.
    /// - Throws: a message naming the file when it could not be written;
    ///   the file then keeps its previous content.
    func commit() throws {
        guard fd >= 0 else { return }
        defer { fd = -1 }
        if failure == nil && fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        if close(fd) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
        if failure == nil && rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw Diagnostic(.error, "cannot write '\(path)': \(failure); it keeps its previous content")
        }
    }

    private static func error(_ path: String) -> Diagnostic {
        Diagnostic(.error, "cannot write '\(path)': \(String(cString: strerror(errno)))")
    }
}
