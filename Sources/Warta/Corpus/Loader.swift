#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Loads a corpus — a folder of articles, a JSON Lines file, or one article
/// file — into cleaned, dated `Article`s.
///
/// Bad input never stops a load: each file or line that cannot be used is
/// reported as a `LoadWarning` and skipped; only a path that cannot be a
/// corpus at all throws.
public enum CorpusLoader {
    /// The file kinds a corpus is made of, by extension.
    public static let extensions = Set(kinds)
    private static let kinds = ["txt", "md", "jsonl"]

    /// Whether a file is of a kind in `extensions` (searched in an array: making the set
    /// has the runtime scan every conformance in the binary for `String: Hashable`).
    static func reads(_ path: String) -> Bool { kinds.contains(path.fileExtension) }

    /// Folders deeper than this are not entered (a guard against symlink loops).
    static let maxDepth = 32

    /// A folder (recursively: .txt, .md and .jsonl files, sorted by path,
    /// hidden files skipped), a .jsonl file, or a single .txt/.md file.
    /// - Throws: `CorpusError` when `path` does not exist, is a file of
    ///   another kind, or cannot be read.
    public static func load(path: String) throws -> LoadResult {
        let fm = FileManager.default
        var isDir = false
        guard fm.fileExists(atPath: path, isDirectory: &isDir) else { throw CorpusError.notFound(path: path) }
        if !isDir {
            guard reads(path) else { throw CorpusError.unsupported(path: path) }
            // A JSON Lines file is read a stretch of lines at a time.
            if path.fileExtension == "jsonl" { return try JSONLines.load(path: path) }
            do {
                // Read, not mapped: a file another program truncates while it loads must not
                // crash warta (a mapped page past the new end is a SIGBUS).
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                return data.withUnsafeBytes { load(bytes: $0.bindMemory(to: UInt8.self), name: path) }
            } catch {
                throw CorpusError.unreadable(path: path, reason: "\(error)")
            }
        }
        var warnings: [LoadWarning] = []
        var files: [String] = []
        do {
            try collect(folder: path, depth: 0, into: &files, warnings: &warnings)
        } catch let e as CorpusError {
            throw e
        } catch {
            throw CorpusError.unreadable(path: path, reason: "\(error)")
        }
        files.sort()
        return loadFiles(files, warnings: warnings)
    }

    /// Same for bytes already in memory (tests, fuzzing): `name`'s extension
    /// picks the format (.jsonl, else one .txt/.md article); `name` is used
    /// in warnings and gives the default id.
    public static func load(data: [UInt8], name: String) -> LoadResult {
        data.withUnsafeBufferPointer { load(bytes: $0, name: name) }
    }

    static func load(bytes: UnsafeBufferPointer<UInt8>, name: String) -> LoadResult {
        if name.fileExtension == "jsonl" { return JSONLines.load(bytes, name: name) }
        let (article, warnings) = TextFile.load(bytes, name: name)
        return LoadResult(articles: article.map { [$0] } ?? [], warnings: warnings)
    }

    /// The files of `folder` (recursively) a load reads, unsorted. With
    /// readdir and stat: the cache asks it at every opening of a folder.
    static func collect(folder: String, depth: Int, into files: inout [String], warnings: inout [LoadWarning]) throws {
        guard let dir = opendir(folder) else { throw CorpusError.unreadable(path: folder, reason: String(cString: strerror(errno))) }
        var entries: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if !name.hasPrefix(".") { entries.append(name) }  // hidden files, and "." and ".."
        }
        closedir(dir)
        for entry in entries {
            let path = folder.hasSuffix("/") ? folder + entry : folder + "/" + entry
            var st = stat()
            guard stat(path, &st) == 0 else { continue }  // (a dangling link, as fileExists)
            if st.st_mode & S_IFMT == S_IFDIR {
                guard depth < maxDepth else {
                    warnings.append(LoadWarning(file: path, reason: "folder nested too deeply; skipped"))
                    continue
                }
                do {
                    try collect(folder: path, depth: depth + 1, into: &files, warnings: &warnings)
                } catch {
                    warnings.append(LoadWarning(file: path, reason: "cannot read folder; skipped"))
                }
            } else if reads(path) {
                files.append(path)
            }
        }
    }

    /// Reads the files one by one (the disk is the bottleneck there), parses
    /// and cleans them in parallel, and merges in path order.
    static func loadFiles(_ files: [String], warnings: [LoadWarning]) -> LoadResult {
        var contents: [[UInt8]?] = []
        var result = LoadResult(warnings: warnings)
        var readWarnings: [LoadWarning?] = []
        for path in files {
            if let data = FileManager.default.contents(atPath: path) {
                contents.append([UInt8](data))
                readWarnings.append(nil)
            } else {
                contents.append(nil)
                readWarnings.append(LoadWarning(file: path, reason: "cannot read file; skipped"))
            }
        }
        var loaded = [LoadResult?](repeating: nil, count: files.count)
        loaded.withUnsafeMutableBufferPointer { out in
            let out = out  // each index is written by exactly one iteration
            DispatchQueue.concurrentPerform(iterations: files.count) { k in
                if let bytes = contents[k] { out[k] = load(data: bytes, name: files[k]) }
            }
        }
        var firstFile: [String: String] = [:]
        for k in files.indices {
            if let w = readWarnings[k] { result.warnings.append(w) }
            guard let r = loaded[k] else { continue }
            result.warnings.append(contentsOf: r.warnings)
            for a in r.articles {
                if let first = firstFile[a.id] {
                    result.warnings.append(LoadWarning(file: files[k], reason: "duplicate id '\(a.id)' (first in \(first)); skipped"))
                } else {
                    firstFile[a.id] = files[k]
                    result.articles.append(a)
                }
            }
        }
        return result
    }
}
