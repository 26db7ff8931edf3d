// The hand-made knowledge of the stemmer: words the affix rules would cut
// wrongly, and the few roots a small corpus cannot vouch for. Everything else
// the stemmer knows it learns from the corpus (see `Stemmer`). Written from
// general knowledge of Indonesian; no dictionary was copied.

enum StemmerExceptions {
    /// Words that look affixed but are roots, or are lemmas of their own:
    /// the stemmer returns them whole and never cuts below them
    /// ("berpengaruh" stops at "pengaruh").
    static let lexicalised: Set<String> = [
        // The "prefix" is part of the root; what is left is not a word, or a different one.
        "berita", "berani", "beranda", "berlian",          // not ber- + ita/ani/anda/lian
        "menteri", "mereka", "meriah", "melayu", "memori", "melodi",  // not me- + teri/reka/riah/layu…
        "kemarin", "kelapa", "kemudian", "kelompok", "kereta", "kecamatan", "ketika",  // not ke- + marin/lapa…
        "keliling", "kelola", "kecewa", "kelahi", "keluarga", "keringat", "kemeja",  // ke- inside a prefix is cut
        "demikian", "signifikan", "tetapi", "abadi",       // not demiki/signifik + -an, tetap/abad + -i
        "pertama", "perdana", "perempuan", "perintah", "perkara", "percaya", "pertiwi",  // not per- + tama/dana/empu+an…
        "perangkat",                                       // "device": lexicalised, far from angkat "lift"
        "peserta", "pesawat", "pesona", "peluang", "pengaruh", "pengantin", "pendeta", "pemilu",  // not pe- + serta/sawat/sona…
        "sejarah", "sekutu", "serikat", "sendiri", "senjata", "sekolah", "sekarang", "seluruh", "sepakat",
        "sesuai", "semester", "senior", "sekretaris", "semua", "selenggara",  // not se- + jarah/kutu/rikat/karang…
        "teritorial", "teroris", "terorisme", "terminal", "terapi",  // loans, not ter- + itorial/api…
        "diplomat", "diplomasi", "diplomatik", "dinamika", "digital", "direktur", "direksi", "diskusi",
        "disiplin", "divisi", "dimensi", "diktator", "dialog", "dinasti", "distribusi",  // loans in di-
        // The "suffix" is part of the root.
        "kawasan", "halaman", "sembilan", "delapan",       // not kawas/halam/sembil/delap + -an
        "masalah", "kalah", "salah", "telah", "olah", "istilah", "lelah",  // not masa/ka/sa… + -lah
        // Numerals in se- are lemmas: "sepuluh" (ten), not puluh (tens).
        "sepuluh", "sebelas", "seratus", "seribu", "sejuta",
        // Function words whose sense is not their root's: "sebagai" (as) is not bagai (like),
        // "setelah" (after) not telah (already), "semakin" (increasingly) a lemma of its own.
        "adalah", "sebagai", "setelah", "sebelum", "sesudah", "selama", "seperti", "sementara", "semakin",
        "sehingga", "selain", "selalu", "sekitar", "beberapa", "kepada", "terhadap", "terutama",
        "mengapa", "mengenai",
    ]

    /// Roots in -lah: a word ending in one of them has no particle ("permasalahan").
    static let rootsInLah: [StaticString] = ["masalah", "kalah", "salah", "telah", "olah", "istilah", "lelah", "adalah"]

    /// Whether the letters `s` spell a lexicalised word.
    @inline(__always) static func isLexicalised(_ s: ArraySlice<UInt8>) -> Bool {
        s.count >= 4 && s.count <= 12 && lexicalised.contains(String(decoding: s, as: UTF8.self))
    }

    /// Roots counted as seen in the corpus even when it is too small to show
    /// them. Each settles a recoding the rules cannot decide alone: meng- +
    /// vowel may hide a k ("pengawal" is peng- + kawal, though "awal" is a
    /// word), ber- + r may hide the root's r ("beragam" is ber- + ragam), and
    /// -i after a vowel may be the root's ("mencapai") or the suffix ("menandai").
    static let rootHints: Set<String> = [
        "kawal",                                  // pengawal, mengawal: not awal "beginning"
        "kutuk", "kukuh", "kurang", "kirim",      // mengutuk, mengukuhkan, mengurangi, pengiriman: k-roots
                                                  // where meng-/peng- + u, i usually hides a vowel
        "harga", "tanda",                         // menghargai, menandai: -i after a root in -a
        "ragam",                                  // beragam: ber- + ragam, not ber- + agam
        "tandatangan",                            // tandatangani: the seeds show this compound only with -i
        "punya",                                  // mempunyai: -i after a root in -a
        "main", "milik",                          // memainkan, memiliki: me- + m-root, not mem- + p-root
    ]

    /// Numerals, after which ke- is the ordinal prefix ("kedua", "kelima").
    static let numerals: Set<String> = [
        "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas",
        "seratus", "seribu",
    ]
}
