/// Word lists the entity recognizer consults when it reads capitalised runs.
///
/// All entries are folded (lower case, no diacritics), as `Normalizer.fold`
/// gives them. Indonesian first, then the English that Indonesian outlets
/// quote or translate.
enum NameLexicon {
    /// Capitalised only because they open a sentence or a headline: never
    /// part of a name ("Dalam", "Namun", "Kedua", "Para", "The").
    static let functionWords: Set<String> = words("""
        dalam namun ini itu kedua para di ke dari pada untuk dengan yang dan atau tetapi tapi
        sementara selain sejak saat ketika setelah sesudah sebelum meskipun meski walaupun walau
        jika kalau bila apabila bagi oleh menurut seperti sebagai karena sehingga agar supaya
        bahkan juga hal kami kita saya aku dia ia mereka anda beliau kini sekarang kemudian lalu
        adapun sedangkan apalagi baik bukan tidak tak belum sudah telah akan masih hanya semua
        seluruh setiap tiap beberapa banyak sebuah seorang satu dua tiga empat lima enam tujuh
        delapan sembilan sepuluh pertama ketiga keempat kelima kesepuluh berikut begitu demikian
        sehari tahun bulan hari pekan apa siapa mengapa kenapa bagaimana kapan dimana berapa sebab
        maka jadi terkait soal mengenai tentang sedang pun sebelumnya selanjutnya sebaliknya
        akhirnya selama hingga sampai antara tanpa melalui terhadap atas bersama bahwa kala pula
        tersebut sejumlah salah adalah ya oh wah nah hai halo selamat terima kasih mantan eks calon
        baca simak lihat klik foto photo sumber editor penulis reporter redaktur halaman berita
        video tonton dengarkan pilih pastikan tinggalkan alamat ruas back top forum kompas com
        ktt wib wita wit rp usd idr uu undang ruu pasal ayat nomor huruf perppu perpres permen perda
        the a an in on at of for but and or this that these those it he she they we i you his her
        their our its as after before when while if although however meanwhile there here what
        who why how so yet also not no yes from by with to into about than then
        """)

    /// Titles and roles written before a name ("Presiden", "Wakil Perdana
    /// Menteri", "Mr.", "Jenderal"): skipped, so the name alone is the entity.
    static let titles: Set<String> = words("""
        presiden wapres wakil perdana menteri menlu menhan menkeu mendagri menko sekretaris jenderal
        sekjen jend gubernur wagub bupati wabup wali walikota wawali camat lurah ketua ketum kepala
        direktur dirut dirjen komisaris kadis kapolri kapolda kapolres kapolsek kasubag kabag kasat
        kasatreskrim kabid kasi panglima kasad kasal kasau pangdam danrem dandim letjen mayjen
        brigjen laksamana marsekal kolonel letkol mayor kapten lettu letda serka sertu sersan kopral
        prajurit irjen komjen kombes akbp kompol akp iptu ipda aiptu aipda bripka brigadir briptu
        bripda bharada duta besar dubes konsul juru bicara jubir senator anggota hakim jaksa
        bendahara raja ratu pangeran putri sultan kaisar paus uskup kardinal imam syekh habib ustaz
        ustad kiai kyai haji hajah hj kh tuan nyonya bapak pak ibu bu mbak saudara sdr
        mr mrs ms miss dr drs dra prof profesor ir sir dame lord pj plt plh pm premier kanselir
        almarhum almarhumah mendiang capres cawapres pakar pengamat analis pt tbk cv
        kota kabupaten provinsi kecamatan desa kelurahan
        president vice prime minister secretary general chancellor king queen prince princess
        governor mayor spokesman spokesperson spokeswoman ambassador chairman chief director ceo
        """)

    /// Days and months: capitalised, never entities.
    static let calendarWords: Set<String> = words("""
        senin selasa rabu kamis jumat jum sabtu minggu ahad
        januari februari pebruari maret april mei juni juli agustus september oktober november
        nopember desember
        monday tuesday wednesday thursday friday saturday sunday january february march june july
        august october december
        """)

    /// Lower-case words that may join the parts of a name: "Mohammed bin
    /// Salman", "Ursula von der Leyen", "Bank of America". Not "di" (at):
    /// "Istana Kepresidenan di Hanoi" is two things.
    static let connectors: Set<String> = words("""
        bin binti al el van von der den de da dos del du ibn ter of
        """)

    /// Nouns that head a name but are no name on their own ("Universitas",
    /// "Istana"): a run of just one of them is dropped.
    static let genericHeads: Set<String> = words("""
        bank universitas istana partai kementerian kedutaan pemerintah pemerintahan negara pulau
        selat laut gunung sungai teluk semenanjung asosiasi departemen dewan majelis badan komisi
        pengadilan mahkamah angkatan akademi kantor bandara pelabuhan jalan gedung rumah sekolah
        masjid gereja pasar stasiun terminal kampus polres polda polsek kodam korem kodim lembaga
        organisasi perusahaan grup kelompok balai kompleks dinas rs rsud kampung dusun jembatan taman hotel
        stadion tim klub
        """)

    /// Compass words that, right after a place, belong to it: "Jakarta
    /// Selatan", "Tangerang Selatan".
    static let directions: Set<String> = words("""
        utara selatan timur barat tengah pusat tenggara daya laut
        """)

    /// Roman numerals end names ("Perang Dunia II", "Komisi III") but start none.
    static let numerals: Set<String> = words("""
        ii iii iv v vi vii viii ix x xi xii
        """)

    /// What a capitalised word is, in one hash lookup.
    struct WordClass: OptionSet {
        let rawValue: UInt8
        static let function = WordClass(rawValue: 1)
        static let title = WordClass(rawValue: 2)
        static let calendar = WordClass(rawValue: 4)
        /// Never part of a capitalised run.
        static let stop: WordClass = [.function, .title, .calendar]
    }

    /// Every listed word with its classes.
    static let classes: [String: WordClass] = {
        var d: [String: WordClass] = [:]
        for w in functionWords { d[w, default: []].insert(.function) }
        for w in titles { d[w, default: []].insert(.title) }
        for w in calendarWords { d[w, default: []].insert(.calendar) }
        return d
    }()

    private static func words(_ list: String) -> Set<String> {
        // Split on the bytes, not the characters: read when the first article is analysed.
        Set(list.utf8.split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") }).map { String(Substring($0)) })
    }
}
