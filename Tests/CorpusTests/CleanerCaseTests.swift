import XCTest
import Warta

/// Small hand-written pages, Indonesian and English: one row per rule or
/// trap, with the exact body expected.
final class CleanerCaseTests: XCTestCase {
    static let p1 = "Presiden Joko Widodo meresmikan jembatan baru di Samarinda pada pagi hari ini."
    static let p2 = "Jembatan itu menghubungkan dua kecamatan yang selama ini hanya terhubung oleh perahu."
    static let e1 = "The minister opened the new bridge in the city centre on Monday morning."
    static let e2 = "The bridge links two districts that were until now only connected by ferry."

    struct Row {
        let name: String
        let body: String
        let paragraphs: [String]
        let rules: [String]
    }

    static let rows: [Row] = [
        Row(name: "plain text is untouched", body: "\(p1)\n\(p2)", paragraphs: [p1, p2], rules: []),
        Row(name: "blank lines and spaces", body: "  \(p1)  \r\n\r\n\n\t\(p2)\r\n", paragraphs: [p1, p2], rules: []),
        Row(name: "Baca juga with a headline",
            body: "\(p1)\nBaca juga: Jokowi Resmikan Tol Baru di Kalimantan Timur\n\(p2)", paragraphs: [p1, p2], rules: ["related-link"]),
        Row(name: "BACA JUGA in capitals", body: "\(p1)\nBACA JUGA: Harga Cabai Naik\n\(p2)", paragraphs: [p1, p2], rules: ["related-link"]),
        Row(name: "Simak juga", body: "\(p1)\nSimak juga: Video Banjir Jakarta\n\(p2)", paragraphs: [p1, p2], rules: ["related-link"]),
        Row(name: "marker whose link text was lost keeps the glued paragraph",
            body: "\(p1)\nBaca juga:, \(p2)", paragraphs: [p1, p2], rules: ["related-link"]),
        Row(name: "marker twice, no colon", body: "\(p1)\nBaca juga, Baca juga, \(p2)", paragraphs: [p1, p2],
            rules: ["related-link", "related-link"]),
        Row(name: "headline glued to the next paragraph",
            body: "\(p1)\nBaca juga: Jokowi Resmikan Tol Baru di Kalimantan Timur, \(p2)", paragraphs: [p1, p2], rules: ["related-link"]),
        Row(name: "inline marker", body: "\(p1) Baca Juga:, \(p2)", paragraphs: ["\(p1) \(p2)"], rules: ["related-link"]),
        Row(name: "a sentence that starts like a marker stays",
            body: "\(p1)\nLihat juga bagaimana warga menyambut jembatan itu dengan gembira.",
            paragraphs: [p1, "Lihat juga bagaimana warga menyambut jembatan itu dengan gembira."], rules: []),
        Row(name: "Read also and Related", body: "\(e1)\nRead also: Minister Opens Bridge\nRelated: Ferry Service Ends\n\(e2)",
            paragraphs: [e1, e2], rules: ["related-link", "related-link"]),
        Row(name: "English widgets", body: "Skip to content\n\(e1)\nAdvertisement\n\(e2)\nShare this\nBack to top",
            paragraphs: [e1, e2], rules: ["navigation", "advertisement", "share-widget", "back-to-top"]),
        Row(name: "comment form (English)", body: "\(e1)\n\(e2)\nLeave a Reply\nYour email address will not be published. Required fields are marked *",
            paragraphs: [e1, e2], rules: ["comment-form", "comment-form"]),
        Row(name: "pagination", body: "\(p1)\nHalaman berikutnya\n\(p2)\nNext page", paragraphs: [p1, p2], rules: ["pagination", "pagination"]),
        Row(name: "credits", body: "\(p1)\n\(p2)\nEditor: Budi Santoso\nPenulis: Siti Aminah",
            paragraphs: [p1, p2], rules: ["credit", "credit"]),
        Row(name: "a long paragraph starting 'Editor:' stays",
            body: "Editor: \(p1) \(p2)", paragraphs: ["Editor: \(p1) \(p2)"], rules: []),
        Row(name: "inline photo credit and its short caption",
            body: "\(p1)\nJembatan Mahakam.\nFoto: ANTARA/Budi\n\(p2)", paragraphs: [p1, p2], rules: ["photo-credit", "photo-caption"]),
        Row(name: "a long caption before a credit stays",
            body: "\(p1)\nWarga melintasi jembatan baru di Samarinda, Kalimantan Timur, pada Senin pagi bersama keluarga mereka.\nFoto: ANTARA\n\(p2)",
            paragraphs: [p1, "Warga melintasi jembatan baru di Samarinda, Kalimantan Timur, pada Senin pagi bersama keluarga mereka.", p2],
            rules: ["photo-credit"]),
        Row(name: "bullets after a credit header", body: "\(p1)\nPhoto :\n  • Reuters\n• AP\n\(p2)",
            paragraphs: [p1, p2], rules: ["photo-credit", "photo-credit", "photo-credit"]),
        Row(name: "bullets elsewhere stay", body: "\(p1)\n• satu\n• dua", paragraphs: [p1, "• satu", "• dua"], rules: []),
        Row(name: "repeat right after itself", body: "\(p1)\n\(p1)\n\(p2)\n\(p1)", paragraphs: [p1, p2, p1], rules: ["repeated-line"]),
        Row(name: "related headline between paragraphs",
            body: "\(p1)\nWarga Samarinda Sambut Gembira Jembatan Baru Mahakam\n\(p2)", paragraphs: [p1, p2], rules: ["related-headline"]),
        Row(name: "English related headline", body: "\(e1)\nCity Council Approves New Budget for Public Transport\n\(e2)",
            paragraphs: [e1, e2], rules: ["related-headline"]),
        Row(name: "sentence-case subheading stays", body: "\(p1)\nDukungan dari warga sekitar jembatan\n\(p2)",
            paragraphs: [p1, "Dukungan dari warga sekitar jembatan", p2], rules: []),
        Row(name: "short Title Case subheading stays", body: "\(p1)\nDukungan dari Kim\n\(p2)",
            paragraphs: [p1, "Dukungan dari Kim", p2], rules: []),
        Row(name: "a line-up is a list, not a headline",
            body: "\(p1)\nBernd Leno, Hector Bellerin, David Luiz, Sokratis Papastathopoulos, Kieran Tierney\n\(p2)",
            paragraphs: [p1, "Bernd Leno, Hector Bellerin, David Luiz, Sokratis Papastathopoulos, Kieran Tierney", p2], rules: []),
        Row(name: "image file names", body: "\(p1)\nIMG_20240620_101500.jpg\n\(p2)", paragraphs: [p1, p2], rules: ["file-name"]),
        Row(name: "lines without words", body: "\(p1)\n|\n(*)\n\(p2)", paragraphs: [p1, p2], rules: ["no-words", "no-words"]),
        Row(name: "promotional tail glued to a paragraph",
            body: "\(p1) Download aplikasi kami di Play Store. Gratis!", paragraphs: [p1], rules: ["promo"]),
        Row(name: "trailing credits in capitals and editor initials", body: "\(p1)\n\(p2)\nANTARA\n(Tin/Ysl)",
            paragraphs: [p1, p2], rules: ["trailing-fragment", "trailing-fragment"]),
        Row(name: "a short last list item stays", body: "\(p1)\n\(p2)\nJalan Jenderal Sudirman",
            paragraphs: [p1, p2, "Jalan Jenderal Sudirman"], rules: []),
        Row(name: "comment thread residue", body: "\(p1)\n\", \" komentar akun, . \", \" tulis akun, .",
            paragraphs: [p1], rules: ["empty-quotes"]),
        Row(name: "one empty quotation is kept", body: "\(p1)\n\", \" kata Raul.", paragraphs: [p1, "\", \" kata Raul."], rules: []),
        Row(name: "hashtag slogan", body: "\(p1)\n#GrowFearless with FIMELA", paragraphs: [p1], rules: ["hashtag-slogan"]),
    ]

    func testRows() {
        for row in Self.rows {
            let cleaned = Cleaner.standard.cleanBody(row.body)
            XCTAssertEqual(cleaned.paragraphs, row.paragraphs, row.name)
            XCTAssertEqual(cleaned.dropped.map(\.rule), row.rules, row.name)
            XCTAssertEqual(cleaned.title, "", row.name)
        }
    }

    func testTitleSkipsNavigation() {
        let cases: [(String, String, [String])] = [
            ("Tautan-tautan Akses\n\nJudul Berita Hari Ini\n\n\(Self.p1)", "Judul Berita Hari Ini", [Self.p1]),
            ("Skip to content\nMenu\nHeadline of the Day\n\(Self.e1)", "Headline of the Day", [Self.e1]),
            ("# Judul dalam Markdown\n\n\(Self.p1)", "Judul dalam Markdown", [Self.p1]),
            ("Hanya Judul", "Hanya Judul", []),
            ("", "", []),
        ]
        for (raw, title, paragraphs) in cases {
            let cleaned = Cleaner.standard.clean(raw: raw)
            XCTAssertEqual(cleaned.title, title, raw)
            XCTAssertEqual(cleaned.paragraphs, paragraphs, raw)
        }
    }

    func testCustomRuleTable() {
        let cleaner = Cleaner(rules: [CleaningRule("house-ad", .line(["Langganan sekarang"]))])
        let cleaned = cleaner.cleanBody("\(Self.p1)\nLANGGANAN  sekarang!\nBaca juga: Berita Lain")
        XCTAssertEqual(cleaned.paragraphs, [Self.p1, "LANGGANAN  sekarang!", "Baca juga: Berita Lain"])
        let cleaned2 = cleaner.cleanBody("\(Self.p1)\nLANGGANAN  sekarang:")
        XCTAssertEqual(cleaned2.dropped, [DroppedLine(line: "LANGGANAN  sekarang:", rule: "house-ad")])
    }
}
