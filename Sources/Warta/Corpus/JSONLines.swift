import Dispatch
import Foundation

/// A .jsonl corpus: one JSON object per line, read on all cores.
///
/// Each line is parsed, cleaned and dated independently, so lines are split
/// into chunks handled by `DispatchQueue.concurrentPerform`; the results are
/// then merged in line order, which keeps warnings and the duplicate-id rule
/// ("the later one is skipped") deterministic.
enum JSONLines {
    /// The keys an article's own fields come from; any other key is a metadata field of its own.
    static func isKnownKey(_ key: String) -> Bool {
        switch key {
        case "id", "title", "text", "date", "source", "url", "lang": return true
        default: return false
        }
    }

    enum Outcome: Sendable {
        case blank
        /// An article's fields, not yet cleaned, with the warning about a bad `date` value if there was one.
        case fields(Fields, LoadWarning?)
        case warning(LoadWarning)
    }

    /// What a line gives: its metadata and its text as written. A class: the outcomes
    /// are read several times over, and a copy of a reference is one count, not one per string.
    final class Fields: Sendable {
        let meta: ArticleMetadata
        let text: String

        init(meta: ArticleMetadata, text: String) {
            self.meta = meta
            self.text = text
        }
    }

    static func load(_ bytes: UnsafeBufferPointer<UInt8>, name: String) -> LoadResult {
        let bom = ByteChecks.bomLength(bytes)
        let s = UnsafeBufferPointer(rebasing: bytes[bom...])
        if let refused = refusal(s, name: name, whole: true) { return refused }
        var lines = lineRanges(s)
        if lines.count > 1, lines.last!.isEmpty { lines.removeLast() }
        var outcomes = parse(lines, in: s, firstNumber: 1, name: name)
        let result = finish(outcomes, name: name)
        freeInBackgroundForReuse(taking: &outcomes, leaving: [])
        return result
    }

    /// A file's bytes are read this many at a time (`load(path:)`).
    static let chunkSize = 16 << 20

    /// The same for the file at `path`, parsed a stretch of lines at a time: what is held is the
    /// articles, never the whole file. The file is read into a buffer that is reused, so its memory
    /// is touched once. (It is read, not mapped: a mapped file cut short by another program while
    /// it is parsed would stop warta with SIGBUS; read, it ends where the cut is, and a line left
    /// half-written there is reported like any malformed line.)
    /// - Parameter chunkSize: the stretch's first size (tests make lines cross it); at least 8,195.
    static func load(path: String, chunkSize: Int = JSONLines.chunkSize) throws -> LoadResult {
        let started = DispatchTime.now().uptimeNanoseconds
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw CorpusError.unreadable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        // At least the byte order mark and the bytes looked at for a NUL: the first stretch has them all.
        var buffer = [UInt8](repeating: 0, count: max(3 + 8192, chunkSize))
        var filled = 0, eof = false, atStart = true
        var outcomes: [Outcome] = []
        while true {
            while filled < buffer.count && !eof {
                let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw CorpusError.unreadable(path: path, reason: String(cString: strerror(errno)))
                }
                if n == 0 { eof = true } else { filled += n }
            }
            var refused: LoadResult?
            // The lines parsed from the buffer: up to its last newline (all of it at the end of the file).
            let (skipped, used) = buffer.withUnsafeBufferPointer { all -> (Int, Int) in
                var s = UnsafeBufferPointer(rebasing: all[0..<filled])
                var skipped = 0
                if atStart {
                    skipped = ByteChecks.bomLength(s)
                    s = UnsafeBufferPointer(rebasing: s[skipped...])
                    if let r = refusal(s, name: path, whole: eof) { refused = r; return (0, 0) }
                    atStart = false
                }
                var end = s.count
                if !eof {
                    var nl = s.count - 1
                    while nl >= 0 && s[nl] != 0x0A { nl -= 1 }
                    guard nl >= 0 else { return (skipped, 0) }
                    end = nl
                }
                var lines = lineRanges(UnsafeBufferPointer(rebasing: s[0..<end]))
                if eof, outcomes.count + lines.count > 1, lines.last!.isEmpty { lines.removeLast() }
                outcomes += parse(lines, in: s, firstNumber: outcomes.count + 1, name: path)
                return (skipped, eof ? end : end + 1)
            }
            if let refused { return refused }
            if eof { break }
            if used == 0 && skipped == 0 {
                // A line longer than the buffer: room for more of it.
                buffer += [UInt8](repeating: 0, count: buffer.count)
                continue
            }
            // What follows the last newline is the start of the next line.
            let rest = filled - skipped - used
            buffer.withUnsafeMutableBytes { b in
                if rest > 0 { memmove(b.baseAddress!, b.baseAddress! + skipped + used, rest) }
            }
            filled = rest
        }
        if trace { trace("  lines read and parsed \((DispatchTime.now().uptimeNanoseconds - started) / 1_000_000) ms") }
        return finish(taking: &outcomes, path: path)
    }

    /// The articles and warnings of a whole file's lines, or its one warning when every line is
    /// blank. What the lines held beyond the articles (their raw fields) is let go of on another thread.
    private static func finish(taking outcomes: inout [Outcome], path: String) -> LoadResult {
        if outcomes.allSatisfy({ if case .blank = $0 { return true } else { return false } }) {
            return LoadResult(warnings: [LoadWarning(file: path, reason: "empty file; skipped")])
        }
        let result = finish(outcomes, name: path)
        freeInBackgroundForReuse(taking: &outcomes, leaving: [])
        return result
    }

    /// The warning a file gets instead of its lines: an empty file, or one that is not text.
    /// - Parameter whole: `s` is all of the file (else its start: emptiness is told at the end).
    private static func refusal(_ s: UnsafeBufferPointer<UInt8>, name: String, whole: Bool) -> LoadResult? {
        if whole && ByteChecks.isBlank(s) {
            return LoadResult(warnings: [LoadWarning(file: name, reason: "empty file; skipped")])
        }
        // JSON text never holds a raw NUL; one near the start means this
        // is not a text file, and reporting each "line" would be noise.
        if ByteChecks.hasNUL(s, limit: 8192) {
            return LoadResult(warnings: [LoadWarning(file: name, reason: "looks like a binary file (it contains NUL bytes); skipped")])
        }
        return nil
    }

    /// The byte ranges of the lines of `s` (split at every newline; a last empty one included).
    private static func lineRanges(_ s: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
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
        return lines
    }

    /// What each line gives, on every core; `firstNumber` is the first line's number in the file.
    private static func parse(_ lines: [Range<Int>], in s: UnsafeBufferPointer<UInt8>, firstNumber: Int, name: String) -> [Outcome] {
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
                    out[k] = parseLine(line, number: firstNumber + k, file: name, base: base, checkUTF8: true)
                }
            }
        }
        return outcomes
    }

    /// The articles and warnings of the lines' outcomes, in line order.
    private static func finish(_ outcomes: [Outcome], name: String) -> LoadResult {
        var clock = DispatchTime.now().uptimeNanoseconds
        var articles = makeArticles(outcomes)
        if trace { trace("  articles cleaned \((DispatchTime.now().uptimeNanoseconds - clock) / 1_000_000) ms"); clock = DispatchTime.now().uptimeNanoseconds }
        defer { if trace { trace("  articles taken in order \((DispatchTime.now().uptimeNanoseconds - clock) / 1_000_000) ms") } }
        var result = LoadResult()
        // Per line, found on every core: what it holds (0 nothing, 1 a warning, 2 an article, 3 an
        // article and a warning about its date), and the first line with the same id. The lines are
        // then gone through in order, reading only the few that carry a warning.
        let kinds: [UInt8] = parallelMap(outcomes.indices) { k in
            switch outcomes[k] {
            case .blank: return 0
            case .warning: return 1
            case .fields(_, let dateWarning): return dateWarning == nil ? 2 : 3
            }
        }
        func id(_ k: Int) -> String? {
            if case .fields(let f, _) = outcomes[k] { return f.meta.id }
            return nil
        }
        // A line without an article hashes as its own number, far from any other line's hash.
        let sameID = IdenticalTexts.firsts(count: outcomes.count, hash: { k in id(k)?.hashValue ?? ~k },
                                           same: { j, k in id(j).map { $0 == id(k) } ?? false })
        var kept: [Int] = []
        kept.reserveCapacity(articles.count)
        for k in outcomes.indices where kinds[k] != 0 {
            if kinds[k] != 2 {
                switch outcomes[k] {
                case .warning(let w), .fields(_, let w?): result.warnings.append(w)
                default: break
                }
                if kinds[k] == 1 { continue }
            }
            let first = Int(sameID[k])
            if first != k {
                result.warnings.append(LoadWarning(file: name, line: k + 1, reason:
                    "duplicate id '\(id(k)!)' (first on line \(first + 1)); skipped"))
            } else {
                kept.append(k)
            }
        }
        // Moved out of `articles`, not copied.
        result.articles.reserveCapacity(kept.count)
        for k in kept { result.articles.append(articles[k].take()!) }
        freeInBackgroundForReuse(taking: &articles, leaving: [])
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
        // A key given twice means its last value, as in a dictionary; an object has a handful of
        // keys, so they are looked for in turn rather than hashed.
        func member(_ key: String) -> JSONValue? { members.last { $0.key == key }?.value }
        guard let textValue = member("text") else { return warn("no \"text\" key; line skipped") }
        guard case .string(let text) = textValue else { return warn("\"text\" is not a string; line skipped") }

        var meta = ArticleMetadata(id: "\(base)-\(number)")
        var warnings: [LoadWarning] = []
        if let v = member("id"), !isNull(v) { meta.id = v.fieldText }
        if let v = member("title"), !isNull(v) { meta.title = v.fieldText }
        if let v = member("date"), !isNull(v) {
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
        meta.source = nonEmpty(member("source"))
        meta.url = nonEmpty(member("url"))
        meta.lang = nonEmpty(member("lang"))
        for m in members where !isKnownKey(m.key) { meta.fields[m.key] = m.value.fieldText }
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
            guard let f = fields(k) else { return 0 }
            return IdenticalTexts.hash(f.meta.title, f.text, flags: (f.meta.source == nil ? 1 : 0) | (f.meta.lang == nil ? 2 : 0))
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
