import Foundation

/// Where the indexes of folders and `.jsonl` files opened directly are kept,
/// so that opening the same unchanged corpus again maps its index file
/// instead of loading and analysing every article anew.
///
/// An entry is the index file `warta index` would write, named after the
/// corpus's real path and a signature of everything its index depends on:
/// the program that built it (`tool`), and each file the loader reads, with
/// its size, inode, modification and status-change times to the nanosecond.
/// A corpus whose files changed in any way has another signature, so a
/// stale entry is never found, only left behind and removed when the new
/// one is written. An entry is used only when every checksum of it holds;
/// one that does not is rebuilt.
///
/// Entries are written atomically, and not at all while a file of the
/// corpus is younger than `racyWindow` (a change within the file system's
/// clock tick would not show in its times) or changed during the build.
public struct CorpusCache: Sendable {
    /// The folder of the entries.
    public let directory: String
    /// What identifies the program that builds the indexes: entries built by
    /// another build of warta (another analysis) are not used.
    public let tool: String

    /// A file of the corpus modified less than this many seconds before
    /// its index is built keeps that index out of the cache.
    public static let racyWindow: Double = 2

    public init(directory: String, tool: String) {
        self.directory = directory
        self.tool = tool
    }

    /// The cache the `warta` command uses: `$WARTA_CACHE_DIR`, else
    /// `$XDG_CACHE_HOME/warta`, else `~/.cache/warta`; nil when
    /// `WARTA_CACHE` is `off` (or `0`, `no`), or no folder can be named.
    /// - Parameter tool: the identity of the running program.
    public static func standard(tool: String) -> CorpusCache? {
        // getenv, not ProcessInfo's environment: a dictionary of every variable, made on first use.
        func env(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }
        if let setting = env("WARTA_CACHE")?.lowercased(), ["off", "0", "no", "false"].contains(setting) { return nil }
        if let dir = env("WARTA_CACHE_DIR"), !dir.isEmpty { return CorpusCache(directory: dir, tool: tool) }
        if let xdg = env("XDG_CACHE_HOME"), xdg.hasPrefix("/") { return CorpusCache(directory: xdg + "/warta", tool: tool) }
        if let home = env("HOME"), home.hasPrefix("/") { return CorpusCache(directory: home + "/.cache/warta", tool: tool) }
        return nil
    }

    /// The identity of the executable running this process (its inode,
    /// size and modification time): a rebuilt warta has another one.
    public static var executableIdentity: String? {
        var st = stat()
        guard stat("/proc/self/exe", &st) == 0 else { return nil }
        return "exe \(st.st_dev):\(st.st_ino) \(st.st_size) \(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)"
    }

    /// What an entry's name is made of: the corpus's real path, and the
    /// signature of its files; nil when `path` cannot be cached (it does not
    /// exist, a folder of it cannot be read).
    struct Key: Equatable {
        var path: String
        var signature: String
        /// The newest modification time of the corpus's files.
        var newest: Double

        /// The entry's file name: a hash of the path, then of the signature
        /// (an entry is also checked to be of this path when opened).
        var fileName: String {
            CorpusCache.hex(FNV1a.hash(path)) + "-" + CorpusCache.hex(FNV1a.hash(signature)) + ".widx"
        }
    }

    func key(for path: String) -> Key? {
        guard let real = realpath(path, nil) else { return nil }
        let canonical = String(cString: real)
        free(real)
        var files: [String] = []
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: canonical, isDirectory: &isFolder) else { return nil }
        if isFolder.boolValue {
            var warnings: [LoadWarning] = []
            guard (try? CorpusLoader.collect(folder: canonical, depth: 0, into: &files, warnings: &warnings)) != nil,
                  warnings.isEmpty else { return nil }
            files.sort()
        } else {
            files = [canonical]
        }
        var signature = "warta corpus cache 1\n\(tool)\nindex format \(IndexStorage.version)\n"
        var newest = 0.0
        for f in files {
            var st = stat()
            guard stat(f, &st) == 0 else { return nil }
            let m = st.st_mtim, c = st.st_ctim
            signature += "\(f)\t\(st.st_size)\t\(st.st_dev):\(st.st_ino)\t\(m.tv_sec).\(m.tv_nsec)\t\(c.tv_sec).\(c.tv_nsec)\n"
            newest = max(newest, Double(m.tv_sec) + Double(m.tv_nsec) / 1e9)
        }
        return Key(path: canonical, signature: signature, newest: newest)
    }

    /// The corpus of the entry for `key`, when there is a sound one.
    func corpus(for key: Key, path: String) -> Corpus? {
        let file = directory + "/" + key.fileName
        guard access(file, R_OK) == 0 else { return nil }
        guard let storage = try? IndexStorage.map(path: file), storage.source == key.path,
              storage.verifyAll().isEmpty else {
            if trace { trace("cache: \(file) is unsound; rebuilding it") }
            unlink(file)
            return nil
        }
        if trace { trace("cache: using \(file)") }
        return try? Corpus(storage: storage, name: Corpus.displayName(path), path: path, gazetteer: nil)
    }

    /// Writes `bytes` as the entry for `key`, unless a file of the corpus is
    /// too young or changed since `key` was taken; removes the entries of
    /// earlier versions of the same corpus. Failing to write is not an error:
    /// the corpus was opened, and the next opening builds it again.
    func store(_ bytes: [UInt8], for key: Key) {
        let now = Date().timeIntervalSince1970
        guard key.newest < now - CorpusCache.racyWindow, self.key(for: key.path) == key else {
            if trace { trace("cache: not storing \(key.path): it changed within \(CorpusCache.racyWindow) s") }
            return
        }
        guard (try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)) != nil else { return }
        let name = key.fileName
        do {
            try IndexWriter.save(bytes, to: directory + "/" + name)
        } catch {
            if trace { trace("cache: \(error)") }
            return
        }
        if trace { trace("cache: stored \(directory)/\(name)") }
        let prefix = String(name.prefix(17))
        for old in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        where old.hasPrefix(prefix) && old != name && old.hasSuffix(".widx") {
            unlink(directory + "/" + old)
        }
    }

    static func hex(_ v: UInt64) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
