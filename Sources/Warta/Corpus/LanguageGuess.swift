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
        withUTF8Bytes(text) { s in
            let n = s.count
            var i = 0
            while i < n, seen < sampleWords {
                var b = s[i]
                guard isASCIIAlpha(b) else { i += 1; continue }
                // The word's letters packed as they are read (`packLetters`), looked up once in both lists.
                let start = i
                var key: UInt64 = 0
                repeat {
                    key = packLetter(b, after: key)
                    i += 1
                    guard i < n else { break }
                    b = s[i]
                } while isASCIIAlpha(b)
                seen += 1
                if i - start <= 9 {
                    switch functionWords.value(key) {
                    case 1: id += 1
                    case 2: en += 1
                    default: break
                    }
                }
            }
        }
        guard id + en >= 5 else { return nil }
        if id >= 2 * en { return "id" }
        if en >= 2 * id { return "en" }
        return nil
    }

    /// Both lists' words: 1 for Indonesian, 2 for English (a word on both counts as Indonesian).
    static let functionWords = PackedWordMap(english.map { ($0, 2) } + indonesian.map { ($0, 1) })
}
