/// A Gregorian date as precise as it was written: a year, a month of a year, or a day.
/// A date written without its year ("Jumat (23/5)") has `year == nil` until it is resolved.
struct CalendarDate: Sendable, Hashable, Comparable {
    var year: Int?
    var month: Int?
    var day: Int?

    init(year: Int?, month: Int? = nil, day: Int? = nil) {
        self.year = year; self.month = month; self.day = day
    }

    var grain: Grain { day != nil ? .day : month != nil ? .month : .year }

    /// ISO 8601 at the date's grain ("2024-09-19", "2024-09", "2024"); nil while the year is unknown.
    var iso: String? {
        guard let year else { return nil }
        var s = String(year)
        if let month { s += "-" + CalendarDate.twoDigits(month) }
        if let day { s += "-" + CalendarDate.twoDigits(day) }
        return s
    }

    /// Whether the day exists in its month (29 February only in leap years).
    var isValid: Bool {
        if let month, !(1...12).contains(month) { return false }
        guard let day else { return true }
        guard let month else { return false }
        return (1...CalendarDate.daysIn(month: month, year: year ?? 2024)).contains(day)
    }

    /// ISO weekday, 1 = Monday ... 7 = Sunday; nil unless the date is a full day.
    var weekday: Int? {
        guard let year, let month, let day else { return nil }
        // Sakamoto's method (0 = Sunday).
        let t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let y = month < 3 ? year - 1 : year
        let w = (y + y / 4 - y / 100 + y / 400 + t[month - 1] + day) % 7
        return w == 0 ? 7 : w
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year ?? 0, a.month ?? 0, a.day ?? 0) < (b.year ?? 0, b.month ?? 0, b.day ?? 0)
    }

    static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
}
