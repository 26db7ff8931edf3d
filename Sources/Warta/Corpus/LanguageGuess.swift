/// Tells Indonesian from English by their commonest function words.
///
/// Function words ("yang", "dan", "di" against "the", "and", "of") make up a
/// large share of any running text and the two lists barely overlap, so
/// counting them in the opening few hundred words is enough; a text that
/// has too few of either, or a mix, gets `nil` rather than a guess.
public enum LanguageGuess {
    static let indonesian: [String] = [
        "yang", "dan", "di", "ke", "dari", "ini", "itu", "dengan", "untuk", "pada", "tidak",
        "akan", "adalah", "dalam", "juga", "atau", "karena", "oleh", "sebagai", "bahwa", "kata",
        "ada", "telah", "sudah", "para", "saat", "tersebut", "mereka", "kami", "kita", "bisa",
        "lebih", "namun", "setelah", "secara", "menjadi", "antara", "hanya", "masih", "belum",
    ]
    static let english: [String] = [
        "the", "and", "of", "to", "in", "is", "that", "for", "on", "with", "as", "was", "by",
        "it", "at", "from", "are", "be", "this", "has", "have", "said", "will", "an", "were",
        "which", "his", "her", "their", "not", "but", "they", "been", "after", "who", "would",
    ]
    /// Words looked at: enough for a stable count, little enough to be cheap.
    static let sampleWords = 400

    /// "id", "en", or `nil` when the text has under five function words or
    /// neither language has twice the other's count.
    public static func guess(_ text: String) -> String? {
        var id = 0, en = 0, seen = 0
        @inline(__always) func count(_ key: UInt64) {
            switch functionWords.value(key) {
            case 1: id += 1
            case 2: en += 1
            default: break
            }
        }
        withUTF8Bytes(text) { s in
            let n = s.count
            let lower: UInt64 = 0x2020_2020_2020_2020
            var i = 0
            while i < n, seen < sampleWords {
                guard isASCIIAlpha(s[i]) else { i += 1; continue }
                // A word is a run of ASCII letters; one of up to eight letters is looked up by its
                // bytes in lower case (`key`), no function word being longer.
                let start = i
                seen += 1
                if i + 8 <= n, let base = s.baseAddress {
                    // Eight bytes at once: the word's end is the first that is not a letter.
                    let v = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self).littleEndian | lower
                    let notLetters = ~ByteFlags.within(v, 0x61, 0x7A) & ByteFlags.highs
                    if notLetters != 0 {
                        let length = notLetters.trailingZeroBitCount / 8
                        i += length
                        count(v & ((1 << UInt64(8 * length)) - 1))
                        continue
                    }
                    i += 8
                    while i < n && isASCIIAlpha(s[i]) { i += 1 }
                    if i - start == 8 { count(v) }
                    continue
                }
                var key: UInt64 = 0
                repeat {
                    if i - start < 8 { key |= UInt64(s[i] | 0x20) << UInt64(8 * (i - start)) }
                    i += 1
                } while i < n && isASCIIAlpha(s[i])
                if i - start <= 8 { count(key) }
            }
        }
        guard id + en >= 5 else { return nil }
        if id >= 2 * en { return "id" }
        if en >= 2 * id { return "en" }
        return nil
    }

    /// A word's key in `functionWords`: its bytes (at most eight, lower case) read little-endian.
    static func key(_ word: String) -> UInt64 {
        var key: UInt64 = 0
        for (k, b) in word.utf8.prefix(8).enumerated() { key |= UInt64(b | 0x20) << UInt64(8 * k) }
        return key
    }

    /// Both lists' words: 1 for Indonesian, 2 for English (a word on both counts as Indonesian).
    static let functionWords = WordKeyMap(english.map { ($0, 2) } + indonesian.map { ($0, 1) }, key: key)
}
