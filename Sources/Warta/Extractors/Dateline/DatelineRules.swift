/// Rules for the dateline ("Medan, 19 September 2024 –", "JAKARTA –", "Jakarta (ANTARA) -") and the
/// headline. Both are only tried at the top of the text (see `DatelineExtractor`).

/// What a dateline rule recognized; the extractor turns it into a `Dateline`.
struct DatelineValue: Sendable {
    /// Token range of the dateline's text (without the dash after it).
    var head: Range<Int>
    var place: String
    var date: CalendarDate?
}

enum DatelineRules {
    /// A capitalized word that can be part of a place name.
    static let placeWord = Element.check("place word") { $0.kind == .word && $0.shape.contains(.initialUpper) }
    static let place = placeWord.repeated(1...4).as("place")
    /// An optional ", Region" after the place ("Merauke, Papua Selatan").
    static let region = Element.group(.word(","), placeWord.repeated(1...3)).optional
    /// En dash, em dash, hyphen, "--" (folded to "-" in the token norm), or a colon.
    static let dash = Element.either(.word("-").repeated(1...2), .word(":")).as("dash")
    /// "ANTARA", "KOMPAS.com", "Humas BKN", "investortrust.id".
    static let source = Element.either(
        .lexicon("dateline-sources"),
        .check("web address") { t in
            t.kind == .word && [".com", ".id", ".co", ".tv", ".net", ".co.id"].contains { t.norm.hasSuffix($0) }
        }
    ).as("source")
    static let day = Element.digits(1...2).as("day")
    static let month = Element.lexicon("months").as("month")
    static let year = Element.year.as("year")

    static let all: [Rule<DatelineValue>] = [
        Rule(
            "dateline.place_date",
            "A place, a comma and a full date at the top, ended by a dash or the end of the line",
            pattern: [
                .group(place, region, .word(","), Element.group(.lexicon("days"), Element.word(",").optional).optional,
                       day, month, year).as("head"),
                dash.optional,
            ],
            examples: [
                .match("⟦Medan, 19 September 2024⟧ – Plt Kepala Kantor Imigrasi", "Medan 2024-09-19"),
                .match("⟦Kairo, Mesir, 8 November 2025⟧\u{00A0}- Menteri", "Kairo 2025-11-08"),
                .match("⟦Jember, 8 Oktober 2025⟧\n\nRektor Universitas Jember", "Jember 2025-10-08"),
                .noMatch("Medan, 19 September 2024 menjadi hari bersejarah bagi kantor itu."),
            ],
            produce: { m in
                guard let head = m["head"], let place = m["place"], DatelineRules.endsLine(m) else { return nil }
                let date = CalendarDate(year: m["year"]?.int, month: m["month"]?.canonical.flatMap { Int($0) }, day: m["day"]?.int)
                return DatelineValue(head: head.range, place: Casing.titleCase(Casing.joined(place.tokens)), date: date.isValid ? date : nil)
            }
        ),
        Rule(
            "dateline.place_source",
            "A place and a news source or press office, then a dash: \"Jakarta (ANTARA) -\", \"TANGERANG, KOMPAS.com -\"",
            pattern: [
                .group(place, .either(.group(.word("("), source, .word(")")), .group(.word(","), source))).as("head"),
                dash,
            ],
            examples: [
                .match("⟦Bengkulu (ANTARA)⟧ - Kantor Imigrasi", "Bengkulu"),
                .match("⟦TANGERANG, KOMPAS.com⟧ - Direktorat Jenderal Imigrasi", "Tangerang"),
                .match("⟦Jakarta Pusat, Komdigi⟧ - Kementerian", "Jakarta Pusat"),
                .noMatch("Jakarta (ANTARA) menyebut angka itu naik."),
            ],
            produce: { m in
                guard let head = m["head"], let place = m["place"] else { return nil }
                return DatelineValue(head: head.range, place: Casing.titleCase(Casing.joined(place.tokens)), date: nil)
            }
        ),
        Rule(
            "dateline.place",
            "A place (with an optional region) and a dash at the top: \"JAKARTA –\", \"Merauke, Papua Selatan –\"",
            pattern: [.group(place, region).as("head"), dash],
            examples: [
                .match("⟦JAKARTA⟧ – Kementerian Hukum", "Jakarta"),
                .match("⟦TANGERANG SELATAN⟧ – Kantor Imigrasi", "Tangerang Selatan"),
                .match("⟦Merauke, Papua Selatan⟧ – Menteri", "Merauke"),
                .noMatch("Jakarta adalah ibu kota."),
            ],
            produce: { m in
                guard let head = m["head"], let place = m["place"] else { return nil }
                return DatelineValue(head: head.range, place: Casing.titleCase(Casing.joined(place.tokens)), date: nil)
            }
        ),
    ]

    /// Without a dash, a dateline must end its line ("Jember, 8 Oktober 2025" then a blank line).
    static func endsLine(_ m: Match) -> Bool {
        if m.has("dash") { return true }
        let tokens = m.document.tokens
        let next = m.tokens.upperBound
        return next == tokens.count || tokens[next].kind == .newline
    }

    static let headline: [Rule<Range<Int>>] = [
        Rule(
            "headline.title_line",
            "A first line of at most 40 tokens with no final period, followed by the body",
            pattern: [Element.any.repeated(1...40).as("title")],
            examples: [
                .match("⟦Ratusan Warga Binaan Lapas Kelas IIA Pekanbaru Terima Remisi Umum⟧\n\nPEKANBARU – Sebanyak 812 warga", "headline"),
                .match("⟦Prof. Zudan: Ayo Ikuti Kompetisi ASN Digital AI Hackathon 2025⟧\nJakarta – Humas BKN", "headline"),
                .noMatch("Medan, 19 September 2024 – Plt Kepala Kantor Imigrasi Kelas I TPI Bengkulu hadir.\nAcara ini dibuka."),
                .noMatch("Kantor Imigrasi menggelar rapat. Acara ini dibuka oleh Kepala Kantor.\nBeliau memaparkan."),
            ],
            produce: { m in
                let tokens = m.document.tokens
                let next = m.tokens.upperBound
                // The whole first line, with a body after it.
                guard next < tokens.count, tokens[next].kind == .newline,
                      tokens[next...].contains(where: { !$0.isSpace }) else { return nil }
                let last = tokens[m.tokens.upperBound - 1]
                guard last.norm != "." && last.norm != "," && last.norm != ":" else { return nil }
                return m.tokens
            }
        ),
    ]
}
