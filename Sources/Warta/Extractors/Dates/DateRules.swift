/// What a date rule read: one date, or an interval between two. Parts may lack their year
/// ("Jumat (23/5)"); the extractor resolves them from the dateline or the nearest full date before.
struct DateValue: Sendable {
    var from: CalendarDate
    var to: CalendarDate? = nil
    /// The ISO weekday written with the date ("Jumat" = 5), to check a resolved year against.
    var weekday: Int? = nil
    /// The tokens of the date itself, when the rule also matched a cue before it ("pada 2023" is the date "2023").
    var tokens: Range<Int>? = nil
    /// Written with a month name: such a date stands even inside a citation an earlier extractor claimed
    /// ("... Nomor 2793/B-KS.04.01/SD/K/2025 tanggal 8 Maret 2025 tentang ...").
    var spelled = false
    /// The other dates of an enumeration ("pada tahun 2023 dan 2024", "Juli, Agustus, dan September 2025").
    var more: [DateValue] = []
    /// Not a date: a citation year or a label that keeps the date rules off its span ("Nomor 6 Tahun 2019").
    var isGuard = false
    /// Written relative to the dateline's date ("kemarin", "pekan lalu"): resolved from it, not from the text around.
    var relative: RelativeDate? = nil

    static let guardValue = DateValue(from: CalendarDate(year: nil), isGuard: true)
}

enum DateRules {
    // MARK: elements shared by the rules (and by the dateline rules)

    /// The fixed words the rules below can start with (lexicon words aside); see `DateExtractor.startWords`.
    static let startWords = ["(", "hari", "tanggal", "tgl", "bulan", "nomor", "no", "nomer", "lembaran", "berita"]

    static let day = Element.digits(1...2)
    static let year = Element.year
    static let weekdayName = Element.lexicon("days")
    static let rangeWord = Element.lexicon("range-words").as("range")
    /// A month name or abbreviation. Abbreviations are dates only with a year (checked by the productions).
    static let month = Element.lexicon("months").as("month")
    /// "Kamis", "hari Kamis,", "Kamis pagi", "Rabu, ": a weekday before a date, with its part of the day.
    static let weekdayPrefix = Element.group(
        Element.word("hari").optional, weekdayName.as("weekday"),
        Element.word("pagi", "siang", "sore", "malam").optional, Element.word(",").optional
    ).optional
    /// "tanggal 19", "tgl. 19", "Tanggal 19": the noun before a day, kept in the date's span.
    static let dateNoun = Element.group(Element.word("tanggal", "tgl"), Element.word(".").attachedToPrevious.optional).optional
    /// The year after a month, with the dot of an abbreviated month ("19 Agt. 2024") and an optional noun
    /// ("10 Desember Tahun 2024", "bulan September tahun 2024"). The dot is taken only when a year follows,
    /// so that "pada 16-17 September." keeps its full stop out of the date.
    static let yearPart = Element.group(Element.word(".").attachedToPrevious.optional, Element.word("tahun").optional, year.as("year"))
    /// "(23/5)", "(2/6/2025)", "(04/03/24)": the numeric day and month of the house style, in parentheses.
    static let parenNumeric = Element.group(
        .word("("), day.as("day"), Element.word("/").attachedToPrevious, day.as("mon").attachedToPrevious,
        Element.group(Element.word("/"), Element.either(year, Element.digits(2...2)).as("year").attachedToPrevious)
            .attachedToPrevious.optional,
        Element.word(")").attachedToPrevious
    )
    /// "19/09/2024", "19-09-2024": a numeric day, month and four-digit year with one separator.
    static let slashedNumeric = Element.group(
        day.as("day"), Element.word("/", "-").as("sep").attachedToPrevious, day.as("mon").attachedToPrevious,
        Element.word("/", "-").as("sep2").attachedToPrevious, year.as("year").attachedToPrevious
    )
    /// "19.09.2024": ICU keeps a dotted date as one number token.
    static let dottedNumeric = Element.check("d.m.yyyy") { DateRules.dotted($0.text) != nil }.as("dotted")

    /// A date as a dateline writes it: "19 September 2024", "Jumat 8 November 2024", "Senin (7/10/2024)",
    /// "30/10/2025", "(10/9)". `calendarDate(_:)` reads what it captured.
    static let datelineDate = Element.either(
        .group(weekdayPrefix, day.as("day"), month, yearPart),
        .group(weekdayPrefix, parenNumeric),
        .group(weekdayPrefix, slashedNumeric),
        .group(weekdayPrefix, dottedNumeric)
    )

    // MARK: reading captures

    /// The date captured under `day`, `month` (a month name) or `mon` (digits), and `year` (four digits, or two
    /// read as 20yy), or in one dotted token; nil when the day does not exist.
    static func calendarDate(_ m: Match) -> CalendarDate? {
        if let dotted = m["dotted"].flatMap({ DateRules.dotted($0.text) }) { return dotted.isValid ? dotted : nil }
        if let first = m["sep"], let second = m["sep2"], first.text != second.text { return nil }
        let month = m.captures.last { $0.name == "month" }.flatMap(monthNumber) ?? m["mon"]?.int
        let date = CalendarDate(year: fullYear(m["year"]?.int), month: month, day: m["day"]?.int)
        return date.isValid ? date : nil
    }

    /// A two-digit year of the house style ("(04/03/24)") read as 20yy.
    static func fullYear(_ year: Int?) -> Int? { year.map { $0 < 100 ? 2000 + $0 : $0 } }

    /// "19.09.2024" as a date, if the token has that shape.
    static func dotted(_ text: String) -> CalendarDate? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
              let d = Int(parts[0]), let mo = Int(parts[1]), let y = Int(parts[2]), (1900...2100).contains(y) else { return nil }
        return CalendarDate(year: y, month: mo, day: d)
    }

    /// Whether the match stands apart from the tokens around it: not glued to a code or number before or after
    /// ("S-816/MS/PB.06.00/10/2025", "0812-1900-2024", "512/Pid.Sus/2024/PN", "2000-an").
    static func standsAlone(_ m: Match) -> Bool {
        let tokens = m.document.tokens
        let first = m.tokens.lowerBound, last = m.tokens.upperBound - 1
        if first > 0, !tokens[first - 1].isSpace {
            let before = tokens[first - 1]
            if before.kind != .punct || ["/", "-", ".", "+"].contains(before.norm) { return false }
        }
        if last + 1 < tokens.count, !tokens[last + 1].isSpace {
            let after = tokens[last + 1]
            if after.kind != .punct { return false }
            if ["/", "-", ".", ","].contains(after.norm), last + 2 < tokens.count,
               !tokens[last + 2].isSpace, tokens[last + 2].kind != .punct { return false }
        }
        return true
    }

    /// An interval from two ends, the first of which may lack its month or year ("19-20 September 2024",
    /// "30 Desember - 2 Januari 2025"): it takes them from the second, a year earlier if it would fall after it.
    static func interval(_ from: CalendarDate, _ to: CalendarDate) -> DateValue? {
        var from = from
        if from.month == nil, from.day != nil {
            guard let d1 = from.day, let d2 = to.day, d1 < d2 else { return nil }
            from.month = to.month
        }
        if from.year == nil, let y = to.year {
            from.year = y
            if !(from < to) { from.year = y - 1 }
        }
        guard from.isValid, to.isValid else { return nil }
        if from.year != nil, to.year != nil, !(from < to) { return nil }
        return DateValue(from: from, to: to)
    }

    static func monthNumber(_ c: Capture) -> Int? { c.entry?.fields.first.flatMap { Int($0) } }
    static func isAbbreviation(_ c: Capture) -> Bool { c.entry?.fields.dropFirst().first == "abbr" }
    static func int(_ m: Match, _ c: Capture) -> Int? { Int(m.document.text(tokens: c.tokens)) }
    /// The first weekday captured: in a range the weekday of its first day.
    static func weekday(_ m: Match) -> Int? {
        m.captures.first { $0.name == "weekday" }?.entry?.fields.first.flatMap { Int($0) }
    }

    /// The token range of the date itself in a match that starts with a cue word ("pada", "sejak").
    static func afterCue(_ m: Match) -> Range<Int>? {
        guard let cue = m["cue"] else { return nil }
        var start = cue.range.upperBound
        while start < m.tokens.upperBound, m.document.tokens[start].isSpace { start += 1 }
        return start..<m.tokens.upperBound
    }

    // MARK: the rules

    static let all: [Rule<DateValue>] = [
        Rule(
            "date.citation_number_year",
            "Not a date: the year of a numbered regulation or letter, \"Nomor 6 Tahun 2019\", \"No. M.HH-02.GR.01.04 Tahun 2023\"",
            pattern: [
                .word("nomor", "no", "nomer"), Element.word(".").attachedToPrevious.optional, Element.word(":").optional,
                .check("number") { $0.shape.contains(.hasDigit) || $0.shape.contains(.allUpper) },
                Element.any.attachedToPrevious.repeated(0...12),
                .word("tahun"), year,
            ],
            examples: [
                .match("berdasarkan Permenkumham ⟦Nomor 6 Tahun 2019⟧ tentang", "not a date"),
                .match("Inpres ⟦Nomor 9 tahun 2025⟧ yang", "not a date"),
                .match("Keputusan Menteri ⟦Nomor M.HH-02.GR.01.04 Tahun 2023⟧ Tentang Visa", "not a date"),
                .match("UU ⟦No. 6 Tahun 2011⟧ berupa", "not a date"),
                .noMatch("nomor antrean tahun 2024"),
            ],
            produce: { _ in DateValue.guardValue }
        ),
        Rule(
            "date.citation_type_year",
            "Not a date: a regulation or gazette named with its year, without \"Nomor\": \"UU 30 Tahun 2014\", \"Peraturan Pemerintah Tahun 2017\"",
            pattern: [
                .either(.lexicon("decree-types"),
                        .group(.word("lembaran", "berita"), .word("negara"),
                               Element.group(.word("republik"), .word("indonesia")).optional)),
                Element.digits(1...4).optional, .word("tahun"), year,
            ],
            examples: [
                .match("diubah menjadi ⟦Peraturan Pemerintah Tahun 2017⟧ tentang", "not a date"),
                .match("dasarnya: ⟦UU 30 Tahun 2014⟧; Peraturan", "not a date"),
                .match("(⟦Lembaran Negara Republik Indonesia Tahun 2011⟧ Nomor 52)", "not a date"),
                .noMatch("Peraturan itu berlaku sejak tahun 2017."),
            ],
            produce: { _ in DateValue.guardValue }
        ),
        Rule(
            "date.day_month_year",
            "A day, a month name and a year, with an optional weekday before: \"Kamis, 19 September 2024\", \"tanggal 19 bulan September tahun 2024\"",
            pattern: [weekdayPrefix, dateNoun, day.as("day"), Element.word("bulan").optional, month, yearPart],
            examples: [
                .match("pada ⟦26 Januari 2022⟧ dan", "2022-01-26 day"),
                .match("⟦Kamis, 19 September 2024⟧", "2024-09-19 day"),
                .match("diresmikan ⟦hari Kamis, 23 Januari 2025⟧ oleh", "2025-01-23 day"),
                .match("sejak ⟦19 Sept 2024⟧", "2024-09-19 day"),
                .match("berlaku ⟦19 Agt. 2024⟧ lalu", "2024-08-19 day"),
                .match("pada ⟦tanggal 19 bulan September tahun 2024⟧ di", "2024-09-19 day"),
                .match("ditetapkan ⟦tanggal 10 Desember Tahun 2024⟧ tentang", "2024-12-10 day"),
                .match("yakni ⟦30 Nopember 2023⟧ dan ⟦1 Pebruari 2024⟧", "2023-11-30 day"),
                .match("hadir ⟦Jum’at, 8 November 2024⟧ pagi", "2024-11-08 day"),
                .match("TMT ⟦01 November 2025⟧", "2025-11-01 day"),
                .noMatch("Pasal 19 ayat 2"),
                .noMatch("sebanyak 31 Februari 2024"),
                .noMatch("sebanyak 2.024 peserta dan Rp2.024 juta"),
            ],
            produce: { m in
                guard DateRules.standsAlone(m), let date = DateRules.calendarDate(m) else { return nil }
                return DateValue(from: date, weekday: DateRules.weekday(m), spelled: true)
            }
        ),
        Rule(
            "date.day_range",
            "Two days of one month, one interval: \"19-20 September 2024\", \"4 s.d 7 November 2025\", \"Senin-Rabu, 11-13 Agustus 2025\"",
            pattern: [
                Element.group(weekdayName.as("weekday"), rangeWord, weekdayName, Element.word(",").optional).optional,
                dateNoun, day.as("day"), rangeWord, day.as("day2"),
                Element.word("bulan").optional, month, yearPart.optional,
            ],
            examples: [
                .match("berlangsung ⟦19-20 September 2024⟧ di", "2024-09-19/2024-09-20 day"),
                .match("pada ⟦19 s.d. 20 September 2024⟧ di", "2024-09-19/2024-09-20 day"),
                .match("mulai ⟦4 s.d 7 November 2025⟧.", "2025-11-04/2025-11-07 day"),
                .match("pada ⟦9–11 Oktober 2025⟧.", "2025-10-09/2025-10-11 day"),
                .match("dilaksanakan ⟦9 hingga 12 November 2025⟧ di", "2025-11-09/2025-11-12 day"),
                .match("pada ⟦Senin-Rabu, 11-13 Agustus 2025⟧ pukul", "2025-08-11/2025-08-13 day"),
                .match("Jakarta, 2 Mei 2025 – Pameran digelar ⟦28-30 Mei⟧ di Jakarta.", "2025-05-28/2025-05-30 day"),
                .noMatch("skor 2-1 dan 3-0 pada laga itu"),
                .noMatch("pada 20-19 September 2024"),
            ],
            produce: { m in
                guard DateRules.standsAlone(m), let d1 = m["day"]?.int, let d2 = m["day2"]?.int,
                      let month = m.captures.last(where: { $0.name == "month" }) else { return nil }
                let year = m["year"]?.int
                // An abbreviated month ("10–13 Nov") is a date only with its year.
                guard year != nil || !DateRules.isAbbreviation(month),
                      var value = DateRules.interval(CalendarDate(year: nil, day: d1),
                                                     CalendarDate(year: year, month: DateRules.monthNumber(month), day: d2))
                else { return nil }
                value.weekday = DateRules.weekday(m)
                value.spelled = true
                return value
            }
        ),
        Rule(
            "date.day_month_range",
            "Two days of different months, one interval: \"30 September - 2 Oktober 2024\", \"1 Januari sampai dengan 31 Desember 2026\"",
            pattern: [
                weekdayPrefix, dateNoun, day.as("day"), month, yearPart.optional,
                rangeWord, weekdayPrefix, dateNoun, day.as("day2"), month, yearPart.optional,
            ],
            examples: [
                .match("pada ⟦30 September - 2 Oktober 2024⟧ di", "2024-09-30/2024-10-02 day"),
                .match("periode ⟦1 Januari 2023 sampai dengan 2 April 2023⟧.", "2023-01-01/2023-04-02 day"),
                .match("berlaku ⟦1 Januari sampai dengan 31 Desember 2026⟧.", "2026-01-01/2026-12-31 day"),
                .match("libur ⟦30 Desember - 2 Januari 2025⟧ nanti", "2024-12-30/2025-01-02 day"),
                .match("sejak ⟦21 Juli hingga 16 Oktober 2025⟧.", "2025-07-21/2025-10-16 day"),
                .noMatch("pada 30 September, 2 Oktober 2024 dan"),
            ],
            produce: { m in
                guard DateRules.standsAlone(m), let d1 = m["day"]?.int, let d2 = m["day2"]?.int else { return nil }
                let months = m.captures.filter { $0.name == "month" }
                guard months.count == 2 else { return nil }
                let split = months[1].tokens.lowerBound
                let years = m.captures.filter { $0.name == "year" }
                let y1 = years.first { $0.tokens.lowerBound < split }.flatMap { DateRules.int(m, $0) }
                let y2 = years.first { $0.tokens.lowerBound > split }.flatMap { DateRules.int(m, $0) }
                guard y2 != nil || !months.contains(where: DateRules.isAbbreviation),
                      var value = DateRules.interval(CalendarDate(year: y1, month: DateRules.monthNumber(months[0]), day: d1),
                                                     CalendarDate(year: y2, month: DateRules.monthNumber(months[1]), day: d2))
                else { return nil }
                value.weekday = DateRules.weekday(m)
                value.spelled = true
                return value
            }
        ),
        Rule(
            "date.day_month",
            "A day and a month written in full, without a year, resolved from the context: \"Jumat, 23 Mei\", \"tanggal 25 Desember\"",
            pattern: [weekdayPrefix, dateNoun, day.as("day"), Element.word("bulan").optional, month],
            examples: [
                .match("Jakarta, 20 Mei 2025 – Rapat digelar ⟦Jumat, 23 Mei⟧ di kantor.", "2025-05-23 day"),
                .match("Ambon, 8 November 2023 – Remisi diserahkan ⟦tanggal 25 Desember⟧ bertepatan dengan Natal.", "2023-12-25 day"),
                .noMatch("Bapak Agus 17 Agus menjabat"),
                .noMatch("sebanyak 5 Mei Ling hadir"),
            ],
            produce: { m in
                guard DateRules.standsAlone(m), let month = m.captures.last(where: { $0.name == "month" }),
                      !DateRules.isAbbreviation(month),
                      let date = DateRules.calendarDate(m), !DateRules.followedByName(m) else { return nil }
                return DateValue(from: date, weekday: DateRules.weekday(m), spelled: true)
            }
        ),
        Rule(
            "date.weekday_numeric",
            "A weekday and a numeric day/month[/year] in parentheses, the house style: \"Jumat (23/5)\", \"Senin (2/6/2025)\", \"Rabu, (29/10/2025)\"",
            pattern: [
                Element.word("hari").optional, weekdayName.as("weekday"),
                Element.word("pagi", "siang", "sore", "malam").optional, Element.word(",").optional, parenNumeric,
            ],
            examples: [
                .match("Jakarta, 20 Mei 2025 – Rapat digelar ⟦Jumat (23/5)⟧.", "2025-05-23 day"),
                .match("digelar pada ⟦Senin (2/6/2025)⟧ di Jakarta", "2025-06-02 day"),
                .match("pada ⟦Rabu, (29/10/2025)⟧ di", "2025-10-29 day"),
                .match("⟦Kamis pagi (23/10/2025)⟧", "2025-10-23 day"),
                .match("apel pagi, ⟦Senin, (04/03/24)⟧.", "2024-03-04 day"),
                .match("Jakarta, 2 Januari 2025 – Rapat digelar ⟦Senin (30/12)⟧ lalu.", "2024-12-30 day"),
                .noMatch("Senin (32/13)"),
                .noMatch("Selasa (pukul 09.00)"),
            ],
            produce: { m in
                guard let date = DateRules.calendarDate(m) else { return nil }
                return DateValue(from: date, weekday: DateRules.weekday(m))
            }
        ),
        Rule(
            "date.numeric_range",
            "Two numeric days in parentheses, one interval: \"Sabtu–Minggu (19–20/10/2024)\", \"(30/9–2/10/2024)\"",
            pattern: [
                Element.group(weekdayName.as("weekday"), Element.group(rangeWord, weekdayName).optional,
                              Element.word(",").optional).optional,
                .word("("), day.as("day"), Element.group(Element.word("/"), day.as("mon1").attachedToPrevious).attachedToPrevious.optional,
                rangeWord, day.as("day2"), Element.word("/").attachedToPrevious, day.as("mon").attachedToPrevious,
                Element.group(Element.word("/"), Element.either(year, Element.digits(2...2)).as("year").attachedToPrevious)
                    .attachedToPrevious.optional,
                Element.word(")").attachedToPrevious,
            ],
            examples: [
                .match("layanan pada ⟦Sabtu–Minggu (19–20/10/2024)⟧.", "2024-10-19/2024-10-20 day"),
                .match("pameran ⟦(30/9–2/10/2024)⟧ di Jakarta", "2024-09-30/2024-10-02 day"),
                .match("Jakarta, 14 Mei 2025 – Ujian digelar ⟦Senin-Selasa (19-20/5)⟧ di kampus.", "2025-05-19/2025-05-20 day"),
                .noMatch("nilai (3-4/5) dari juri"),
                .noMatch("pada (20–19/10/2024) itu"),
            ],
            produce: { m in
                guard let d1 = m["day"]?.int, let d2 = m["day2"]?.int, let mo = m["mon"]?.int else { return nil }
                let year = DateRules.fullYear(m["year"]?.int)
                // Without a year, the house style names the weekday: "nilai (3-4/5)" is a score.
                guard year != nil || m.has("weekday"),
                      var value = DateRules.interval(CalendarDate(year: nil, month: m["mon1"]?.int, day: d1),
                                                     CalendarDate(year: year, month: mo, day: d2)) else { return nil }
                value.weekday = DateRules.weekday(m)
                return value
            }
        ),
        Rule(
            "date.numeric_in_parens",
            "A numeric date in parentheses after a place: \"Medan (5/4/2022)\", \"Semarang (10/9)\" (the year then from the context)",
            pattern: [parenNumeric],
            examples: [
                .match("di Aula Hotel Radisson, Medan ⟦(5/4/2022)⟧.", "2022-04-05 day"),
                .match("Semarang, 28 Juli 2025 – Wisuda di Semarang ⟦(30/7)⟧ dihadiri rektor.", "2025-07-30 day"),
                .noMatch("sepertiga (1/3) peserta"),
                .noMatch("Pasal 5 (1/2) dan (31/2/2024)"),
            ],
            produce: { m in
                guard let date = DateRules.calendarDate(m) else { return nil }
                if date.year == nil {
                    // Without a year, a bare "(d/m)" is a date only after a capitalized word (the place).
                    let tokens = m.document.tokens
                    var i = m.tokens.lowerBound - 1
                    while i >= 0, tokens[i].isSpace { i -= 1 }
                    guard i >= 0, tokens[i].kind == .word, tokens[i].shape.contains(.initialUpper) else { return nil }
                }
                return DateValue(from: date)
            }
        ),
        Rule(
            "date.numeric",
            "A numeric day, month and year in Indonesian order: \"19/09/2024\", \"19-09-2024\", \"19.09.2024\", \"Selasa, 4/11/2025\"",
            pattern: [weekdayPrefix, dateNoun, Element.either(slashedNumeric, dottedNumeric)],
            examples: [
                .match("berlaku penuh mulai ⟦01/07/2024⟧.", "2024-07-01 day"),
                .match("tanggal lahir ⟦19-09-2024⟧ tercatat", "2024-09-19 day"),
                .match("sejak ⟦19.09.2024⟧ pukul", "2024-09-19 day"),
                .match("ujarnya, ⟦Selasa, 4/11/2025⟧ di Kantor", "2025-11-04 day"),
                .noMatch("surat nomor S-816/MS/PB.06.00/10/2025 tanggal"),
                .noMatch("Siaran Pers No. 212/HM-KKD/11/2025 Kamis"),
                .noMatch("hubungi WhatsApp 0812-1900-2024 atau 021-80882815"),
                .noMatch("UU 6/2011 dan PP 28/2025"),
                .noMatch("pukul 09.00 WIB dan versi 2.0.1"),
                .noMatch("pada 19/09-2024"),
            ],
            produce: { m in
                guard DateRules.standsAlone(m), let date = DateRules.calendarDate(m) else { return nil }
                return DateValue(from: date, weekday: DateRules.weekday(m))
            }
        ),
        Rule(
            "date.iso",
            "An ISO date, year first: \"2024-09-19\"",
            pattern: [
                year.as("year"), Element.word("-").attachedToPrevious, Element.digits(2...2).as("mon").attachedToPrevious,
                Element.word("-").attachedToPrevious, Element.digits(2...2).as("day").attachedToPrevious,
            ],
            examples: [
                .match("diunggah ⟦2024-09-19⟧ pukul", "2024-09-19 day"),
                .noMatch("periode 2024-2028 dan 2024-13-01"),
            ],
            produce: { m in
                guard DateRules.standsAlone(m), let date = DateRules.calendarDate(m) else { return nil }
                return DateValue(from: date)
            }
        ),
        Rule(
            "date.month_year",
            "A month name and a year: \"September 2024\", \"bulan Mei 2025\", \"Sept. 2024\"",
            pattern: [Element.word("bulan").optional, month, yearPart],
            examples: [
                .match("pada ⟦Oktober 2025⟧ tercatat", "2025-10 month"),
                .match("sejak ⟦bulan Mei 2025⟧ lalu", "2025-05 month"),
                .match("akhir ⟦Agt. 2024⟧ lalu", "2024-08 month"),
                .noMatch("pada Oktober lalu"),
                .noMatch("Peraturan Pemerintah Nomor 8 Tahun 2024 mengatur"),
                .noMatch("nomor surat 12/Okt/2025"),
            ],
            produce: { m in
                guard DateRules.standsAlone(m), let date = DateRules.calendarDate(m) else { return nil }
                return DateValue(from: date, spelled: true)
            }
        ),
        Rule(
            "date.month_range",
            "Two months, one interval: \"Januari hingga Maret 2025\", \"Desember 2024 hingga Juni 2025\", \"Januari-Februari 2025\"",
            pattern: [
                Element.word("bulan").optional, month, yearPart.optional, rangeWord,
                Element.word("bulan").optional, month, yearPart,
            ],
            examples: [
                .match("sejak ⟦Januari hingga Maret 2025⟧ tercatat", "2025-01/2025-03 month"),
                .match("mulai ⟦Desember 2024 hingga Juni 2025⟧ di", "2024-12/2025-06 month"),
                .match("periode ⟦Januari-Februari 2025⟧ naik", "2025-01/2025-02 month"),
                .match("program ⟦Oktober 2024 sampai Januari 2025⟧.", "2024-10/2025-01 month"),
                .noMatch("pada Maret hingga 2025"),
            ],
            produce: { m in
                guard DateRules.standsAlone(m) else { return nil }
                let months = m.captures.filter { $0.name == "month" }.compactMap(DateRules.monthNumber)
                let years = m.captures.filter { $0.name == "year" }.compactMap { DateRules.int(m, $0) }
                guard months.count == 2, let last = years.last,
                      var value = DateRules.interval(CalendarDate(year: years.count == 2 ? years[0] : nil, month: months[0]),
                                                     CalendarDate(year: last, month: months[1])) else { return nil }
                value.spelled = true
                return value
            }
        ),
        Rule(
            "date.month_list",
            "Months listed before one year, each a date: \"Juli, Agustus, dan September 2025\"",
            pattern: [
                Element.word("bulan").optional, month,
                Element.group(Element.word(","), month).repeated(0...4), Element.word(",").optional,
                Element.word("dan", "serta"), month, yearPart,
            ],
            examples: [
                .match("pada bulan ⟦Juli⟧, Agustus, dan September 2025 naik", "2025-07 month"),
                .match("pada bulan Juli, Agustus, dan ⟦September 2025⟧ naik", "2025-09 month"),
                .match("inflasi ⟦Oktober⟧ dan November 2025 terkendali", "2025-10 month"),
                .noMatch("pada Oktober dan November lalu"),
            ],
            produce: { m in
                guard DateRules.standsAlone(m), let year = m["year"]?.int else { return nil }
                let months = m.captures.filter { $0.name == "month" }
                var values: [DateValue] = months.compactMap { c in
                    DateRules.monthNumber(c).map { DateValue(from: CalendarDate(year: year, month: $0), tokens: c.tokens, spelled: true) }
                }
                guard values.count >= 2 else { return nil }
                values[values.count - 1].tokens = months[months.count - 1].tokens.lowerBound..<m.tokens.upperBound
                var first = values.removeFirst()
                first.more = values
                return first
            }
        ),
        Rule(
            "date.year_range",
            "Two years, one interval: \"2016–2024\", \"sejak 2020 sampai 2024\", \"tahun 2023 hingga 2026\"",
            pattern: [Element.lexicon("year-cues").as("cue").optional, year.as("y1"), rangeWord, Element.word("tahun").optional, year.as("y2")],
            examples: [
                .match("pada tahun ⟦2016–2024⟧ hanya", "2016/2024 year"),
                .match("pengurus periode ⟦2024-2028⟧.", "2024/2028 year"),
                .match("berlaku sejak ⟦2020 sampai 2024⟧.", "2020/2024 year"),
                .match("diperkuat pada ⟦2023 hingga 2026⟧.", "2023/2026 year"),
                .match("memimpin bersama Finlandia (⟦2021–2023⟧) dan", "2021/2023 year"),
                .noMatch("hubungi 0812-1900-2024 segera"),
                .noMatch("skor 2024 hingga 2020 peserta"),
                .noMatch("Tahun Akademik 2024/2025 dimulai"),
                .noMatch("antara 1950-2000 orang per desa"),
            ],
            produce: { m in
                guard DateRules.standsAlone(m), !DateRules.followedByCount(m),
                      let y1 = m["y1"]?.int, let y2 = m["y2"]?.int, y1 < y2, y2 - y1 <= 50,
                      let range = m["range"] else { return nil }
                // A range word ("hingga", "sampai") joins two years only after a cue: "sejak 2020 sampai 2024".
                guard range.norm.hasPrefix("-") || m.has("cue") else { return nil }
                return DateValue(from: CalendarDate(year: y1), to: CalendarDate(year: y2), tokens: DateRules.afterCue(m))
            }
        ),
        Rule(
            "date.year_in_parens",
            "A bare year alone in parentheses after a common word, a time: \"dari 3 bulan (2024) menjadi 2 bulan (2025)\"",
            pattern: [.word("("), year.as("y"), Element.word(")").attachedToPrevious],
            examples: [
                .match("penundaan dari 3 bulan (⟦2024⟧) menjadi 2 bulan (2025).", "2024 year"),
                .noMatch("Future Leaders Camp (FLC) 2025 dan Data BPS (2024) serta"),
            ],
            produce: { m in
                // After a name or an acronym the year is part of it or a source's edition ("BPS (2024)").
                let tokens = m.document.tokens
                var i = m.tokens.lowerBound - 1
                while i >= 0, tokens[i].isSpace { i -= 1 }
                guard i >= 0, tokens[i].kind != .punct, !tokens[i].shape.contains(.initialUpper),
                      let y = m["y"] else { return nil }
                return DateValue(from: CalendarDate(year: y.int), tokens: y.range)
            }
        ),
        Rule(
            "date.year_pair",
            "Two bare years joined by \"dan\" or \"atau\", each a date: \"inflasi 2025 dan 2026\"",
            pattern: [year.as("y"), Element.word("dan", "serta", "atau", "maupun"), year.as("y")],
            examples: [
                .match("prakiraan inflasi ⟦2025⟧ dan 2026 terkendali", "2025 year"),
                .match("prakiraan inflasi 2025 dan ⟦2026⟧ terkendali", "2026 year"),
                .noMatch("sebanyak 2025 dan 2.026 peserta"),
                .noMatch("nomor 1945 dan 1950-an"),
            ],
            produce: { m in
                guard DateRules.standsAlone(m), !DateRules.followedByCount(m) else { return nil }
                let years = m.captures.filter { $0.name == "y" }
                guard years.count == 2, let y1 = DateRules.int(m, years[0]), let y2 = DateRules.int(m, years[1]) else { return nil }
                return DateValue(from: CalendarDate(year: y1), tokens: years[0].tokens,
                                 more: [DateValue(from: CalendarDate(year: y2), tokens: years[1].tokens)])
            }
        ),
        Rule(
            "date.year_after_cue",
            "A bare year used as a time after a cue, and any years listed with it: \"pada 2023\", \"sejak 2019\", \"tahun 2023 dan 2024\"",
            pattern: [
                Element.lexicon("year-cues").as("cue"), year.as("y"),
                Element.group(Element.word(",", "dan", "serta", "atau", "maupun"), year.as("y")).repeated(0...3),
            ],
            examples: [
                .match("naik kelas pada ⟦2023⟧ lalu", "2023 year"),
                .match("menjadi kantor ⟦tahun 2024⟧", "2024 year"),
                .match("tercatat sejak ⟦2019⟧ dalam", "2019 year"),
                .match("hingga akhir ⟦2025⟧ nanti", "2025 year"),
                .match("evaluasi pada ⟦tahun 2023⟧ dan 2024.", "2023 year"),
                .match("evaluasi pada tahun 2023 dan ⟦2024⟧.", "2024 year"),
                .noMatch("Permenkumham Nomor 6 Tahun 2019 mengatur"),
                .noMatch("menuju Visi 2045 dan Tahun Anggaran 2025 serta TA 2025"),
                .noMatch("sebanyak 2024 peserta dari Rp2.024 juta"),
                .noMatch("sejak awal 2000-an"),
                .noMatch("meningkat hingga 2000 peserta dari 1950 orang"),
            ],
            produce: { m in
                guard DateRules.standsAlone(m), !DateRules.followedByCount(m), let cue = m["cue"] else { return nil }
                let years = m.captures.filter { $0.name == "y" }
                var values: [DateValue] = years.compactMap { c in
                    DateRules.int(m, c).map { DateValue(from: CalendarDate(year: $0), tokens: c.tokens) }
                }
                guard !values.isEmpty else { return nil }
                // "tahun 2024" is the date with its noun; after a preposition ("pada 2023") the year alone is.
                if cue.norm == "tahun" { values[0].tokens = cue.range.lowerBound..<years[0].tokens.upperBound }
                var first = values.removeFirst()
                first.more = values
                return first
            }
        ),
    ]

    /// Whether a count word follows the match, which makes its last number an amount ("hingga 2000 peserta").
    static func followedByCount(_ m: Match) -> Bool {
        let tokens = m.document.tokens
        var i = m.tokens.upperBound
        while i < tokens.count, tokens[i].kind == .space { i += 1 }
        return i < tokens.count && m.lexicons["count-words"].longestMatch(in: tokens, at: i) != nil
    }

    /// Whether a capitalized word follows "5 Mei" directly, as in a person's name ("5 Mei Ling").
    static func followedByName(_ m: Match) -> Bool {
        let tokens = m.document.tokens
        var i = m.tokens.upperBound
        guard i < tokens.count, tokens[i].kind == .space else { return false }
        i += 1
        return i < tokens.count && tokens[i].kind == .word && tokens[i].shape.contains(.initialUpper)
            && m["month"]?.norm == "mei"
    }
}
