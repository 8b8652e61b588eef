/// A date written relative to the day the text was written: "kemarin", "Senin lalu", "pekan depan",
/// "tahun lalu". The extractor resolves it against the dateline's date, the only anchor a reader shares
/// with the writer; without a dated dateline it is not output.
struct RelativeDate: Sendable, Hashable {
    enum Unit: String, Sendable { case week, weekend, month, year }

    enum Kind: Sendable, Hashable {
        /// So many days from the anchor ("kemarin" is -1, "lusa" 2).
        case days(Int)
        /// The weekday (1 Monday ... 7 Sunday) before the anchor (step -1), after it (1), or in its week (0).
        case weekday(Int, step: Int)
        /// The weekday of the week before the anchor's (step -1), after it (1), or of its own (0): "Senin pekan depan".
        case weekdayOfWeek(Int, step: Int)
        /// The anchor's week (Monday to Sunday), weekend, month or year, or the one before or after it.
        case unit(Unit, step: Int)
    }

    let kind: Kind

    /// The date or interval meant, counted from `anchor`; nil when the anchor lacks the precision needed
    /// (a day for days, weekdays and weeks, a month for months).
    func resolve(from anchor: CalendarDate) -> (from: CalendarDate, to: CalendarDate?)? {
        switch kind {
        case .days(let n):
            guard let today = anchor.dayNumber else { return nil }
            return (CalendarDate(dayNumber: today + n), nil)
        case .weekday(let weekday, let step):
            guard let today = anchor.dayNumber, let current = anchor.weekday else { return nil }
            // Strictly before or after: "Senin lalu" written on a Monday is a week earlier.
            let offset: Int
            switch step {
            case ..<0: offset = -((current - weekday + 6) % 7 + 1)
            case 1...: offset = (weekday - current + 6) % 7 + 1
            default: offset = weekday - current
            }
            return (CalendarDate(dayNumber: today + offset), nil)
        case .weekdayOfWeek(let weekday, let step):
            guard let today = anchor.dayNumber, let current = anchor.weekday else { return nil }
            return (CalendarDate(dayNumber: today - (current - 1) + 7 * step + (weekday - 1)), nil)
        case .unit(let unit, let step) where unit == .week || unit == .weekend:
            guard let today = anchor.dayNumber, let current = anchor.weekday else { return nil }
            let monday = today - (current - 1) + 7 * step
            return (CalendarDate(dayNumber: unit == .week ? monday : monday + 5), CalendarDate(dayNumber: monday + 6))
        case .unit(.month, let step):
            guard let year = anchor.year, let month = anchor.month else { return nil }
            let index = year * 12 + (month - 1) + step
            return (CalendarDate(year: index / 12, month: index % 12 + 1), nil)
        case .unit(_, let step):
            guard let year = anchor.year else { return nil }
            return (CalendarDate(year: year + step), nil)
        }
    }
}

extension CalendarDate {
    /// Days since 1970-01-01, for a full date (the proleptic Gregorian calendar; H. Hinnant's algorithm).
    var dayNumber: Int? {
        guard let year, let month, let day else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day `dayNumber` days after 1970-01-01.
    init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shifted + 2) / 5 + 1
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }
}

/// Rules for dates written relative to the dateline's. Their examples open with a dated dateline, which
/// the extractor resolves them from; the summary names that anchor.
enum RelativeDateRules {
    static let all: [Rule<DateValue>] = [
        Rule(
            "date.relative_day",
            "A day named from the dateline's: \"hari ini\", \"kemarin\", \"besok\", \"lusa\", \"kemarin lusa\", \"besok lusa\"",
            pattern: [Element.lexicon("relative-days").as("days")],
            examples: [
                .match("Jakarta, 3 Maret 2025 – Tim gabungan ⟦kemarin⟧ merazia tempat hiburan.", "2025-03-02 day, from the dateline 2025-03-03"),
                .match("Medan, 19 September 2024 – Layanan paspor ⟦hari ini⟧ dibuka hingga sore.", "2024-09-19 day, from the dateline 2024-09-19"),
                .match("Medan, 19 September 2024 – “Mulai ⟦hari ini⟧ kami buka,” ujarnya.", "2024-09-19 day, from the dateline 2024-09-19"),
                .match("Ambon, 31 Desember 2024 – Pelantikan digelar ⟦besok⟧ pagi.", "2025-01-01 day, from the dateline 2024-12-31"),
                .match("Palu, 28 Februari 2024 – Rapat lanjutan digelar ⟦lusa⟧.", "2024-03-01 day, from the dateline 2024-02-28"),
                .match("Jakarta, 1 Maret 2025 – Razia ⟦kemarin lusa⟧ menjaring 12 orang.", "2025-02-27 day, from the dateline 2025-03-01"),
                .match("Jakarta, 1 Maret 2025 – Hasilnya diumumkan ⟦besok lusa⟧.", "2025-03-03 day, from the dateline 2025-03-01"),
                .noMatch("Jakarta – Tim gabungan kemarin merazia tempat hiburan."),
                .noMatch("Jakarta, 3 Maret 2025 – Pelatihan selama dua hari ini diikuti 40 peserta."),
                .noMatch("Jakarta, 3 Maret 2025 – Kunjungan bulan Oktober kemarin membuahkan hasil."),
                .noMatch("Jakarta, 10 Maret 2025 – Razia digelar Rabu (5/3) kemarin di Bekasi."),
            ],
            produce: { m in
                guard let days = m["days"], let n = days.canonical.flatMap({ Int($0) }),
                      !RelativeDateRules.counted(m), n == 0 || !RelativeDateRules.afterCalendarWord(m) else { return nil }
                return DateValue(from: CalendarDate(year: nil), relative: RelativeDate(kind: .days(n)))
            }
        ),
        Rule(
            "date.relative_weekday",
            "A weekday before, after or in the dateline's week: \"Senin lalu\", \"Jumat kemarin\", \"Rabu depan\", \"Kamis ini\", \"Senin pekan depan\"",
            pattern: [
                Element.word("hari").optional, Element.lexicon("days").as("weekday"), Element.lexicon("relative-units").as("unit").optional,
                Element.lexicon("relative-steps").as("step"),
            ],
            examples: [
                .match("Jakarta, 3 Maret 2025 – Rapat ⟦Senin lalu⟧ memutuskan jadwal baru.", "2025-02-24 day, from the dateline 2025-03-03"),
                .match("Jakarta, 7 Maret 2025 – Razia ⟦Jumat kemarin⟧ berlanjut.", "2025-02-28 day, from the dateline 2025-03-07"),
                .match("Jakarta, 3 Maret 2025 – Sidang dilanjutkan ⟦Rabu depan⟧.", "2025-03-05 day, from the dateline 2025-03-03"),
                .match("Jakarta, 3 Maret 2025 – Pelantikan digelar pada ⟦hari Kamis mendatang⟧.", "2025-03-06 day, from the dateline 2025-03-03"),
                .match("Jakarta, 3 Maret 2025 – Upacara digelar pada ⟦Minggu lalu⟧ di alun-alun.", "2025-03-02 day, from the dateline 2025-03-03"),
                .match("Jakarta, 5 Maret 2025 – Hasilnya diumumkan ⟦Jumat ini⟧.", "2025-03-07 day, from the dateline 2025-03-05"),
                .match("Jakarta, 5 Maret 2025 – Sidang dilanjutkan ⟦Senin pekan depan⟧.", "2025-03-10 day, from the dateline 2025-03-05"),
                .match("Jakarta, 5 Maret 2025 – Razia digelar ⟦Jumat minggu lalu⟧.", "2025-02-28 day, from the dateline 2025-03-05"),
                .noMatch("Jakarta – Rapat Senin lalu memutuskan jadwal baru."),
                .noMatch("Jakarta, 3 Maret 2025 – Minggu lalu, tim menyisir tiga desa."),
                .noMatch("Jakarta, 3 Maret 2025 – Upacara digelar Minggu (2/3) lalu."),
                .noMatch("Jakarta, 3 Maret 2025 – Laporan dikirim Senin bulan depan."),
            ],
            produce: { m in
                guard let weekday = m["weekday"], let w = weekday.canonical.flatMap({ Int($0) }),
                      let step = m["step"]?.canonical.flatMap({ Int($0) }) else { return nil }
                // "Senin pekan depan": the Monday of that week. A weekday of a month or a year names no day.
                if let unit = m["unit"] {
                    guard unit.canonical == RelativeDate.Unit.week.rawValue else { return nil }
                    return DateValue(from: CalendarDate(year: nil), relative: RelativeDate(kind: .weekdayOfWeek(w, step: step)))
                }
                // "minggu" is also the week: it is Sunday after "hari", or capitalized inside a sentence.
                if m.tokens.lowerBound == weekday.range.lowerBound, m.document.tokens[weekday.range.lowerBound].norm == "minggu",
                   !RelativeDateRules.capitalizedInSentence(m, at: weekday.range.lowerBound) { return nil }
                return DateValue(from: CalendarDate(year: nil), relative: RelativeDate(kind: .weekday(w, step: step)))
            }
        ),
        Rule(
            "date.relative_unit",
            "The week, weekend, month or year before, after or of the dateline: \"pekan lalu\", \"minggu depan\", \"akhir pekan lalu\", \"bulan lalu\", \"tahun depan\", \"tahun ini\"",
            pattern: [Element.lexicon("relative-units").as("unit"), Element.lexicon("relative-steps").as("step")],
            examples: [
                .match("Jakarta, 5 Maret 2025 – Operasi ⟦pekan lalu⟧ menjaring 30 orang.", "2025-02-24/2025-03-02 day, from the dateline 2025-03-05"),
                .match("Jakarta, 5 Maret 2025 – ⟦Minggu lalu⟧, tim menyisir tiga desa.", "2025-02-24/2025-03-02 day, from the dateline 2025-03-05"),
                .match("Jakarta, 5 Maret 2025 – Seleksi dibuka ⟦minggu depan⟧.", "2025-03-10/2025-03-16 day, from the dateline 2025-03-05"),
                .match("Jakarta, 5 Maret 2025 – Razia ⟦akhir pekan lalu⟧ menyasar tempat hiburan.", "2025-03-01/2025-03-02 day, from the dateline 2025-03-05"),
                .match("Jakarta, 10 Januari 2025 – Realisasi ⟦bulan lalu⟧ melampaui target.", "2024-12 month, from the dateline 2025-01-10"),
                .match("Jakarta, 10 Desember 2024 – Aturan berlaku ⟦bulan depan⟧.", "2025-01 month, from the dateline 2024-12-10"),
                .match("Jakarta, 10 Januari 2025 – Target ⟦tahun depan⟧ naik.", "2026 year, from the dateline 2025-01-10"),
                .match("Jakarta, 10 Januari 2025 – Kantor ini berdiri sejak ⟦tahun lalu⟧.", "2024 year, from the dateline 2025-01-10"),
                .match("Jakarta, 10 Januari 2025 – Capaian pada ⟦tahun yang lalu⟧ menurun.", "2024 year, from the dateline 2025-01-10"),
                .match("Jakarta, 10 Januari 2025 – Kuota ⟦tahun ini⟧ bertambah.", "2025 year, from the dateline 2025-01-10"),
                .noMatch("Jakarta – Operasi pekan lalu menjaring 30 orang."),
                .noMatch("Jakarta, 10 Januari 2025 – Kantor itu berdiri 10 tahun lalu."),
                .noMatch("Jakarta, 10 Januari 2025 – Dua pekan lalu aturan itu terbit."),
                .noMatch("Jakarta, 3 Maret 2025 – Upacara digelar pada Minggu lalu di alun-alun."),
            ],
            produce: { m in
                guard let unit = m["unit"], let kind = unit.canonical.flatMap(RelativeDate.Unit.init(rawValue:)),
                      let step = m["step"]?.canonical.flatMap({ Int($0) }), !RelativeDateRules.counted(m) else { return nil }
                if m.document.tokens[unit.range.lowerBound].norm == "minggu",
                   RelativeDateRules.capitalizedInSentence(m, at: unit.range.lowerBound) { return nil }
                return DateValue(from: CalendarDate(year: nil), relative: RelativeDate(kind: .unit(kind, step: step)))
            }
        ),
    ]

    /// Whether a number or a counting word stands right before the match: "dua pekan lalu", "10 tahun lalu" and
    /// "selama dua hari ini" are spans of time counted back, not the week, year or day the dateline names.
    static func counted(_ m: Match) -> Bool {
        guard let i = previousWord(m) else { return false }
        let token = m.document.tokens[i]
        return token.kind == .number || m.lexicons["number-words"].longestMatch(in: m.document.tokens, at: i) != nil
    }

    /// Whether a month, a weekday, a calendar unit or a date in parentheses stands right before the match: its
    /// "kemarin" or "besok" then belongs to that date ("Oktober kemarin" is last October, "Rabu (5/3) kemarin" last
    /// Wednesday, not yesterday).
    static func afterCalendarWord(_ m: Match) -> Bool {
        guard let i = previousWord(m) else { return false }
        let tokens = m.document.tokens
        if tokens[i].norm == ")", i > 0, tokens[i - 1].shape.contains(.digitsOnly) { return true }
        return ["months", "days", "relative-units"].contains { m.lexicons[$0].longestMatch(in: tokens, at: i)?.end == i + 1 }
    }

    /// The significant token before the match on the same line, if any.
    static func previousWord(_ m: Match) -> Int? {
        let tokens = m.document.tokens
        var i = m.tokens.lowerBound - 1
        while i >= 0, tokens[i].kind == .space { i -= 1 }
        return i >= 0 && !tokens[i].isSpace ? i : nil
    }

    /// Whether token `i` is capitalized ("Minggu", not "MINGGU") inside a clause: after a word, a number or a
    /// comma ("digelar Minggu lalu", "di Jakarta, Minggu lalu"). At the head of a sentence, a lead or a quote every
    /// word is capitalized, so that says nothing.
    static func capitalizedInSentence(_ m: Match, at i: Int) -> Bool {
        let tokens = m.document.tokens
        let token = tokens[i]
        guard token.shape.contains(.initialUpper), !token.shape.contains(.allUpper), !token.shape.contains(.sentenceStart) else { return false }
        var p = i - 1
        while p >= 0, tokens[p].kind == .space { p -= 1 }
        guard p >= 0, !tokens[p].isSpace else { return false }
        return tokens[p].kind != .punct || tokens[p].norm == ","
    }
}
