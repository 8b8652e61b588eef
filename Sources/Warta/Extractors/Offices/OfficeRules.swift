/// Rules for government field offices: a family from `office-types.txt`, an optional qualifier
/// ("Narkotika", "Perempuan"), an optional class (`office-classes.txt` after "Kelas", `office-grades.txt`
/// without it), an optional TPI mark, and the place. The rules find where an office may be; the extractor's
/// `settle` decides where its place ends and whether the family's condition holds.
struct OfficeValue: Sendable {
    var type: String
    /// The family's condition from `office-types.txt` (`class`, `region`, `guarded`), if any.
    var condition: String?
    var officeClass: String?
    var tpi: Bool?
    /// Token range of the capitalized run that may hold the place; `settle` shortens it to the place.
    var place: Range<Int>
    /// A regional office written with its parent organisation ("Kanwil Kemenkumham ...").
    var hasParent = false
    /// Set by `settle`.
    var location: String? = nil
}

enum OfficeRules {
    /// A capitalized word: the place is one or more of these, hyphen-joined ones included ("Soekarno-Hatta"),
    /// and an abbreviation's dot when the sentence goes on after it ("Kab. Malang", not "Bengkulu. Acara").
    static let placeWord = Element.check("capitalized word") { $0.kind == .word && $0.shape.contains(.initialUpper) }
    static let placeWordInSentence = Element.check("capitalized word, same sentence") {
        $0.kind == .word && $0.shape.contains(.initialUpper) && !$0.shape.contains(.sentenceStart)
    }
    static let place = Element.group(
        placeWord,
        Element.either(
            Element.group(Element.word("-").attachedToPrevious, placeWord.attachedToPrevious),
            Element.group(Element.word(".").attachedToPrevious, placeWordInSentence)
        ).optional
    ).repeated(1...5).as("place")

    static let type = Element.lexicon("office-types").as("type")
    static let qualifier = Element.lexicon("office-qualifiers").as("qualifier").optional
    /// "Kelas II A", "Klas IIA", "Kls. 2A" (or the typo "Kels IIA": a class follows, so the word is read),
    /// or a grade written alone ("Pratama", "TMP B").
    static let officeClass = Element.either(
        Element.group(.word("kelas", "klas", "kls", "kels"), Element.word(".").attachedToPrevious.optional,
                      Element.lexicon("office-classes").as("class")),
        Element.lexicon("office-grades").as("grade"))
    static let tpi = Element.either(
        Element.group(.word("non"), Element.word("-").optional, .word("tpi")).as("nontpi"),
        Element.word("nontpi").as("nontpi"),
        Element.word("tpi").as("tpi"),
        Element.group(.word("tempat"), .word("pemeriksaan"), .word("imigrasi")).as("tpi"))
    /// A parenthesized short or long form inside the name: "(UKK)", "(Kanwil Kemenkumham)", "(Tempat Pemeriksaan Imigrasi)".
    static let aside = Element.group(
        .word("("),
        Element.check("word of an aside") { $0.kind == .word || $0.norm == "-" || $0.norm == "/" }.repeated(1...5),
        .word(")")
    ).optional
    static let parent = Element.lexicon("office-parents").as("parent")

    static let all: [Rule<OfficeValue>] = [
        Rule(
            "office.type_class_place",
            "An office family, optional qualifier, class and TPI mark, then its place: \"Kantor Imigrasi Kelas I TPI Bengkulu\"",
            pattern: [type, aside, qualifier, aside, officeClass.optional, tpi.optional, aside, place],
            examples: [
                .match("Plt Kepala ⟦Kantor Imigrasi Kelas I TPI Bengkulu⟧, Imam", "Kantor Imigrasi | I | Bengkulu | tpi"),
                .match("⟦Kantor Imigrasi Kelas I Khusus TPI Jakarta Selatan⟧ membuka", "Kantor Imigrasi | I Khusus | Jakarta Selatan | tpi"),
                .match("menjadi ⟦Kantor Imigrasi Kelas III TPI Mandailing Natal⟧ pada", "Kantor Imigrasi | III | Mandailing Natal | tpi"),
                .match("⟦Kanim Kelas II Non TPI Depok⟧", "Kantor Imigrasi | II | Depok | non-tpi"),
                .match("⟦Kantor Imigrasi Kelas III Non-TPI Bungo⟧ dan", "Kantor Imigrasi | III | Bungo | non-tpi"),
                .match("menjadi ⟦Kantor Imigrasi Kelas III NonTPI Balangan⟧.", "Kantor Imigrasi | III | Balangan | non-tpi"),
                .match("⟦Kantor Imigrasi Khusus Kelas I TPI Batam⟧ menunda", "Kantor Imigrasi | I Khusus | Batam | tpi"),
                .match("⟦Kantor Imigrasi Kelas I Khusus Tempat Pemeriksaan Imigrasi (TPI) Ngurah Rai⟧ mencatat", "Kantor Imigrasi | I Khusus | Ngurah Rai | tpi"),
                .match("merupakan ⟦Unit Kerja Kantor Imigrasi (UKK) Kelas II Sibolga⟧ yang", "Unit Kerja Kantor Imigrasi | II | Sibolga | -"),
                .match("yaitu ⟦UKK Mandailing Natal⟧ yang kini", "Unit Kerja Kantor Imigrasi | - | Mandailing Natal | -"),
                .match("dan ⟦UKK Gunung Sitoli⟧.", "Unit Kerja Kantor Imigrasi | - | Gunung Sitoli | -"),
                .match("peresmian ⟦UKK Imigrasi Lubuklinggau⟧ itu", "Unit Kerja Kantor Imigrasi | - | Lubuklinggau | -"),
                .match("dibawa ke ⟦Rudenim Pekanbaru⟧ sambil", "Rumah Detensi Imigrasi | - | Pekanbaru | -"),
                .match("⟦Rumah Detensi Imigrasi (Rudenim) Pontianak⟧ menerima", "Rumah Detensi Imigrasi | - | Pontianak | -"),
                .match("⟦Lapas Kelas IIA Salemba⟧ menggelar", "Lembaga Pemasyarakatan | IIA | Salemba | -"),
                .match("⟦Lembaga Pemasyarakatan Kelas II A Ambon⟧ menggelar", "Lembaga Pemasyarakatan | IIA | Ambon | -"),
                .match("di ⟦Lapas Kelas 2A Lubuklinggau⟧ dan", "Lembaga Pemasyarakatan | IIA | Lubuklinggau | -"),
                .match("⟦Lapas Narkotika Kelas IIA Jakarta⟧ menggelar", "Lembaga Pemasyarakatan | IIA | Jakarta | -"),
                .match("Kepala ⟦Lapas Perempuan Kelas IIA Bandung⟧, Ibu", "Lembaga Pemasyarakatan | IIA | Bandung | -"),
                .match("⟦Lembaga Pemasyarakatan (Lapas) Perempuan Kelas IIA Palembang⟧ melaksanakan", "Lembaga Pemasyarakatan | IIA | Palembang | -"),
                .match("⟦Rutan Kelas I Jakarta Pusat⟧ menggelar", "Rumah Tahanan Negara | I | Jakarta Pusat | -"),
                .match("dan ⟦Rutan Kelas II B Baturaja⟧ pada", "Rumah Tahanan Negara | IIB | Baturaja | -"),
                .match("⟦Bapas Kelas I Medan⟧ membimbing", "Balai Pemasyarakatan | I | Medan | -"),
                .match("⟦LPKA Kelas II Bandung⟧ menggelar", "Lembaga Pembinaan Khusus Anak | II | Bandung | -"),
                .match("dititipkan di ⟦Rupbasan Kelas I Kendari⟧ hingga", "Rumah Penyimpanan Benda Sitaan Negara | I | Kendari | -"),
                .match("Pada Senin, ⟦KPP Pratama Jakarta Tebet⟧ membuka pojok layanan pajak.", "Kantor Pelayanan Pajak | Pratama | Jakarta Tebet | -"),
                .match("⟦Kantor Pelayanan Pajak (KPP) Pratama Denpasar Timur⟧ membuka", "Kantor Pelayanan Pajak | Pratama | Denpasar Timur | -"),
                .match("⟦KPP Madya Medan⟧ mencatat", "Kantor Pelayanan Pajak | Madya | Medan | -"),
                .match("⟦KPPBC TMP B Bogor⟧ menindak", "Kantor Pengawasan dan Pelayanan Bea dan Cukai | Madya | Bogor | -"),
                .match("Ketua ⟦Pengadilan Negeri Kelas IA Khusus Bandung⟧, Dr.", "Pengadilan Negeri | IA Khusus | Bandung | -"),
                .match("⟦Pengadilan Agama Kelas IB Kotabumi⟧ menandatangani", "Pengadilan Agama | IB | Kotabumi | -"),
                .match("⟦Kantor Pertanahan Kota Bekasi⟧ menyerahkan", "Kantor Pertanahan | - | Kota Bekasi | -"),
                .match("⟦Kantor Pertanahan Kab. Malang⟧ menyerahkan", "Kantor Pertanahan | - | Kab. Malang | -"),
                .match("Kepala ⟦Kantor Imigrasi Kelas I TPI Bengkulu⟧. Acara dibuka pukul", "Kantor Imigrasi | I | Bengkulu | tpi"),
                .match("di ⟦Kantor Imigrasi Kelas I TPI Malang⟧ Jl Raden Panji Suroso", "Kantor Imigrasi | I | Malang | tpi"),
                .match("⟦LAPAS NARKOTIKA KELAS IIA JAKARTA⟧ GELAR TES URINE", "Lembaga Pemasyarakatan | IIA | Jakarta | -"),
                .match("Rakor dipimpin Kepala ⟦Kantor Imigrasi Kelas I TPI Malang⟧ Galih Priya Kartika Perdana menindaklanjuti instruksi.", "Kantor Imigrasi | I | Malang | tpi"),
                .match("88 Deteni dari ⟦Rudenim Jakarta⟧ Menunggu Pemulangan ke Negara Asal", "Rumah Detensi Imigrasi | - | Jakarta | -"),
                .match("kata Kepala ⟦Rupbasan Kelas I Kendari⟧ R Teja Iskandar di Kendari.", "Rumah Penyimpanan Benda Sitaan Negara | I | Kendari | -"),
                .match("Kepala ⟦Kantor Imigrasi Kelas II TPI Tanjung Balai Karimun⟧ Ricky Hasiholan mengatakan hal itu.", "Kantor Imigrasi | II | Tanjung Balai Karimun | tpi"),
                .match("Tahanan ⟦Rumah Tahanan Negara Kelas I Depok⟧ Jawa Barat mengikuti pelatihan.", "Rumah Tahanan Negara | I | Depok | -"),
                .match("dari ⟦Rumah Tahanan Negara (Rutan) Kelas II Samarinda⟧ Kanwil Kemenkumham Kaltim", "Rumah Tahanan Negara | II | Samarinda | -"),
                .match("Kepala ⟦KPP Pratama Bandung Cicadas⟧, Dewi Lestari, membuka kelas pajak.", "Kantor Pelayanan Pajak | Pratama | Bandung Cicadas | -"),
                .match("Kepala ⟦Rutan Kelas IIB Wonosari⟧ Bambang Sulistyo mengatakan pihaknya siap.", "Rumah Tahanan Negara | IIB | Wonosari | -"),
                .match("menurut Kepala ⟦Lapas Kelas IIA Bukittinggi⟧ Bapak Ahmad Fauzi.", "Lembaga Pemasyarakatan | IIA | Bukittinggi | -"),
                .noMatch("Direktorat Jenderal Imigrasi menyampaikan"),
                .noMatch("pembentukan Kantor Imigrasi di Kabupaten Mandailing Natal"),
                .noMatch("Kalapas Pekanbaru, Yusuf Maulana, menyerahkan"),
                .noMatch("Kementerian Keuangan melalui KPP di daerah"),
                .noMatch("sidang di PN Bandung berjalan lancar"),
                .noMatch("Kantor Imigrasi Kelas lll Non TPI tersebut"),
                .noMatch("kegiatan berlangsung di Lapas Perempuan di Indonesia"),
                .noMatch("pelaksanaan UKK SMK Negeri 1 Bandung berjalan lancar"),
                .noMatch("diresmikan menjadi Kantor Imigrasi Kelas III NonTPI."),
            ],
            produce: { m in value(m, conditions: [nil, "class", "variant"]) }
        ),
        Rule(
            "office.type_place_class",
            "An office family, its place, then its class: \"Pengadilan Negeri Sleman Kelas IA\"",
            pattern: [type, aside, qualifier, place, officeClass, tpi.optional],
            examples: [
                .match("⟦Pengadilan Negeri Sleman Kelas IA⟧ meraih", "Pengadilan Negeri | IA | Sleman | -"),
                .match("Ketua ⟦PN Jakarta Pusat Kelas IA Khusus⟧, Dr.", "Pengadilan Negeri | IA Khusus | Jakarta Pusat | -"),
                .match("⟦PN Mataram Kelas 1A⟧ menggelar", "Pengadilan Negeri | IA | Mataram | -"),
                .noMatch("Pengadilan Tinggi Yogyakarta Kelas IA"),
                .noMatch("Kepala Kantor Wilayah Kelas I"),
            ],
            produce: { m in value(m, conditions: [nil, "class", "variant"]) }
        ),
        Rule(
            "office.regional",
            "A regional office, an optional parent organisation, then its province: \"Kanwil Kemenkumham Bengkulu\"",
            pattern: [type, aside, parent.optional, aside, Element.word("provinsi").optional, place],
            examples: [
                .match("⟦Kantor Wilayah Kementerian Hukum dan HAM Sumatera Utara⟧ melakukan", "Kantor Wilayah | - | Sumatera Utara | -"),
                .match("Kepala ⟦Kanwil Kemenkumham Bengkulu⟧, Bapak", "Kantor Wilayah | - | Bengkulu | -"),
                .match("kata Kepala ⟦Kanwil Kemenkumham Bali⟧ Anggiat Napitupulu di Denpasar", "Kantor Wilayah | - | Bali | -"),
                .match("⟦Kantor Wilayah Kementerian Hukum dan Hak Asasi Manusia (Kanwil Kemenkumham) Maluku Utara⟧ menggelar", "Kantor Wilayah | - | Maluku Utara | -"),
                .match("⟦Kantor Wilayah Direktorat Jenderal Pemasyarakatan Nusa Tenggara Timur⟧ dijadwalkan", "Kantor Wilayah | - | Nusa Tenggara Timur | -"),
                .match("⟦Kanwil Ditjenpas Kalteng⟧ menggelar", "Kantor Wilayah | - | Kalteng | -"),
                .match("⟦Kantor Wilayah Kementerian Hukum DIY⟧,", "Kantor Wilayah | - | DIY | -"),
                .match("⟦Kanwil Kemenkumham Provinsi Bengkulu⟧ menggelar", "Kantor Wilayah | - | Bengkulu | -"),
                .match("siaran pers ⟦Kanwil Kalsel⟧ menyebutkan", "Kantor Wilayah | - | Kalsel | -"),
                .match("Kepala ⟦Kantor Wilayah DJP Jakarta Pusat⟧, Dr.", "Kantor Wilayah | - | Jakarta Pusat | -"),
                .noMatch("Surat Perintah Kepala Kantor Wilayah Nomor: W.19-PAS.PK.01.01-2211"),
                .noMatch("bersama Kanwil Kemenkumham dan LPKA"),
                .noMatch("Kantor Wilayah Suka Maju"),
                .match("Kepala ⟦Kanwil Kemenkeu Jateng⟧, Budi, hadir.", "Kantor Wilayah | - | Jateng | -"),
                .match("di lingkungan ⟦Kanwil DJP Jawa Barat I⟧ tercatat", "Kantor Wilayah | - | Jawa Barat I | -"),
            ],
            produce: { m in value(m, conditions: ["region"]) }
        ),
        Rule(
            "office.imigrasi_place",
            "\"Imigrasi\" and a place naming the office: \"Imigrasi Sibolga\", \"Imigrasi Kelas I TPI Denpasar\"",
            pattern: [Element.lexicon("office-types").as("type"), officeClass.optional, tpi.optional, place],
            examples: [
                .match("Warga dapat menghubungi ⟦Imigrasi Sibolga⟧ melalui", "Kantor Imigrasi | - | Sibolga | -"),
                .match("yaitu ⟦Imigrasi Kelas I TPI Denpasar⟧, Imigrasi", "Kantor Imigrasi | I | Denpasar | tpi"),
                .match("⟦Imigrasi Ngurah Rai⟧ Tunda Keberangkatan 11 Calon Pekerja Migran", "Kantor Imigrasi | - | Ngurah Rai | -"),
                .match("Kepala Seksi Intelijen dan Penindakan Keimigrasian ⟦Imigrasi Batam⟧, Hendrik", "Kantor Imigrasi | - | Batam | -"),
                .noMatch("Direktorat Jenderal Imigrasi Silmy Karim"),
                .noMatch("Dirjen Imigrasi Silmy Karim hadir"),
                .noMatch("Politeknik Imigrasi Tangerang"),
                .noMatch("bersama jajaran Imigrasi Kalsel, dan"),
                .noMatch("Imigrasi Tambah Kantor Baru di Bali"),
                .noMatch("petugas Imigrasi Bandara Soekarno-Hatta"),
                .noMatch("Kementerian Imigrasi dan Pemasyarakatan"),
                .noMatch("Imigrasi Malaysia menahan dua warga"),
                .match("Layanan ⟦Imigrasi Yogyakarta⟧ dibuka hingga sore.", "Kantor Imigrasi | - | Yogyakarta | -"),
            ],
            produce: { m in value(m, conditions: ["guarded"]) }
        ),
    ]

    /// The value of a match whose family has one of `conditions` (nil: none), or nil when the condition
    /// rules it out before the place is settled: a `class` family without a class, a `guarded` word in
    /// lowercase or right after a word of `office-guards.txt`. (A `variant` is checked with its place.)
    private static func value(_ m: Match, conditions: Set<String?>) -> OfficeValue? {
        guard let entry = m["type"]?.entry, let type = entry.fields.first, let place = m["place"] else { return nil }
        let condition = entry.fields.count > 1 ? entry.fields[1] : nil
        guard conditions.contains(condition) else { return nil }
        var officeClass = m["class"]?.canonical ?? m["grade"]?.canonical
        if let base = officeClass, let suffix = m["qualifier"]?.canonical {
            let raised = base + " " + suffix
            if Catalog.officeClasses.contains(raised) { officeClass = raised }
        }
        if condition == "class" && officeClass == nil { return nil }
        if condition == "guarded" {
            let tokens = m.document.tokens
            let first = tokens[m.tokens.lowerBound]
            guard first.shape.contains(.initialUpper) else { return nil }
            if let before = OfficeExtractor.previousSignificant(tokens, before: m.tokens.lowerBound),
               m.lexicons["office-guards"].contains(word: tokens[before].norm) { return nil }
        }
        let tpi: Bool? = m.has("nontpi") ? false : m.has("tpi") ? true : nil
        return OfficeValue(type: type, condition: condition, officeClass: officeClass, tpi: tpi,
                           place: place.range, hasParent: m.has("parent"))
    }
}

extension OfficeValue {
    var summary: String {
        let tpiText = tpi.map { $0 ? "tpi" : "non-tpi" } ?? "-"
        return "\(type) | \(officeClass ?? "-") | \(location ?? "-") | \(tpiText)"
    }
}
