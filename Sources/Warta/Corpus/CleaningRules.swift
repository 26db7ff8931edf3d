/// One named rule the `Cleaner` applies to the lines of a scraped page.
///
/// Rules are data: a name (reported with every line it drops, so a corpus's
/// cleaning can be audited rule by rule) and what it matches. Phrases are
/// compared case-insensitively with runs of spaces collapsed, so one entry
/// covers "Baca juga", "Baca Juga" and "BACA  JUGA".
public struct CleaningRule: Sendable {
    /// What a rule matches.
    public enum Kind: Sendable {
        /// The whole line is one of these phrases (a trailing ":", "." or "…"
        /// is ignored): navigation, pagination, widget labels.
        case line([String])
        /// The line starts with one of these phrases, followed by a word
        /// boundary. A phrase ending in ":" needs the colon (spaces before it
        /// allowed). Lines of more than `maxWords` words are kept, because a
        /// real paragraph may happen to start like a credit line.
        case prefix([String], maxWords: Int)
        /// A related-article marker ("Baca juga"). Followed by a headline, the
        /// whole line goes. Followed by a comma — the link text was lost in
        /// scraping and the next paragraph was glued on — only the marker goes.
        case relatedMarker([String])
        /// A promotional sentence starting with one of these phrases, and
        /// everything after it in the paragraph, is cut off.
        case tail([String])
        /// A rule about a line's shape or neighbours rather than its words.
        case structure(Structure)
    }

    /// The structural rules, each explained where it is implemented.
    public enum Structure: Sendable {
        /// The same line again, right after itself (captions printed twice).
        case repeatedLine
        /// A lone token that is an image file name or a CDN slug.
        case fileName
        /// A line with no letter and no digit ("|", "(*)", "(, )").
        case noWords
        /// A photo credit header ("Foto:", "Photo :", "Sumber :") and the "•"
        /// lines listing the credit below it.
        case photoCredit
        /// The short caption line right before a photo credit header.
        case captionBeforeCredit
        /// A Title Case line of five words or more with no sentence-final
        /// punctuation between two paragraphs: a related-article headline.
        case relatedHeadline
        /// A social-media slogan line made of a hashtag and a few words.
        case hashtagSlogan
        /// A run of quotation marks and commas whose quoted text (a link) the
        /// scraper dropped: `", " komentar akun, . ", " tulis akun, .`.
        case emptyQuotes
        /// Short lines without sentence punctuation at the very end of the
        /// body: widget labels, reporter names, editor initials.
        case trailingFragment
    }

    /// The name reported in `DroppedLine.rule`.
    public var name: String
    /// What the rule matches.
    public var kind: Kind

    /// A rule named `name` matching `kind`.
    public init(_ name: String, _ kind: Kind) {
        self.name = name
        self.kind = kind
    }
}

/// The rule table behind `Cleaner.standard`, Indonesian first, English after.
public enum CleaningRules {
    /// The standard rules, in the order they are tried on a line.
    public static let standard: [CleaningRule] = [
        CleaningRule("navigation", .line([
            "Tautan-tautan Akses", "Tautan Akses", "Langsung ke konten", "Lewati ke konten",
            "Loncat ke konten", "Menu", "Beranda", "Cari", "Pencarian", "Masuk", "Daftar",
            "Skip to content", "Skip to main content", "Skip navigation", "Accessibility links",
            "Home", "Search", "Sign in", "Log in", "Subscribe", "Toggle navigation",
        ])),
        CleaningRule("pagination", .line([
            "Halaman Selanjutnya", "Halaman berikutnya", "Halaman sebelumnya", "Selanjutnya",
            "Sebelumnya", "Berikutnya", "Lanjut baca", "Baca selengkapnya", "Baca berita selengkapnya",
            "Tampilkan semua",
            "Next page", "Previous page", "Next", "Previous", "Read more", "Continue reading",
            "Load more", "Show more",
        ])),
        CleaningRule("comment-form", .line([
            "Tinggalkan Balasan", "Tinggalkan komentar", "Komentar", "Kirim komentar",
            "Batalkan balasan", "Leave a Reply", "Leave a comment", "Comments", "Post comment",
            "Cancel reply",
        ])),
        CleaningRule("comment-form", .prefix([
            "Alamat email Anda tidak akan dipublikasikan", "Ruas yang wajib ditandai",
            "Simpan nama, email, dan situs web saya", "Your email address will not be published",
            "Required fields are marked", "Save my name, email, and website",
        ], maxWords: 40)),
        CleaningRule("share-widget", .line([
            "Bagikan", "Bagikan artikel ini", "Bagikan:", "Salin tautan", "Salin link",
            "Share", "Share this", "Share this article", "Share on Facebook", "Share on Twitter",
            "Copy link", "Tweet", "Facebook", "Twitter", "WhatsApp", "Telegram", "LinkedIn",
            "Email", "Print", "Cetak",
        ])),
        CleaningRule("back-to-top", .line([
            "Back To Top", "Kembali ke atas", "Ke atas", "Scroll to top", "Top",
        ])),
        CleaningRule("advertisement", .line([
            "Advertisement", "Iklan", "Ads", "Sponsored", "Konten Sponsor", "Scroll untuk melanjutkan",
            "Scroll to continue with content", "Gulir untuk melanjutkan", "Loading", "Memuat",
        ])),
        // Size pickers and tab labels that page templates print as text.
        CleaningRule("widget", .line([
            "XS", "SM", "MD", "LG", "XL", "XXL", "_x000D_", "Video", "Galeri", "Gallery", "Live",
        ])),
        CleaningRule("related-link", .relatedMarker([
            "Baca juga", "Baca pula", "Simak juga", "Lihat juga", "Tonton juga", "Saksikan juga",
            "Baca:", "Berita terkait", "Artikel terkait", "Read also", "Read more:", "See also",
            "Also read", "Related:", "Related articles", "Related stories", "Recommended:",
        ])),
        // Credits name the newsroom, not the story; kept short so a paragraph
        // that starts "Editor: ..." and goes on is not lost.
        CleaningRule("credit", .prefix([
            "Redaktur:", "Editor:", "Penulis:", "Reporter:", "Pewarta:", "Penyunting:",
            "Kontributor:", "Sumber asli:", "Disadur dari:", "Artikel ini telah tayang di",
            "Writer:", "Written by", "Edited by", "Reporting by", "Editing by",
        ], maxWords: 14)),
        CleaningRule("photo-credit", .structure(.photoCredit)),
        CleaningRule("photo-caption", .structure(.captionBeforeCredit)),
        CleaningRule("promo", .tail([
            "Dengarkan berita terkini", "Pilih saluran berita favorit",
            "Pastikan Anda sudah menginstal aplikasi", "Ikuti berita terkini",
            "Dapatkan update berita pilihan", "Simak breaking news", "Download aplikasi",
            "Unduh aplikasi", "Follow us on", "Subscribe to our newsletter",
            "Sign up for our newsletter",
        ])),
        CleaningRule("repeated-line", .structure(.repeatedLine)),
        CleaningRule("file-name", .structure(.fileName)),
        CleaningRule("no-words", .structure(.noWords)),
        CleaningRule("hashtag-slogan", .structure(.hashtagSlogan)),
        CleaningRule("empty-quotes", .structure(.emptyQuotes)),
        CleaningRule("related-headline", .structure(.relatedHeadline)),
        CleaningRule("trailing-fragment", .structure(.trailingFragment)),
    ]

    /// Headers that start a photo credit block, with or without the credit
    /// on the same line ("Foto: ANTARA", or "Photo :" then "• BBC").
    static let photoCreditHeaders = [
        "Foto:", "Photo:", "Sumber:", "Sumber foto:", "Kredit foto:", "Image:", "Credit:",
        "Photo credit:", "Source:", "Ilustrasi:",
    ]

    /// Words left lowercase inside a Title Case headline; they neither count
    /// for nor against it.
    static let titleCaseMinorWords: Set<String> = [
        // Indonesian
        "di", "ke", "dari", "dan", "yang", "untuk", "dengan", "kepada", "pada", "dalam", "atau",
        "oleh", "bagi", "ini", "itu", "si", "sang", "para", "serta", "tentang", "akan", "jadi",
        "vs", "soal", "usai", "saat",
        // English
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "with", "by",
        "from", "as", "into", "over", "after", "is",
    ]
}
