import XCTest
import Warta

/// The bundled seed articles: real scraped pages, in ../../seeds.
enum Seeds {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("seeds")

    static func raw(_ prefix: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        let name = try XCTUnwrap(names.first { $0.hasPrefix(prefix) }, "no seed \(prefix)")
        return try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }
}

final class CleanerSeedTests: XCTestCase {
    struct Row {
        let seed: String
        let title: String
        /// (rule, start of the dropped line), in the order the cleaner reports them.
        let dropped: [(String, String)]
        /// Paragraphs (by their start) that must survive.
        let kept: [String]
    }

    static let caption = "Presiden Rusia Vladimir Putin dan Presiden Vietnam To Lam dalam kunjungan resmi di Istana Kepresidenan Vietnam di Hanoi, 20 Juni 2024. (Sputnik/Kristina Kormilitsyna/Kremlin via REUTERS)"

    static let rows: [Row] = [
        Row(seed: "000", title: "Mengapa Putin Mengunjungi Vietnam?", dropped: [],
            kept: ["Presiden Vladimir V. Putin", "Berikut adalah hal-hal yang perlu diketahui"]),
        Row(seed: "001", title: "Mengapa Putin Langsung Kunjungi Vietnam Setelah Korea Utara?",
            dropped: [
                ("related-link", "Baca juga: Putin Bertemu Kim Jong Un"),
                ("related-link", "Baca juga: Putin Naik Limusin"),
                ("related-link", "Baca Juga: Ringkasan Hari ke-847"),
                ("promo", "Dengarkan berita terkini"),
                ("comment-form", "Tinggalkan Balasan"),
                ("comment-form", "Alamat email Anda tidak akan dipublikasikan"),
                ("back-to-top", "Back To Top"),
            ],
            kept: ["MOSKOW, virprom.com – Presiden Rusia",
                   "Meskipun Vietnam tidak secara langsung mengutuk Moskow, Vietnam telah memberikan bantuan kemanusiaan ke Ukraina melalui organisasi internasional selama perang."]),
        Row(seed: "002", title: "Putin di Vietnam Setelah Tandatangani Pakta Pertahanan dengan Korut",
            dropped: [
                ("navigation", "Tautan-tautan Akses"),
                ("repeated-line", "Presiden Rusia Vladimir Putin dan Presiden Vietnam To Lam dalam"),
                ("repeated-line", "Presiden Rusia Vladimir Putin (kiri)"),
                ("repeated-line", "Presiden Rusia Vladimir Putin (tengah)"),
                ("widget", "XS"), ("widget", "SM"), ("widget", "MD"), ("widget", "LG"),
                ("trailing-fragment", "Forum"),
            ],
            kept: [caption, "Dukungan dari Kim", "Perdagangan dan persenjataan", "Presiden Rusia Vladimir Putin (kiri)",
                   "“Rusia dan Vietnam mempunyai kepentingan bersama"]),
        Row(seed: "003", title: "Vladimir Putin Tiba di Vietnam, Disambut Karpet Merah Wakil PM Tran Hong Ha",
            dropped: [
                ("photo-credit", "Sumber :"),
                ("photo-caption", "Presiden Rusia Vladimir Putin."),
                ("photo-credit", "• Kremlin Pool Photo via AP"),
                ("photo-credit", "Photo :"),
                ("photo-caption", "Vladimir Putin"),
                ("photo-credit", "• BBC.uk.co"),
                ("photo-credit", "Photo :"),
                ("photo-caption", "Bendera Rusia."),
                ("photo-credit", "• ANTARA FOTO"),
                ("pagination", "Halaman Selanjutnya"),
                ("pagination", "Halaman Selanjutnya"),
                ("related-headline", "Dubes Rusia Ungkap Alasan Negaranya"),
                ("related-headline", "Saling Serang, Rusia Gunakan Rudal"),
                ("related-headline", "Putin Akui Belum Bertemu Bashar al-Assad"),
            ],
            kept: ["Hanoi - Presiden Rusia Vladimir Putin tiba", "Negara Asia Tenggara ini"]),
        Row(seed: "004", title: "Kunjungan ke Vietnam, Putin dan Penguatan Arsitektur Keamanan Asia-Pasifik",
            dropped: [
                ("file-name", "385544cf-f391-410a-bdbb-74bb2712bbe4_cx0_cy9_cw0_w1023_r1_s"),
                ("credit", "Redaktur : Munawir Sani"),
            ],
            kept: [caption, "VIETNAM (marwahkepri.com) – Setelah", "dinamika ekonomi dan politik global. MK-dtc"]),
    ]

    func testSeeds() throws {
        for row in Self.rows {
            let cleaned = Cleaner.standard.clean(raw: try Seeds.raw(row.seed))
            XCTAssertEqual(cleaned.title, row.title, row.seed)
            XCTAssertEqual(cleaned.dropped.map(\.rule), row.dropped.map(\.0), row.seed)
            for (d, want) in zip(cleaned.dropped, row.dropped) {
                XCTAssertTrue(d.line.hasPrefix(want.1), "\(row.seed): dropped '\(d.line)', expected '\(want.1)…'")
            }
            for k in row.kept {
                XCTAssertTrue(cleaned.paragraphs.contains { $0.hasPrefix(k) || $0.hasSuffix(k) }, "\(row.seed): lost '\(k)'")
            }
            // Nothing dropped survives in the body.
            for d in cleaned.dropped where d.rule != "repeated-line" {
                XCTAssertFalse(cleaned.paragraphs.contains(d.line), "\(row.seed): '\(d.line)' still in the body")
            }
            XCTAssertFalse(cleaned.paragraphs.contains(row.title), row.seed)
        }
    }

    func testCaptionKeptOnceIn002() throws {
        let cleaned = Cleaner.standard.clean(raw: try Seeds.raw("002"))
        XCTAssertEqual(cleaned.paragraphs.filter { $0 == Self.caption }.count, 1)
        XCTAssertEqual(cleaned.paragraphs.first, Self.caption)
    }

    func testPromoTailCutFrom001() throws {
        let cleaned = Cleaner.standard.clean(raw: try Seeds.raw("001"))
        let last = try XCTUnwrap(cleaned.paragraphs.last)
        XCTAssertTrue(last.hasSuffix("selama perang."), last)
        XCTAssertFalse(cleaned.text.contains("WhatsApp"))
        XCTAssertEqual(cleaned.paragraphs.count, 15)
    }
}
