/// A quotation's marks: the opening one at `open`, the closing one ending at `closeEnd`.
struct QuotedSpan: Sendable {
    var open: Int
    var openLength: Int
    var close: Int
    var closeEnd: Int
}

/// Pairs quotation marks: “ with ” and " with ".
enum QuoteMarks {
    private enum Mark { case curlyOpen, curlyClose, straight }

    /// The paired quotations of a paragraph, in order. A mark that opens
    /// stands after a space or the start (and before a non-space); a quotation
    /// opened by a curly mark ignores straight marks inside it and the other
    /// way round; an opening mark never closed is dropped.
    static func spans(_ buf: UnsafeBufferPointer<UInt8>) -> [QuotedSpan] {
        let n = buf.count
        var out: [QuotedSpan] = []
        var open: (at: Int, length: Int, curly: Bool)?
        var i = 0
        while i < n {
            let b = buf[i]
            let mark: Mark
            let len: Int
            if b == 0x22 {
                mark = .straight
                len = 1
            } else if b == 0xE2 && i + 2 < n && buf[i + 1] == 0x80 && (buf[i + 2] == 0x9C || buf[i + 2] == 0x9D) {
                mark = buf[i + 2] == 0x9C ? .curlyOpen : .curlyClose
                len = 3
            } else {
                i += 1
                continue
            }
            let spaceBefore = i == 0 || isOpeningContext(buf[i - 1])
            let spaceAfter = i + len >= n || TextBytes.spaceLength(buf, i + len) > 0
            let opens = spaceBefore && !spaceAfter
            if let o = open {
                let closes: Bool
                switch mark {
                case .curlyClose: closes = o.curly
                case .straight: closes = !o.curly
                case .curlyOpen: closes = o.curly && !opens  // “…“ typed for “…”
                }
                if closes {
                    out.append(QuotedSpan(open: o.at, openLength: o.length, close: i, closeEnd: i + len))
                    open = nil
                } else if mark == .curlyOpen && opens {
                    open = (i, len, true)  // the earlier “ was never closed
                }
            } else if opens || mark == .curlyOpen {
                open = (i, len, mark != .straight)
            }
            i += len
        }
        return out
    }

    /// What may stand before an opening mark: white space, a bracket, a dash, a colon.
    private static func isOpeningContext(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x28 || b == 0x5B || b == 0x3A || b == 0x2D || b == 0xA0
            || b == 0x94 || b == 0x93  // last byte of — and –
    }

    /// The quoted words: inside the marks, trimmed, without a closing comma.
    static func content(_ buf: UnsafeBufferPointer<UInt8>, _ span: QuotedSpan) -> Range<Int>? {
        guard var r = SentenceSplitter.trimmed(buf, span.open + span.openLength, span.close) else { return nil }
        while r.upperBound > r.lowerBound && (buf[r.upperBound - 1] == 0x2C || buf[r.upperBound - 1] == 0x20) {
            r = r.lowerBound..<(r.upperBound - 1)
        }
        return r.isEmpty ? nil : r
    }

    /// Words in `range` (runs of letters and digits).
    static func wordCount(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var count = 0
        var inWord = false
        for k in range {
            let w = SentenceSplitter.isWordByte(buf[k])
            if w && !inWord { count += 1 }
            inWord = w
        }
        return count
    }
}

/// Reads the words around a quotation for who said it.
struct AttributionReader {
    let buf: UnsafeBufferPointer<UInt8>
    let mentions: [EntityMention]
    let spans: [QuotedSpan]

    /// Verbs of saying that follow a quotation: "“…,” kata Putin".
    static let verbsAfter: Set<String> = [
        "kata", "ujar", "ucap", "tutur", "ungkap", "jelas", "tegas", "imbuh", "tambah", "sambung", "terang",
        "papar", "pungkas", "lanjut", "tanya", "seru", "sebut", "tulis", "cetus", "tukas", "timpal", "kilah",
        "bilang", "tandas", "tutup", "tuntas", "kicau", "curhat", "cerita", "kisah", "kenang", "beber", "sahut",
        "jawab", "pinta", "harap", "imbau", "tuding", "klaim", "sindir", "urai", "nilai", "akui", "aku", "ajak",
        "kecam", "tanggap", "puji", "keluh", "tegur",
        "said", "says", "asked", "added", "told", "wrote", "explained", "stated",
    ]
    /// Verbs of saying that come before a quotation: "To Lam mengatakan, “…”".
    static let verbsBefore: Set<String> = [
        "mengatakan", "menyatakan", "berkata", "menegaskan", "menjelaskan", "mengungkapkan", "menambahkan",
        "menuturkan", "mengucapkan", "menyebut", "menyebutkan", "bertanya", "menulis", "memperingatkan",
        "berujar", "bilang", "menyampaikan", "mengklaim", "berpesan", "berseru", "menjawab", "mengaku",
        "said", "says", "told", "added", "stated", "declared", "wrote", "asked", "warned", "explained",
    ]
    /// Words after which a speaker's name cannot go on: "kata Syafrin di Balai Kota".
    static let clauseBreaks: Set<String> = [
        "di", "ke", "dari", "kepada", "pada", "saat", "ketika", "melalui", "lewat", "dalam", "usai", "seusai",
        "setelah", "sebelum", "sesudah", "dengan", "kemarin", "hari", "yang", "dan", "serta", "kala", "sambil",
        "seraya", "when", "in", "at", "on", "to", "after", "before", "during", "who", "and", "while", "from",
    ]

    /// Pronouns that point at the person named last.
    static let pronouns: Set<String> = ["dia", "ia", "beliau", "he", "she"]

    func insideQuote(_ offset: Int) -> Bool {
        spans.contains { $0.open < offset && offset < $0.close }
    }

    /// The person a "katanya" at `offset` points at: the last mention before
    /// it, outside quotations, of a person, of an unknown name shaped like a
    /// person's, or of a name that speaks ("Zulmi menjelaskan"); else the
    /// speaker of the last quotation before it.
    func lastReferent(before offset: Int) -> String? {
        var k = mentions.count - 1
        while k >= 0 && mentions[k].range.lowerBound >= offset { k -= 1 }
        while k >= 0 {
            let m = mentions[k]
            if !insideQuote(m.range.lowerBound) && (m.type == .person || (m.type == .other && (personLike(m) || speaks(m)))) {
                return m.entity
            }
            k -= 1
        }
        return nil
    }

    /// Whether `m` is the subject of a speech verb ("Zulmi menjelaskan").
    func speaks(_ m: EntityMention) -> Bool {
        guard let (word, _) = word(after: m.range.upperBound) else { return false }
        return AttributionReader.isVerbBefore(word)
    }

    /// An unknown name that may be a person's: at most four words, none of
    /// them an institution's head noun or a compass word, not an acronym.
    /// ("Zulmi", "Veronica Koman"; not "Humas Polres Anambas", "KTT".)
    func personLike(_ m: EntityMention) -> Bool {
        var words = 0
        var lower = false
        var bad = false
        m.alias.utf8.withContiguousStorageIfAvailable { b in
            let ws = TextBytes.words(b)
            words = ws.count
            for w in ws {
                let f = TextBytes.fold(b, w.start, w.end)
                if NameLexicon.genericHeads.contains(f) || NameLexicon.directions.contains(f) { bad = true }
                for k in (w.start + 1)..<w.end where b[k] >= 0x61 && b[k] <= 0x7A { lower = true }
            }
        }
        return words >= 1 && words <= 4 && !bad && lower
    }

    /// The speaker of the quotation `span`; `referent` is the person named last.
    func speaker(of span: QuotedSpan, referent: String?) -> String? {
        if let s = speakerAfter(span, referent: referent) { return s }
        return speakerBefore(span, referent: referent)
    }

    /// "“…,” kata X", "“…,” katanya", "“…,” X said", "“…,” he said".
    private func speakerAfter(_ span: QuotedSpan, referent: String?) -> String? {
        var k = skipSpaces(span.closeEnd)
        if k < buf.count && buf[k] == 0x2C { k = skipSpaces(k + 1) }
        if let m = mentions.first(where: { $0.range.lowerBound == k }) {
            if let (w, _) = word(after: m.range.upperBound),
               AttributionReader.verbsAfter.contains(w) || AttributionReader.isVerbBefore(w) {
                return m.entity
            }
            return nil
        }
        guard let (verb, verbEnd) = word(after: k) else { return nil }
        if AttributionReader.pronouns.contains(verb) {
            if let (w, _) = word(after: verbEnd), AttributionReader.verbsAfter.contains(w) { return referent }
            return nil
        }
        if verb.hasSuffix("nya"), AttributionReader.verbsAfter.contains(String(verb.dropLast(3))) { return referent }
        guard AttributionReader.verbsAfter.contains(verb) else { return nil }
        if let (w, _) = word(after: verbEnd), AttributionReader.pronouns.contains(w) { return referent }
        let end = clauseEnd(from: verbEnd)
        if let found = name(in: verbEnd..<end) { return found }
        // "kata Kapolda Bangka Belitung, Brigjen Budi": the name after the comma.
        guard end < buf.count && buf[end] == 0x2C else { return nil }
        return name(in: (end + 1)..<clauseEnd(from: end + 1))
    }

    /// "X mengatakan, “…”", "menurut X, “…”", "X: “…”", "Ia mengatakan, “…”".
    private func speakerBefore(_ span: QuotedSpan, referent: String?) -> String? {
        var k = skipSpacesBack(span.open)
        guard k > 0 else { return nil }
        let punct = buf[k - 1]
        guard punct == 0x2C || punct == 0x3A else { return nil }
        k = skipSpacesBack(k - 1)
        if let m = mentions.last(where: { $0.range.upperBound == k }) {
            // "menurut X, “…”" and "X: “…”".
            if punct == 0x3A { return m.entity }
            if let (w, _) = word(before: m.range.lowerBound), w == "menurut" || w == "according" { return m.entity }
            return nil
        }
        guard let (verb, verbStart) = word(before: k), AttributionReader.isVerbBefore(verb) else { return nil }
        let subjectEnd = skipSpacesBack(verbStart)
        if let m = mentions.last(where: { $0.range.upperBound == subjectEnd }) { return m.entity }
        if let (w, _) = word(before: subjectEnd), AttributionReader.pronouns.contains(w) { return referent }
        // "Carl Thayer, profesor …, mengatakan, “…”": the sentence's subject.
        return name(in: sentenceStart(before: verbStart)..<verbStart)
    }

    /// A verb of saying before a quotation, or a word shaped like one
    /// (me-…-kan: "mengatatakan", a typo the seeds hold).
    static func isVerbBefore(_ w: String) -> Bool {
        if verbsBefore.contains(w) { return true }
        let u = w.utf8
        return u.count >= 8 && u.starts(with: "me".utf8) && u.suffix(3).elementsEqual("kan".utf8)
    }

    /// The speaker named in `range`: its first person, else its last name the
    /// gazetteer does not know (past the titles "Kapolres Anambas AKBP …"),
    /// else its first organisation.
    private func name(in range: Range<Int>) -> String? {
        let inside = mentions.filter { range.contains($0.range.lowerBound) }
        if let p = inside.first(where: { $0.type == .person }) { return p.entity }
        if let o = inside.last(where: { $0.type == .other }) { return o.entity }
        return inside.first(where: { $0.type == .org })?.entity
    }

    /// Where the speaker's name after a verb ends: at a comma, full stop,
    /// bracket or quotation mark, or at a preposition or conjunction
    /// ("kata Syafrin di Balai Kota" ends before "di").
    private func clauseEnd(from k: Int) -> Int {
        var j = k
        while j < buf.count {
            let b = buf[j]
            if b >= 0x61 && b <= 0x7A && (j == 0 || !SentenceSplitter.isWordByte(buf[j - 1])) {
                var e = j
                while e < buf.count && SentenceSplitter.isWordByte(buf[e]) { e += 1 }
                let w = TextBytes.fold(buf, j, e)
                if AttributionReader.clauseBreaks.contains(w) { return j }
                j = e
                continue
            }
            if b == 0x2C || b == 0x2E || b == 0x3B || b == 0x28 || b == 0x22 || b == 0x0A { return j }
            if b == 0xE2 && j + 2 < buf.count && buf[j + 1] == 0x80 && (buf[j + 2] == 0x9C || buf[j + 2] == 0x94) { return j }
            j += 1
        }
        return j
    }

    /// The start of the sentence holding offset `k`.
    private func sentenceStart(before k: Int) -> Int {
        var j = k
        while j > 0 {
            let b = buf[j - 1]
            if (b == 0x2E || b == 0x3F || b == 0x21) && j < buf.count && buf[j] == 0x20 {
                var ws = j - 1
                while ws > 0 && SentenceSplitter.isWordByte(buf[ws - 1]) { ws -= 1 }
                if !(b == 0x2E && SentenceSplitter.isAbbreviation(buf, wordStart: ws, dot: j - 1)) { return j }
            }
            if b == 0x0A { return j }
            j -= 1
        }
        return 0
    }

    /// The folded word starting at the first letter at or after `k` (past
    /// spaces only), and where it ends.
    private func word(after k: Int) -> (String, Int)? {
        let s = skipSpaces(k)
        var e = s
        while e < buf.count && SentenceSplitter.isWordByte(buf[e]) { e += 1 }
        return e > s ? (TextBytes.fold(buf, s, e), e) : nil
    }

    /// The folded word ending at `k` (which must end a word), and where it starts.
    private func word(before k: Int) -> (String, Int)? {
        let e = skipSpacesBack(k)
        var s = e
        while s > 0 && SentenceSplitter.isWordByte(buf[s - 1]) { s -= 1 }
        return e > s ? (TextBytes.fold(buf, s, e), s) : nil
    }

    private func skipSpaces(_ k: Int) -> Int {
        var j = k
        while j < buf.count, TextBytes.spaceLength(buf, j) > 0, buf[j] != 0x0A { j += TextBytes.spaceLength(buf, j) }
        return j
    }

    private func skipSpacesBack(_ k: Int) -> Int {
        var j = k
        while j > 0 {
            if buf[j - 1] == 0x20 || buf[j - 1] == 0x09 { j -= 1; continue }
            if j >= 2 && buf[j - 2] == 0xC2 && buf[j - 1] == 0xA0 { j -= 2; continue }
            break
        }
        return j
    }
}
