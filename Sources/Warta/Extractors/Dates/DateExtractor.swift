/// Finds calendar dates, resolves dates written without a year, and writes ISO values.
struct DateExtractor: FieldExtractor {
    let ruleSet: RuleSet<DateValue>

    init(lexicons: Lexicons) { ruleSet = RuleSet(DateRules.all, lexicons: lexicons) }

    var rules: [RuleInfo] { ruleSet.infos(field: "dates") }

    func run(_ analysis: inout Analysis) {
        let candidates = ruleSet.candidates(in: analysis.text, lexicons: analysis.lexicons)
            .filter { !analysis.isClaimed($0.start..<$0.end) }
        var context: CalendarDate? = nil
        if let iso = analysis.document.dateline?.date { context = DateExtractor.parse(iso) }
        for found in resolveOverlaps(candidates) {
            var value = found.value
            value.from = DateExtractor.resolve(value.from, weekday: value.weekday, near: context)
            if let to = value.to { value.to = DateExtractor.resolve(to, weekday: nil, near: value.from) }
            guard let from = value.from.iso else { continue }
            if value.from.grain == .day { context = value.from }
            let text = value.to?.iso.map { from + "/" + $0 } ?? from
            let span = analysis.span(found.tokens)
            analysis.document.dates.append(DateMention(span: span, value: text, grain: value.from.grain, rule: found.rule))
            analysis.trace("dates", found.rule, span, tokens: found.tokens, "\(text) \(value.from.grain.rawValue)")
        }
    }

    /// Gives a date without a year the year that puts it nearest to `context` (the dateline or the last
    /// full date); when a weekday is written, prefers the year in which the weekday agrees.
    static func resolve(_ date: CalendarDate, weekday: Int?, near context: CalendarDate?) -> CalendarDate {
        guard date.year == nil, let base = context?.year else { return date }
        var candidates = [base, base - 1, base + 1].map { CalendarDate(year: $0, month: date.month, day: date.day) }
        // Nearest to the context first: a December date in a January release is last year's.
        if let c = context, let cm = c.month {
            candidates.sort { abs(monthDistance($0, c, cm)) < abs(monthDistance($1, c, cm)) }
        }
        let valid = candidates.filter(\.isValid)
        if let weekday, let agreeing = valid.first(where: { $0.weekday == weekday }) { return agreeing }
        return valid.first ?? date
    }

    private static func monthDistance(_ d: CalendarDate, _ c: CalendarDate, _ cm: Int) -> Int {
        ((d.year ?? 0) * 12 + (d.month ?? 1)) - ((c.year ?? 0) * 12 + cm)
    }

    static func parse(_ iso: String) -> CalendarDate? {
        let parts = iso.split(separator: "-").map { Int($0) }
        guard let y = parts.first ?? nil else { return nil }
        return CalendarDate(year: y, month: parts.count > 1 ? parts[1] : nil, day: parts.count > 2 ? parts[2] : nil)
    }
}
