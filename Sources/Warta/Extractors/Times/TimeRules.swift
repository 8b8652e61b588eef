/// What a time rule read: a clock time or an interval between two, with the zone written for it. Its day is
/// found later, once the dates are known (see `TimeDating`).
struct TimeValue: Sendable, Hashable {
    /// "HH:MM", "HH:MM/HH:MM", or "HH:MM/" for an interval open at its end ("sampai selesai").
    var value: String
    /// "WIB", "WITA" or "WIT", or nil when none was written.
    var zone: String?
    /// The tokens of the time itself, when the match opened with a form's label ("Waktu : 09.00").
    var tokens: Range<Int>? = nil

    /// The value and zone in one line, as rule examples write them (the day is added by `TimeDating`).
    var summary: String { "\(value) \(zone ?? "-")" }
}

/// A part of the day, by how it turns a 12-hour reading into a 24-hour one (`day-parts.txt`).
enum DayPeriod: String, Sendable {
    case dawn, morning, midday, afternoon, evening, night

    /// `hour` (1-12) read in this part of the day, or nil when the two do not fit together ("pukul 9 siang").
    func hour24(_ hour: Int) -> Int? {
        switch self {
        case .dawn: return hour == 12 ? 0 : (1...5).contains(hour) ? hour : nil
        case .morning: return (1...11).contains(hour) ? hour : nil
        case .midday: return (10...12).contains(hour) ? hour : (1...4).contains(hour) ? hour + 12 : nil
        case .afternoon: return (1...6).contains(hour) ? hour + 12 : nil
        case .evening: return (4...8).contains(hour) ? hour + 12 : nil
        case .night: return hour == 12 ? 0 : (6...11).contains(hour) ? hour + 12 : (1...3).contains(hour) ? hour : nil
        }
    }
}

enum TimeRules {
    /// The fixed words a rule below can start with, besides the cues; see `TimeExtractor.startWords`.
    static let startWords = ["antara"]

    // MARK: elements

    /// "pukul", "pkl.", "Pukul :", "jam", "Waktu :": the word before a clock reading, with its dot and colon.
    static let cue = Element.group(
        Element.lexicon("time-cues").as("cue"), Element.word(".").attachedToPrevious.optional, Element.word(":").optional
    )
    /// A clock reading with its minutes: "08.30" (one token), "8.30", "08.30.15", "08:30", "08:30:15", and the
    /// glued "09.00WIB". A thousands figure ("50.000") or a decimal ("4,1") never has this shape.
    static let clock = Element.either(
        Element.check("HH.MM") { TimeRules.dotted($0.text) != nil },
        Element.group(
            Element.digits(1...2), Element.word(":").attachedToPrevious, Element.digits(2...2).attachedToPrevious,
            Element.group(Element.word(":").attachedToPrevious, Element.digits(2...2).attachedToPrevious).attachedToPrevious.optional
        )
    )
    /// An hour without minutes: "pukul 10", "pukul 7 pagi".
    static let hour = Element.digits(1...2)
    static let dayPart = Element.lexicon("day-parts")
    static let zone = Element.lexicon("time-zones")
    /// The end of an interval: "s.d. 16.00 WITA", "- 15.30", "hingga pukul 12.00 WIB", "sampai 3 sore", "sampai selesai".
    static let end = Element.group(
        Element.lexicon("range-words"), cue.optional,
        Element.either(
            Element.group(clock.as("t2"), dayPart.as("part2").optional, zone.as("zone2").optional),
            // A bare hour ends an interval only with the part of the day or the zone that makes it a time.
            Element.group(hour.as("t2"), Element.either(Element.group(dayPart.as("part2"), zone.as("zone2").optional), zone.as("zone2"))),
            Element.word("selesai").as("open")
        )
    ).as("end")

    // MARK: the rules

    static let all: [Rule<TimeValue>] = [
        Rule(
            "time.cue_clock",
            "A clock time after \"pukul\", \"pkl.\" or \"jam\", with its zone and the end of an interval: \"pukul 08.30 WIB\", \"pukul 07.30 s.d. 16.00 WITA\"",
            pattern: [cue, clock.as("t1"), dayPart.as("part1").optional, zone.as("zone1").optional, end.optional],
            examples: [
                .match("Sosialisasi dimulai ⟦pukul 08.30 WIB⟧ di aula.", "08:30 WIB -"),
                .match("Apel digelar ⟦pkl. 8.30 WIB⟧ di halaman kantor.", "08:30 WIB -"),
                .match("Apel ⟦Pkl 06.45 WIT⟧.", "06:45 WIT -"),
                .match("Antrean dibuka ⟦jam 08:30⟧ setiap hari.", "08:30 - -"),
                .match("Gempa terjadi ⟦pukul 14:24:10 WIB⟧.", "14:24 WIB -"),
                .match("Loket dibuka ⟦pukul 07.30 s.d. 16.00 WITA⟧.", "07:30/16:00 WITA -"),
                .match("Rapat berlangsung ⟦pukul 13.00-15.30 WIT⟧ di Jayapura.", "13:00/15:30 WIT -"),
                .match("Pentas seni ⟦pukul 20.00 hingga 23.00⟧ di alun-alun.", "20:00/23:00 - -"),
                .match("Acara dimulai ⟦pukul 19.30 WIB sampai selesai⟧.", "19:30/ WIB -"),
                .match("Layanan ⟦pukul 08.00 WIB sampai dengan pukul 12.00 WIB⟧ setiap Sabtu.", "08:00/12:00 WIB -"),
                .match("Pendaftaran ditutup ⟦pukul 23.59 Waktu Indonesia Timur⟧.", "23:59 WIT -"),
                .match("Rapat dimulai ⟦pukul 8.30 malam⟧ di posko.", "20:30 - -"),
                .match("dibuka ⟦pukul 09.00WIB⟧ hari ini", "09:00 WIB -"),
                .match("Hari/Tanggal: Senin, 12 Mei 2025\nWaktu : ⟦09.00 - selesai⟧", "09:00/ - 2025-05-12"),
                .match("Tanggal : 12 Mei 2025\n\nWaktu : ⟦15.00 WIB⟧", "15:00 WIB 2025-05-12"),
                .match("Jakarta, 3 Maret 2025 – Sosialisasi dimulai ⟦pukul 08.30 WIB⟧ di aula.", "08:30 WIB 2025-03-03"),
                .match("Jakarta, 3 Maret 2025 – Seleksi dibuka. Berkas diterima hingga Jumat (7/3) ⟦pukul 23.59 WIB⟧.", "23:59 WIB 2025-03-07"),
                .match("Jakarta, 3 Maret 2025 – Seleksi dibuka. Wawancara ⟦pukul 09.00 WIB⟧ pada Senin (10/3).", "09:00 WIB 2025-03-10"),
                .match("Jakarta, 3 Maret 2025 – Tes tulis Senin (10/3) pukul 08.00 WIB dan wawancara Selasa (11/3) ⟦pukul 10.00 WIB⟧.", "10:00 WIB 2025-03-11"),
                .match("Jakarta, 3 Maret 2025 – Tes tulis Senin (10/3) pukul 08.00 WIB, sedangkan wawancara ⟦pukul 13.00 WIB⟧ pada Selasa (11/3).", "13:00 WIB 2025-03-11"),
                .match("Jakarta, 3 Maret 2025 – Razia digelar. Tim bergerak ⟦pukul 22.00 WIB⟧.", "22:00 WIB 2025-03-03"),
                .match("Jakarta, 6 Maret 2025 – Hasil seleksi diumumkan ⟦pukul 09.00 WIB⟧ tanggal 10 Maret 2025.", "09:00 WIB 2025-03-10"),
                .match("Jakarta, 3 Maret 2025 – Rapat ditunda. Rapat lanjutan digelar besok ⟦pukul 09.00 WIB⟧.", "09:00 WIB 2025-03-04"),
                .noMatch("Skor akhir 2-1 dan 3-0 pada laga itu."),
                .noMatch("Biaya Rp 50.000 dan inflasi 4,1 persen."),
                .noMatch("Layanan buka 24 jam, selama 2 jam 30 menit."),
                .noMatch("Gunakan aplikasi versi 2.10 atau 10.30 terbaru."),
                .noMatch("Sidang digelar pukul 25.00 WIB."),
                .noMatch("Waktu 09.00 tanpa tanda titik dua."),
            ],
            produce: { m in TimeRules.read(m) }
        ),
        Rule(
            "time.cue_hour",
            "An hour without minutes after \"pukul\" (\"pukul 10 WIB\"), or after any cue with the part of the day that pins it: \"pukul 7 pagi\" (07:00), \"jam 8 malam\" (20:00)",
            pattern: [cue, hour.as("t1"), dayPart.as("part1").optional, zone.as("zone1").optional, end.optional],
            examples: [
                .match("Upacara dimulai ⟦pukul 7 pagi⟧ di lapangan.", "07:00 - -"),
                .match("Razia digelar ⟦pukul 8 malam⟧ di kawasan itu.", "20:00 - -"),
                .match("Rapat dimulai ⟦jam 2 siang⟧ ini.", "14:00 - -"),
                .match("Sidang digelar ⟦pukul 10 WIB⟧ di ruang utama.", "10:00 WIB -"),
                .match("Pemadaman ⟦pukul 12 malam⟧ nanti.", "00:00 - -"),
                .match("Bazar dibuka ⟦pukul 9 pagi hingga 3 sore⟧.", "09:00/15:00 - -"),
                .match("Pasar malam ⟦pukul 7 hingga 10 malam⟧.", "19:00/22:00 - -"),
                .match("Petugas berjaga ⟦jam 7 sampai jam 4 sore⟧ setiap hari.", "07:00/16:00 - -"),
                .noMatch("Waktu tempuh 3 jam 10 menit dari kota."),
                .noMatch("Layanan buka jam 10 setiap hari."),
                .noMatch("Ia dipukul 2 kali, lalu pukul 3 kali lagi."),
                .noMatch("Pesawat mendarat pukul 06 . 15 waktu setempat."),
            ],
            produce: { m in TimeRules.read(m) }
        ),
        Rule(
            "time.between",
            "An interval written \"antara pukul ... dan ...\": \"antara pukul 10.00 dan 12.00 WIB\" (the span starts at the cue)",
            pattern: [
                .word("antara"), cue, Element.either(clock, hour).as("t1"), dayPart.as("part1").optional, zone.as("zone1").optional,
                .word("dan"), cue.optional, Element.either(clock, hour).as("t2"), dayPart.as("part2").optional, zone.as("zone2").optional,
            ],
            examples: [
                .match("Pemadaman terjadi antara ⟦pukul 10.00 dan 12.00 WIB⟧ di dua kecamatan.", "10:00/12:00 WIB -"),
                .match("Kapal tiba antara ⟦pukul 7 dan 9 pagi⟧ di dermaga.", "07:00/09:00 - -"),
                .noMatch("Selisih antara pukul 10.00 dan tiga jam kemudian."),
            ],
            produce: { m in
                guard var value = TimeRules.read(m), let cue = m["cue"] else { return nil }
                value.tokens = cue.range.lowerBound..<m.tokens.upperBound
                return value
            }
        ),
        Rule(
            "time.clock_zone",
            "A clock time without a cue, which its zone makes one: \"09.00 WIB\", \"09.00-11.30 WITA\", \"08.00 WIB - selesai\"",
            pattern: [clock.as("t1"), dayPart.as("part1").optional, zone.as("zone1").optional, end.optional],
            examples: [
                .match("Jadwal: ⟦09.00 WIB⟧ registrasi peserta.", "09:00 WIB -"),
                .match("Sesi kedua ⟦13.00–15.30 WITA⟧ di ruang rapat.", "13:00/15:30 WITA -"),
                .match("Bakti sosial ⟦08.00 WIB - selesai⟧ di balai desa.", "08:00/ WIB -"),
                .match("Apel ⟦06.45 WIT⟧ di lapangan Makodim.", "06:45 WIT -"),
                .noMatch("Skor 2-1 dan 12.30 poin diraih tim."),
                .noMatch("Harga naik 10.00 persen menjadi Rp12.500."),
            ],
            produce: { m in
                guard m.has("zone1") || m.has("zone2") || TimeRules.gluedZone(m["t1"]) != nil else { return nil }
                return TimeRules.read(m)
            }
        ),
    ]

    // MARK: reading a match

    /// The time a match wrote, checked: hours up to 24, minutes up to 59, a bare hour only where the cue or the
    /// part of the day says it is one, a label cue only before a colon.
    static func read(_ m: Match) -> TimeValue? {
        let cues = m.captures.filter { $0.name == "cue" }
        let strengths = cues.map { $0.entry?.fields.first ?? "" }
        guard let t1 = m["t1"] else { return nil }
        var span: Range<Int>? = nil
        if let first = cues.first, strengths.first == "label" {
            // "Waktu : 09.00": a form's field; the time is what follows the colon.
            guard first.tokens.upperBound < t1.range.lowerBound,
                  m.document.tokens[first.tokens.lowerBound..<t1.range.lowerBound].contains(where: { $0.norm == ":" }) else { return nil }
            span = t1.range.lowerBound..<m.tokens.upperBound
        }
        if strengths.dropFirst().contains("label") { return nil }
        let bare = t1.tokens.count == 1 && t1.tokens.first?.shape.contains(.digitsOnly) == true
        if bare {
            // "pukul 10" is a time; after a weaker cue a bare hour needs the part of the day or the zone ("jam 7 malam"),
            // and a count word after it makes it a number ("pukul 3 kali").
            guard m.has("part1") || m.has("zone1") || m.has("part2") || m.has("zone2") || strengths.first == "strong" else { return nil }
            if !m.has("part1"), !m.has("zone1"), !m.has("end"), DateRules.followedByCount(m) { return nil }
            // "pukul 13 : 30": minutes written apart, which this reading would lose.
            if TimeRules.minutesApart(after: t1.range.upperBound, in: m.document.tokens) { return nil }
        }
        let part1 = period(m["part1"]), part2 = period(m["part2"])
        guard var start = clockTime(t1, part1) else { return nil }
        var value = start
        if m.has("open") {
            value += "/"
        } else if let t2 = m["t2"] {
            guard var stop = clockTime(t2, part2) else { return nil }
            // A part of the day written at one end only may hold for the other ("pukul 7 hingga 10 malam" is
            // 19:00/22:00), when the interval still runs forward ("jam 7 sampai jam 4 sore" is 07:00/16:00).
            if part1 == nil, let borrowed = clockTime(t1, part2), borrowed < stop { start = borrowed }
            if part2 == nil, let borrowed = clockTime(t2, part1), borrowed > start { stop = borrowed }
            value = start + "/" + stop
        }
        // Letters glued to a reading must be a zone ("09.00WIB"), not a unit or a code ("10.30am", "2.10b").
        for c in [t1, m["t2"]].compactMap({ $0 }) where gluedZone(c) != nil && gluedZone(c, m) == nil { return nil }
        let zone = gluedZone(t1, m) ?? m["zone1"]?.canonical ?? m["t2"].flatMap { gluedZone($0, m) } ?? m["zone2"]?.canonical
        return TimeValue(value: value, zone: zone, tokens: span)
    }

    /// Whether a separator and two digits follow token `i`, spaced apart from it ("13 : 30", "06 . 15").
    static func minutesApart(after i: Int, in tokens: [Token]) -> Bool {
        var j = i
        var seen: [Token] = []
        while j < tokens.count, seen.count < 2 {
            if tokens[j].kind == .newline { return false }
            if tokens[j].kind != .space { seen.append(tokens[j]) }
            j += 1
        }
        return seen.count == 2 && (seen[0].norm == ":" || seen[0].norm == ".") && seen[1].shape.contains(.digitsOnly) && seen[1].text.utf8.count == 2
    }

    static func period(_ c: Match.Captured?) -> DayPeriod? { c?.canonical.flatMap(DayPeriod.init(rawValue:)) }

    /// "HH:MM" for a captured clock reading or bare hour, in 24 hours (through `period` for a 12-hour reading).
    static func clockTime(_ c: Match.Captured, _ period: DayPeriod?) -> String? {
        let text = c.tokens.filter { !$0.isSpace }.map(\.text).joined()
        let parts: (hour: Int, minute: Int)
        if let dotted = dotted(text) {
            parts = dotted
        } else {
            let fields = text.split(separator: ":", omittingEmptySubsequences: false)
            guard (1...3).contains(fields.count), let h = Int(fields[0]) else { return nil }
            let minute = fields.count > 1 ? Int(fields[1]) : 0
            guard let minute, fields.dropFirst().allSatisfy({ $0.count == 2 && Int($0).map { (0...59).contains($0) } == true }) else { return nil }
            parts = (h, minute)
        }
        var hour = parts.hour
        guard (0...24).contains(hour), (0...59).contains(parts.minute), hour < 24 || parts.minute == 0 else { return nil }
        // "pukul 8.30 malam" is 20:30; a reading already past noon ("pukul 20.00 malam") stays as written, and so
        // does one the part of the day cannot hold ("pukul 9 siang").
        if let period, (1...12).contains(hour), let converted = period.hour24(hour) { hour = converted }
        return CalendarDate.twoDigits(hour) + ":" + CalendarDate.twoDigits(parts.minute)
    }

    /// Hour and minute of a dotted reading, "08.30", "8.30", "08.30.15", or one glued to its zone, "09.00WIB".
    /// Asked of every token with a digit, so it reads bytes and allocates nothing.
    static func dotted(_ text: String) -> (hour: Int, minute: Int)? {
        var fields = 0, length = 0, value = 0, hour = 0, minute = 0, letters = false
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39 where !letters:
                guard length < 2 else { return nil }
                value = value * 10 + Int(byte - 0x30)
                length += 1
            case 0x2E where !letters:
                // The hour has one or two digits, the minutes and seconds two each.
                guard length > 0, fields == 0 || length == 2, fields < 2 else { return nil }
                if fields == 0 { hour = value } else { minute = value }
                fields += 1
                value = 0
                length = 0
            case 0x41...0x5A, 0x61...0x7A:
                // Letters only after the last field ("09.00WIB").
                if !letters {
                    guard fields > 0, length == 2 else { return nil }
                    letters = true
                }
            default:
                return nil
            }
        }
        if !letters {
            guard fields > 0, length == 2 else { return nil }
        }
        if fields == 1 { minute = value } else if value > 59 { return nil }
        return (hour, minute)
    }

    /// Whether the reading `c` has letters glued to it ("09.00WIB"): then they must be a zone.
    static func gluedZone(_ c: Match.Captured?) -> String? {
        guard let token = c?.tokens.first, c?.tokens.count == 1, token.shape.contains(.hasLetter) else { return nil }
        return String(token.text.unicodeScalars.drop { !$0.properties.isAlphabetic })
    }

    /// The zone glued to the reading `c`, canonical, from `time-zones.txt`.
    static func gluedZone(_ c: Match.Captured, _ m: Match) -> String? {
        guard let letters = gluedZone(c) else { return nil }
        let folded = Token.fold(letters)
        return m.lexicons["time-zones"].entries.first { Token.fold($0.text) == folded }?.fields.first
    }
}
