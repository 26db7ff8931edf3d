// The cleaner's tests of a line's shape: markers inside it, promotional
// tails, file names, hashtags, quotation residue, Title Case headlines.

extension Cleaner {
    enum MarkerResult {
        case none
        case dropLine(String)
        case stripped(Substring, [DroppedLine])
    }

    /// "Baca juga: Headline" is a link: the line goes. "Baca juga:, Text"
    /// (at the start, or after a space with its colon) is a link whose text
    /// the scraper lost, glued to the next paragraph: only the marker goes.
    func stripMarkers(_ line: Substring, _ s: UnsafeBufferPointer<UInt8>) -> MarkerResult {
        let n = s.count
        var cuts: [(lo: Int, hi: Int, tag: Int)] = []
        func skipSpaces(_ j: inout Int) { while j < n, isSpaceByte(s[j]) { j += 1 } }
        var start = 0
        while let m = markers.match(s, at: start) {
            var j = m.end
            skipSpaces(&j)
            var colon = s[m.end - 1] == UInt8(ascii: ":")
            if j < n, s[j] == UInt8(ascii: ":") || s[j] == UInt8(ascii: ";") { colon = true; j += 1; skipSpaces(&j) }
            if j == n { cuts.append((start, n, m.tag)); start = n; break }
            if s[j] == UInt8(ascii: ",") {
                j += 1
                skipSpaces(&j)
                cuts.append((start, j, m.tag))
                start = j
                continue
            }
            // "Lihat juga bagaimana ... ." with no colon is a sentence.
            guard colon || !endsSentence(s) else { break }
            // "Baca juga: Headline, Next paragraph…": the scraper glued the
            // paragraph after the link; keep the paragraph.
            guard let body = gluedParagraphStart(s, after: j) else { return .dropLine(names[m.tag]) }
            cuts.append((start, body, m.tag))
            start = body
            break
        }
        var q = max(start, 1)
        while q < n {
            guard s[q] >= 0x41, s[q] <= 0x5A, isSpaceByte(s[q - 1]), let m = markers.match(s, at: q) else {
                // On to the next capital: a marker starts with one.
                q = skipUnflagged(s, from: q + 1) { ByteFlags.within($0, 0x41, 0x5A) }
                continue
            }
            var j = m.end
            skipSpaces(&j)
            var colon = s[m.end - 1] == UInt8(ascii: ":")
            if j < n, s[j] == UInt8(ascii: ":") { colon = true; j += 1; skipSpaces(&j) }
            guard colon, j == n || s[j] == UInt8(ascii: ",") else { q += 1; continue }
            if j < n { j += 1; skipSpaces(&j) }
            cuts.append((q, j, m.tag))
            q = j
        }
        guard !cuts.isEmpty else { return .none }
        var rest: [UInt8] = []
        var pieces: [DroppedLine] = []
        var at = 0
        for c in cuts {
            rest.append(contentsOf: s[at..<c.lo])
            let piece = String(decoding: UnsafeBufferPointer(rebasing: s[c.lo..<c.hi]), as: UTF8.self)
            pieces.append(DroppedLine(line: String(trimLine(Substring(piece))), rule: names[c.tag]))
            at = c.hi
        }
        rest.append(contentsOf: s[at..<n])
        return .stripped(trimLine(Substring(String(decoding: rest, as: UTF8.self))), pieces)
    }

    /// Where a paragraph glued after a related headline starts: after the
    /// first comma that closes a Title Case run of four words or more (or a
    /// "Label :" whose link text was lost), when what follows is a sentence
    /// of six words or more. `nil` when the line is a headline and no more.
    func gluedParagraphStart(_ s: UnsafeBufferPointer<UInt8>, after start: Int) -> Int? {
        let n = s.count
        guard endsSentence(s) else { return nil }
        var c = start
        while c < n {
            defer { c += 1 }
            guard s[c] == UInt8(ascii: ","), c + 1 < n, isSpaceByte(s[c + 1]) else { continue }
            var body = c + 1
            while body < n, isSpaceByte(s[body]) { body += 1 }
            guard countWords(UnsafeBufferPointer(rebasing: s[body..<n])) >= 6 else { return nil }
            var end = c
            while end > start, isSpaceByte(s[end - 1]) { end -= 1 }
            if end > start, s[end - 1] == UInt8(ascii: ":") { return body }
            let head = UnsafeBufferPointer(rebasing: s[start..<c])
            guard countWords(head) >= 4 else { continue }
            let text = Substring(String(decoding: head, as: UTF8.self))
            if isTitleCase(text) { return body }
        }
        return nil
    }

    /// Cuts a promotional sentence ("Dengarkan berita terkini ...") and what
    /// follows it off the end of a paragraph: such sentences are glued to
    /// the last paragraph by the page template.
    func cutTail(_ text: Substring) -> (Substring, DroppedLine)? {
        withUTF8Bytes(text) { s -> (Substring, DroppedLine)? in
            let n = s.count
            // A sentence starts at 0 and two bytes after a full stop, "!" or "?" and a space;
            // the punctuation is looked for first, as it is rare.
            var i = 0
            while i < n {
                if let m = tails.match(s, at: i) {
                    let head = String(decoding: UnsafeBufferPointer(rebasing: s[0..<i]), as: UTF8.self)
                    let tail = String(decoding: UnsafeBufferPointer(rebasing: s[i..<n]), as: UTF8.self)
                    return (trimLine(Substring(head)), DroppedLine(line: tail, rule: names[m.tag]))
                }
                i = sentenceEnd(s, from: i) + 2
            }
            return nil
        }
    }

    /// A lone token of file-name characters that is an image name or a CDN
    /// slug ("385544cf-f391-…_w1023_r1_s"): no sentence looks like this.
    func isFileName(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        guard s.count >= 16 else { return false }
        var digits = 0, joiners = 0
        for b in s {
            if isDigitByte(b) { digits += 1 } else if b == UInt8(ascii: "_") || b == UInt8(ascii: "-") { joiners += 1 } else if !(isASCIIAlpha(b) || b == UInt8(ascii: ".")) { return false }
        }
        let lower = String(decoding: s.suffix(5), as: UTF8.self).lowercased()
        for ext in [".jpg", "jpeg", ".png", ".gif", "webp", ".avif"] where lower.hasSuffix(ext) { return true }
        return digits >= 4 && joiners >= 3
    }

    /// Any letter or digit at all.
    func hasWord(_ text: Substring) -> Bool {
        var nonASCII = false
        for b in text.utf8 {
            if isASCIIAlnum(b) { return true }
            if b >= 0x80 { nonASCII = true }
        }
        guard nonASCII else { return false }
        return text.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
    }

    /// "#GrowFearless with FIMELA": a hashtag and a few words, no sentence.
    func isHashtagSlogan(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        s.count >= 2 && s[0] == UInt8(ascii: "#") && isASCIIAlpha(s[1]) && countWords(s) <= 6 && !endsSentence(s)
    }

    /// A line that starts with an empty quotation (`", "` or `“, ”`) and holds
    /// little else: what a scraper leaves of quoted comments whose text was
    /// a link. A sentence that merely starts with one has many words.
    func isEmptyQuotes(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        let ascii: [UInt8] = [0x22, 0x2C, 0x20, 0x22]
        let curly: [UInt8] = [0xE2, 0x80, 0x9C, 0x2C, 0x20, 0xE2, 0x80, 0x9D]
        func at(_ i: Int, _ p: [UInt8]) -> Bool {
            i + p.count <= s.count && (0..<p.count).allSatisfy { s[i + $0] == p[$0] }
        }
        guard at(0, ascii) || at(0, curly) else { return false }
        var quotes = 0, words = 0, inWord = false, hasLetter = false
        var i = 0
        while i < s.count {
            if at(i, ascii) { quotes += 1; i += ascii.count; continue }
            if at(i, curly) { quotes += 1; i += curly.count; continue }
            let b = s[i]
            if isSpaceByte(b) {
                if inWord, hasLetter { words += 1 }
                inWord = false
                hasLetter = false
            } else {
                inWord = true
                if isASCIIAlpha(b) { hasLetter = true }
            }
            i += 1
        }
        if inWord, hasLetter { words += 1 }
        // One empty quotation may be a quote whose words were lost ('", "
        // kata Raul.'): the attribution is still text. Two or more is a
        // thread of comments reduced to nothing.
        return quotes >= 2 && words <= 3 * quotes + 1
    }

    /// A related-article headline slipped between paragraphs: five to twenty
    /// words, most content words capitalised, no sentence-final punctuation,
    /// not a list (no semicolons, at most two commas). Subheadings written in
    /// sentence case ("Dukungan dari Kim") do not qualify.
    func isTitleCaseHeadline(_ text: Substring) -> Bool {
        withUTF8Bytes(text) { s -> Bool in
            guard let last = s.last, isWordByte(last), !endsSentence(s) else { return false }
            // A closing ” or ’ ends in 0x9D / 0x99: a quotation, not a headline.
            if last == 0x9D || last == 0x99 { return false }
            let words = countWords(s)
            guard words >= 5, words <= 20 else { return false }
            var commas = 0
            for b in s {
                if b == UInt8(ascii: ";") { return false }
                if b == UInt8(ascii: ",") { commas += 1 }
            }
            guard commas <= 2 else { return false }
            return isTitleCase(text)
        }
    }

    /// Most content words capitalised: at least four, and at most one
    /// lower-case content word for every five capitalised ones.
    func isTitleCase(_ text: Substring) -> Bool {
        var upper = 0, lower = 0
        for word in text.split(separator: " ") {
            let letters = word.drop { !$0.isLetter && !$0.isNumber }
            guard let first = letters.unicodeScalars.first else { continue }
            if first.properties.isUppercase {
                upper += 1
            } else if first.properties.isLowercase {
                let bare = letters.prefix { $0.isLetter }.lowercased()
                if !CleaningRules.titleCaseMinorWords.contains(bare) { lower += 1 }
            }
        }
        return upper >= 4 && lower * 5 <= upper
    }
}
