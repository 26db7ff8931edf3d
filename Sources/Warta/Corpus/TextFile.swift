/// One article per .txt or .md file: an optional front-matter block, then
/// the scraped page (headline first).
enum TextFile {
    /// Keys of the front matter that set an article property; any other key
    /// goes to `Article.fields`.
    static let knownKeys: Set<String> = ["id", "title", "date", "source", "url", "lang"]

    static func load(_ bytes: UnsafeBufferPointer<UInt8>, name: String) -> (Article?, [LoadWarning]) {
        var warnings: [LoadWarning] = []
        let s = UnsafeBufferPointer(rebasing: bytes[ByteChecks.bomLength(bytes)...])
        if ByteChecks.isBlank(s) {
            return (nil, [LoadWarning(file: name, reason: "empty file; skipped")])
        }
        if ByteChecks.hasNUL(s) {
            return (nil, [LoadWarning(file: name, reason: "looks like a binary file (it contains NUL bytes); skipped")])
        }
        if let bad = ByteChecks.firstInvalidUTF8(s) {
            warnings.append(LoadWarning(file: name, reason:
                "invalid UTF-8 at byte \(bad + bytes.count - s.count); bad bytes replaced with U+FFFD"))
        }
        // Replaces invalid sequences with U+FFFD; on valid input, a copy.
        let raw = String(decoding: s, as: UTF8.self)

        var meta = ArticleMetadata(id: name.baseName)
        var body = raw
        if let fm = FrontMatter.parse(raw) {
            for line in fm.malformed {
                warnings.append(LoadWarning(file: name, line: line, reason: "front matter line is not 'key: value'; ignored"))
            }
            for e in fm.entries {
                switch e.key {
                case "id": if !e.value.isEmpty { meta.id = e.value }
                case "title": meta.title = e.value
                case "date":
                    if let day = Day(iso: e.value) {
                        meta.date = day
                    } else {
                        warnings.append(LoadWarning(file: name, line: e.line, reason:
                            "bad date '\(e.value)' (expected YYYY-MM-DD); using the date found in the text"))
                    }
                case "source": meta.source = e.value.isEmpty ? nil : e.value
                case "url": meta.url = e.value.isEmpty ? nil : e.value
                case "lang": meta.lang = e.value.isEmpty ? nil : e.value
                default: meta.fields[e.key] = e.value
                }
            }
            body = String(raw[fm.bodyStart...])
        }

        var cleaned: CleanedText
        if let title = meta.title {
            cleaned = Cleaner.standard.cleanBody(body)
            // A page that repeats its headline (a Markdown "# Title") would
            // otherwise start its body with it.
            if let first = cleaned.paragraphs.first, headline(first) == headline(title) {
                cleaned.paragraphs.removeFirst()
                cleaned.dropped.insert(DroppedLine(line: first, rule: "title"), at: 0)
            }
        } else {
            cleaned = Cleaner.standard.clean(raw: body)
        }
        if cleaned.paragraphs.isEmpty, (meta.title ?? cleaned.title).isEmpty {
            warnings.append(LoadWarning(file: name, reason: "no article text left after cleaning; skipped"))
            return (nil, warnings)
        }
        return (Article(cleaned: cleaned, raw: raw, metadata: meta), warnings)
    }

    static func headline(_ s: String) -> String {
        String(trimLine(Substring(s.drop { $0 == "#" })))
    }
}
