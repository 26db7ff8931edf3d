/// Function words left out of frequency lists unless asked for
/// (`terms … including stopwords`): Indonesian first, then English.
/// Folded (lower case, no diacritics), as the index stores words.
public enum StopWords {
    /// Indonesian function words: yang, dan, di, ini, itu….
    public static let indonesian: Set<String> = [
        "ada", "adalah", "agar", "akan", "aku", "anda", "antara", "apa", "apakah", "atas", "atau", "bagi", "bahkan",
        "bahwa", "banyak", "baru", "beberapa", "belum", "berada", "bersama", "beserta", "bisa", "bukan", "dalam", "dan",
        "dapat", "dari", "daripada", "demikian", "dengan", "di", "dia", "diri", "dua", "harus", "hal", "hanya", "hari",
        "hingga", "ia", "ini", "itu", "jadi", "jika", "juga", "kalau", "kami", "kamu", "karena", "kata", "ke", "kedua",
        "kembali", "kemudian", "kepada", "ketika", "kini", "kita", "lagi", "lain", "lainnya", "lalu", "lebih", "maka",
        "masih", "melalui", "memang", "mereka", "meski", "meskipun", "mungkin", "namun", "nya", "oleh", "pada", "para",
        "pula", "pun", "saat", "saja", "salah", "sama", "sambil", "sampai", "sangat", "satu", "saya", "se", "sebagai",
        "sebelum", "sebuah", "sedang", "sejak", "sekarang", "sekitar", "selain", "selama", "seluruh", "semua", "sendiri",
        "seorang", "seperti", "serta", "setelah", "sudah", "supaya", "tak", "tanpa", "telah", "tengah", "tentang",
        "tersebut", "tetapi", "tidak", "tiga", "untuk", "waktu", "ya", "yaitu", "yakni", "yang", "usai", "kali", "tahun",
        "pernah", "begitu", "hampir", "agak", "sementara", "jelas", "dimana", "bila", "apabila", "sehingga", "olehnya",
    ]

    /// English function words: the, of, and….
    public static let english: Set<String> = [
        "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "before", "but", "by",
        "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "he", "her", "his", "how", "i", "if",
        "in", "into", "is", "it", "its", "more", "most", "mr", "no", "not", "of", "on", "one", "or", "other", "our",
        "out", "over", "said", "she", "so", "some", "than", "that", "the", "their", "them", "then", "there", "these",
        "they", "this", "those", "to", "two", "up", "was", "we", "were", "what", "when", "which", "while", "who", "will",
        "with", "would", "you", "your",
    ]

    /// Both lists.
    public static let all: Set<String> = indonesian.union(english)

    /// Whether a folded word is a stop word (numbers count as such in a frequency list).
    public static func contains(_ term: String) -> Bool {
        all.contains(term) || term.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
