/// The version of warta's JSON output, `docs/output.md`.
///
/// It changes only when a consumer could break: a key removed or renamed, a
/// value's type changed, a unit's default columns changed. New units, new
/// fields and new keys in error objects leave it alone. Row objects carry
/// no version (they are exactly the columns a statement shows); every JSON
/// object warta writes to standard error carries it as `"warta_schema"`.
public enum OutputSchema {
    /// The current version: 1.
    public static let version = 1
}

/// Where a diagnostic points, in lines and columns of its source text.
public struct DiagnosticLocation: Sendable, Hashable, Codable {
    /// 1-based line of the first character the diagnostic points at.
    public var line: Int
    /// 1-based column, in characters, of that character.
    public var column: Int
    /// Line of the end of the range.
    public var endLine: Int
    /// Column just after the last character of the range (exclusive).
    public var endColumn: Int

    /// A location from lines and columns, all 1-based.
    public init(line: Int, column: Int, endLine: Int, endColumn: Int) {
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
    }
}

extension Diagnostic {
    /// The lines and columns of ``range`` in `source`, or nil for a
    /// diagnostic that points nowhere (a command's refusal, a time limit).
    public func location(in source: SourceText) -> DiagnosticLocation? {
        guard let range else { return nil }
        let start = source.location(of: range.lowerBound)
        let end = source.location(of: range.upperBound)
        return DiagnosticLocation(line: start.line, column: start.column, endLine: end.line, endColumn: end.column)
    }
}

extension DiagnosticRenderer {
    /// A diagnostic as one line of JSON, for `--format json` and `jsonl`
    /// (`docs/output.md`, "Errors and warnings"):
    ///
    ///     {"warta_schema": 1, "severity": "error", "message": "…", "suggestion": "where",
    ///      "file": null, "line": 1, "column": 10, "end_line": 1, "end_column": 14, "range": [9, 13]}
    ///
    /// Every key is always present; those that do not apply are null.
    /// `range` is in UTF-8 bytes of the source text, columns in characters.
    public static func json(_ d: Diagnostic, in source: SourceText) -> String {
        let location = d.location(in: source)
        return object(severity: d.severity.rawValue, message: d.message, suggestion: d.suggestion, file: source.name,
                      line: location?.line, column: location?.column, endLine: location?.endLine,
                      endColumn: location?.endColumn, range: d.range)
    }

    /// A corpus's load warning (a file or a line skipped) as the same JSON
    /// object: `file` and `line` as the warning gives them, no column.
    public static func json(_ w: LoadWarning) -> String {
        object(severity: Diagnostic.Severity.warning.rawValue, message: w.reason, suggestion: nil, file: w.file,
               line: w.line, column: nil, endLine: nil, endColumn: nil, range: nil)
    }

    /// The one shape of every error and warning object; keys in this order, always present.
    private static func object(severity: String, message: String, suggestion: String?, file: String?,
                               line: Int?, column: Int?, endLine: Int?, endColumn: Int?, range: Range<Int>?) -> String {
        func number(_ n: Int?) -> String { n.map(String.init) ?? "null" }
        func string(_ s: String?) -> String { s.map(JSONRenderer.string) ?? "null" }
        let fields: [(String, String)] = [
            ("warta_schema", String(OutputSchema.version)),
            ("severity", string(severity)),
            ("message", string(message)),
            ("suggestion", string(suggestion)),
            ("file", string(file)),
            ("line", number(line)),
            ("column", number(column)),
            ("end_line", number(endLine)),
            ("end_column", number(endColumn)),
            ("range", range.map { "[\($0.lowerBound), \($0.upperBound)]" } ?? "null"),
        ]
        return "{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
    }
}
