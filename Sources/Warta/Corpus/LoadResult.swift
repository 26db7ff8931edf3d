/// A problem found while loading a corpus that did not stop the load: the
/// offending file (or line) was skipped or repaired, and the rest loaded.
public struct LoadWarning: Sendable, Equatable, CustomStringConvertible {
    /// The file the problem is in, as it was named to the loader.
    public var file: String
    /// The 1-based line number, when the problem is on one line.
    public var line: Int?
    /// What was wrong and what the loader did about it.
    public var reason: String

    /// A warning about `file` (and `line`, if known).
    public init(file: String, line: Int? = nil, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    /// `FILE:LINE: warning: REASON`, or `FILE: warning: REASON` without a line,
    /// the shape compilers use so editors can jump to the spot.
    public var description: String {
        if let line { return "\(file):\(line): warning: \(reason)" }
        return "\(file): warning: \(reason)"
    }
}

/// What a load produced: the articles, in path and line order, and the
/// warnings about everything that was skipped or repaired.
public struct LoadResult: Sendable {
    /// The loaded articles, ids unique.
    public var articles: [Article]
    /// Problems that did not stop the load, in the order they were found.
    public var warnings: [LoadWarning]

    /// A result holding `articles` and `warnings`.
    public init(articles: [Article] = [], warnings: [LoadWarning] = []) {
        self.articles = articles
        self.warnings = warnings
    }
}

/// Why a corpus could not be loaded at all (as opposed to a `LoadWarning`,
/// which skips one file or line and goes on).
public enum CorpusError: Error, Equatable, CustomStringConvertible {
    /// Nothing exists at the path.
    case notFound(path: String)
    /// The path is a file, but not a folder, a `.jsonl`, a `.txt` or a `.md` file.
    case unsupported(path: String)
    /// The path exists but could not be read (permissions, I/O error).
    case unreadable(path: String, reason: String)

    /// A one-line message naming the path.
    public var description: String {
        switch self {
        case .notFound(let path):
            return "\(path): no such file or folder"
        case .unsupported(let path):
            return "\(path): not a corpus (expected a folder, a .jsonl, a .txt or a .md file)"
        case .unreadable(let path, let reason):
            return "\(path): cannot read: \(reason)"
        }
    }
}
