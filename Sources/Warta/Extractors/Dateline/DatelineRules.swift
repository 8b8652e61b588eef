/// Rules for the dateline ("Medan, 19 September 2024 –", "JAKARTA –", "Jakarta (ANTARA) -",
/// "TANGERANG, KOMPAS.com -", "CENTRALBATAM.CO.ID, BATAM –") and the headline. Both are only tried at the
/// start of the first two lines (see `DatelineExtractor`).

/// What a dateline rule recognized; the extractor turns it into a `Dateline`.
struct DatelineValue: Sendable {
    /// Token range of the dateline's text (without the dash after it).
    var head: Range<Int>
    var place: String
    /// Token range of the head part that names the place (for its region).
    var placeTokens: Range<Int>
    /// The date written in the dateline; without a year ("(10/9)") the date extractor resolves it later.
    var date: CalendarDate?
}

enum DatelineRules {
    /// A capitalized word that can be part of a place name or a source tag, or a web address ("Suara.com").
    static let chunkWord = Element.check("capitalized word") {
        $0.kind == .word && $0.shape.contains(.initialUpper) || DatelineRules.isWebAddress($0)
    }
    /// Lowercase particles inside a place name ("Bosnia dan Herzegovina", "Rio de Janeiro").
    static let particle = Element.word("dan", "de", "da", "di", "van", "der", "el")
    /// One comma-separated part of a dateline head: a place, a region, a source tag or an organisation.
    static let chunk = Element.group(chunkWord, Element.either(chunkWord, particle).repeated(0...3)).as("chunk")
    static let separator = Element.word(",", "|")
    static let chunks = [chunk, Element.group(separator, chunk).repeated(0...3)]
    /// En dash, em dash, hyphen or "--" (all folded to "-" in token norms), or a colon.
    static let dash = Element.either(Element.word("-").repeated(1...2), .word(":")).as("dash")

    static let all: [Rule<DatelineValue>] = [
        Rule(
            "dateline.place_date",
            "A place (with region or source tags) and the date, then a dash or the end of the line: \"Medan, 19 September 2024 –\"",
            pattern: [Element(.group(chunks + [Element.word(",").optional, DateRules.datelineDate.as("date"),
                                               Element.either(.group(Element.word(",").optional, chunk),
                                                              .group(.word("("), chunk, .word(")"))).optional])).as("head"),
                      dash.optional],
            examples: [
                .match("⟦Medan, 19 September 2024⟧ – Plt Kepala Kantor Imigrasi", "Medan 2024-09-19"),
                .match("⟦Kairo, Mesir, 8 November 2025⟧\u{00A0}- Menteri", "Kairo 2025-11-08"),
                .match("⟦Jember, 8 Oktober 2025⟧\n\nRektor Universitas Jember", "Jember 2025-10-08"),
                .match("⟦Kotabumi, Jumat 8 November 2024⟧ – Pengadilan", "Kotabumi 2024-11-08"),
                .match("⟦Pontianak, Senin (7/10/2024)⟧ - Rumah Detensi", "Pontianak 2024-10-07"),
                .match("⟦Surakarta, 12/03/2025⟧ – Balai Pemasyarakatan", "Surakarta 2025-03-12"),
                .match("⟦Jakarta, 30/10/2025 Kemenkeu⟧ – Menteri", "Jakarta 2025-10-30"),
                .match("⟦UNDIP, Semarang (10/9)⟧ – Wisuda digelar Senin 28 Juli 2025.", "Semarang"),
                .match("⟦Bandung, 5 Juni 2024 (ANTARA)⟧ – Pemerintah Kota", "Bandung 2024-06-05"),
                .noMatch("Medan, 19 September 2024 menjadi hari bersejarah bagi kantor itu."),
                .noMatch("Jakarta, 19 September 2024 pukul 10.00 WIB rapat dimulai."),
            ],
            produce: { m in
                guard let head = m["head"], DatelineRules.endsHead(m),
                      let place = DatelineRules.place(m) else { return nil }
                return DatelineValue(head: head.range, place: place.text, placeTokens: place.tokens, date: DateRules.calendarDate(m))
            }
        ),
        Rule(
            "dateline.place_agency",
            "A place and a news agency in parentheses, then a dash: \"Bengkulu (ANTARA) -\", \"Jakarta (ANTARA News) -\"",
            pattern: [
                Element(.group(chunks + [Element.word("("), chunk.as("agency"), Element.word(")")])).as("head"),
                dash,
            ],
            examples: [
                .match("⟦Bengkulu (ANTARA)⟧ - Kantor Imigrasi menggelar rapat koordinasi.", "Bengkulu"),
                .match("⟦Jakarta (ANTARA)⟧ - Kementerian Hukum menerbitkan aturan baru.", "Jakarta"),
                .match("⟦Jakarta (ANTARA News)⟧ - Menteri menggelar rapat koordinasi.", "Jakarta"),
                .noMatch("Jakarta (ANTARA) menyebut angka itu naik."),
            ],
            produce: { m in
                guard let head = m["head"], DatelineRules.endsHead(m), let place = DatelineRules.place(m) else { return nil }
                return DatelineValue(head: head.range, place: place.text, placeTokens: place.tokens, date: nil)
            }
        ),
        Rule(
            "dateline.place",
            "A place with an optional region and source tag, then a dash: \"JAKARTA –\", \"Merauke, Papua Selatan –\", \"TANGERANG, KOMPAS.com -\"",
            pattern: [Element(.group(chunks)).as("head"), dash],
            examples: [
                .match("⟦JAKARTA⟧ – Kementerian Hukum menerbitkan aturan baru.", "Jakarta"),
                .match("⟦Depok⟧ – Staf Khusus Menteri Pertahanan menjadi pembicara.", "Depok"),
                .match("⟦TANGERANG SELATAN⟧ – Kantor Imigrasi menggelar rapat koordinasi.", "Tangerang Selatan"),
                .match("⟦Merauke, Papua Selatan⟧ – Menteri menggelar rapat koordinasi.", "Merauke"),
                .match("⟦KEDIRI JAWA TIMUR⟧ – Kepala lapas menggelar rapat koordinasi.", "Kediri"),
                .match("⟦TANGERANG, KOMPAS.com⟧ - Direktorat Jenderal Imigrasi menggelar rapat koordinasi.", "Tangerang"),
                .match("⟦Jakarta Pusat, Komdigi⟧ - Kementerian menggelar rapat koordinasi.", "Jakarta Pusat"),
                .match("⟦Jakarta, Humas BKN⟧ – Badan Kepegawaian Negara menggelar rapat koordinasi.", "Jakarta"),
                .match("⟦Samarkand, Uzbekistan, Kemendikdasmen⟧ – Konferensi Umum UNESCO resmi dibuka hari ini.", "Samarkand"),
                .match("⟦CENTRALBATAM.CO.ID, BATAM⟧ – Sepanjang tahun 2023 kantor itu mencegah 8.243 keberangkatan.", "Batam"),
                .match("⟦Balitribune.co.id | Denpasar⟧ - Kepala Sub Bagian Humas menyampaikan data deportasi.", "Denpasar"),
                .match("⟦BERITABUANA, JAKARTA⟧- Direktorat Jenderal menggelar rapat koordinasi.", "Jakarta"),
                .match("⟦Kampus ITS, Surabaya⟧ — Tim robot terbang ITS lolos ke tingkat nasional.", "Surabaya"),
                .match("⟦Washington DC⟧ – Wakil Menteri menggelar rapat koordinasi.", "Washington DC"),
                .match("⟦Batam⟧-Kementerian Pendidikan Tinggi menggelar rapat koordinasi.", "Batam"),
                .match("⟦Bandung⟧: Ikatan Alumni Universitas Padjadjaran menetapkan kepengurusan baru.", "Bandung"),
                // A country is a known name, not an organisation: it stays the place when a place follows it.
                .match("⟦Malaysia, Kuala Lumpur⟧ – Delegasi Indonesia menghadiri pertemuan menteri ASEAN.", "Malaysia"),
                .noMatch("Jakarta adalah ibu kota."),
                // A source tag alone is no place ("RM.id Rakyat Merdeka -" has none either).
                .noMatch("Humas BKN – Biro Keuangan menggelar rapat koordinasi."),
                .noMatch("MEMOX.CO.ID – Kantor Imigrasi menggelar rapat"),
                .noMatch("Suara.com - Lembaga Pemasyarakatan"),
                .noMatch("Kepala BKN: ASN Harus Adaptif"),
                .noMatch("Penjelasan :\nBeredar unggahan"),
                .noMatch("ASEAN-COCI akan menyelenggarakan kompetisi"),
                .noMatch("Menkeu Tinjau Pelabuhan – Dorong Ekspor\n\nMenteri Keuangan meninjau pelabuhan."),
            ],
            produce: { m in
                guard let head = m["head"], DatelineRules.endsHead(m), let place = DatelineRules.place(m) else { return nil }
                return DatelineValue(head: head.range, place: place.text, placeTokens: place.tokens, date: nil)
            }
        ),
    ]

    /// The place among the head's parts. Source tags (news agencies, press offices, web addresses) and weekday
    /// names are not places. Of the rest, the first is the place ("Merauke, Papua Selatan", "Kairo, Mesir")
    /// unless it is no known place, province or country while the next one is a known place: then the first
    /// is an organisation or a paper ("UNDIP, Semarang", "BERITABUANA, JAKARTA"). Nil when only tags remain.
    static func place(_ m: Match) -> (text: String, tokens: Range<Int>)? {
        let tokens = m.document.tokens
        func known(_ name: String, _ range: Range<Int>) -> Bool {
            m.lexicons[name].longestMatch(in: tokens, at: range.lowerBound)?.end == range.upperBound
        }
        var parts: [(text: String, tokens: Range<Int>, isPlace: Bool, isKnown: Bool)] = []
        for capture in m.captures where capture.name == "chunk" {
            let range = capture.tokens
            if isSource(range, m) { continue }
            let words = tokens[range].filter { !$0.isSpace }
            if words.count == 1, m.lexicons["days"].contains(word: words[0].norm) { continue }
            let isPlace = known("places", range)
            parts.append((Casing.titleCase(Casing.joined(tokens[range])), range, isPlace,
                          isPlace || known("provinces", range) || known("countries", range)))
        }
        guard let first = parts.first else { return nil }
        let chosen = !first.isKnown && parts.count > 1 && parts[1].isPlace ? parts[1] : first
        let place = withoutHolder(chosen.tokens, m)
        return place == chosen.tokens ? (chosen.text, place) : (Casing.titleCase(Casing.joined(tokens[place])), place)
    }

    /// A place followed, without a comma, by the province or regency that holds it ("Kediri Jawa Timur",
    /// "KEDIRI JATIM"): the place ends where the register's name ends.
    static func withoutHolder(_ range: Range<Int>, _ m: Match) -> Range<Int> {
        let tokens = m.document.tokens
        let register = m.lexicons.regions.register
        guard let lead = register.longestName(in: tokens, at: range.lowerBound, before: range.upperBound),
              let next = tokens[lead.tokens.upperBound..<range.upperBound].firstIndex(where: { !$0.isSpace }),
              let holder = register.longestName(in: tokens, at: next, before: range.upperBound),
              holder.tokens.upperBound == range.upperBound,
              lead.units.contains(where: { unit in holder.units.contains { register.isInside(unit, $0) } })
        else { return range }
        return range.lowerBound..<lead.tokens.upperBound
    }

    /// Whether a head part is a source tag: a web address, or a listed agency or office at its start
    /// ("Radar Bromo", "Humas BKN").
    static func isSource(_ range: Range<Int>, _ m: Match) -> Bool {
        let tokens = m.document.tokens
        return tokens[range].contains(where: isWebAddress)
            || m.lexicons["dateline-sources"].longestMatch(in: tokens, at: range.lowerBound) != nil
    }

    static func isWebAddress(_ t: Token) -> Bool {
        t.kind == .word && t.norm.contains(".")
            && [".com", ".id", ".co", ".tv", ".net", ".org", ".news", ".info"].contains { t.norm.hasSuffix($0) }
    }

    /// Whether the dash after the head is a real dateline dash: a dash with a space on at least one side,
    /// or "--" (not the hyphen of a compound such as "ASEAN-COCI"); a colon only with a space after it.
    static func separatedDash(_ m: Match) -> Bool {
        guard let dash = m["dash"] else { return false }
        let tokens = m.document.tokens
        let before = dash.range.lowerBound > 0 && tokens[dash.range.lowerBound - 1].isSpace
        let after = dash.range.upperBound < tokens.count && tokens[dash.range.upperBound].isSpace
        if dash.norm == ":" { return after && tokens[dash.range.upperBound].kind != .newline }
        return before || after || dash.range.count > 1
    }

    /// A dateline head must open the body: a dash follows it, with the lead on the same line, or (for a
    /// dated head only) the line ends there. A glued hyphen ("Batam-Kementerian") or a colon counts only
    /// after a known place.
    static func endsHead(_ m: Match) -> Bool {
        let tokens = m.document.tokens
        let next = m.tokens.upperBound
        guard let dash = m["dash"] else {
            return m.has("date") && (next == tokens.count || tokens[next].kind == .newline)
        }
        guard next < tokens.count, tokens[next].kind != .newline else { return false }
        // Without a date, a short line ending without a period after the dash is a title with a dash in it
        // ("Menkeu Tinjau Pelabuhan – Dorong Ekspor").
        if !m.has("date"), !leadFollows(m) { return false }
        if separatedDash(m), dash.norm != ":" { return true }
        // Colons and glued hyphens: only after a head that is exactly a known place.
        guard let head = m["head"],
              let found = m.lexicons["places"].longestMatch(in: tokens, at: head.range.lowerBound) else { return false }
        return found.end == head.range.upperBound && (dash.norm != ":" || separatedDash(m))
    }

    /// Whether the rest of the line after the head reads as a lead: at least six words, or a sentence end.
    static func leadFollows(_ m: Match) -> Bool {
        let tokens = m.document.tokens
        var words = 0
        var last: Token? = nil
        var i = m.tokens.upperBound
        while i < tokens.count, tokens[i].kind != .newline {
            if tokens[i].kind == .word { words += 1 }
            if !tokens[i].isSpace { last = tokens[i] }
            if words >= 6 { return true }
            i += 1
        }
        return last.map { [".", "!", "?", "\"", "'"].contains($0.norm) } ?? false
    }

    static let headline: [Rule<Range<Int>>] = [
        Rule(
            "headline.title_line",
            "A first line of at most 40 tokens, one sentence with no final period, followed by the body",
            pattern: [Element.any.repeated(1...40).as("title")],
            examples: [
                .match("⟦Ratusan Warga Binaan Lapas Kelas IIA Pekanbaru Terima Remisi Umum⟧\n\nPEKANBARU – Sebanyak 812 warga", "headline"),
                .match("⟦Prof. Zudan: Ayo Ikuti Kompetisi ASN Digital AI Hackathon 2025⟧\nJakarta – Humas BKN", "headline"),
                .match("⟦Kepala BKN: ASN Harus Adaptif dalam Menyikapi Efisiensi Anggaran⟧\n\nKepala Badan Kepegawaian", "headline"),
                .match("⟦8 Kebijakan Terbaru BKN Pro-Karier ASN⟧\n\nDepok – Badan Kepegawaian Negara menerbitkan kebijakan.", "headline"),
                .match("⟦Menkeu Tinjau Pelabuhan – Dorong Ekspor⟧\n\nMenteri Keuangan meninjau pelabuhan.", "headline"),
                .noMatch("Medan, 19 September 2024 – Plt Kepala Kantor Imigrasi Kelas I TPI Bengkulu hadir.\nAcara ini dibuka."),
                .noMatch("Kantor Imigrasi menggelar rapat. Acara ini dibuka oleh Kepala Kantor.\nBeliau memaparkan."),
                .noMatch("Penjelasan :\nBeredar unggahan di media sosial."),
                .noMatch("Direktur menyatakan akses ditutup. Saksikan videonya: https://youtu.be/x\n\nKementerian"),
            ],
            produce: { m in
                let tokens = m.document.tokens
                let next = m.tokens.upperBound
                // The whole first line, with a body after it.
                guard next < tokens.count, tokens[next].kind == .newline,
                      tokens[next...].contains(where: { !$0.isSpace }) else { return nil }
                let last = tokens[m.tokens.upperBound - 1]
                guard last.norm != "." && last.norm != "," && last.norm != ":" else { return nil }
                // A title is one sentence: a second one starting inside the line makes it a paragraph.
                guard !tokens[(m.tokens.lowerBound + 1)..<next].contains(where: { $0.shape.contains(.sentenceStart) })
                else { return nil }
                return m.tokens
            }
        ),
    ]
}
