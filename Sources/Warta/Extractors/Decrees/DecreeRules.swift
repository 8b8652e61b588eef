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
    /// "Nomor", "No.", "Nomer", with an optional colon ("Nomor: B/792/...", "NOMOR : 06/...").
    static let nomor = Element.group(Element.word("nomor", "no", "nomer", "nmr"), Element.word(".").attachedToPrevious.optional,
                                     Element.word(":").optional)
    static let separator = Element.word("/", "-", ".").attachedToPrevious
    static let numberPart = Element.check("number part") { $0.kind == .number || $0.kind == .word }.attachedToPrevious
    static let numberStart = Element.check("number start") {
        $0.kind == .number || ($0.kind == .word && ($0.shape.contains(.hasDigit) || $0.shape.contains(.allUpper)))
    }
    /// The seat of a court after its code, written apart: the "Tpg" of "287/Pid.Sus/2024/PN Tpg".
    static let courtSeat = Element.check("court seat") {
        $0.kind == .word && $0.shape.contains(.initialUpper) && ($0.text.count <= 4 || ($0.text.contains(".") && $0.text.count <= 10))
    }
    /// A number as written, one unit without spaces: "6", "B/792/M.KT.01/2024", "SE-12/MK.1/2024",
    /// "W10.IMI.IMI.1-GR.04.02-1234", "Kep/1234/XII/2023" (a plain word opens a number only when parts
    /// follow); or a court case number with the court's seat: "287/Pid.Sus/2024/PN Tpg". Court codes
    /// (district, high, religious, administrative, military courts) are a closed set.
    static let number = Element.either(
        Element.group(numberStart, Element.group(separator, numberPart).attachedToPrevious.repeated(0...10),
                      Element.word("/").attachedToPrevious,
                      Element.exact("PN", "PT", "PA", "PTA", "PTUN", "PTTUN", "PM", "PMT").attachedToPrevious, courtSeat),
        Element.group(numberStart, Element.group(separator, numberPart).attachedToPrevious.repeated(0...12)),
        Element.group(Element.anyWord, Element.group(separator, numberPart).attachedToPrevious.repeated(1...12))
    ).as("number")
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

    /// Every rule, given the words that open an act type: an issuer never contains another citation
    /// ("Peraturan Pemerintah dan Peraturan Presiden Nomor 5" cites the Perpres only).
    static func all(typeOpeners: Set<String>) -> [Rule<DecreeValue>] {
        let nameWord = Element.check("issuer word") {
            $0.kind == .word && $0.shape.contains(.initialUpper) && !slotWords.contains($0.norm) && !typeOpeners.contains($0.norm)
        }
        let abbreviation = Element.check("abbreviation word") { $0.kind == .word && $0.shape.contains(.initialUpper) }
        /// The issuer or label between the type and the number: "Menteri Hukum dan HAM RI", "MENPAN-RB",
        /// "Plt. Kepala BKN", "Pendidikan, Kebudayaan, Riset, dan Teknologi (Permendikbudristek)", "(PP) TUNAS".
        let issuer = Element.either(
            Element.lexicon("decree-issuers"),
            nameWord,
            Element.word("dan", "&", ","),
            Element.group(Element.word("-", "/").attachedToPrevious, nameWord.attachedToPrevious),
            Element.word(".").attachedToPrevious,
            Element.group(Element.word("("), abbreviation.repeated(1...4), Element.word(")"))
        ).repeated(0...16).as("issuer")

        return [
            Rule(
                "decree.type_number",
                "A type, its issuer or label, \"Nomor\" and the number as written, and an optional \"Tahun\" year",
                pattern: [Element.lexicon("decree-types").as("type"), issuer, nomor, number, sharedYear.optional],
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
                    .match("menyesuaikan dengan ⟦Putusan MK Nomor 90/PUU-XXI/2023⟧.", "Putusan | MK | 90/PUU-XXI/2023 | 2023"),
                    .match("⟦Putusan Nomor 287/Pid.Sus/2024/PN Tpg⟧ tersebut dibacakan", "Putusan | - | 287/Pid.Sus/2024/PN Tpg | -"),
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
                    .noMatch("Surat Keterangan Catatan Kepolisian Nomor SKCK/123/2024 milik pemohon"),
                    .noMatch("Peraturan Pelaksanaan Nomor 5 Tahun 2020"),
                    .noMatch("Siaran Pers No. 212/HM-KKD/11/2025"),
                    .noMatch("Biaya Rp500.000 disetor ke rekening nomor 1234-01-000567-30-1 sesuai PMK terbaru."),
                    .noMatch("Lapas ini menjadi nomor 1 di Indonesia; Perpres Etika AI dan Permenkumham baru segera terbit."),
                    .noMatch("Tahanan dengan nomor registrasi B.I/123/2024 dan NIP 198501012010011001."),
                ],
                produce: { m in cite(m) }
            ),
            Rule(
                "decree.type_short",
                "A type and a number written \"N/YYYY\" or \"N Tahun YYYY\" without \"Nomor\": \"UU 6/2011\", \"PP 28/2025\"",
                pattern: [
                    Element.lexicon("decree-types").as("type"), issuer,
                    Element.either(Element.group(Element.digits(1...5).as("number"), tahun), slashNumber),
                ],
                examples: [
                    .match("diatur dalam ⟦UU 6/2011⟧ tentang Keimigrasian.", "Undang-Undang | - | 6 | 2011 | Keimigrasian"),
                    .match("ditetapkan lewat ⟦Perpres 158/2024⟧.", "Peraturan Presiden | - | 158 | 2024"),
                    .match("sesuai ⟦PP 28/2025⟧, pemerintah", "Peraturan Pemerintah | - | 28 | 2025"),
                    .match("di antaranya ⟦UU 30 Tahun 2014⟧;", "Undang-Undang | - | 30 | 2014"),
                    .match("mengikuti ⟦Peraturan Menteri PANRB 06/2024⟧ Pasal 59", "Peraturan Menteri | Menteri PANRB | 06 | 2024"),
                    .match("sesuai ⟦Putusan MK 90/PUU-XXI/2023⟧.", "Putusan | MK | 90/PUU-XXI/2023 | 2023"),
                    .noMatch("Selama 2024, UU Cipta Kerja dan PP 2024 dibahas."),
                    .noMatch("Putusan 12/10/2024 itu"),
                    .noMatch("melalui Surat Kepala BKN 6610/B-KS.04.01/SD/K kepada instansi"),
                    .noMatch("UUD 1945 dan Undang-Undang Dasar Negara Republik Indonesia Tahun 1945"),
                ],
                produce: { m in cite(m, nomorWritten: false).flatMap { $0.year == nil ? nil : $0 } }
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
                    guard p >= 0, ["dan", "serta", ","].contains(m.document.tokens[p].norm), var value = cite(m), value.year != nil
                    else { return nil }
                    value.elided = true
                    return value
                }
            ),
        ]
    }

    /// The value of a citation match: its type and issuer from the type's lexicon entry, its number as
    /// written, its year from "Tahun" or from the number's last "/" part.
    static func cite(_ m: Match, nomorWritten: Bool = true) -> DecreeValue? {
        guard let number = m["number"] else { return nil }
        var numberText = Casing.joined(number.tokens)
        // Scraped text glues the next word to the number ("W28-PK.05.04-5330tanggal 8 November"): not part of it.
        for word in ["tanggal", "tentang", "tahun"] where numberText.hasSuffix(word) {
            let head = numberText.dropLast(word.count)
            if head.last?.isNumber == true { numberText = String(head) }
        }
        guard numberText.contains(where: \.isNumber) else { return nil }
        let parts = numberText.split(separator: "/", omittingEmptySubsequences: false)
        var year = m["year"]?.int
        if let last = parts.last, parts.count > 1, last.count == 4, let y = Int(last), (1900...2100).contains(y) {
            // Without "Nomor", three or more bare numbers ("12/10/2024") are a date, not a citation.
            if !nomorWritten, parts.count > 2, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }) { return nil }
            year = year ?? y
            // "UU No. 6/2011" is act 6 of 2011.
            if parts.count == 2, parts[0].allSatisfy(\.isNumber) { numberText = String(parts[0]) }
        }
        var value = DecreeValue(type: "", issuer: nil, number: numberText, year: year, numberTokens: number.range)
        if let more = m["more"] {
            value.coordinated = more.range.filter { m.document.tokens[$0].isNumber }.map { $0..<($0 + 1) }
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
