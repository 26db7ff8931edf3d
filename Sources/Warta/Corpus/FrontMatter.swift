/// The metadata block at the very top of a .txt or .md file:
///
///     ---
///     title: "Putin di Vietnam"
///     date: 2024-06-20
///     source: voaindonesia.com
///     ---
///
/// One `key: value` per line; values may be in single or double quotes.
struct FrontMatter {
    struct Entry {
        var key: String
        var value: String
        /// 1-based line number in the file.
        var line: Int
    }

    var entries: [Entry] = []
    /// Lines inside the block that are not `key: value`, by line number.
    var malformed: [Int] = []
    /// Where the body starts (after the closing `---` line).
    var bodyStart: String.Index

    /// The block at the start of `text`, or `nil` when the text does not
    /// open with a `---` line or the block is never closed (then the dashes
    /// are the text's own).
    static func parse(_ text: String) -> FrontMatter? {
        guard text.hasPrefix("---") else { return nil }
        var lineNumber = 0
        var result = FrontMatter(bodyStart: text.endIndex)
        var rest = text[...]
        while !rest.isEmpty {
            lineNumber += 1
            let lineEnd = rest.utf8.firstIndex(of: 0x0A) ?? rest.endIndex
            let next = lineEnd < rest.endIndex ? rest.index(after: lineEnd) : rest.endIndex
            let line = trimLine(rest[rest.startIndex..<lineEnd])
            rest = rest[next...]
            if lineNumber == 1 {
                guard line == "---" else { return nil }
                continue
            }
            if line == "---" || line == "..." {
                result.bodyStart = next
                return result
            }
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else {
                result.malformed.append(lineNumber)
                continue
            }
            let key = trimLine(line[line.startIndex..<colon]).lowercased()
            guard !key.isEmpty, !key.contains(" ") else {
                result.malformed.append(lineNumber)
                continue
            }
            result.entries.append(Entry(key: key, value: unquote(trimLine(line[line.index(after: colon)...])),
                                        line: lineNumber))
        }
        return nil
    }

    /// `"text"` or `'text'` → text; anything else as it is.
    static func unquote(_ v: Substring) -> String {
        if v.count >= 2, let f = v.first, f == "\"" || f == "'", v.last == f {
            return String(v.dropFirst().dropLast())
        }
        return String(v)
    }
}
