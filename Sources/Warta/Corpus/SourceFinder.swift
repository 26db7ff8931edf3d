/// Finds the outlet that published an article from its dateline.
///
/// Indonesian outlets open the body with a dateline naming their domain
/// before a dash: "JAKARTA, KOMPAS.com - …", "MOSKOW, virprom.com – …",
/// "VIETNAM (marwahkepri.com) – …", "TEMPO.CO, Jakarta - …". Only that
/// place counts: a domain elsewhere in the text (a photo credit, a quoted
/// site) says nothing about who published the article.
public enum SourceFinder {
    /// The longest dateline, in bytes, before the dash.
    static let maxDateline = 80

    /// The domain named in the dateline of the first or second paragraph of
    /// `text` (paragraphs separated by newlines), lower-cased; else `nil`.
    public static func source(in text: String) -> String? {
        withUTF8Bytes(text) { s in
            // Byte scan, not String.split: the text may be one huge line.
            var start = 0
            var paragraphs = 0
            while start < s.count, paragraphs < 2 {
                var end = start
                while end < s.count, s[end] != 0x0A { end += 1 }
                var lo = start
                while lo < end, isSpaceByte(s[lo]) || s[lo] == 0x0D { lo += 1 }
                if lo < end {
                    if let domain = datelineDomain(UnsafeBufferPointer(rebasing: s[lo..<end])) { return domain }
                    paragraphs += 1
                }
                start = end + 1
            }
            return nil
        }
    }

    /// The domain in the text before the first spaced dash ("–", "—", "-").
    static func datelineDomain(_ s: UnsafeBufferPointer<UInt8>) -> String? {
        let limit = min(s.count, maxDateline + 4)
        var dash = -1
        var i = 1
        while i < limit {
            if isSpaceByte(s[i - 1]) {
                if s[i] == UInt8(ascii: "-"), i + 1 < s.count, isSpaceByte(s[i + 1]) { dash = i; break }
                // – (E2 80 93) and — (E2 80 94)
                if s[i] == 0xE2, i + 3 < s.count, s[i + 1] == 0x80, s[i + 2] == 0x93 || s[i + 2] == 0x94,
                   isSpaceByte(s[i + 3]) { dash = i; break }
            }
            i += 1
        }
        guard dash > 0 else { return nil }
        // A dateline is a few words: a city, an outlet.
        guard countWords(UnsafeBufferPointer(rebasing: s[0..<dash])) <= 5 else { return nil }
        // Besides the domain, a dateline holds only place names: every other
        // word capitalised ("JAKARTA", "Jakarta"), never "menurut data dari".
        var found: String?
        var start = 0
        while start < dash {
            while start < dash, !isWordByte(s[start]) { start += 1 }
            guard start < dash else { break }
            var end = start
            while end < dash, isWordByte(s[end]) || s[end] == UInt8(ascii: ".") || s[end] == UInt8(ascii: "-") { end += 1 }
            if found == nil, let domain = domainLike(UnsafeBufferPointer(rebasing: s[start..<end])) {
                found = domain
            } else if !(s[start] >= 0x41 && s[start] <= 0x5A) && s[start] < 0x80 {
                return nil
            }
            start = end
        }
        return found
    }

    /// "kompas.com", "TEMPO.CO", "news.detik.com": two or more labels of
    /// letters, digits and hyphens, the last all letters (2–6 of them).
    static func domainLike(_ w: UnsafeBufferPointer<UInt8>) -> String? {
        var end = w.count
        while end > 0, w[end - 1] == UInt8(ascii: ".") || w[end - 1] == UInt8(ascii: "-") { end -= 1 }
        let word = UnsafeBufferPointer(rebasing: w[0..<end])
        let labels = word.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }),
              let tld = labels.last, (2...6).contains(tld.count), tld.allSatisfy(isASCIIAlpha),
              labels[0].contains(where: isASCIIAlpha) else { return nil }
        return String(decoding: word.map(lowerASCII), as: UTF8.self)
    }
}
