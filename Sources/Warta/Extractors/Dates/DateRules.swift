/// What a date rule read: one date, or an interval between two. Parts may lack their year
/// ("Jumat (23/5)"); the extractor resolves them from the dateline or the nearest full date before.
struct DateValue: Sendable {
    var from: CalendarDate
    var to: CalendarDate?
    /// The ISO weekday written with the date ("Jumat" = 5), to check a resolved year against.
    var weekday: Int?
}

enum DateRules {
    static let day = Element.digits(1...2)
    static let month = Element.lexicon("months")
    static let year = Element.year
    static let weekday = Element.lexicon("days")

    static func monthNumber(_ c: Match.Captured?) -> Int? { c?.canonical.flatMap { Int($0) } }

    static let all: [Rule<DateValue>] = [
        Rule(
            "date.day_month_year",
            "A day, a month name and a year, with an optional weekday before: \"Kamis, 19 September 2024\"",
            pattern: [
                Element.group(weekday.as("weekday"), Element.word(",").optional).optional,
                day.as("day"), month.as("month"), year.as("year"),
            ],
            examples: [
                .match("pada ⟦26 Januari 2022⟧ dan", "2022-01-26 day"),
                .match("⟦Kamis, 19 September 2024⟧", "2024-09-19 day"),
                .match("sejak ⟦19 Sept 2024⟧", "2024-09-19 day"),
                .noMatch("Pasal 19 ayat 2"),
                .noMatch("sebanyak 31 Februari 2024"),
            ],
            produce: { m in
                let date = CalendarDate(year: m["year"]?.int, month: monthNumber(m["month"]), day: m["day"]?.int)
                guard date.isValid else { return nil }
                return DateValue(from: date, weekday: m["weekday"]?.canonical.flatMap { Int($0) })
            }
        ),
        Rule(
            "date.weekday_numeric",
            "A weekday and a numeric day/month[/year] in parentheses, the house style: \"Jumat (23/5)\", \"Senin (2/6/2025)\"",
            pattern: [
                weekday.as("weekday"), Element.word(",").optional,
                Element.check("word", { $0.kind == .word }).optional,  // "Kamis pagi (23/10/2025)"
                .word("("), day.as("day"), Element.word("/").attachedToPrevious, day.as("month").attachedToPrevious,
                Element.group(Element.word("/"), Element.either(Element.year, Element.digits(2...2)).as("year").attachedToPrevious)
                    .attachedToPrevious.optional,
                Element.word(")").attachedToPrevious,
            ],
            examples: [
                .match("Jakarta, 20 Mei 2025 – Rapat digelar ⟦Jumat (23/5)⟧.", "2025-05-23 day"),
                .match("digelar pada ⟦Senin (2/6/2025)⟧ di Jakarta", "2025-06-02 day"),
                .match("⟦Kamis pagi (23/10/2025)⟧", "2025-10-23 day"),
                .noMatch("Senin (32/13)"),
            ],
            produce: { m in
                var year = m["year"]?.int
                if let y = year, y < 100 { year = 2000 + y }
                let date = CalendarDate(year: year, month: m["month"]?.int, day: m["day"]?.int)
                guard date.isValid else { return nil }
                return DateValue(from: date, weekday: m["weekday"]?.canonical.flatMap { Int($0) })
            }
        ),
        Rule(
            "date.month_year",
            "A month name and a year: \"September 2024\", \"bulan Mei 2025\"",
            pattern: [month.as("month"), year.as("year")],
            examples: [
                .match("pada ⟦Oktober 2025⟧ tercatat", "2025-10 month"),
                .noMatch("pada Oktober lalu"),
                .noMatch("Peraturan Pemerintah Nomor 8 Tahun 2024 mengatur"),
            ],
            produce: { m in
                DateValue(from: CalendarDate(year: m["year"]?.int, month: monthNumber(m["month"])))
            }
        ),
        Rule(
            "date.year_as_time",
            "A year used as a time after \"tahun\" or \"pada\": \"pada tahun 2024\", \"pada 2023\"",
            pattern: [Element.word("tahun", "pada"), year.as("year")],
            examples: [
                .match("naik kelas ⟦pada 2023⟧ lalu", "2023 year"),
                .match("menjadi kantor ⟦tahun 2024⟧", "2024 year"),
                .noMatch("Permenkumham Nomor 6 Tahun 2019 mengatur"),
            ],
            produce: { m in DateValue(from: CalendarDate(year: m["year"]?.int)) }
        ),
    ]
}
