/// What a person rule found, as token ranges; the extractor settles, links and writes persons and titles.
struct PersonValue: Sendable {
    var name: Range<Int>
    var honorifics: Range<Int>?
    var degrees: Range<Int>?
    /// Job titles next to the name, in text order ("Wakil Ketua Komisi X DPR RI sekaligus Pimpinan Panja ...").
    var positions: [Range<Int>] = []
    /// The name stands only if a firmer rule reads the very same name or a longer name contains it: it follows
    /// another capitalized word, or it is one word before a reporting verb ("Bosnia menegaskan").
    var needsSupport = false
    /// The name's first word may be a common word written with a capital (an unmarked start, or a lone word
    /// after a position head): it falls if the document writes that word in lowercase elsewhere.
    var mayBeCommonWord = false
    /// Nothing but capitals marks the name's edges (an unmarked start, or right after a position): it falls if
    /// the document writes one of its words as a place ("Koperasi Tani Cibodas" beside "Desa Cibodas").
    var mayBePlace = false
    /// One line for traces and rule examples: "Name | hon Bapak | deg S.H., M.H. | pos Kepala ...".
    var summary = ""
}

/// Rules for people named in the text. A name is a run of capitalized name words (see `PersonVocabulary`)
/// that something next to it marks as a person: an honorific or rank before it, a position before or after
/// it, a speech verb, "selaku", degrees, an age. Capital letters alone never make a name: headlines are in
/// Title Case, and offices, places and events are capitalized too.
enum PersonRules {
    /// The rules in priority order: when two rules read different names in the same words, the earlier wins.
    static func all(_ e: Elements) -> [Rule<PersonValue>] {
        [
            Rule(
                "person.honorific_name",
                "Honorifics or a rank, a name and optional degrees: \"Bapak Nurkholis, S.H., M.H.\", \"Brigjen Pol. Anton\"",
                pattern: [e.honorifics, e.name, e.degrees.optional],
                examples: [
                    .match("diwakili oleh ⟦Bapak Nurkholis, S.H., M.H.⟧ Beliau memaparkan", "Nurkholis | hon Bapak | deg S.H., M.H."),
                    .match("diwakili oleh ⟦Bapak M. Ishak Ismail⟧.", "M. Ishak Ismail | hon Bapak"),
                    .match("hadir pula ⟦Prof. Dr. Yasonna H. Laoly, S.H., M.Sc.⟧ dalam acara", "Yasonna H. Laoly | hon Prof., Dr. | deg S.H., M.Sc."),
                    .match("dipimpin ⟦Mayjen TNI (Purn.) Dr. dr. Prihati Pujowaskito, Sp.JP (K).⟧ pada", "Prihati Pujowaskito | hon Mayjen TNI (Purn.), Dr., dr. | deg Sp.JP (K)."),
                    .match("diperiksa ⟦dr. Andi Wirawan Sp.PD-KGEH⟧ di rumah sakit", "Andi Wirawan | hon dr. | deg Sp.PD-KGEH"),
                    .match("diperiksa ⟦dr. Budi Santoso, Sp.B(K)Onk.⟧ di rumah sakit", "Budi Santoso | hon dr. | deg Sp.B(K)Onk."),
                    .match("pembicara ⟦dr. Siti Rahma, M.Kes., Sp.A(K).⟧ menjelaskan", "Siti Rahma | hon dr. | deg M.Kes., Sp.A(K)."),
                    .match("bertemu ⟦Sir Keir Starmer⟧ di kantornya", "Keir Starmer | hon Sir"),
                    .match("delegasi dipimpin ⟦Brigadier General Mark Hollis⟧ tiba", "Mark Hollis | hon Brigadier General"),
                    .match("dibuka ⟦Kolonel Arm Aziz Mahmudi⟧ di lapangan", "Aziz Mahmudi | hon Kolonel Arm"),
                    .match("ditandatangani ⟦Drs Supriono,MM⟧ dan", "Supriono | hon Drs | deg MM"),
                    .match("bersama ⟦Sdri. Ni Luh Putu Ayu Lestari⟧ yang", "Ni Luh Putu Ayu Lestari | hon Sdri."),
                    .match("hadir ⟦Jenderal (Purn) TNI Sjafrie Sjamsoeddin⟧ di", "Sjafrie Sjamsoeddin | hon Jenderal (Purn) TNI"),
                    .match("upacara dihadiri ⟦Sri Paduka Paku Alam X⟧ di Pura", "Paku Alam X | hon Sri Paduka"),
                    .noMatch("Bapak dan Ibu peserta yang kami hormati"),
                    .noMatch("sambutan Bapak Presiden pada pembukaan"),
                    .noMatch("Kantor BKN di Jl. Mayjen Sutoyo No. 12, Jakarta Timur"),
                    .noMatch("upacara di atas KRI dr. Radjiman Wedyodiningrat-992 berlangsung"),
                    .noMatch("para prajurit TNI Angkatan Darat"),
                    .noMatch("Direktur Jenderal Binapenta dan PKK hadir"),
                    .noMatch("acara Ibu-Ibu Mekaar di Deli Serdang"),
                ],
                produce: { m in e.person(m) }
            ),
            Rule(
                "person.position_name",
                "A position, then the name with no comma: \"Menteri Pertahanan RI Sjafrie Sjamsoeddin\"; the name is the last run of name words",
                pattern: [e.head, e.looseBody.repeated(0...16).as("body"), e.degrees.optional],
                examples: [
                    .match("⟦Menteri Pertahanan RI Sjafrie Sjamsoeddin⟧ menerima", "Sjafrie Sjamsoeddin | pos Menteri Pertahanan RI"),
                    .match("⟦Wakil Menteri Pertahanan (Wamenhan) RI Donny Ermawan Taufanto⟧ hadir", "Donny Ermawan Taufanto | pos Wakil Menteri Pertahanan (Wamenhan) RI"),
                    .match("kata ⟦Menkeu Sri Mulyani⟧.", "Sri Mulyani | pos Menkeu"),
                    .match("⟦Kepala Kanwil Kemenkumham Bali Anggiat Napitupulu di Denpasar⟧, Minggu.", "Anggiat Napitupulu | pos Kepala Kanwil Kemenkumham Bali"),
                    .match("⟦Rektor Unpatti Fredy Leiwakabessy⟧ menyambut", "Fredy Leiwakabessy | pos Rektor Unpatti"),
                    .match("⟦Kepala Kanwil Ditjenpas Kalteng I Putu Murdiana⟧ meninjau", "I Putu Murdiana | pos Kepala Kanwil Ditjenpas Kalteng"),
                    .match("Sementara ⟦Plt. Direktur Ekosistem Digital Farida Dewi Maharani⟧ menjelaskan", "Farida Dewi Maharani | pos Plt. Direktur Ekosistem Digital"),
                    .match("⟦Kepala Rudenim Surabaya di Raci Heru Hartono⟧ mengungkapkan", "Heru Hartono | pos Kepala Rudenim Surabaya di Raci"),
                    .match("⟦Kepala LPKA Kelas II Bengkulu Sudirman Jaya AMd Ip SAP⟧ menjelaskan", "Sudirman Jaya | deg AMd Ip, SAP | pos Kepala LPKA Kelas II Bengkulu"),
                    .match("⟦Presiden Prabowo⟧ meminta", "Prabowo | pos Presiden"),
                    .noMatch("Kepala BKN menegaskan pentingnya netralitas."),
                    .noMatch("dari Menkeu Arab Saudi yang hadir"),
                    .noMatch("kata Menhan di Jakarta"),
                    .noMatch("untuk Jabatan Pimpinan Tinggi (JPT) Madya Morscale sebagai alat ukur"),
                    .noMatch("Desi Andriyani (Kasi Giatja) hadir"),
                    .noMatch("paparan dari Komandan Yonif TP 823/Raja Wakaaka di Baubau"),
                ],
                produce: { m in e.positionThenName(m) }
            ),
            Rule(
                "person.position_honorific_name",
                "A position of any capitalized words, ended by the honorific or rank of the name: \"Ketua Kopontren Al-Ittifaq Ustad Irawan\"",
                pattern: [e.head, e.looseBody.repeated(0...16).as("body"), e.honorifics, e.name, e.degrees.optional],
                examples: [
                    .match("⟦Ketua Kopontren Al-Ittifaq Ustad Irawan⟧ menyambut", "Irawan | hon Ustad | pos Ketua Kopontren Al-Ittifaq"),
                    .match("⟦Deputi Bidang Geostrategi DPN Mayjen TNI Ari Yulianto⟧ menjelaskan", "Ari Yulianto | hon Mayjen TNI | pos Deputi Bidang Geostrategi DPN"),
                    .match("⟦Kepala BKN Prof. Dr. Zudan Arif Fakrulloh⟧ menegaskan", "Zudan Arif Fakrulloh | hon Prof., Dr. | pos Kepala BKN"),
                    .noMatch("Ketua Kopontren Al-Ittifaq menyambut Bapak dan Ibu"),
                ],
                produce: { m in e.person(m, positionBefore: true) }
            ),
            Rule(
                "person.position_comma_name",
                "A position, a comma or \"yakni\", then the holder: \"Plt Kepala Kantor Imigrasi ..., Imam Setiawan,\"",
                pattern: [e.head, e.looseBody.repeated(0...16).as("body"), e.alsoPosition.optional, .word(",").optional.as("comma"),
                          .word("yakni", "yaitu").optional.as("namely"), e.honorifics.optional, e.name, e.degrees.optional],
                examples: [
                    .match("⟦Plt Kepala Kantor Imigrasi Kelas I TPI Bengkulu, Imam Setiawan⟧, menghadiri", "Imam Setiawan | pos Plt Kepala Kantor Imigrasi Kelas I TPI Bengkulu"),
                    .match("dari ⟦Kepala Kantor Imigrasi Kelas II TPI Sibolga, Bapak Akbar Drajat Bogitara⟧, yang", "Akbar Drajat Bogitara | hon Bapak | pos Kepala Kantor Imigrasi Kelas II TPI Sibolga"),
                    .match("⟦Wakil Menteri Pendidikan Tinggi, Sains, dan Teknologi, Stella Christie⟧, menjelaskan", "Stella Christie | pos Wakil Menteri Pendidikan Tinggi, Sains, dan Teknologi"),
                    .match("⟦Deputi SIDIGI BKN, yakni Suharmen⟧, menjelaskan", "Suharmen | pos Deputi SIDIGI BKN"),
                    .match("⟦Kepala Biro Komunikasi dan Hubungan Masyarakat (BKHM), Kemendikdasmen, Anang Ristanto⟧, turut", "Anang Ristanto | pos Kepala Biro Komunikasi dan Hubungan Masyarakat (BKHM), Kemendikdasmen"),
                    .match("⟦Wakil Ketua Komisi X DPR RI sekaligus Pimpinan Panja RUU Sisdiknas, Hetifah Sjaifudian⟧, menyampaikan", "Hetifah Sjaifudian | pos Wakil Ketua Komisi X DPR RI; Pimpinan Panja RUU Sisdiknas"),
                    .match("⟦Kepala Kantor Imigrasi Kelas I Khusus TPI Batam, Ardian Prasetyo Wibowo, S.H., M.H.⟧, menjelaskan", "Ardian Prasetyo Wibowo | deg S.H., M.H. | pos Kepala Kantor Imigrasi Kelas I Khusus TPI Batam"),
                    .match("disaksikan ⟦Direktur Jenderal Imigrasi, Irjen Pol. Rahmat Sudrajat, S.I.K.⟧ Pengisian", "Rahmat Sudrajat | hon Irjen Pol. | deg S.I.K. | pos Direktur Jenderal Imigrasi"),
                    .noMatch("Kepala Kantor Imigrasi Kelas II TPI Sibolga, yang baru dilantik, hadir."),
                    .noMatch("Kepala Biro Umum, Kepala Biro Keuangan dan para pejabat hadir."),
                ],
                produce: { m in
                    guard m.has("comma") || m.has("namely") else { return nil }
                    return e.person(m, positionBefore: true)
                }
            ),
            Rule(
                "person.name_comma_position",
                "A name, a comma, then the position held: \"Bapak Samsu Rizal, Kepala Tim Kerja Sama ...\"",
                pattern: [e.honorifics.optional, e.name, e.degrees.optional, .word(","), e.head, e.looseBody.repeated(0...16).as("body")],
                examples: [
                    .match("dibuka oleh ⟦Bapak Samsu Rizal, Kepala Tim Kerja Sama Keimigrasian Antar Lembaga Non Pemerintah⟧, yang", "Samsu Rizal | hon Bapak | pos Kepala Tim Kerja Sama Keimigrasian Antar Lembaga Non Pemerintah"),
                    .match("“Kami siap,” kata ⟦Anang Ristanto, Kepala Biro Komunikasi⟧.", "Anang Ristanto | pos Kepala Biro Komunikasi"),
                    .noMatch("Selain itu, Kepala Biro Umum hadir."),
                    .noMatch("Di Universitas Teuku Umar, Rektor menyambut tamu."),
                    .match("Imam Prawira dan ⟦Bayu Dewabrata, Kepala Perwakilan Ombudsman RI Sumsel⟧ diwakili oleh stafnya.", "Bayu Dewabrata"),
                ],
                produce: { m in e.person(m, openStart: true) }
            ),
            Rule(
                "person.name_selaku_position",
                "A name, \"selaku\" or \"sebagai\", then the position: \"Ojak Murdani selaku Kepala Biro Umum BKN\"",
                pattern: [e.honorifics.optional, e.name, e.degrees.optional, .word(",").optional, .word("selaku", "sebagai").as("as"), e.head,
                          e.looseBody.repeated(0...16).as("body")],
                examples: [
                    .match("hadir ⟦Ojak Murdani selaku Kepala Biro Umum BKN⟧ dalam", "Ojak Murdani | pos Kepala Biro Umum BKN"),
                    .match("kata ⟦Prof. Zudan selaku Kepala BKN⟧.", "Zudan | hon Prof. | pos Kepala BKN"),
                    .noMatch("Kementerian selaku Kepala Tim pelaksana"),
                    .noMatch("Pemerintah Daerah sebagai Ketua panitia"),
                ],
                produce: { m in e.person(m, openStart: true) }
            ),
            Rule(
                "person.name_paren_position",
                "A name, then its position in parentheses: \"Desi Andriyani (Kalapas), Hefri Redius (Kasubbag TU)\"",
                pattern: [e.name, .word("("), e.head, e.looseBody.repeated(0...10).as("body"), .word(")")],
                examples: [
                    .match("yakni ⟦Desi Andriyani (Kalapas)⟧, serta", "Desi Andriyani | pos Kalapas"),
                    .match("serta ⟦Hefri Redius (Kasubbag TU)⟧.", "Hefri Redius | pos Kasubbag TU"),
                    .noMatch("Lembaga Pemasyarakatan (Lapas) Kelas IIA"),
                ],
                produce: { m in e.person(m, openStart: true) }
            ),
            Rule(
                "person.speech_verb_name",
                "A speech verb, then the speaker and an optional position: \"ujar Yuldi\", \"kata Sri Mulyani\", \"ungkap Cecep Ketua Kopdes ...\"",
                pattern: [.lexicon("speech-verbs").as("verb"), e.honorifics.optional, e.name, e.degrees.optional,
                          .group(.word(",").optional, e.head, e.looseBody.repeated(0...16).as("body")).optional],
                examples: [
                    .match("“Kami siap,” ⟦ujar Yuldi⟧.", "Yuldi"),
                    .match("“Tetap tumbuh,” ⟦kata Sri Mulyani⟧ di Jakarta.", "Sri Mulyani"),
                    .match("Warga Desa Hambalang berkumpul. “Kami bangga,” ⟦ungkap Cecep Ketua Kopdes Merah Putih Hambalang⟧ dalam keterangannya.", "Cecep | pos Ketua Kopdes Merah Putih Hambalang"),
                    .noMatch("“Kami siap,” ungkapnya."),
                    .noMatch("“Kami siap,” kata Kepala BKN."),
                    .noMatch("kata kunci pencarian"),
                ],
                produce: { m in
                    guard m["verb"]?.entry?.fields.first == "before" else { return nil }
                    return e.person(m)
                }
            ),
            Rule(
                "person.quote_attribution",
                "A closing quotation mark, a lowercase verb, then the speaker: \"…” urai Yasmin\"",
                pattern: [.word("\"", "'"), .word(",").optional, e.lowerVerb, e.honorifics.optional, e.name, e.degrees.optional],
                examples: [
                    .match("“Terasa begitu lembut ⟦” urai Yasmin⟧.", "Yasmin"),
                    .match("\"Aromanya harum,⟦\" tekan Nurul⟧.", "Nurul"),
                    .noMatch("“Terasa lembut,” imbuhnya."),
                    .noMatch("“Terasa lembut,” kata Menkeu."),
                ],
                produce: { m in e.person(m) }
            ),
            Rule(
                "person.name_reporting_verb",
                "A name, then a reporting verb: \"Irawan mengatakan, ...\", \"Susi Sukaesih juga menyampaikan\"",
                pattern: [e.honorifics.optional, e.name, e.degrees.optional, .word(",").optional, .word("juga", "pun", "turut", "kembali").optional,
                          .lexicon("speech-verbs").as("verb")],
                examples: [
                    .match("⟦Cecep Muhtarudin mengatakan⟧, terdapat lebih dari 40 ribu pondok", "Cecep Muhtarudin"),
                    .match("Ketua Kopontren Ustad Irawan hadir. ⟦Irawan mengatakan⟧, terdapat", "Irawan"),
                    .noMatch("Dalam pertemuan ini, Bosnia menegaskan komitmennya."),
                    .match("Tak ketinggalan, ⟦Susi Sukaesih juga menyampaikan⟧ semangat", "Susi Sukaesih"),
                    .noMatch("Pemerintah Provinsi menegaskan komitmennya."),
                    .noMatch("Sidina Community menyampaikan terima kasih."),
                    .noMatch("dari perusahaan IT Medblock menyampaikan bahwa"),
                ],
                produce: { m in
                    guard m["verb"]?.entry?.fields.first == "after" else { return nil }
                    return e.person(m, openStart: true, weak: true)
                }
            ),
            Rule(
                "person.preposition_name",
                "\"Menurut\", or \"oleh\", \"bersama\", \"didampingi\" before a name of two words or more: \"disampaikan oleh Anis Hidayah, bukan\"",
                pattern: [.word("menurut", "oleh", "didampingi", "bersama").as("by"), e.honorifics.optional, e.name, e.degrees.optional],
                examples: [
                    .match("rekomendasi itu disampaikan ⟦oleh Anis Hidayah⟧, bukan", "Anis Hidayah"),
                    .match("Wamenkop Ferry Juliantono hadir. ⟦Menurut Ferry⟧, koperasi harus", "Ferry"),
                    .match("⟦Menurut Yusril⟧, MK tidak berwenang memutus perkara itu.", "Yusril"),
                    .noMatch("Kredit tumbuh, diikuti oleh Kredit Konsumsi sebesar 8 persen dan kredit modal kerja."),
                    .noMatch("dilaksanakan oleh Kementerian Keuangan."),
                    .noMatch("diselenggarakan oleh Sidina Community di Yogyakarta"),
                    .noMatch("bersama Forkopimda setempat"),
                ],
                produce: { m in
                    // After "oleh", "bersama" or "didampingi" one capitalized word is as often an organisation;
                    // "menurut" names a speaker ("Menurut Yusril, MK ...").
                    guard let by = m["by"], let name = m["name"] else { return nil }
                    guard by.norm == "menurut" || m.has("honorifics") || name.tokens.filter({ !$0.isSpace }).count >= 2 else { return nil }
                    return e.person(m, openStart: true, closedEnd: true, weak: by.norm != "menurut")
                }
            ),
            Rule(
                "person.name_degrees",
                "A name followed by dotted degrees after a comma: \"Anindya Paramitha Larasati, S.H., M.Kn.\"",
                pattern: [e.name, .word(","), e.degrees],
                examples: [
                    .match("notaris yang dilantik, ⟦Anindya Paramitha Larasati, S.H., M.Kn.⟧, akan berkedudukan", "Anindya Paramitha Larasati | deg S.H., M.Kn."),
                    .noMatch("Kantor Wilayah BKN, MA dan KY hadir."),
                ],
                produce: { m in
                    // Undotted capitals after a comma are as often acronyms ("BKN, MA"): one dotted degree is needed.
                    guard let d = m["degrees"], d.tokens.contains(where: { $0.text.contains(".") }) else { return nil }
                    return e.person(m, openStart: true)
                }
            ),
            Rule(
                "person.name_age",
                "A name followed by an age in parentheses: \"Richelle (17)\"; initials only (\"AR (41)\") name no one",
                pattern: [e.name, .word("("), .digits(1...3), .word(")")],
                examples: [
                    .match("pengunjung ⟦Richelle (17)⟧ mencoba", "Richelle"),
                    .noMatch("warga negara Malaysia berinisial MA (41), RS (37)"),
                ],
                produce: { m in e.person(m, openStart: true) }
            ),
            Rule(
                "person.signature_name_position",
                "A signature: the name alone on a line, the position on the lines below",
                pattern: [e.lineStartName, e.degrees.optional, e.head, e.looseBody.repeated(0...16).as("body")],
                crossesLines: true,
                examples: [
                    .match("***\n⟦Deni Surjantoro\nKepala Biro Komunikasi dan Layanan Informasi\nKementerian Keuangan⟧\n", "Deni Surjantoro | pos Kepala Biro Komunikasi dan Layanan Informasi Kementerian Keuangan"),
                    .noMatch("Deni Surjantoro menyampaikan\nKepala Biro Umum hadir"),
                ],
                produce: { m in e.signature(m) }
            ),
            Rule(
                "person.signature_position_name",
                "A signature: the position on a line, the name alone on the line below",
                pattern: [e.head, e.looseBody.repeated(0...16).as("body"), e.lineStartName, e.degrees.optional],
                crossesLines: true,
                examples: [
                    .match("Hormat kami,\n⟦Kepala Kantor Imigrasi Kelas I TPI Bengkulu\nImam Setiawan⟧\n", "Imam Setiawan | pos Kepala Kantor Imigrasi Kelas I TPI Bengkulu"),
                    .noMatch("Kepala Kantor Imigrasi Kelas I TPI Bengkulu\nImam Setiawan menyampaikan"),
                ],
                produce: { m in e.signature(m) }
            ),
        ]
    }

    /// The pattern elements the rules share, built on the vocabulary, and the productions. The elements are built
    /// once, so that every rule asks the same `check` tests and matching remembers each answer for all of them.
    struct Elements: Sendable {
        let v: PersonVocabulary
        /// The one-token tests of names, which the extractor answers for a whole document at once.
        let nameWord: Element
        let capsInitials: Element
        let initial: Element
        let lineStartNameWord: Element
        /// A run of name parts (see `namePart`), captured as "name".
        let name: Element
        /// `name` compiled, for productions that look for a name again inside what a rule matched.
        let compiledName: CompiledPattern
        /// A name that opens its line (a signature).
        let lineStartName: Element
        let honorifics: Element
        /// Degrees after the name, with or without commas, dots and spaces ("S.H., M.H.", "SH MH", ",MM").
        let degrees: Element
        /// The head of a position, with an acting prefix: "Plt. Kepala", "Wakil Menteri", "Kalapas".
        let head: Element
        /// What continues a position: capitalized words (not dotted degrees), classes ("Kelas II"), abbreviations in
        /// parentheses, "dan"/"untuk" before a capitalized word, and office words after a comma (", Sains, dan
        /// Teknologi").
        let looseBody: Element
        /// A second position joined by "sekaligus" ("Wakil Ketua Komisi X DPR RI sekaligus Pimpinan Panja ...").
        let alsoPosition: Element
        /// A speech verb after a quotation, in lowercase, not one of the -nya forms that name no one.
        let lowerVerb: Element

        init(_ v: PersonVocabulary, _ lexicons: Lexicons) {
            self.v = v
            let nameWord = Element.check("name word (capitalized, not in <name-words>, <places>, <positions>, <honorifics>)") { v.isNameWord($0) }
            let capsInitials = Element.check("capital initials") { v.isCapsInitials($0) }
            let initial = Element.check("initial") { v.isInitial($0) }
            let lineStartNameWord = Element.check("name word at a line start") { $0.shape.contains(.lineStart) && v.isNameWord($0) }
            self.nameWord = nameWord
            self.capsInitials = capsInitials
            self.initial = initial
            self.lineStartNameWord = lineStartNameWord
            let word = Element.check("word") { $0.kind == .word }
            // One unit of a name: a name word (hyphenated ones whole: "Perangin-angin"), a dotted short given name
            // with the next name word ("Mhd. Jahari"), undotted initials before a name word ("AM Djiwandono", "I
            // Made"), a dotted initial ("M.", "F.G.P."), or a lowercase particle ("bin", "van"). At most one of these
            // can match at a token (a name word has lowercase letters, initials have none, particles no capital),
            // so the most frequent comes first.
            // A regnal number after a name ("Paku Alam X", "Hamengku Buwono X"): Roman numerals in capitals.
            let regnal = Element.check("regnal number") { t in
                t.kind == .word && t.shape.contains(.allUpper) && t.end - t.start <= 4
                    && t.norm.utf8.allSatisfy { $0 == 0x69 || $0 == 0x76 || $0 == 0x78 }  // i v x
            }
            let namePart = Element.either(
                .group(nameWord, regnal),
                .group(nameWord, Element.either(
                    .group(Element.word("-"), word.attachedToPrevious),
                    .group(Element.word("."), nameWord)
                ).attachedToPrevious.optional),
                .group(capsInitials, nameWord),
                .group(initial, Element.word(".").attachedToPrevious),
                .exact("bin", "binti", "van", "von", "de", "der", "da", "al", "el")
            )
            name = namePart.repeated(1...6).as("name")
            compiledName = CompiledPattern([name], lexicons)
            lineStartName = Element.group(lineStartNameWord, namePart.repeated(0...5)).as("name")
            honorifics = Element.lexicon("honorifics").repeated(1...7).as("honorifics")

            let consultant = Element.group(.word("("), .check("K, T or E") { $0.shape.contains(.allUpper) && $0.text.count <= 2 }, .word(")"))
            // A subspecialty joined by a dash ("Sp.PD-KGEH") and a consultant's field after "(K)" ("Sp.B(K)Onk.").
            let subspecialty = Element.group(Element.word("-").attachedToPrevious,
                                             Element.check("subspecialty") { $0.kind == .word && $0.shape.contains(.allUpper) && $0.text.count <= 6 }.attachedToPrevious)
            let field = Element.check("consultant's field") { $0.kind == .word && $0.shape.contains(.initialUpper) && $0.text.count <= 5 }.attachedToPrevious
            let degree = Element.either(
                .lexicon("degrees"),
                .group(.check("degree") { v.isDegree($0) }, Element.word(".").attachedToPrevious.optional, subspecialty.optional,
                       consultant.optional, field.optional, Element.word(".").attachedToPrevious.optional)
            )
            degrees = Element.group(Element.word(",").optional, degree).repeated(1...8).as("degrees")

            let positions = Element.lexicon("positions").repeated(1...3)
            head = positions.as("head")

            let afterComma = Element.check("office word, not a position or rank") { v.continuesAfterComma($0) }
            let classMark = Element.group(.word("kelas", "komisi", "wilayah", "eselon", "golongan", "tingkat", "regional", "sektor", "angkatan"),
                                          .check("class mark") { v.isClassMark($0) })
            let parenthesized = Element.group(.word("("), .check("abbreviation") { $0.kind == .word || [".", "-", "/"].contains($0.norm) }.repeated(1...5),
                                              .word(")"))
            let connectors = Element(.word(PersonRules.positionConnectors))
            let capitalized = Element.check("capitalized word, not a title or dotted degree") { t in
                t.kind == .word && t.shape.contains(.initialUpper) && !v.classes(t).contains(.title)
                    && !(PersonVocabulary.containsDot(t.text) && v.isDegree(t))
            }
            let notAHead = Element.check("capitalized word, not a position head or rank") { t in
                t.kind == .word && t.shape.contains(.initialUpper) && v.classes(t).isDisjoint(with: [.position, .honorific])
            }
            // Most body words are plain capitalized words: that test comes early, after initials ("S." would
            // otherwise end the body at its dot).
            looseBody = Element.either(
                .group(initial, Element.word(".").attachedToPrevious),
                capitalized,
                // "Komunikasi dan Layanan" continues; "Presiden RI ... dan Wakil Presiden" is a second title.
                .group(connectors, notAHead),
                .group(.word(","), .word("dan", "serta").optional, afterComma),
                parenthesized,
                .group(.word("/", "-").attachedToPrevious, notAHead.attachedToPrevious),
                classMark,
                // Unit numbers: "Dandim 0504", "Danyon 201".
                .digits(1...4)
            )
            alsoPosition = Element.group(.word("sekaligus", "merangkap"), positions, looseBody.repeated(0...12)).as("also")
            lowerVerb = .check("lowercase verb") {
                $0.kind == .word && !$0.shape.contains(.initialUpper) && !$0.norm.hasSuffix("nya") && $0.norm.count > 2
            }
        }

        // MARK: productions

        /// A person from a rule that captured the name. `positionBefore`: the position comes before the name.
        /// `openStart`: nothing before the name marks its start. `closedEnd`: no capitalized word may follow.
        /// `weak`: a one-word name stands only if another rule or a longer name backs it ("Bosnia menegaskan").
        func person(_ m: Match, positionBefore: Bool = false, openStart: Bool = false, closedEnd: Bool = false, weak: Bool = false) -> PersonValue? {
            let tokens = m.document.tokens
            guard let name = m["name"]?.range else { return nil }
            var honorifics = m["honorifics"]?.range
            var positions: [Range<Int>] = []
            if let head = m["head"] {
                var end = m["body"]?.range.upperBound ?? head.range.upperBound
                // "Deputi ... DPN Mayjen | TNI Ari": the body took the rank that the honorifics need back.
                if positionBefore, let h = honorifics, PersonRules.honorificItems(h, tokens, m.lexicons) == nil,
                   let whole = honorificsEnding(at: h.upperBound, after: head.range.upperBound, m) {
                    honorifics = whole
                    end = significant(head.range.lowerBound..<whole.lowerBound, tokens).last.map { $0 + 1 } ?? head.range.upperBound
                }
                positions.append(head.range.lowerBound..<end)
            }
            if let also = m["also"] {
                let words = significant(also.range, tokens)
                if words.count > 1 { positions.append(words[1]..<also.range.upperBound) }
            }
            guard var value = check(m, name: name, honorifics: honorifics, degrees: m["degrees"]?.range, positions: positions,
                                    positionBefore: positionBefore, openStart: openStart, closedEnd: closedEnd) else { return nil }
            if weak, value.honorifics == nil, significant(value.name, tokens).count == 1 {
                value.needsSupport = true
            }
            return value
        }

        /// "Position Name": the name is the last run of name words in the capitalized run after the head
        /// ("Menteri Keuangan RI | Purbaya Yudhi Sadewa"); degrees written after it are set apart first. An open
        /// head with nothing else before the name takes the name's first word as its office ("Rektor | Unpatti"),
        /// and so does "di" ("Rudenim Surabaya di | Raci").
        func positionThenName(_ m: Match) -> PersonValue? {
            let tokens = m.document.tokens
            guard let head = m["head"], let body = m["body"] else { return nil }
            var words = significant(body.range, tokens)
            // Degrees after the name ("... Sudirman Jaya AMd Ip SAP").
            var degreeStart: Int? = m["degrees"]?.range.lowerBound
            while let last = words.last, v.isDegree(tokens[last]) || tokens[last].norm == "," || last > 0 && v.isDegreeContinuation(tokens, last) {
                degreeStart = last
                words.removeLast()
            }
            // The longest run of name parts that ends the body, or ends before "di" or "pada" in it ("Bali Anggiat
            // Napitupulu | di Denpasar").
            let ends = words.indices.reversed().filter { k in
                k == words.count - 1 || ["di", "pada"].contains(tokens[words[k + 1]].norm)
            }.map { words[$0] + 1 }
            let nameEnds = m.match(compiledName, atEach: words)
            var found: (start: Int, end: Int)? = nil
            for end in ends {
                if let k = words.indices.first(where: { words[$0] < end && nameEnds[$0] == end }) {
                    found = (words[k], end)
                    break
                }
            }
            guard let (nameStart, bodyEnd) = found else { return nil }
            if bodyEnd < words.last! + 1 { degreeStart = nil }
            words.removeAll { $0 >= bodyEnd }
            var start = nameStart
            var nameWords = words.filter { $0 >= start && tokens[$0].kind == .word }
            // Balinese birth-order and gender words open the name: "Kalteng | I Putu Murdiana", "Karangasem | I Gede".
            if let balinese = nameWords.dropFirst().first(where: { ["i", "ni"].contains(tokens[$0].norm) }) {
                nameWords.removeAll { $0 < balinese }
                start = balinese
            }
            // Honorifics and ranks between the position and the name ("Kasad | Mayjen TNI | Adisura").
            let honorifics = honorificsEnding(at: start, after: head.range.upperBound, m)
            let before = words.last { $0 < (honorifics?.lowerBound ?? start) }
            // "Kepala RSPPN Jenderal Sudirman": a rank that is no honorific here makes the name an institution's.
            if honorifics == nil, let b = before, v.classes(tokens[b]).contains(.honorific) { return nil }
            let afterConnector = before.map { PersonRules.positionConnectors.contains(tokens[$0].norm) } ?? false
            if honorifics == nil, afterConnector || before == nil && opensOffice(head.range, m) {
                guard nameWords.count >= 2 else { return nil }
                nameWords.removeFirst()
                start = nameWords[0]
            }
            return finish(m, head: head.range, honorifics: honorifics, nameStart: start, nameEnd: bodyEnd, degreeStart: degreeStart)
        }

        /// The run of honorifics that ends right before `start` and begins after `after`, if any.
        private func honorificsEnding(at start: Int, after: Int, _ m: Match) -> Range<Int>? {
            let tokens = m.document.tokens
            for j in significant(after..<start, tokens) {
                var i = j
                while i < start, let found = m.lexicons["honorifics"].longestMatch(in: tokens, at: i) {
                    i = found.end
                    while i < start, tokens[i].isSpace { i += 1 }
                }
                if i == start, PersonRules.honorificItems(j..<start, tokens, m.lexicons) != nil { return j..<start }
            }
            return nil
        }

        private func finish(_ m: Match, head: Range<Int>, honorifics: Range<Int>?, nameStart: Int, nameEnd: Int, degreeStart: Int?) -> PersonValue? {
            let tokens = m.document.tokens
            let positionEnd = significant(head.lowerBound..<(honorifics?.lowerBound ?? nameStart), tokens).last.map { $0 + 1 } ?? head.upperBound
            let degrees = degreeStart.map { d -> Range<Int> in
                let first = significant(d..<m.tokens.upperBound, tokens).first { tokens[$0].norm != "," } ?? d
                return first..<m.tokens.upperBound
            }
            return check(m, name: nameStart..<nameEnd, honorifics: honorifics, degrees: degrees, positions: [head.lowerBound..<positionEnd],
                         positionBefore: true, openStart: false, closedEnd: true)
        }

        /// A signature block: the name must fill its line.
        func signature(_ m: Match) -> PersonValue? {
            let tokens = m.document.tokens
            guard let name = m["name"]?.range, let head = m["head"] else { return nil }
            let nameEnd = m["degrees"]?.range.upperBound ?? name.upperBound
            guard tokens[head.range.lowerBound].shape.contains(.lineStart), nextIndex(nameEnd, tokens) == nil else { return nil }
            // The position stops at a blank line.
            var end = m["body"]?.range.upperBound ?? head.range.upperBound
            if let blank = (head.range.lowerBound..<end).first(where: { tokens[$0].kind == .newline && tokens[$0].lineBreaks > 1 }) {
                end = significant(head.range.lowerBound..<blank, tokens).last.map { $0 + 1 } ?? head.range.upperBound
            }
            return check(m, name: name, honorifics: nil, degrees: m["degrees"]?.range, positions: [head.range.lowerBound..<end],
                         positionBefore: false, openStart: false, closedEnd: false)
        }

        /// The checks every reading passes, then the value.
        private func check(_ m: Match, name: Range<Int>, honorifics: Range<Int>?, degrees: Range<Int>?, positions: [Range<Int>],
                           positionBefore: Bool, openStart: Bool, closedEnd: Bool) -> PersonValue? {
            let tokens = m.document.tokens
            guard let cleaned = PersonRules.cleanName(name, tokens, v) else { return nil }
            var positions = positions
            if positionBefore, cleaned.lowerBound > name.lowerBound, let last = positions.indices.last,
               positions[last].upperBound <= name.lowerBound, honorifics == nil {
                // An acronym cut from the name's start ends the office: "Kementerian Hukum dan HAM | NTB | Romi".
                positions[last] = positions[last].lowerBound..<(significant(name.lowerBound..<cleaned.lowerBound, tokens).last! + 1)
            }
            let name = cleaned
            // A rank part ("TNI", "(Purn.)") cannot open a run of honorifics: "prajurit TNI Budi" names no rank.
            if let h = honorifics {
                guard PersonRules.honorificItems(h, tokens, m.lexicons) != nil else { return nil }
                // "Yasonna H. Laoly": a one-letter title after a name word is that name's initial.
                if tokens[h.lowerBound].text.unicodeScalars.count == 1, let before = previousIndex(h.lowerBound, tokens),
                   v.isNameWord(tokens[before]) { return nil }
                // "Direktur Jenderal Binapenta", "Gedung Serbaguna Jenderal Sudirman": a general's rank alone inside
                // a run of capitals belongs to a position or a place.
                if !positionBefore, PersonRules.opensWithBareFlagRank(h, tokens, m.lexicons), let before = previousIndex(h.lowerBound, tokens),
                   tokens[before].kind == .word, tokens[before].shape.contains(.initialUpper), v.classes(tokens[before]).contains(.position)
                    || !tokens[before].shape.contains(.sentenceStart) && !v.classes(tokens[before]).contains(.common) { return nil }
                // "Ibu-Ibu Mekaar": a doubled address word is a plural, not a title.
                if h.lowerBound > 0, tokens[h.lowerBound - 1].norm == "-" { return nil }
            }
            let first = honorifics?.lowerBound ?? name.lowerBound
            var needsSupport = false
            if let before = previousIndex(first, tokens) {
                let word = tokens[before]
                if v.classes(word).contains(.facility) { return nil }
                // "Pangkalan Udara (Lanud) Sultan Hasanuddin": the facility word may stand in parentheses.
                if word.norm == ")", let inside = previousIndex(before, tokens), v.classes(tokens[inside]).contains(.facility) { return nil }
                // "Al-Hikmah", "Yonif 823/Raja Wakaaka": a word right after a hyphen or slash is part of a compound.
                if ["-", "/"].contains(word.norm), before + 1 == first { return nil }
                if openStart, honorifics == nil {
                    if word.shape.contains(.initialUpper), v.classes(word).contains(.organisation) || v.hasOfficePrefix(word.norm) { return nil }
                    guard v.isNameWord(tokens[name.lowerBound]) else { return nil }
                    // After another capitalized word the name may be the tail of a longer proper noun
                    // ("PT Mega Sentosa Abadi berharap"): it stands only if another rule reads the same name.
                    needsSupport = word.kind == .word && word.shape.contains(.initialUpper) && !word.shape.contains(.sentenceStart)
                        && !v.classes(word).contains(.common)
                }
            }
            for p in positions {
                // A position inside an organisation's name ("Jabatan Pimpinan Tinggi") or inside parentheses
                // ("(Kasi Giatja)") is no one's title.
                guard tokens[p.lowerBound].shape.contains(.initialUpper) else { return nil }
                if p.lowerBound < name.lowerBound, m.tokens.lowerBound == p.lowerBound, !tokens[p.lowerBound].shape.contains(.sentenceStart),
                   let before = previousIndex(p.lowerBound, tokens, throughDot: false) {
                    let word = tokens[before]
                    if word.norm == "(" || word.shape.contains(.initialUpper) && v.classes(word).contains(.organisation) { return nil }
                }
            }
            var degrees = degrees
            if let d = degrees, d.lowerBound < name.upperBound { degrees = nil }
            let end = degrees?.upperBound ?? name.upperBound
            if positions.allSatisfy({ $0.lowerBound < name.lowerBound }),
               let next = nextIndex(end, tokens).map({ tokens[$0] }), next.kind == .word, next.shape.contains(.initialUpper),
               !next.shape.contains(.sentenceStart), tokens[end - 1].norm != "." {
                // The name must end its run of capitals: "Kepala Badan Pendapatan Daerah" has no name "Pendapatan",
                // and "Batavia Tower" is a building.
                if closedEnd || v.isNameWord(next) || v.classes(next).contains(.organisation) { return nil }  // `next` is capitalized
            }
            if positionBefore, m.has("comma"), listGoesOn(end, tokens) {
                // "Direktur Penataan Spektrum, Orbit Satelit, dan Standardisasi ...": a list inside the position.
                return nil
            }
            if positionBefore, !m.has("comma"), !m.has("namely"), commaThenName(end, tokens, m.lexicons) {
                // "Kepala Lapas Kelas III Labuha, Sahrul Umasugi": an unknown place ends the office, the name follows.
                return nil
            }
            if !positionBefore, let p = positions.first, p.lowerBound > name.lowerBound, m.has("head"), !m.has("verb"), !m.has("as"),
               let after = nextIndex(p.upperBound, tokens), tokens[after].kind == .word, !tokens[after].shape.contains(.initialUpper),
               !["yang", "selaku", "sekaligus", "dan", "serta"].contains(tokens[after].norm) {
                // "Bayu Dewabrata, Kepala Perwakilan Ombudsman RI Sumsel diwakili oleh ...": a list of invitees;
                // "Hamdan Zoelva, Menkop mengatakan": the position is the subject of the next clause.
                positions.removeAll()
            }
            if !positionBefore, let p = positions.first, p.lowerBound > name.lowerBound, !m.has("as"),
               let comma = nextIndex(p.upperBound, tokens), tokens[comma].norm == ",",
               let after = nextIndex(comma + 1, tokens), v.classes(tokens[after]).contains(.position) {
                // "Gani F Siahaan, Ketua Pengadilan, Dandim 1303, ...": a list of guests, not an apposition.
                positions.removeAll()
            }
            var value = PersonValue(name: name, honorifics: honorifics, degrees: degrees, positions: positions, needsSupport: needsSupport)
            value.mayBeCommonWord = openStart && honorifics == nil
                || positionBefore && honorifics == nil && significant(name, tokens).count == 1
            value.mayBePlace = honorifics == nil && (openStart || positionBefore && !m.has("comma") && !m.has("namely"))
            value.summary = PersonRules.summary(value, m.document, m.lexicons)
            return value
        }

        /// Whether ", dan" or "dan" and a capitalized word that opens no position or name follow token `i`.
        private func listGoesOn(_ i: Int, _ tokens: [Token]) -> Bool {
            guard var j = nextIndex(i, tokens) else { return false }
            if tokens[j].norm == ",", let k = nextIndex(j + 1, tokens) { j = k }
            guard ["dan", "serta"].contains(tokens[j].norm), let k = nextIndex(j + 1, tokens) else { return false }
            let t = tokens[k]
            return t.kind == .word && t.shape.contains(.initialUpper) && v.classes(t).isDisjoint(with: [.position, .honorific]) && !v.isNameWord(t)
        }

        /// Whether a comma and then a name (with or without honorifics) follow token `i`: the "Position, Name" reading.
        private func commaThenName(_ i: Int, _ tokens: [Token], _ lexicons: Lexicons) -> Bool {
            guard let comma = nextIndex(i, tokens), tokens[comma].norm == ",", var j = nextIndex(comma + 1, tokens) else { return false }
            while let found = lexicons["honorifics"].longestMatch(in: tokens, at: j), let next = nextIndex(found.end, tokens) { j = next }
            return v.isNameWord(tokens[j]) || v.isCapsInitials(tokens[j])
        }

        private func opensOffice(_ head: Range<Int>, _ m: Match) -> Bool {
            let tokens = m.document.tokens
            var i = head.lowerBound
            var kind = ""
            while i < head.upperBound, let found = m.lexicons["positions"].longestMatch(in: tokens, at: i) {
                kind = found.entry.fields.first ?? ""
                i = nextIndex(found.end, tokens) ?? head.upperBound
            }
            return kind == "open"
        }
    }

    // MARK: helpers shared with the extractor

    /// Small words that join the parts of a position ("Komunikasi dan Layanan", "Rudenim Surabaya di Raci").
    static let positionConnectors: Set<String> = ["dan", "serta", "&", "untuk", "bidang", "di", "pada", "of", "for", "and", "the", "on"]

    /// Indices of the significant tokens in `range`.
    static func significant(_ range: Range<Int>, _ tokens: [Token]) -> [Int] { range.filter { !tokens[$0].isSpace } }

    /// The index of the significant token before `i` on the same line, looking through the dot of an
    /// abbreviation ("Jl." before "Mayjen").
    static func previousIndex(_ i: Int, _ tokens: [Token], throughDot: Bool = true) -> Int? {
        var j = i - 1
        while j >= 0, tokens[j].isSpace {
            if tokens[j].kind == .newline { return nil }
            j -= 1
        }
        if throughDot, j >= 1, tokens[j].norm == ".", !tokens[j - 1].isSpace { j -= 1 }
        return j >= 0 ? j : nil
    }

    /// The index of the significant token at or after `i` on the same line.
    static func nextIndex(_ i: Int, _ tokens: [Token]) -> Int? {
        var j = i
        while j < tokens.count, tokens[j].isSpace {
            if tokens[j].kind == .newline { return nil }
            j += 1
        }
        return j < tokens.count ? j : nil
    }

    /// The name without leading particles and trailing initials or particles ("Budi S." at a sentence end is
    /// "Budi"), cut before a sentence that starts inside it ("ujar Budi. Santoso"); nil when no name word is
    /// left (initials only, "AR").
    static func cleanName(_ range: Range<Int>, _ tokens: [Token], _ v: PersonVocabulary) -> Range<Int>? {
        var words = significant(range, tokens)
        // A sentence that starts inside the run ends the name, unless an initial's dot only looked like a stop
        // ("Rui F.G.P. Duarte").
        if let cut = words.indices.first(where: { k in
            k > 0 && tokens[words[k]].shape.contains(.sentenceStart)
                && !(k >= 2 && tokens[words[k - 1]].norm == "." && v.isInitial(tokens[words[k - 2]]))
        }) {
            words.removeSubrange(cut...)
        }
        func isParticle(_ i: Int) -> Bool { tokens[i].kind == .word && !tokens[i].shape.contains(.initialUpper) }
        while let last = words.last, isParticle(last)
            || tokens[last].norm == "." && words.count >= 2 && v.isInitial(tokens[words[words.count - 2]]) {
            words.removeLast(tokens[last].norm == "." ? 2 : 1)
        }
        // Capitals of three letters or more are an organisation's acronym ("Manajemen ASN Herman", "Bayucaraka
        // ITS Aldinata"): the name starts after the last of them, unless the name opens with it after a comma
        // ("..., IGAK Satrya Wibawa").
        if let acronym = words.lastIndex(where: { tokens[$0].shape.contains(.allUpper) && tokens[$0].norm.count >= 3 && v.isCapsInitials(tokens[$0]) }) {
            let opensAfterComma = acronym == 0 && previousIndex(words[0], tokens, throughDot: false).map { [",", ":"].contains(tokens[$0].norm) } ?? true
            if !opensAfterComma { words.removeSubrange(...acronym) }
        }
        while let last = words.last, tokens[last].norm == "." { words.removeLast() }
        guard let first = words.first, let last = words.last, !isParticle(first) else { return nil }
        // Initials only ("AR") or two-letter words only ("Rl" for "RI") name no one.
        guard words.contains(where: { v.isNameWord(tokens[$0]) && tokens[$0].norm.count >= 3 }) else { return nil }
        return first..<(last + 1)
    }

    /// The separate honorifics in a run, a rank taking its corps, service and retired marks with it
    /// ("Mayjen TNI (Purn.) Dr." -> "Mayjen TNI (Purn.)", "Dr."); nil when a rank part opens the run.
    static func honorificItems(_ range: Range<Int>, _ tokens: [Token], _ lexicons: Lexicons) -> [Range<Int>]? {
        var items: [(range: Range<Int>, kind: String, serviced: Bool)] = []
        var i = range.lowerBound
        while i < range.upperBound {
            if tokens[i].isSpace { i += 1; continue }
            guard let found = lexicons["honorifics"].longestMatch(in: tokens, at: i), found.end <= range.upperBound else { return nil }
            let kind = found.entry.fields.first ?? ""
            if ["corps", "service", "retired"].contains(kind) {
                guard let last = items.last, ["rank", "flag"].contains(last.kind) else { return nil }
                items[items.count - 1] = (last.range.lowerBound..<found.end, last.kind, last.serviced || kind == "service")
            } else {
                items.append((i..<found.end, kind, false))
            }
            i = found.end
        }
        return items.map(\.range)
    }

    /// Whether a run of honorifics opens with a general's rank written alone ("Jenderal", "Laksamana"), which is
    /// also the second word of positions ("Direktur Jenderal", "Sekretaris Jenderal").
    static func opensWithBareFlagRank(_ range: Range<Int>, _ tokens: [Token], _ lexicons: Lexicons) -> Bool {
        guard let found = lexicons["honorifics"].longestMatch(in: tokens, at: range.lowerBound), found.entry.fields.first == "flag" else {
            return false
        }
        guard let next = nextIndex(found.end, tokens), let part = lexicons["honorifics"].longestMatch(in: tokens, at: next) else { return true }
        return !["service", "retired", "corps"].contains(part.entry.fields.first ?? "")
    }

    /// The separate degrees in a run ("S.H., M.H." -> "S.H.", "M.H."; "SH MH" -> "SH", "MH"). A space does not
    /// split "Sp.JP (K)" nor a degree whose next word is not a capital abbreviation ("AMd Ip", "ASEAN Eng.").
    static func degreeItems(_ range: Range<Int>, _ tokens: [Token]) -> [Range<Int>] {
        var items: [Range<Int>] = []
        var start: Int? = nil
        var end = range.lowerBound
        for i in range where !tokens[i].isSpace {
            let t = tokens[i]
            if t.norm == "," {
                if let s = start { items.append(s..<end) }
                start = nil
                continue
            }
            let spaced = i > range.lowerBound && tokens[i - 1].isSpace
            let continues = t.norm == "(" || t.kind == .word && !t.shape.contains(.allUpper) && !t.text.contains(".")
            if let s = start, spaced, !continues {
                items.append(s..<end)
                start = nil
            }
            if start == nil { start = i }
            end = i + 1
        }
        if let s = start { items.append(s..<end) }
        return items
    }

    static func summary(_ value: PersonValue, _ document: TokenizedText, _ lexicons: Lexicons) -> String {
        let tokens = document.tokens
        var parts = [Casing.joined(tokens[value.name])]
        if let h = value.honorifics, let items = honorificItems(h, tokens, lexicons) {
            parts.append("hon " + items.map { Casing.joined(tokens[$0]) }.joined(separator: ", "))
        }
        if let d = value.degrees {
            parts.append("deg " + degreeItems(d, tokens).map { Casing.joined(tokens[$0]) }.joined(separator: ", "))
        }
        if !value.positions.isEmpty {
            parts.append("pos " + value.positions.map { Casing.joined(tokens[$0]) }.joined(separator: "; "))
        }
        return parts.joined(separator: " | ")
    }
}
