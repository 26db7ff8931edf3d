import Dispatch
import Foundation

/// A .jsonl corpus: one JSON object per line, read on all cores.
///
/// Each line is parsed, cleaned and dated independently, so lines are split
/// into chunks handled by `DispatchQueue.concurrentPerform`; the results are
/// then merged in line order, which keeps warnings and the duplicate-id rule
/// ("the later one is skipped") deterministic.
enum JSONLines {
    static let knownKeys: Set<String> = ["id", "title", "text", "date", "source", "url", "lang"]

    enum Outcome {
        case blank
        /// An article's fields, not yet cleaned, with the warning about a bad `date` value if there was one.
        case fields(Fields, LoadWarning?)
        case warning(LoadWarning)
    }

    /// What a line gives: its metadata and its text as written.
    struct Fields {
        var meta: ArticleMetadata
        var text: String
    }

    static func load(_ bytes: UnsafeBufferPointer<UInt8>, name: String) -> LoadResult {
        let bom = ByteChecks.bomLength(bytes)
        let s = UnsafeBufferPointer(rebasing: bytes[bom...])
        if ByteChecks.isBlank(s) {
            return LoadResult(warnings: [LoadWarning(file: name, reason: "empty file; skipped")])
        }
        // JSON text never holds a raw NUL; one near the start means this
        // is not a text file, and reporting each "line" would be noise.
        if ByteChecks.hasNUL(s, limit: 8192) {
            return LoadResult(warnings: [LoadWarning(file: name, reason: "looks like a binary file (it contains NUL bytes); skipped")])
        }
        var lines: [Range<Int>] = []
        var start = 0
        while start <= s.count {
            var end = s.count
            if start < s.count, let nl = memchr(s.baseAddress! + start, 0x0A, s.count - start) {
                end = s.baseAddress!.distance(to: nl.assumingMemoryBound(to: UInt8.self))
            }
            lines.append(start..<end)
            start = end + 1
        }
        if lines.count > 1, lines.last!.isEmpty { lines.removeLast() }

        let base = name.baseName
        let chunkCount = min(lines.count, 64)
        let perChunk = (lines.count + chunkCount - 1) / max(chunkCount, 1)
        var outcomes = [Outcome](repeating: .blank, count: lines.count)
        outcomes.withUnsafeMutableBufferPointer { out in
            let out = out  // each index is written by exactly one chunk
            DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                let lo = chunk * perChunk
                let hi = min(lo + perChunk, lines.count)
                guard lo < hi else { return }
                for k in lo..<hi {
                    let line = UnsafeBufferPointer(rebasing: s[lines[k]])
                    // Each line is checked for UTF-8 here, on every core: a line of a valid file is valid.
                    out[k] = parseLine(line, number: k + 1, file: name, base: base, checkUTF8: true)
                }
            }
        }

        let articles = makeArticles(outcomes)
        var result = LoadResult()
        var firstLine: [String: Int] = [:]
        for (k, outcome) in outcomes.enumerated() {
            switch outcome {
            case .blank: break
            case .warning(let w): result.warnings.append(w)
            case .fields(_, let dateWarning):
                let a = articles[k]!
                if let w = dateWarning { result.warnings.append(w) }
                if let first = firstLine[a.id] {
                    result.warnings.append(LoadWarning(file: name, line: k + 1, reason:
                        "duplicate id '\(a.id)' (first on line \(first)); skipped"))
                } else {
                    firstLine[a.id] = k + 1
                    result.articles.append(a)
                }
            }
        }
        return result
    }

    static func parseLine(_ line: UnsafeBufferPointer<UInt8>, number: Int, file: String, base: String,
                          checkUTF8: Bool) -> Outcome {
        func warn(_ reason: String) -> Outcome { .warning(LoadWarning(file: file, line: number, reason: reason)) }
        if ByteChecks.isBlank(line) { return .blank }
        if checkUTF8, let bad = ByteChecks.firstInvalidUTF8(line) {
            return warn("invalid UTF-8 at column \(bad + 1); line skipped")
        }
        var reader = JSONReader(line)
        let value: JSONValue
        do {
            value = try reader.document()
        } catch let e as JSONError {
            return warn("not valid JSON: \(e.message) at column \(e.offset + 1); line skipped")
        } catch {
            return warn("not valid JSON; line skipped")
        }
        guard case .object(let members) = value else { return warn("not a JSON object; line skipped") }
        var dict: [String: JSONValue] = [:]
        for m in members { dict[m.key] = m.value }
        guard let textValue = dict["text"] else { return warn("no \"text\" key; line skipped") }
        guard case .string(let text) = textValue else { return warn("\"text\" is not a string; line skipped") }

        var meta = ArticleMetadata(id: "\(base)-\(number)")
        var warnings: [LoadWarning] = []
        if let v = dict["id"], !isNull(v) { meta.id = v.fieldText }
        if let v = dict["title"], !isNull(v) { meta.title = v.fieldText }
        if let v = dict["date"], !isNull(v) {
            let t = v.fieldText
            // "2019-09-10T21:48:51Z" is a day too: take the date part.
            let day = t.count >= 10 ? Day(iso: t.prefix(10)) : nil
            if let day, t.count == 10 || t.dropFirst(10).first == "T" || t.dropFirst(10).first == " " {
                meta.date = day
            } else {
                warnings.append(LoadWarning(file: file, line: number, reason:
                    "bad date '\(t)' (expected YYYY-MM-DD); using the date found in the text"))
            }
        }
        meta.source = nonEmpty(dict["source"])
        meta.url = nonEmpty(dict["url"])
        meta.lang = nonEmpty(dict["lang"])
        for m in members where !knownKeys.contains(m.key) { meta.fields[m.key] = m.value.fieldText }
        return .fields(Fields(meta: meta, text: text), warnings.first)
    }

    /// The article of each line that has one, cleaned on every core; a line
    /// whose text and title are those of an earlier line (and which leaves
    /// the same fields to be found) takes the earlier one's cleaning and
    /// shares its strings.
    static func makeArticles(_ outcomes: [Outcome]) -> [Article?] {
        func fields(_ k: Int) -> Fields? {
            if case .fields(let f, _) = outcomes[k] { return f }
            return nil
        }
        let firsts = IdenticalTexts.firsts(count: outcomes.count, hash: { k in
            var h = Hasher()
            if let f = fields(k) {
                IdenticalTexts.combine(f.meta.title, into: &h)
                IdenticalTexts.combine(f.text, into: &h)
                h.combine(f.meta.source == nil)
                h.combine(f.meta.lang == nil)
            }
            return h.finalize()
        }, same: { j, k in
            guard let a = fields(j), let b = fields(k) else { return false }
            return (a.meta.source == nil) == (b.meta.source == nil) && (a.meta.lang == nil) == (b.meta.lang == nil)
                && IdenticalTexts.sameBytes(a.meta.title, b.meta.title) && IdenticalTexts.sameBytes(a.text, b.text)
        })
        var articles: [Article?] = parallelMap(outcomes.indices) { k in
            guard firsts[k] == Int32(k), let f = fields(k) else { return nil }
            // With a title given, the text is all body; without one, the text is
            // a scraped page whose headline is its first line.
            let cleaned = f.meta.title == nil ? Cleaner.standard.clean(raw: f.text) : Cleaner.standard.cleanBody(f.text)
            return Article(cleaned: cleaned, raw: f.text, metadata: f.meta)
        }
        for k in articles.indices where firsts[k] != Int32(k) {
            guard let m = fields(k)?.meta, let earlier = articles[Int(firsts[k])] else { continue }
            articles[k] = Article(id: m.id, title: earlier.title, text: earlier.text, raw: earlier.raw,
                                  date: m.date ?? earlier.dates.first, dates: earlier.dates,
                                  source: m.source ?? earlier.source, url: m.url, lang: m.lang ?? earlier.lang, fields: m.fields)
        }
        return articles
    }

    static func isNull(_ v: JSONValue) -> Bool {
        if case .null = v { return true }
        return false
    }

    static func nonEmpty(_ v: JSONValue?) -> String? {
        guard let v, !isNull(v) else { return nil }
        let t = v.fieldText
        return t.isEmpty ? nil : t
    }
}
