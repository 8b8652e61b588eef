/// What an organization rule found; the extractor settles overlaps and writes the items.
struct OrganizationValue: Sendable {
    var name: String
    var short: String?
    var kind: Organization.Kind
    var parent: String?

    /// One line for traces and rule examples: "name | short | kind | parent".
    var summary: String {
        // One string grown once: a chain of `+` (or an interpolation) copies the text at each part.
        let parts = [name, short ?? "-", kind.rawValue, parent ?? "-"]
        var summary = ""
        summary.reserveCapacity(parts.reduce(9) { $0 + $1.utf8.count })
        for (k, part) in parts.enumerated() {
            if k > 0 { summary += " | " }
            summary += part
        }
        return summary
    }
}

/// Rules for organizations: a body of `organizations.txt` under any of its written forms, and the families of
/// `organization-families.txt` (a head and a place, or a head and a name: "Polda Jawa Timur", "Dinas Pendidikan
/// Kabupaten Bogor", "PT Pertamina (Persero) Tbk"). The extractor adds what the name tagger sees where no rule
/// reads a body, and the acronyms a document defines ("Ikatan Ahli Perencanaan Indonesia (IAPI)").
enum OrganizationRules {
    static func all(_ v: PersonVocabulary) -> [Rule<OrganizationValue>] {
        let e = Elements(v)
        return [
            Rule(
                "organization.known",
                "A body of organizations.txt under any of its forms, with an optional \"RI\": \"Kemenkumham\", \"Partai Golkar\", \"DPR RI\"",
                pattern: [.lexicon("organizations").as("org"), e.republic, e.persero, e.listed],
                examples: [
                    .match("Kepala ⟦BKN⟧ menegaskan", "Badan Kepegawaian Negara | BKN | agency | -"),
                    .match("sesuai arahan ⟦Kemenkumham⟧.", "Kementerian Hukum dan Hak Asasi Manusia | Kemenkumham | ministry | -"),
                    .match("⟦Direktorat Jenderal Imigrasi⟧ menyampaikan", "Direktorat Jenderal Imigrasi | Ditjenim | ministry | Kementerian Imigrasi dan Pemasyarakatan"),
                    .match("Ketua Umum ⟦Partai Golkar⟧ Bahlil Lahadalia", "Partai Golongan Karya | Golkar | party | -"),
                    .match("di ⟦DPR RI⟧ hari ini", "Dewan Perwakilan Rakyat | DPR | legislature | -"),
                    .match("⟦Kementerian Keuangan Republik Indonesia⟧ mencatat", "Kementerian Keuangan | Kemenkeu | ministry | -"),
                    .match("perwakilan ⟦UNICEF Indonesia⟧ hadir", "United Nations Children's Fund | UNICEF | other | Perserikatan Bangsa-Bangsa"),
                    .match("saham ⟦PT Pertamina (Persero)⟧ naik", "PT Pertamina | Pertamina | company | -"),
                    .noMatch("Hadi bin Ahmad hadir."),
                    .noMatch("Kementerian Pertahanan Rusia menyatakan"),
                    .noMatch("ketika dpr sedang reses"),
                    // A party board's head before a party names the party, not the body it also spells.
                    .match("kata Ketua DPD ⟦Partai Demokrat⟧ Bali", "Partai Demokrat | Demokrat | party | -"),
                ],
                produce: { m in e.known(m) }
            ),
            Rule(
                "organization.family_place",
                "A family whose name is its head and a place: \"Polda Metro Jaya\", \"Kejari Surabaya\", \"DPRD Kabupaten Bogor\"",
                pattern: [e.head, e.placeWords],
                examples: [
                    .match("⟦Polda Jawa Timur⟧ menangkap", "Kepolisian Daerah Jawa Timur | Polda Jawa Timur | police | Kepolisian Negara Republik Indonesia"),
                    .match("penyidik ⟦Kejari Surabaya⟧ menahan", "Kejaksaan Negeri Surabaya | Kejari Surabaya | prosecution | Kejaksaan Republik Indonesia"),
                    .match("anggota ⟦DPRD Kabupaten Bogor⟧ menyetujui", "Dewan Perwakilan Rakyat Daerah Kabupaten Bogor | DPRD Kabupaten Bogor | legislature | -"),
                    .match("⟦Dinas Pendidikan Kabupaten Bogor⟧ menggelar", "Dinas Pendidikan Kabupaten Bogor | Disdik Kabupaten Bogor | regional-government | -"),
                    .match("penyidik ⟦Kejari Surabaya⟧ Budi Santoso menahan", "Kejaksaan Negeri Surabaya | Kejari Surabaya | prosecution | Kejaksaan Republik Indonesia"),
                    .match("Kapolres mengatakan ⟦Polres Sleman⟧ AKBP Budi hadir", "Kepolisian Resor Sleman | Polres Sleman | police | Kepolisian Negara Republik Indonesia"),
                    .noMatch("anggota polres yang bertugas"),
                    .noMatch("Kejari menahan tersangka"),
                ],
                produce: { m in e.family(m, follows: "place") }
            ),
            Rule(
                "organization.family_name",
                "A family whose name is its head and a name or subject: \"Universitas Jember\", \"PT Pertamina (Persero) Tbk\", \"Dinas Pendidikan Kabupaten Bogor\"",
                pattern: [e.head, e.nameWords, e.persero, e.listed],
                examples: [
                    .match("mahasiswa ⟦Universitas Teknologi Sumbawa⟧ meneliti", "Universitas Teknologi Sumbawa | - | university | -"),
                    .match("saham ⟦PT Cahaya Samudra Lestari (Persero) Tbk⟧ naik", "PT Cahaya Samudra Lestari (Persero) Tbk | - | company | -"),
                    .match("⟦Dinas Pariwisata dan Kebudayaan Kota Medan⟧ menggelar", "Dinas Pariwisata dan Kebudayaan Kota Medan | - | regional-government | -"),
                    // A unit written with the body it belongs to ends before it: the body is a mention of its own.
                    .match("sidang ⟦Komisi Kode Etik⟧ Polri digelar", "Komisi Kode Etik | - | police | Kepolisian Negara Republik Indonesia"),
                    // A unit that only a number names is the body's organ: "DPR" is the mention.
                    .noMatch("⟦Komisi III⟧ DPR memanggil"),
                    .match("⟦Kodam III/Siliwangi⟧ menggelar", "Komando Daerah Militer III/Siliwangi | Kodam III/Siliwangi | military | Tentara Nasional Indonesia Angkatan Darat"),
                    .noMatch("dinas terkait sudah bergerak"),
                    .noMatch("Universitas di Indonesia berbenah"),
                    .match("kunjungan ⟦PB HMI⟧ ke kantor menteri", "PB HMI | - | other | Himpunan Mahasiswa Islam"),
                    .match("Dekan ⟦Fakultas Kehutanan⟧ UGM hadir", "Fakultas Kehutanan | - | university | Universitas Gadjah Mada"),
                    // A cut before a person leaves no "dan" behind.
                    .match("Prof. Bambang dari ⟦Fakultas Farmasi⟧ dan Ahmad Santoso dari Fakultas Teknik", "Fakultas Farmasi | - | university | -"),
                    // Words of slogans and faiths, never a person's, are a body's ("Hebat", "Maju", "Islam").
                    .match("partai anggota ⟦Koalisi Indonesia Hebat⟧ bertemu", "Koalisi Indonesia Hebat | - | other | -"),
                    .match("saham ⟦PT Sinar Maju Sejahtera⟧ naik", "PT Sinar Maju Sejahtera | - | company | -"),
                    // A company may bear a person's name: the name after the head is the body's.
                    .match("saham ⟦PT Hendra Wijaya Lestari⟧ naik", "PT Hendra Wijaya Lestari | - | company | -"),
                ],
                produce: { m in e.family(m, follows: "name") }
            ),
            Rule(
                "organization.media",
                "A capitalized name after a word that names a medium: \"kantor berita AAP\", \"koran Tempo\"",
                pattern: [.lexicon("media-cues").as("cue"), Element.lexicon("countries").optional, e.mediaName.as("item")],
                examples: [
                    .match("lapor kantor berita ⟦AAP⟧ hari ini", "AAP | - | company | -"),
                    .match("dikutip kantor berita Jepang ⟦Domei⟧, Senin", "Domei | - | company | -"),
                    .match("menurut stasiun televisi ⟦Sinar Timur⟧.", "Sinar Timur | - | company | -"),
                    .noMatch("kuota harian BBM subsidi dipangkas"),
                    .noMatch("kantor berita itu melaporkan"),
                    .noMatch("surat kabar Inggris melaporkan"),
                ],
                produce: { m in
                    guard let name = m["item"] else { return nil }
                    // A place after the cue says whose medium it is, not its name ("surat kabar Inggris").
                    guard !OrganizationRules.isPlace(name.range, m.document.tokens, m.lexicons) else { return nil }
                    return OrganizationValue(name: Casing.joined(m.document.tokens[name.range]), short: nil, kind: .company, parent: nil)
                }
            ),
            Rule(
                "organization.name_end",
                "Capitalized words ending with a word that ends an English body's name: \"New York Mercantile Exchange\", \"Financial Times\"",
                pattern: [Element.either(.exact("The"), .exact("the")).as("the").optional, e.englishWords, .lexicon("organization-ends").as("end")],
                examples: [
                    .match("harga minyak di ⟦New York Mercantile Exchange⟧ naik", "New York Mercantile Exchange | - | company | -"),
                    .match("menurut ⟦Moody's Investors Service⟧, peringkat itu", "Moody's Investors Service | - | company | -"),
                    .match("dan ⟦Financial Times⟧ melaporkan", "Financial Times | - | company | -"),
                    // "The" opens the name it stands in, so a capitalized word before it is not part of it.
                    .match("Tulis ⟦The Wall Street Journal⟧, pasar melemah", "The Wall Street Journal | - | company | -"),
                    // An Indonesian sentence writes the English article of a name in lowercase; it is still the name's.
                    .match("wawancara yang diterbitkan di ⟦the Financial Times⟧ Senin", "The Financial Times | - | company | -"),
                    .match("laporan ⟦Asian Fisheries and Forestry Association⟧ terbaru", "Asian Fisheries and Forestry Association | - | other | -"),
                    .noMatch("pameran di Jakarta International Convention Center dibuka"),
                    .noMatch("pada masa Times lalu"),
                    .match("uji coba bersama ⟦Bridge Alliance⟧ dimulai", "Bridge Alliance | - | other | -"),
                    .noMatch("layanan Customer Service kami"),
                    // A name opens with a capital, never with the "of" inside it.
                    .noMatch("hasil kajian of Public Services terbit"),
                ],
                produce: { m in e.named(m) }
            ),
        ]
    }

    /// Whether tokens `range` are the name of a country or of a region of the register ("Inggris", "Jawa Barat").
    static func isPlace(_ range: Range<Int>, _ tokens: [Token], _ lexicons: Lexicons) -> Bool {
        lexicons["countries"].longestMatch(in: tokens, at: range.lowerBound)?.end == range.upperBound
            || lexicons.regions.register.longestName(in: tokens, at: range.lowerBound)?.tokens.upperBound == range.upperBound
    }

    /// A family member's name: its head and the rest, the rest in Title Case when written in capitals ("PT GRIYA
    /// LESTARI" -> "PT Griya Lestari") but one word in capitals kept as an acronym ("PT KPG", "Polda NTB").
    static func named(_ head: String, _ tail: String) -> String {
        if let ascii = asciiNamed(head, tail) { return ascii }
        let words = tail.split(separator: " ")
        if words.count == 1 && words[0].allSatisfy({ !$0.isLowercase }) { return head + " " + tail }
        // The head as the lexicon writes it; the rest cased in the context of the whole name ("Komisi III DPR").
        let titled = Casing.titleCase(head + " " + tail).split(separator: " ")
        return ([head] + titled.dropFirst(head.split(separator: " ").count).map(String.init)).joined(separator: " ")
    }

    /// `named` for a name in plain ASCII (nearly all are), split on space bytes: splitting a String splits
    /// Characters, which cost a grapheme break test per letter. Nil for any other name.
    private static func asciiNamed(_ head: String, _ tail: String) -> String? {
        guard head.utf8.allSatisfy({ $0 < 0x80 }), tail.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        let words = tail.utf8.split(separator: 0x20)
        if words.count == 1 && !words[0].contains(where: { $0 >= 0x61 && $0 <= 0x7A }) { return head + " " + tail }
        let titled = Casing.titleCase(head + " " + tail).utf8.split(separator: 0x20)
        let skipped = head.utf8.split(separator: 0x20).count
        return ([head] + titled.dropFirst(skipped).map { String(Substring($0)) }).joined(separator: " ")
    }

    struct Elements: Sendable {
        let v: PersonVocabulary
        /// "RI", "Republik Indonesia" or "Indonesia" after a body's name ("DPR RI", "UNICEF Indonesia").
        let republic = Element.either(.exact("RI"), .group(.word("republik"), .word("indonesia")), .word("indonesia")).as("ri").optional
        let head = Element.lexicon("organization-families").as("head")
        /// "(Persero)" after a state company's name.
        let persero = Element.group(.word("("), .word("persero"), .word(")")).as("persero").optional
        /// "Tbk" after a listed company's name.
        let listed = Element.group(.word("tbk"), Element.word(".").attachedToPrevious.optional).as("tbk").optional
        let placeWords: Element
        let nameWords: Element
        /// A medium's name: one to three capitalized words or acronyms, none a position, honorific or common word.
        let mediaName: Element
        /// The words of an English body's name before its last word: capitalized words and acronyms, joined by
        /// "of", "for", "and", "&" ("Organisation for Economic Co-operation and Development").
        let englishWords: Element

        init(_ v: PersonVocabulary) {
            self.v = v
            // Where the place ends is settled by the extractor, with the register of regions.
            let placeWord = Element.check("place word of an organization") { t in
                t.kind == .word && !t.shape.isDisjoint(with: [.initialUpper, .allUpper])
                    && v.classes(t).isDisjoint(with: [.position, .honorific, .common])
            }
            placeWords = Element.group(
                placeWord,
                Element.group(Element.word("-").attachedToPrevious, placeWord.attachedToPrevious).optional
            ).repeated(1...4).as("place")
            let nameWord = Element.check("name word of an organization") { t in
                guard t.kind == .word && !t.shape.isDisjoint(with: [.initialUpper, .allUpper]) || t.kind == .number else { return false }
                let classes = v.classes(t)
                return classes.isDisjoint(with: [.position, .honorific]) && (!classes.contains(.common) || classes.contains(.epithet))
            }
            let joiner = Element.check("joiner inside an organization's name") { t in ["-", "/", "&"].contains(t.norm) }
            // After "dan" a word that opens another body ends this one ("Kodam III/Siliwangi dan Badan ...").
            let afterAnd = Element.check("name word after \"dan\"") { t in
                guard t.kind == .word && t.shape.contains(.initialUpper) else { return false }
                let classes = v.classes(t)
                return classes.isDisjoint(with: [.position, .honorific, .organisation]) && (!classes.contains(.common) || classes.contains(.epithet))
            }
            let capital = Element.check("capitalized word of a name") { t in
                t.kind == .word && !t.shape.isDisjoint(with: [.initialUpper, .allUpper]) && t.norm != "the"
                    && v.classes(t).isDisjoint(with: [.position, .honorific, .common])
            }
            mediaName = Element.group(
                capital,
                Element.group(Element.word("-").attachedToPrevious, capital.attachedToPrevious).optional
            ).repeated(1...3)
            englishWords = Element.group(
                Element.either(Element.group(Element.word("of", "for", "and", "&"), capital), capital),
                Element.group(Element.word("-").attachedToPrevious, capital.attachedToPrevious).optional
            ).repeated(1...5).as("words")
            nameWords = Element.group(
                Element.either(Element.group(Element.word("dan"), afterAnd), nameWord),
                Element.group(joiner.attachedToPrevious, nameWord.attachedToPrevious).optional
            ).repeated(1...6).as("words")
        }

        /// The kinds of a state's bodies (built once: a set literal in `known` was built at every match).
        static let state: Set<Organization.Kind> = [.ministry, .agency, .regionalGovernment, .legislature, .police, .military, .prosecution, .court]

        func known(_ m: Match) -> OrganizationValue? {
            guard let org = m["org"], let entry = org.entry, entry.fields.count >= 4 else { return nil }
            // A form written in capitals here names the body only when the text writes it in capitals too.
            if Elements.hasNoLowercase(entry.text),
               org.tokens.contains(where: { $0.kind == .word && !$0.shape.contains(.allUpper) }) { return nil }
            guard let first = org.tokens.first(where: { !$0.isSpace }), !first.shape.isDisjoint(with: [.initialUpper, .allUpper]) else {
                return nil
            }
            let kind = Organization.Kind(rawValue: entry.fields[2]) ?? .other
            // "Kementerian Pertahanan Rusia": another country after a state body's name makes it a foreign one
            // ("UNICEF Indonesia", "Kementerian Keuangan Indonesia" stay).
            if m["ri"] == nil, Elements.state.contains(kind), let next = PersonRules.nextIndex(org.range.upperBound, m.document.tokens),
               let country = m.lexicons["countries"].longestMatch(in: m.document.tokens, at: next),
               !["indonesia", "ri"].contains(m.document.tokens[next].norm) || country.end > next + 1 { return nil }
            return OrganizationValue(name: entry.fields[0], short: entry.fields[1] == "-" ? nil : entry.fields[1], kind: kind,
                                     parent: entry.fields[3] == "-" ? nil : entry.fields[3])
        }

        /// A body named in English: as written; its kind from its last word.
        func named(_ m: Match) -> OrganizationValue? {
            guard let words = m["words"], let end = m["end"], let entry = end.entry,
                  let kind = Organization.Kind(rawValue: entry.fields[0]) else { return nil }
            // An end that also closes common phrases needs two words before it ("Customer Service" is no body).
            guard entry.fields.count < 2 || words.tokens.filter({ $0.kind == .word }).count >= 2 else { return nil }
            var name = Casing.joined(m.document.tokens[m.tokens])
            if name.hasPrefix("the ") { name = "The" + name.dropFirst(3) }
            return OrganizationValue(name: name, short: nil, kind: kind, parent: nil)
        }

        /// Whether no letter of `text` is lowercase ("BNN", "DPR RI"). Asked at every match: ASCII, nearly every
        /// entry, is answered on its bytes (its lowercase letters are a to z).
        static func hasNoLowercase(_ text: String) -> Bool {
            let ascii = text.withBytes { bytes -> Bool? in
                var lower = false
                for byte in bytes {
                    if byte >= 0x80 { return nil }
                    if byte >= 0x61 && byte <= 0x7A { lower = true }
                }
                return !lower
            }
            return ascii ?? text.unicodeScalars.allSatisfy { !$0.properties.isLowercase }
        }

        /// A family member: the canonical head and the rest as written in Title Case.
        func family(_ m: Match, follows: String) -> OrganizationValue? {
            guard let head = m["head"], let entry = head.entry, entry.fields.count == 5 else { return nil }
            // A place family read as a name takes its subject further ("Dinas Pariwisata dan Kebudayaan Kota Medan").
            guard follows == "name" || entry.fields[4] == "place", let first = head.tokens.first(where: { !$0.isSpace }),
                  !first.shape.isDisjoint(with: [.initialUpper, .allUpper]) else { return nil }
            if Elements.hasNoLowercase(entry.text),
               head.tokens.contains(where: { $0.kind == .word && !$0.shape.contains(.allUpper) }) { return nil }
            guard let rest = m[follows == "place" ? "place" : "words"] else { return nil }
            var tail = Casing.joined(rest.tokens)
            for part in ["persero", "tbk"] where m.has(part) { tail += " " + Casing.joined(m[part]!.tokens) }
            // A place family's short form stands for head and place only ("Dispar Kota Medan"), not a longer name.
            let canonical = entry.fields[0], short = follows == "name" && entry.fields[4] == "place" ? "-" : entry.fields[1]
            return OrganizationValue(name: OrganizationRules.named(canonical, tail),
                                     short: short == "-" || short == canonical ? nil : OrganizationRules.named(short, tail),
                                     kind: Organization.Kind(rawValue: entry.fields[2]) ?? .other,
                                     parent: entry.fields[3] == "-" ? nil : entry.fields[3])
        }
    }
}
