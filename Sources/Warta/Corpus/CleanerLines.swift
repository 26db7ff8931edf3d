// The body pass of the Cleaner: per-line rules first, then the rules that
// need a line's neighbours (related headlines, trailing fragments).

extension Cleaner {
    struct Kept {
        var text: Substring
        /// Index of the source line, to tell whether two lines were neighbours.
        var index: Int
    }

    enum Verdict {
        case keep(Substring, cut: [DroppedLine])
        case drop(String)
        case creditHeader(String)
    }

    func cleanLines(_ lines: [Line], into out: inout CleanedText) {
        var kept: [Kept] = []
        var inCredit = false
        for (index, line) in lines.enumerated() {
            // The "•" lines of a credit block name the photographer or agency.
            if inCredit {
                if line.text.hasPrefix("•") || line.text.hasPrefix("·") {
                    out.dropped.append(DroppedLine(line: String(line.text), rule: structures[.photoCredit]!))
                    continue
                }
                inCredit = false
            }
            switch verdict(line.text) {
            case .drop(let rule):
                out.dropped.append(DroppedLine(line: String(line.text), rule: rule))
            case .creditHeader(let rule):
                out.dropped.append(DroppedLine(line: String(line.text), rule: rule))
                inCredit = true
                // A short line right before a credit (a blank line between is
                // fine) is that photo's caption: "Bendera Rusia." Long
                // captions are kept, as they carry facts (place, date).
                if let name = structures[.captionBeforeCredit], let last = kept.last,
                   last.index == index - 1, isShortCaption(last.text) {
                    kept.removeLast()
                    out.dropped.append(DroppedLine(line: String(last.text), rule: name))
                }
            case .keep(let text, let cut):
                out.dropped.append(contentsOf: cut)
                if let name = structures[.repeatedLine], kept.last?.text == text {
                    out.dropped.append(DroppedLine(line: String(text), rule: name))
                    continue
                }
                kept.append(Kept(text: text, index: index))
            }
        }
        dropRelatedHeadlines(&kept, into: &out)
        dropTrailingFragments(&kept, lineCount: lines.count, into: &out)
        out.paragraphs = kept.map { String($0.text) }
    }

    func verdict(_ line: Substring) -> Verdict {
        withUTF8Bytes(line) { s -> Verdict in
            if let tag = wholeLineTag(s) { return .drop(names[tag]) }
            if let m = prefixes.match(s, at: 0), countWords(s) <= prefixMaxWords[m.tag] {
                return .drop(names[m.tag])
            }
            if let m = creditHeaders.match(s, at: 0), countWords(s) <= 12 { return .creditHeader(names[m.tag]) }
            var text = line
            var cut: [DroppedLine] = []
            switch stripMarkers(line, s) {
            case .none: break
            case .dropLine(let rule): return .drop(rule)
            case .stripped(let rest, let pieces):
                if rest.isEmpty { return .drop(pieces[0].rule) }
                text = rest
                cut = pieces
            }
            if let (rest, piece) = cutTail(text) {
                if rest.isEmpty { return .drop(piece.rule) }
                text = rest
                cut.append(piece)
            }
            if text.utf8.count != s.count {
                // The line was shortened: the shape rules judge what is left.
                if let rule = shapeRule(text) { return .drop(rule) }
            } else if let rule = shapeRule(s, text) {
                return .drop(rule)
            }
            return .keep(text, cut: cut)
        }
    }

    func shapeRule(_ text: Substring) -> String? {
        withUTF8Bytes(text) { shapeRule($0, text) }
    }

    /// The structural rules that judge a line by its own shape.
    func shapeRule(_ s: UnsafeBufferPointer<UInt8>, _ text: Substring) -> String? {
        if let tag = wholeLineTag(s) { return names[tag] }
        if let name = structures[.fileName], isFileName(s) { return name }
        if let name = structures[.noWords], !hasWord(text) { return name }
        if let name = structures[.hashtagSlogan], isHashtagSlogan(s) { return name }
        if let name = structures[.emptyQuotes], isEmptyQuotes(s) { return name }
        return nil
    }

    /// A cleaned line is a real paragraph when it ends a sentence or is long
    /// enough that it cannot be a heading.
    func isParagraph(_ text: Substring) -> Bool {
        withUTF8Bytes(text) { endsSentence($0) || countWords($0) >= 12 }
    }

    func dropRelatedHeadlines(_ kept: inout [Kept], into out: inout CleanedText) {
        guard let name = structures[.relatedHeadline], kept.count >= 3 else { return }
        var drop = [Bool](repeating: false, count: kept.count)
        for i in 1..<(kept.count - 1) where isTitleCaseHeadline(kept[i].text) {
            // Only between two real paragraphs: a run of Title Case lines is a
            // list (a line-up, a table), not links slipped into the story.
            drop[i] = isParagraph(kept[i - 1].text) && isParagraph(kept[i + 1].text)
        }
        guard drop.contains(true) else { return }
        var rest: [Kept] = []
        for (i, k) in kept.enumerated() {
            if drop[i] { out.dropped.append(DroppedLine(line: String(k.text), rule: name)) } else { rest.append(k) }
        }
        kept = rest
    }

    /// Page templates end with labels ("Forum" above a size picker),
    /// reporter names and outlets in capitals ("ANTARA", "EXPRESS | CNN") and
    /// editor initials ("(Tin/Ysl)", "rap/ts (AFP, dpa)"): short lines that
    /// end no sentence. A short line that is merely last ("Jalan Jenderal
    /// Sudirman", the end of a list) stays unless it looks like a credit or
    /// sits right above lines the other rules dropped. The first paragraph
    /// always stays.
    func dropTrailingFragments(_ kept: inout [Kept], lineCount: Int, into out: inout CleanedText) {
        guard let name = structures[.trailingFragment] else { return }
        var dropped: [DroppedLine] = []
        var templateBelow = (kept.last?.index ?? lineCount) < lineCount - 1
        while kept.count > 1, let last = kept.last, withUTF8Bytes(last.text, { s in
            countWords(s) <= 3 && !endsSentence(s) && s.last != UInt8(ascii: ":") &&
                (templateBelow || isCapitalsCredit(s) || isEditorCode(s))
        }) {
            dropped.append(DroppedLine(line: String(last.text), rule: name))
            kept.removeLast()
            templateBelow = true
        }
        out.dropped.append(contentsOf: dropped.reversed())
    }

    /// Letters all capitals, at least two of them: a name or an outlet.
    func isCapitalsCredit(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        var letters = 0
        for b in s where isASCIIAlpha(b) {
            if b >= 0x61 { return false }
            letters += 1
        }
        return letters >= 2
    }

    /// "(Tin/Ysl)", "(Adv)", "rap/ts (AFP, dpa)": initials in brackets or
    /// joined by a slash.
    func isEditorCode(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        if s.first == UInt8(ascii: "("), s.last == UInt8(ascii: ")") { return true }
        return s.contains(UInt8(ascii: "/"))
    }

    func isShortCaption(_ text: Substring) -> Bool {
        withUTF8Bytes(text) { $0.count <= 80 && countWords($0) <= 8 }
    }
}
