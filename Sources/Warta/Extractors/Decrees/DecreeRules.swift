/// Rules for citations of regulations, decrees, letters and court rulings: a type from `decree-types.txt`,
/// the issuer or label written after it, "Nomor" and the number as written, and "Tahun YYYY". The title
/// after "tentang" and types elided in coordinations are settled by `DecreeExtractor.settle`.
struct DecreeValue: Sendable {
    var type: String
    var issuer: String?
    var number: String
    var year: Int?
    var subject: String? = nil
    /// Only "Nomor N Tahun YYYY" was written, after "dan" or a comma: the type is the previous citation's.
    var elided = false
    /// Further numbers sharing this citation's type and year ("Nomor 347, 348 dan 349 Tahun 2024"):
    /// the token range of each.
    var coordinated: [Range<Int>] = []
    /// The tokens of the (first) number.
    var numberTokens: Range<Int> = 0..<0
}

enum DecreeRules {
    /// "Nomor", "No.", "Nomer", "bernomor", with an optional colon ("Nomor: B/792/...", "NOMOR : 06/...").
    static let nomor = Element.group(Element.word("nomor", "no", "nomer", "nmr", "bernomor"), Element.word(".").attachedToPrevious.optional,
                                     Element.word(":").optional)
    /// A word between a court's decision and its number: "Putusan dengan nomor ...", "Putusan tersebut bernomor ...".
    static let nomorLink = Element.word("dengan", "tersebut", "itu").optional
    /// The label of a prosecutor's register number between "Nomor" and the number: "No. Reg. Perkara: PDM-45/...".
    static let registerLabel = Element.group(
        Element.word("reg", "register", "registrasi"), Element.word(".").attachedToPrevious.optional,
        Element.word("perkara", "perk"), Element.word(".").attachedToPrevious.optional, Element.word(":").optional)
    static let separator = Element.word("/", "-", ".").attachedToPrevious
    static let numberPart = Element.check("number part") { $0.kind == .number || $0.kind == .word }.attachedToPrevious
    static let numberStart = Element.check("number start") {
        $0.kind == .number || ($0.kind == .word && ($0.shape.contains(.hasDigit) || $0.shape.contains(.allUpper)))
    }
    /// The seat of a court after its code, written apart: the "Tpg" of "287/Pid.Sus/2024/PN Tpg".
    static let courtSeat = Element.check("court seat") {
        $0.kind == .word && $0.shape.contains(.initialUpper) && ($0.text.count <= 4 || ($0.text.contains(".") && $0.text.count <= 10))
    }
    /// A part of a court's case code, with "-" or "." inside it: "Pid.Sus", "Pdt.Sus-PHI", "PUU-XXI".
    static let codePart = Element.group(
        Element.check("code word") { $0.kind == .word || $0.kind == .number },
        Element.group(Element.word("-", ".").attachedToPrevious, Element.check("code word") { $0.kind == .word || $0.kind == .number }
            .attachedToPrevious).repeated(0...4))
    /// A number after digits, without "Nomor" before it: "6/2011", "90/PUU-XXI/2023" (it must end in a year).
    static let slashNumber = Element.group(
        Element.digits(1...5), Element.group(separator, numberPart).attachedToPrevious.repeated(1...12)
    ).as("number")
    /// "Tahun" (or "Thn."/"Th.") before the year of the act.
    static let tahunWord = Element.group(Element.word("tahun", "thn", "th"), Element.word(".").attachedToPrevious.optional)
    static let tahun = Element.group(tahunWord, Element.year.as("year"))
    /// Numbers coordinated before a shared year: the ", 348 dan 349" of "Nomor 347, 348 dan 349 Tahun 2024".
    static let moreNumbers = Element.group(Element.word(",", "dan", "serta"), Element.word("dan", "serta").optional, Element.digits(1...5))
        .repeated(1...6).as("more")
    /// A year, with any coordinated numbers before it.
    static let sharedYear = Element.group(moreNumbers.optional, tahunWord, Element.year.as("year"))

    /// Words that open the number or the title, never part of an issuer.
    private static let slotWords: Set<String> = ["nomor", "no", "nomer", "nmr", "tahun", "tentang", "pasal", "tanggal"]

    /// The codes of `number-codes.txt` by kind, as the number tests read them (folded).
    struct NumberCodes: Sendable {
        var registers: Set<String> = []
        var courts: Set<String> = []
        var police: Set<String> = []

        init(_ lexicon: Lexicon) {
            for entry in lexicon.entries {
                let code = Token.fold(entry.text)
                switch entry.fields[0] {
                case "register": registers.insert(code)
                case "court": courts.insert(code)
                default: police.insert(code)
                }
            }
        }

        /// "3021k": a case number with its Supreme Court register glued on; the digits' length, or nil.
        func gluedRegister(_ norm: String) -> Int? {
            let digits = norm.utf8.prefix { $0 >= 0x30 && $0 <= 0x39 }.count
            guard (1...6).contains(digits), registers.contains(String(norm.dropFirst(digits))) else { return nil }
            return digits
        }

        /// Whether a number part opens with a court code: "PN", "PTUN.SMG", "PN.Jkt.Pst".
        func opensWithCourt(_ part: Substring) -> Bool {
            let head = part.split(separator: ".", maxSplits: 1).first.map { Token.fold(String($0)) } ?? ""
            return courts.contains(head)
        }
    }

    /// A number as written, one unit without spaces: "6", "B/792/M.KT.01/2024", "SE-12/MK.1/2024",
    /// "W10.IMI.IMI.1-GR.04.02-1234", "Kep/1234/XII/2023" (a plain word opens a number only when parts
    /// follow). Numbers that real text writes with spaces inside are `courtNumber` and `policeNumber`.
    static let number = Element.either(
        Element.group(numberStart, Element.group(separator, numberPart).attachedToPrevious.repeated(0...12)),
        Element.group(Element.anyWord, Element.group(separator, numberPart).attachedToPrevious.repeated(1...12))
    ).as("number")

    /// A court's case number with spaces inside: a Supreme Court case with its register ("3021 K/Pid.Sus/2019")
    /// or a case number with the court's code and seat ("287/Pid.Sus/2024/PN Tpg", "45/PDT/2023/PT DKI").
    /// Registers and courts are `number-codes.txt`.
    static func courtNumber(_ codes: NumberCodes) -> Element {
        let court = Element.check("court code") { $0.kind == .word && codes.courts.contains($0.norm) }
        return Element.either(
            supremeCourtNumber(codes),
            Element.group(numberStart, Element.group(separator, numberPart).attachedToPrevious.repeated(0...10),
                          Element.word("/").attachedToPrevious, court.attachedToPrevious.as("court"), courtSeat.as("seat"))
        ).as("number")
    }

    /// A Supreme Court case number: the case's digits, its register (apart or glued on), its code, the year;
    /// real text puts spaces around the register and the slashes ("3021 K/Pid.Sus/2019", "418 K/Pdt /2017").
    static func supremeCourtNumber(_ codes: NumberCodes) -> Element {
        let register = Element.check("court register") { $0.kind == .word && codes.registers.contains($0.norm) }
        let glued = Element.check("case number with its register") { $0.kind == .word && codes.gluedRegister($0.norm) != nil }
        let slash = Element.word("/")
        return Element.group(Element.either(Element.group(Element.digits(1...6), register.as("register")), glued.as("register")),
                             Element.group(slash, codePart).repeated(0...3), slash, Element.year)
    }

    /// A police number whose last part is a unit and its region in words: "LP/B/123/X/2025/SPKT/Polda Metro Jaya"
    /// (the regions of several units written one after the other, "/Polres Bogor/Polda Jawa Barat").
    static func policeNumber(opening: Element, _ codes: NumberCodes, regionStops: Set<String>) -> Element {
        let unit = Element.check("police unit") { $0.kind == .word && codes.police.contains($0.norm) }
        let regionWord = Element.check("region word") {
            $0.kind == .word && $0.shape.contains(.initialUpper) && !regionStops.contains($0.norm)
        }
        // A report taken by a resort may name its region's unit too: ".../POLRES METRO JAKARTA SELATAN/POLDA METRO JAYA".
        return Element.group(opening, Element.group(separator, numberPart).attachedToPrevious.repeated(1...10),
                             Element.group(Element.word("/").attachedToPrevious, unit.attachedToPrevious.as("unit"), regionWord.repeated(1...4))
                                .repeated(1...3))
    }

    /// Every rule. An issuer never contains another citation ("Peraturan Pemerintah dan Peraturan Presiden
    /// Nomor 5" cites the Perpres only); a police unit's region ends before a day, a month or a slot word.
    /// With `namedActs`, acts named without their number ("UU Tipikor") are decrees too (`named-acts.txt`).
    static func all(lexicons: Lexicons, namedActs: Bool = false) -> [Rule<DecreeValue>] {
        let typeOpeners = lexicons["decree-types"].firstWords
        let codes = NumberCodes(lexicons["number-codes"])
        let regionStops = slotWords.union(lexicons["days"].firstWords).union(lexicons["months"].firstWords)
        let courtCase = courtNumber(codes)
        let policeReport = policeNumber(opening: numberStart, codes, regionStops: regionStops).as("number")
        let nameWord = Element.check("issuer word") {
            $0.kind == .word && $0.shape.contains(.initialUpper) && !slotWords.contains($0.norm) && !typeOpeners.contains($0.norm)
        }
        let abbreviation = Element.check("abbreviation word") { $0.kind == .word && $0.shape.contains(.initialUpper) }
        /// The issuer or label between the type and the number: "Menteri Hukum dan HAM RI", "MENPAN-RB",
        /// "Plt. Kepala BKN", "Pendidikan, Kebudayaan, Riset, dan Teknologi (Permendikbudristek)", "(PP) TUNAS",
        /// "Pengadilan Tipikor pada PN Jakarta Pusat".
        let issuer = Element.either(
            Element.lexicon("decree-issuers"),
            nameWord,
            Element.word("dan", "&", ",", "pada"),
            Element.group(Element.word("-", "/").attachedToPrevious, nameWord.attachedToPrevious),
            Element.word(".").attachedToPrevious,
            Element.group(Element.word("("), abbreviation.repeated(1...4), Element.word(")"))
        ).repeated(0...16).as("issuer")
        /// A number that names what it numbers ("LP/B/123/X/2025/SPKT/Polda Metro Jaya", "Sp.Sidik/45/X/2025/Reskrim").
        let prefix = Element.lexicon("number-prefixes").as("prefix")
        let prefixedNumber = Element.either(
            policeNumber(opening: prefix, codes, regionStops: regionStops),
            Element.group(prefix, Element.group(separator, numberPart).attachedToPrevious.repeated(2...12))
        ).as("number")

        return [
            Rule(
                "decree.type_number",
                "A type, its issuer or label, \"Nomor\" and the number as written, and an optional \"Tahun\" year",
                pattern: [Element.lexicon("decree-types").as("type"), issuer, nomor, registerLabel.optional, number, sharedYear.optional],
                examples: [
                    .match("sesuai dengan ⟦Surat Keputusan MENPAN-RB Nomor: B/792/M.KT.01/2024⟧.",
                           "Surat Keputusan | MENPAN-RB | B/792/M.KT.01/2024 | 2024"),
                    .match("diatur dalam ⟦Permenkumham Nomor 6 Tahun 2019⟧.", "Peraturan Menteri | Menteri Hukum dan HAM | 6 | 2019"),
                    .match("⟦Undang-Undang Nomor 6 Tahun 2011⟧ tentang Keimigrasian.", "Undang-Undang | - | 6 | 2011 | Keimigrasian"),
                    .match("melanggar Pasal 75 ayat (1) ⟦UU No. 6/2011⟧ berupa", "Undang-Undang | - | 6 | 2011"),
                    .match("serta ⟦Perppu Nomor 2 Tahun 2022⟧ tentang Cipta Kerja yang telah ditetapkan",
                           "Peraturan Pemerintah Pengganti Undang-Undang | - | 2 | 2022 | Cipta Kerja"),
                    .match("⟦Peraturan Pemerintah (PP) Nomor 94 Tahun 2021⟧ tentang Disiplin Pegawai Negeri Sipil, para ASN",
                           "Peraturan Pemerintah | - | 94 | 2021 | Disiplin Pegawai Negeri Sipil"),
                    .match("implementasi ⟦Peraturan Pemerintah (PP) TUNAS Nomor 17 Tahun 2025⟧, yaitu", "Peraturan Pemerintah | - | 17 | 2025"),
                    .match("sesuai ⟦Keppres No. 17 Tahun 2023⟧.", "Keputusan Presiden | - | 17 | 2023"),
                    .match("melanggar ⟦UU No 6 Thn. 2011⟧ tentang Keimigrasian.", "Undang-Undang | - | 6 | 2011 | Keimigrasian"),
                    .match("⟦Inpres Nomor 1 Tahun 2025⟧ mengatur efisiensi.", "Instruksi Presiden | - | 1 | 2025"),
                    .match("menyikapi ⟦Instruksi Presiden (Inpres) Nomor 1 Tahun 2025⟧ tentang Efisiensi Belanja dalam Pelaksanaan APBN dan APBD Tahun Anggaran 2025.",
                           "Instruksi Presiden | - | 1 | 2025 | Efisiensi Belanja dalam Pelaksanaan APBN dan APBD Tahun Anggaran 2025"),
                    .match("sesuai ⟦PMK Nomor 124 Tahun 2024⟧.", "Peraturan Menteri | Menteri Keuangan | 124 | 2024"),
                    .match("⟦Peraturan Menteri Hukum dan HAM Nomor 22 Tahun 2023⟧ tentang Visa dan Izin Tinggal menambah",
                           "Peraturan Menteri | Menteri Hukum dan HAM | 22 | 2023 | Visa dan Izin Tinggal"),
                    .match("dikenai sanksi sesuai ⟦Permenpan-RB Nomor 6 Tahun 2024⟧ Pasal 58", "Peraturan Menteri | Menteri PANRB | 6 | 2024"),
                    .match("dalam ⟦Peraturan Menteri Pendidikan, Kebudayaan, Riset, dan Teknologi (Permendikbudristek) Nomor 48 Tahun 2022⟧ dan",
                           "Peraturan Menteri | Menteri Pendidikan, Kebudayaan, Riset, dan Teknologi | 48 | 2022"),
                    .match("melalui ⟦Kepmen ESDM Nomor 76 Tahun 2024⟧.", "Keputusan Menteri | Menteri ESDM | 76 | 2024"),
                    .match("sesuai ⟦Keputusan Menteri Pertahanan Nomor KEP/1467/M/X/2025⟧.",
                           "Keputusan Menteri | Menteri Pertahanan | KEP/1467/M/X/2025 | 2025"),
                    .match("serta ⟦Keputusan Kapolri Nomor Kep/1234/XII/2023⟧ dan", "Keputusan Lembaga | Kapolri | Kep/1234/XII/2023 | 2023"),
                    .match("didasarkan pada ⟦Instruksi Menteri Imigrasi dan Pemasyarakatan Nomor 3 Tahun 2025⟧, serta",
                           "Instruksi Menteri | Menteri Imigrasi dan Pemasyarakatan | 3 | 2025"),
                    .match("sesuai dengan ⟦Peraturan BKN Nomor 3 Tahun 2020⟧.", "Peraturan Lembaga | BKN | 3 | 2020"),
                    .match("mengacu pada ⟦Peraturan Mahkamah Agung Nomor 1 Tahun 2015⟧ tentang Pelayanan Terpadu Sidang Keliling.",
                           "Peraturan Lembaga | Mahkamah Agung | 1 | 2015 | Pelayanan Terpadu Sidang Keliling"),
                    .match("sesuai ⟦Keputusan Kepala BKN Nomor 347 Tahun 2024⟧.", "Keputusan Lembaga | Kepala BKN | 347 | 2024"),
                    .match("Berdasarkan ⟦Keputusan Sekjen Kemhan Nomor: 1099/VII/2025⟧ tentang Pembentukan Dukungan,",
                           "Keputusan Lembaga | Sekjen Kemhan | 1099/VII/2025 | 2025 | Pembentukan Dukungan"),
                    .match("merujuk pada ⟦Peraturan Daerah Kota Bekasi Nomor 5 Tahun 2023⟧ tentang Penyelenggaraan Keolahragaan.",
                           "Peraturan Daerah | Kota Bekasi | 5 | 2023 | Penyelenggaraan Keolahragaan"),
                    .match("sesuai ⟦Perda Nomor 3 Tahun 2022⟧.", "Peraturan Daerah | - | 3 | 2022"),
                    .match("memberlakukan ⟦Pergub Jawa Timur Nomor 38 Tahun 2024⟧ mulai", "Peraturan Gubernur | Gubernur Jawa Timur | 38 | 2024"),
                    .match("menandatangani ⟦Perbup Bintan Nomor 14 Tahun 2024⟧ di", "Peraturan Bupati | Bupati Bintan | 14 | 2024"),
                    .match("didukung ⟦Peraturan Wali Kota Malang Nomor 21 Tahun 2025⟧.", "Peraturan Wali Kota | Wali Kota Malang | 21 | 2025"),
                    .match("didukung ⟦Perwal Nomor 21 Tahun 2025⟧.", "Peraturan Wali Kota | - | 21 | 2025"),
                    .match("menerbitkan ⟦Surat Edaran Nomor SE-12/MK.1/2024⟧ tentang Pedoman Kerja, yang", "Surat Edaran | - | SE-12/MK.1/2024 | 2024 | Pedoman Kerja"),
                    .match("tindak lanjut ⟦Surat Edaran Direktur Jenderal Imigrasi Nomor IMI-GR.01.01-0017 Tahun 2025⟧.",
                           "Surat Edaran | Direktur Jenderal Imigrasi | IMI-GR.01.01-0017 | 2025"),
                    .match("berdasarkan ⟦Surat Perintah Nomor W10.IMI.IMI.1-GR.04.02-1234⟧ tertanggal 3 Mei 2024",
                           "Surat Perintah | - | W10.IMI.IMI.1-GR.04.02-1234 | -"),
                    .match("menyesuaikan dengan ⟦Putusan MK Nomor 90/PUU-XXI/2023⟧.", "Putusan | Mahkamah Konstitusi | 90/PUU-XXI/2023 | 2023"),
                    .match("menurut ⟦Putusan Mahkamah Konstitusi Nomor 1/PHPU.PRES-XXII/2024⟧, permohonan",
                           "Putusan | Mahkamah Konstitusi | 1/PHPU.PRES-XXII/2024 | 2024"),
                    .match("sebagaimana ⟦putusan perkara nomor 62/PUU-XXII/2024⟧ yang", "Putusan | - | 62/PUU-XXII/2024 | 2024"),
                    .match("gugatan ditolak lewat ⟦Putusan Nomor 78/G/2024/PTUN.SMG⟧ pada", "Putusan | - | 78/G/2024/PTUN.SMG | -"),
                    .match("⟦Penetapan Pengadilan Negeri Surabaya Nomor 12/Pdt.P/2025/PN.Sby⟧ mengabulkan",
                           "Penetapan | Pengadilan Negeri Surabaya | 12/PDT.P/2025/PN.SBY | -"),
                    .match("penyidik menerbitkan ⟦Surat Perintah Penyidikan Nomor PRIN-512/M.5.10/Fd.1/08/2025⟧ tertanggal 4 Agustus 2025",
                           "Surat Perintah Penyidikan | - | PRIN-512/M.5.10/Fd.1/08/2025 | 2025"),
                    .match("berdasarkan ⟦Sprindik KPK Nomor Sprin.Dik/45/DIK.00/01/05/2025⟧,", "Surat Perintah Penyidikan | KPK | Sprin.Dik/45/DIK.00/01/05/2025 | 2025"),
                    .match("sesuai ⟦Surat Penetapan Tersangka Nomor: TAP-07/O.1.14/Fd.1/10/2025⟧.",
                           "Surat Penetapan Tersangka | - | TAP-07/O.1.14/Fd.1/10/2025 | 2025"),
                    .match("jaksa telah menerima ⟦SPDP Nomor B/1120/IX/2025/Ditreskrimsus⟧ dari penyidik",
                           "Surat Pemberitahuan Dimulainya Penyidikan | - | B/1120/IX/2025/Ditreskrimsus | 2025"),
                    .match("melalui ⟦Surat Perintah Dimulainya Penyidikan Nomor B/77/X/2025/Reskrim⟧ itu",
                           "Surat Pemberitahuan Dimulainya Penyidikan | - | B/77/X/2025/Reskrim | 2025"),
                    .match("dengan ⟦Surat Dakwaan No. Reg. Perkara: PDM-45/JKT.SEL/Eku.2/05/2025⟧, jaksa",
                           "Surat Dakwaan | - | PDM-45/JKT.SEL/Eku.2/05/2025 | 2025"),
                    .match("membacakan ⟦Surat Tuntutan Nomor Reg. Perk. PDM-12/Bgr/Enz.2/03/2025⟧ di depan majelis",
                           "Surat Tuntutan | - | PDM-12/Bgr/Enz.2/03/2025 | 2025"),
                    .match("dan ⟦Surat Perintah Penahanan Nomor Sp.Han/31/X/2025/Reskrim⟧ diterbitkan",
                           "Surat Perintah Penahanan | - | Sp.Han/31/X/2025/Reskrim | 2025"),
                    .match("melalui ⟦Surat Plt. Kepala BKN Nomor 55/B-KS.04.01/SD/K/2025⟧ tanggal 6 Januari 2025",
                           "Surat | Plt. Kepala BKN | 55/B-KS.04.01/SD/K/2025 | 2025"),
                    .match("Menindaklanjuti ⟦surat Menteri Kebudayaan Republik Indonesia nomor 8417/MK.L/TU.02.03/2025⟧ tanggal",
                           "Surat | Menteri Kebudayaan Republik Indonesia | 8417/MK.L/TU.02.03/2025 | 2025"),
                    .match("sesuai ⟦UNDANG-UNDANG NOMOR 6 TAHUN 2011⟧ TENTANG KEIMIGRASIAN", "Undang-Undang | - | 6 | 2011 | KEIMIGRASIAN"),
                    .match("menaati Peraturan Pemerintah dan ⟦Peraturan Presiden Nomor 5 Tahun 2020⟧.", "Peraturan Presiden | - | 5 | 2020"),
                    .noMatch("Pemohon mengambil nomor urut 15 dan nomor antrean A-021 di loket."),
                    .noMatch("Hubungi Kantor Imigrasi di nomor 0812-3300-4455 atau Jl. Sudirman No. 12."),
                    .noMatch("Paspor bernomor E 1234567 milik WNA tersebut, NIK 3173021204850001, ditahan."),
                    .noMatch("melanggar Pasal 5 ayat 2 dan UU Keimigrasian"),
                    .noMatch("Kendaraan berasal dari perkara nomor 512/Pid.Sus/2024/PN Tng yang"),
                    .noMatch("jaksa menyusun surat dakwaan untuk perkara nomor PDM-45/JKT.SEL/Eku.2/05/2025 itu"),
                    .noMatch("KPU menggelar penetapan nomor urut 3 pasangan calon"),
                    .noMatch("Surat Keterangan Catatan Kepolisian Nomor SKCK/123/2024 milik pemohon"),
                    .noMatch("Peraturan Pelaksanaan Nomor 5 Tahun 2020"),
                    .noMatch("Siaran Pers No. 212/HM-KKD/11/2025"),
                    .noMatch("Biaya Rp500.000 disetor ke rekening nomor 1234-01-000567-30-1 sesuai PMK terbaru."),
                    .noMatch("Lapas ini menjadi nomor 1 di Indonesia; Perpres Etika AI dan Permenkumham baru segera terbit."),
                    .noMatch("Tahanan dengan nomor registrasi B.I/123/2024 dan NIP 198501012010011001."),
                ],
                produce: { m in cite(m, codes: codes) }
            ),
            Rule(
                "decree.court_case",
                "A type, the court or label, \"Nomor\" and a court's case number written with spaces: a Supreme Court register (\"3021 K/Pid.Sus/2019\") or a court and its seat (\"45/PDT/2023/PT DKI\"), in canonical form",
                pattern: [Element.lexicon("decree-types").as("type"), issuer, nomorLink, nomor, courtCase],
                examples: [
                    .match("⟦Putusan Nomor 3021 K/PID.SUS/2019⟧ menguatkan", "Putusan | - | 3021 K/PID.SUS/2019 | 2019"),
                    .match("⟦Putusan Nomor 3021 K/Pid.Sus/2019⟧ menguatkan", "Putusan | - | 3021 K/PID.SUS/2019 | 2019"),
                    .match("⟦Putusan Nomor 3021K/Pid.Sus /2019⟧ menguatkan", "Putusan | - | 3021 K/PID.SUS/2019 | 2019"),
                    .match("berdasarkan ⟦Putusan Mahkamah Agung Republik Indonesia Nomor 418 K/Pdt /2017⟧ tertanggal 12 Mei 2017",
                           "Putusan | Mahkamah Agung Republik Indonesia | 418 K/PDT/2017 | 2017"),
                    .match("mengajukan PK atas ⟦Putusan MA Nomor 233 PK/Pdt/2020⟧ itu", "Putusan | Mahkamah Agung | 233 PK/PDT/2020 | 2020"),
                    .match("sesuai ⟦putusan kasasi Nomor 1205 K/Pdt.Sus-PHI/2023⟧.", "Putusan | - | 1205 K/PDT.SUS-PHI/2023 | 2023"),
                    .match("sejak ⟦Putusan Nomor 45 P/HUM/2019⟧ dibacakan", "Putusan | - | 45 P/HUM/2019 | 2019"),
                    .match("⟦Putusan Nomor 287/Pid.Sus/2024/PN Tpg⟧ tersebut dibacakan", "Putusan | - | 287/PID.SUS/2024/PN TPG | -"),
                    .match("⟦Putusan Pengadilan Tipikor pada PN Jakarta Pusat Nomor 45/Pid.Sus-TPK/2024/PN Jkt.Pst⟧ menyatakan",
                           "Putusan | Pengadilan Tipikor pada PN Jakarta Pusat | 45/PID.SUS-TPK/2024/PN JKT.PST | -"),
                    .match("dalam ⟦Putusan Pengadilan Negeri Jakarta Selatan Nomor 12/Pid.B/2024/PN Jkt.Sel⟧, terdakwa",
                           "Putusan | Pengadilan Negeri Jakarta Selatan | 12/PID.B/2024/PN JKT.SEL | -"),
                    .match("dikuatkan ⟦Putusan Pengadilan Tinggi DKI Jakarta Nomor 45/PDT/2023/PT DKI⟧ yang",
                           "Putusan | Pengadilan Tinggi DKI Jakarta | 45/PDT/2023/PT DKI | -"),
                    .match("⟦Putusan tersebut bernomor 3021K/Pid.Sus/2019⟧.", "Putusan | - | 3021 K/PID.SUS/2019 | 2019"),
                    .match("⟦putusan dengan nomor 12/Pid.B/2024/PN Jkt.Sel⟧ itu", "Putusan | - | 12/PID.B/2024/PN JKT.SEL | -"),
                    .noMatch("Kendaraan berasal dari perkara nomor 3021 K/Pid.Sus/2019 yang"),
                    .noMatch("Putusan Nomor 12 K dibacakan pada 2019"),
                    .noMatch("Terdakwa nomor 12 PN Tangerang hadir"),
                ],
                produce: { m in cite(m, codes: codes) }
            ),
            Rule(
                "decree.police_number",
                "A type, \"Nomor\" and a police number that ends in its unit and region in words: \"LP/B/123/X/2025/SPKT/Polda Metro Jaya\"",
                pattern: [Element.lexicon("decree-types").as("type"), issuer, nomor, policeReport],
                examples: [
                    .match("berdasarkan ⟦Laporan Polisi Nomor LP/B/123/X/2025/SPKT/Polda Metro Jaya⟧ tanggal 3 Oktober 2025",
                           "Laporan Polisi | - | LP/B/123/X/2025/SPKT/Polda Metro Jaya | 2025"),
                    .match("tercatat dalam ⟦laporan polisi nomor LP/A/45/III/2025/Reskrim/Polres Bogor⟧, Senin",
                           "Laporan Polisi | - | LP/A/45/III/2025/Reskrim/Polres Bogor | 2025"),
                    .match("⟦Laporan Polisi (LP) Nomor LP/B/5024/X/2025/SPKT/POLDA METRO JAYA⟧ itu", "Laporan Polisi | - | LP/B/5024/X/2025/SPKT/POLDA METRO JAYA | 2025"),
                    .match("berdasarkan ⟦Laporan Polisi Nomor: LP/B/617/II/2025/SPKT/POLRES METRO JAKARTA SELATAN/POLDA METRO JAYA⟧, tanggal",
                           "Laporan Polisi | - | LP/B/617/II/2025/SPKT/POLRES METRO JAKARTA SELATAN/POLDA METRO JAYA | 2025"),
                    .match("⟦Laporan Polisi bernomor LP/B/1234/XI/2024/SPKT/Bareskrim Polri⟧ dibuat", "Laporan Polisi | - | LP/B/1234/XI/2024/SPKT/Bareskrim Polri | 2024"),
                    .noMatch("Laporan Polisi Nomor LP/B/123/X/2025/SPKT Polda Metro Jaya"),
                    .noMatch("anggota Polda Metro Jaya nomor 12 hadir"),
                ],
                produce: { m in cite(m, codes: codes) }
            ),
            Rule(
                "decree.type_short",
                "A type and a number written \"N/YYYY\" or \"N Tahun YYYY\" without \"Nomor\": \"UU 6/2011\", \"PP 28/2025\"",
                pattern: [
                    Element.lexicon("decree-types").as("type"), issuer,
                    Element.either(supremeCourtNumber(codes).as("number"), Element.group(Element.digits(1...5).as("number"), tahun), slashNumber),
                ],
                examples: [
                    .match("diatur dalam ⟦UU 6/2011⟧ tentang Keimigrasian.", "Undang-Undang | - | 6 | 2011 | Keimigrasian"),
                    .match("ditetapkan lewat ⟦Perpres 158/2024⟧.", "Peraturan Presiden | - | 158 | 2024"),
                    .match("sesuai ⟦PP 28/2025⟧, pemerintah", "Peraturan Pemerintah | - | 28 | 2025"),
                    .match("di antaranya ⟦UU 30 Tahun 2014⟧;", "Undang-Undang | - | 30 | 2014"),
                    .match("mengikuti ⟦Peraturan Menteri PANRB 06/2024⟧ Pasal 59", "Peraturan Menteri | Menteri PANRB | 06 | 2024"),
                    .match("sesuai ⟦Putusan MK 90/PUU-XXI/2023⟧.", "Putusan | Mahkamah Konstitusi | 90/PUU-XXI/2023 | 2023"),
                    .match("lewat ⟦putusan kasasi 3021 K/Pid.Sus/2019⟧ itu", "Putusan | - | 3021 K/PID.SUS/2019 | 2019"),
                    .noMatch("Selama 2024, UU Cipta Kerja dan PP 2024 dibahas."),
                    .noMatch("Putusan 12/10/2024 itu"),
                    .noMatch("melalui Surat Kepala BKN 6610/B-KS.04.01/SD/K kepada instansi"),
                    .noMatch("UUD 1945 dan Undang-Undang Dasar Negara Republik Indonesia Tahun 1945"),
                ],
                produce: { m in cite(m, codes: codes, nomorWritten: false).flatMap { $0.year == nil ? nil : $0 } }
            ),
            Rule(
                "decree.elided_type",
                "\"Nomor N Tahun YYYY\" after \"dan\" or a comma that follows a citation, whose type it shares",
                pattern: [nomor, number, tahun.optional],
                examples: [
                    .match("KepmenPANRB Nomor 348 Tahun 2024 dan ⟦Nomor 349 Tahun 2024⟧ mengatur", "Keputusan Menteri | Menteri PANRB | 349 | 2024"),
                    .match("Undang-Undang Nomor 1 Tahun 2023, ⟦Nomor 2 Tahun 2024⟧ tentang Perubahan.", "Undang-Undang | - | 2 | 2024 | Perubahan"),
                    .noMatch("Nomor Induk Pegawai dan Nomor 5 Tahun 2020"),
                    .noMatch("KTP dan Nomor 12 Tahun 2020"),
                ],
                produce: { m in
                    // Only right after "dan"/"serta"/a comma; the type comes from the citation before it (settle).
                    var p = m.tokens.lowerBound - 1
                    while p >= 0, m.document.tokens[p].isSpace { p -= 1 }
                    guard p >= 0, ["dan", "serta", ","].contains(m.document.tokens[p].norm), var value = cite(m, codes: codes), value.year != nil
                    else { return nil }
                    value.elided = true
                    return value
                }
            ),
            Rule(
                "decree.prefixed_number",
                "A number whose first part names what it numbers, without the type written: \"nomor LP/B/123/X/2025/SPKT/Polda Metro Jaya\"",
                pattern: [prefixedNumber],
                examples: [
                    .match("Laporan itu teregister dengan nomor ⟦LP/B/5024/X/2025/SPKT/Polda Metro Jaya⟧, kata dia.",
                           "Laporan Polisi | - | LP/B/5024/X/2025/SPKT/Polda Metro Jaya | 2025"),
                    .match("penyidikan dimulai dengan ⟦Sp.Sidik/88/IX/2025/Ditreskrimsus⟧ pekan lalu",
                           "Surat Perintah Penyidikan | - | Sp.Sidik/88/IX/2025/Ditreskrimsus | 2025"),
                    .noMatch("Ia membuat LP di Polsek Menteng."),
                    .noMatch("Jalur LP/BP-2 dibuka."),
                ],
                produce: { m in cite(m, codes: codes).flatMap { $0.year == nil ? nil : $0 } }
            ),
            Rule(
                "decree.number_of_type",
                "\"Nomor\" then the type then the number: \"dengan nomor putusan 3021 K/Pid.Sus/2019\"",
                pattern: [Element.word("nomor", "no", "nomer"), Element.word(".").attachedToPrevious.optional,
                          Element.lexicon("decree-types").as("type"), Element.word(":").optional, Element.either(courtCase, number)],
                examples: [
                    .match("dengan ⟦nomor putusan 3021 K/Pid.Sus/2019⟧ tertanggal 12 Mei 2020", "Putusan | - | 3021 K/PID.SUS/2019 | 2019"),
                    .match("Ia menunjukkan ⟦nomor SK 800/1.3/412/2024⟧ kepada petugas.", "Surat Keputusan | - | 800/1.3/412/2024 | 2024"),
                    .noMatch("nomor Putusan itu belum diketahui"),
                    .noMatch("nomor surat 12/2024 tertera"),
                ],
                produce: { m in cite(m, codes: codes) }
            ),
        ] + (namedActs ? [namedAct] : [])
    }

    /// Acts named without their number ("UU Tipikor"), with the number and year of `named-acts.txt`; only with
    /// `Extractor.Options.namedActs` (the output contract lists only acts written with a number).
    static let namedAct = Rule<DecreeValue>(
        "decree.named_act",
        "An act named without its number (\"UU Tipikor\", \"UU ITE\"), with the number and year of named-acts.txt (option namedActs)",
        pattern: [Element.lexicon("named-acts").as("act")],
        examples: [
            .match("dijerat Pasal 2 ayat (1) ⟦UU Tipikor⟧.", "Undang-Undang | - | 31 | 1999"),
            .match("melanggar ⟦Undang-Undang ITE⟧ karena menyebarkan hoaks", "Undang-Undang | - | 11 | 2008"),
            .noMatch("dijerat Pasal 340 KUHP tentang pembunuhan berencana"),
            .noMatch("sesuai Pasal 33 UUD 1945"),
        ],
        produce: { m in
            guard let entry = m["act"]?.entry, entry.fields[1] != "-", let year = Int(entry.fields[2]) else { return nil }
            let tokens = m["act"]!.range
            return DecreeValue(type: entry.fields[0], issuer: nil, number: entry.fields[1], year: year, numberTokens: tokens)
        }
    )

    /// The value of a citation match: its type and issuer from the type's lexicon entry (or the number's
    /// prefix), its number as written (a court's case number in its canonical form), its year from "Tahun",
    /// from the number's last "/" part, or from the part before the unit that ends a letter or report number.
    static func cite(_ m: Match, codes: NumberCodes, nomorWritten: Bool = true) -> DecreeValue? {
        guard let number = m["number"] else { return nil }
        var numberText = Casing.joined(number.tokens)
        // Scraped text glues the next word to the number ("W28-PK.05.04-5330tanggal 8 November"): not part of it.
        for word in ["tanggal", "tentang", "tahun"] where numberText.hasSuffix(word) {
            let head = numberText.dropLast(word.count)
            if head.last?.isNumber == true { numberText = String(head) }
        }
        guard numberText.contains(where: \.isNumber) else { return nil }
        let register = m["register"]?.range, seat = m["seat"]?.range
        if register != nil || seat != nil {
            numberText = canonicalCourtNumber(m.document.tokens[number.range], register: register, seat: seat, codes: codes)
        }
        let parts = numberText.split(separator: "/", omittingEmptySubsequences: false)
        // A case number that ends in its court ("78/G/2024/PTUN.SMG") is a court number written as one unit.
        let courtCase = register != nil || seat != nil || (parts.count >= 3 && codes.opensWithCourt(parts[parts.count - 1]))
        if courtCase { numberText = numberText.uppercased() }
        func isYear(_ part: Substring) -> Bool { part.count == 4 && Int(part).map { (1900...2100).contains($0) } == true }
        var year = m["year"]?.int
        if let last = parts.last, parts.count > 1, isYear(last) {
            // Without "Nomor", three or more bare numbers ("12/10/2024") are a date, not a citation.
            if !nomorWritten, parts.count > 2, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }) { return nil }
            year = year ?? Int(last)
            // "UU No. 6/2011" is act 6 of 2011.
            if parts.count == 2, parts[0].allSatisfy(\.isNumber) { numberText = String(parts[0]) }
        } else if !courtCase, parts.count > 2, let k = parts.lastIndex(where: isYear),
                  parts[(k + 1)...].allSatisfy({ !$0.contains(where: \.isNumber) }) {
            // A letter or report number ending in its unit: "Sp.Sidik/88/IX/2025/Ditreskrimsus",
            // "LP/B/123/X/2025/SPKT/Polda Metro Jaya". A court case's year is only a last part (the gold
            // guidelines: "…/2024/PN Tpg" is registered in 2024, not necessarily decided then).
            year = year ?? Int(parts[k])
        }
        var value = DecreeValue(type: "", issuer: nil, number: numberText, year: year, numberTokens: number.range)
        if let more = m["more"] {
            value.coordinated = more.range.filter { m.document.tokens[$0].isNumber }.map { $0..<($0 + 1) }
        }
        if let prefix = m["prefix"]?.entry {
            value.type = prefix.fields[0]
            return value
        }
        guard let type = m["type"] else { return value }  // elided: typed later
        guard let entry = type.entry else { return nil }
        value.type = entry.fields[0]
        let written = m["issuer"].flatMap { issuerText(m.document.tokens[$0.range]) }
        switch entry.fields.count > 1 ? entry.fields[1] : nil {
        case nil:
            value.issuer = nil
        case "…":
            value.issuer = written
        case "*":
            guard let issuer = m["issuer"], opensIssuer(issuer.range, m), let written else { return nil }
            value.issuer = written
        case let head? where head.hasSuffix(" …"):
            // The head as written when the form spells it out ("PERATURAN MENTERI HUKUM ..." keeps its case).
            var head = String(head.dropLast(2))
            let form = Casing.joined(type.tokens)
            if form.lowercased().hasSuffix(" " + head.lowercased()) { head = String(form.suffix(head.count)) }
            value.issuer = written.map { head + " " + $0 }
        case let fixed?:
            value.issuer = fixed
        }
        return value
    }

    /// A court's case number in one form: the significant characters as written, upper case, with no space
    /// except one between the case's digits and its Supreme Court register ("3021 K/PID.SUS/2019" for
    /// "3021K/Pid.Sus /2019") and one between the court's code and its seat ("287/PID.SUS/2024/PN TPG").
    static func canonicalCourtNumber(_ tokens: ArraySlice<Token>, register: Range<Int>?, seat: Range<Int>?, codes: NumberCodes) -> String {
        var out = ""
        for i in tokens.indices where !tokens[i].isSpace {
            let text = tokens[i].text
            if i == register?.lowerBound {
                if let digits = codes.gluedRegister(tokens[i].norm) {
                    out += text.prefix(digits) + " " + text.dropFirst(digits)
                    continue
                }
                out += " "
            }
            if i == seat?.lowerBound { out += " " }
            out += text
        }
        return out.uppercased()
    }

    /// Whether the words at `range` open an issuing body: an entry of `decree-issuers`, an acronym
    /// ("BKN", "MENPAN-RB") or a "Kemen-" ministry ("Kemenpora").
    private static func opensIssuer(_ range: Range<Int>, _ m: Match) -> Bool {
        let tokens = m.document.tokens
        guard let first = range.first(where: { !tokens[$0].isSpace }) else { return false }
        let token = tokens[first]
        if m.lexicons["decree-issuers"].longestMatch(in: tokens, at: first) != nil { return true }
        if token.shape.contains(.allUpper), token.text.count >= 2 { return true }
        return token.norm.hasPrefix("kemen") && token.norm.count > 5
    }

    /// The issuer as written, whitespace collapsed, without parenthesized abbreviations ("(PANRB)") and
    /// without a trailing "dan" or comma; nil when nothing is left.
    static func issuerText(_ tokens: ArraySlice<Token>) -> String? {
        var kept: [Token] = []
        var depth = 0
        for token in tokens {
            if token.norm == "(" { depth += 1; continue }
            if token.norm == ")" { depth = max(0, depth - 1); continue }
            if depth == 0 { kept.append(token) }
        }
        while let last = kept.last, last.isSpace || ["dan", ",", "&"].contains(last.norm) { kept.removeLast() }
        let text = Casing.joined(kept[...])
        return text.isEmpty ? nil : text
    }
}

extension DecreeValue {
    var summary: String {
        "\(type) | \(issuer ?? "-") | \(number) | \(year.map(String.init) ?? "-")" + (subject.map { " | " + $0 } ?? "")
    }
}
