/// One direct quotation.
public struct Quote: Sendable, Hashable {
    /// The words quoted, without the quotation marks (and without the comma
    /// that closes a quotation before "kata …").
    public var text: String
    /// UTF-8 byte range of `text` in its paragraph.
    public var range: Range<Int>
    /// Who said it: the entity's canonical name, or the name as written when
    /// the gazetteer does not know it; `nil` when the text does not say.
    public var speaker: String?

    /// A quotation from its parts.
    public init(text: String, range: Range<Int>, speaker: String?) {
        self.text = text
        self.range = range
        self.speaker = speaker
    }
}

/// Finds direct quotations in “…” or "…" and who the text says spoke them.
///
/// Speakers come from the attribution patterns of Indonesian and English news:
/// `“…,” kata/ujar/ucap/tutur/ungkap/jelas/tegas X`, `“…,” X said`,
/// `X mengatakan, “…”` (any speech verb, or a word shaped like one:
/// "mengatatakan"), `menurut X, “…”`, `X: “…”`; and `“…,” katanya`, `kata dia`,
/// `he said`, which point at the person named last before the quotation, in
/// the same paragraph or an earlier one. `X mengatakan bahwa …` reports speech
/// and gives no speaker to the words quoted inside it. Quotations of fewer than
/// three words are terms ("diplomasi bambu"), not quotations, and are left out.
/// Unmatched quotation marks are skipped.
public struct QuoteFinder: Sendable {
    /// Finds the names that can be speakers.
    public let recognizer: EntityRecognizer

    /// A finder that names speakers with `recognizer`'s entities.
    public init(recognizer: EntityRecognizer = EntityRecognizer()) {
        self.recognizer = recognizer
    }

    /// Quotations of one article: its paragraphs in order (a "katanya" speaker
    /// may be named in an earlier sentence or paragraph). One list per paragraph.
    public func quotes(inParagraphs paragraphs: [String]) -> [[Quote]] {
        quotes(inParagraphs: paragraphs, mentions: nil)
    }

    /// The same, with each paragraph's entity mentions already found (byte
    /// ranges within the paragraph), so the recognizer does not run twice.
    public func quotes(inParagraphs paragraphs: [String], mentions: [[EntityMention]]?) -> [[Quote]] {
        // One buffer of them all, each paragraph's bytes a range of it.
        var bytes: [UInt8] = [], ranges: [Range<Int>] = []
        for p in paragraphs {
            let start = bytes.count
            bytes += p.utf8
            ranges.append(start..<bytes.count)
        }
        return bytes.withUnsafeBufferPointer { quotes(in: $0, paragraphs: ranges, mentions: mentions) }
    }

    /// The same for the paragraphs of one text, by their byte ranges in it: no paragraph is copied out.
    func quotes(in text: UnsafeBufferPointer<UInt8>, paragraphs ranges: [Range<Int>], mentions: [[EntityMention]]?) -> [[Quote]] {
        let count = ranges.count
        @inline(__always) func paragraph(_ k: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: text[ranges[k]]) }
        var read: [Paragraph] = []
        read.reserveCapacity(count)
        /// Per paragraph read, the person a "katanya" after it points at, once worked out.
        var carried: [String??] = []
        carried.reserveCapacity(count)
        // The person named last in paragraph k (else the speaker it quoted last; else what the paragraph
        // before carried). Worked out only when a quotation asks for it: most paragraphs quote no one,
        // and finding the person named last reads every name before it.
        func referent(after k: Int) -> String? {
            var j = k, value: String?, walked: [Int] = []
            while j >= 0 {
                if let known = carried[j] { value = known; break }
                walked.append(j)
                let p = read[j]
                let buf = paragraph(j)
                let named = AttributionReader(buf: buf, mentions: p.mentions, spans: p.spans).lastReferent(before: buf.count)
                if let own = named ?? p.lastSpeaker { value = own; break }
                j -= 1
            }
            for w in walked { carried[w] = .some(value) }
            return value
        }
        return (0..<count).map { k in
            let (quotes, p) = self.quotes(utf8: paragraph(k), known: mentions.flatMap { k < $0.count ? $0[k] : nil },
                                          referent: { referent(after: k - 1) })
            read.append(p)
            carried.append(nil)
            return quotes
        }
    }

    /// What a paragraph keeps for working out, later, whom a "katanya" after it points at.
    private struct Paragraph {
        var mentions: [EntityMention]
        var spans: [QuotedSpan]
        var lastSpeaker: String?
    }

    private func quotes(utf8 buf: UnsafeBufferPointer<UInt8>, known: [EntityMention]?,
                        referent: () -> String?) -> ([Quote], Paragraph) {
        let spans = QuoteMarks.spans(buf)
        let mentions = known ?? recognizer.mentions(utf8: buf)
        let reading = AttributionReader(buf: buf, mentions: mentions, spans: spans)
        var out: [Quote] = []
        for span in spans {
            let named = reading.lastReferent(before: span.open) ?? referent()
            let speaker = reading.speaker(of: span, referent: named)
            guard let content = QuoteMarks.content(buf, span), QuoteMarks.wordCount(buf, content) >= 3 else { continue }
            out.append(Quote(text: TextBytes.string(buf, content.lowerBound, content.upperBound),
                             range: content, speaker: speaker))
        }
        return (out, Paragraph(mentions: mentions, spans: spans, lastSpeaker: out.last(where: { $0.speaker != nil })?.speaker))
    }
}
