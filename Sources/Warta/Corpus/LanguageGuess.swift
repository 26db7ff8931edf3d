/// Tells Indonesian from English by their commonest function words.
///
/// Function words ("yang", "dan", "di" against "the", "and", "of") make up a
/// large share of any running text and the two lists barely overlap, so
/// counting them in the opening few hundred words is enough; a text that
/// has too few of either, or a mix, gets `nil` rather than a guess.
public enum LanguageGuess {
    static let indonesian = PackedWordSet([
        "yang", "dan", "di", "ke", "dari", "ini", "itu", "dengan", "untuk", "pada", "tidak",
        "akan", "adalah", "dalam", "juga", "atau", "karena", "oleh", "sebagai", "bahwa", "kata",
        "ada", "telah", "sudah", "para", "saat", "tersebut", "mereka", "kami", "kita", "bisa",
        "lebih", "namun", "setelah", "secara", "menjadi", "antara", "hanya", "masih", "belum",
    ])
    static let english = PackedWordSet([
        "the", "and", "of", "to", "in", "is", "that", "for", "on", "with", "as", "was", "by",
        "it", "at", "from", "are", "be", "this", "has", "have", "said", "will", "an", "were",
        "which", "his", "her", "their", "not", "but", "they", "been", "after", "who", "would",
    ])
    /// Words looked at: enough for a stable count, little enough to be cheap.
    static let sampleWords = 400

    /// "id", "en", or `nil` when the text has under five function words or
    /// neither language has twice the other's count.
    public static func guess(_ text: String) -> String? {
        var id = 0, en = 0, seen = 0
        withUTF8Bytes(text) { s in
            var i = 0
            while i < s.count, seen < sampleWords {
                guard isASCIIAlpha(s[i]) else { i += 1; continue }
                var end = i
                while end < s.count, isASCIIAlpha(s[end]) { end += 1 }
                seen += 1
                if end - i <= 9, let key = packLetters(s, i, end) {
                    if indonesian.contains(key) { id += 1 } else if english.contains(key) { en += 1 }
                }
                i = end
            }
        }
        guard id + en >= 5 else { return nil }
        if id >= 2 * en { return "id" }
        if en >= 2 * id { return "en" }
        return nil
    }
}
