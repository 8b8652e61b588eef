/// Finds calendar dates, resolves dates written without a year, and writes ISO values.
struct DateExtractor: FieldExtractor {
    let ruleSet: RuleSet<DateValue>
    /// The words a date rule can start with (besides numbers). Most date rules open with optional parts
    /// ("Kamis, ...", "tanggal ...") or a digit test, which the rule set cannot index; trying them only here
    /// keeps the scan cheap. A rule starting otherwise would fail its own examples, so the tests guard this.
    /// The words a date rule can start at.
    let startWords: WordSet

    init(lexicons: Lexicons) {
        ruleSet = RuleSet(DateRules.all + RelativeDateRules.all, lexicons: lexicons)
        let words = ["days", "months", "year-cues", "decree-types", "relative-days", "relative-units"].reduce(into: Set(DateRules.startWords)) {
            $0.formUnion(lexicons[$1].firstWords)
        }
        startWords = WordSet(words, in: lexicons.vocabulary)
    }

    var rules: [RuleInfo] { ruleSet.infos(field: "dates") }

    /// One date as written, on its way to the document.
    struct Found {
        var value: DateValue
        var tokens: Range<Int>
        var rule: String
        /// The date a relative date was counted from (the dateline's).
        var anchor: CalendarDate? = nil
    }

    func run(_ analysis: inout Analysis) {
        // A citation claimed by the decree extractor hides its years and numbers, not a "tanggal 8 Maret 2025" in it.
        let tokens = analysis.text.tokens
        let startWords = self.startWords
        let candidates = ruleSet.candidates(in: analysis.text, lexicons: analysis.lexicons, startingAt: { token in
            token.kind == .number || startWords.contains(token)
        })
            .filter { $0.value.isGuard || $0.value.spelled || !analysis.isClaimed($0.start..<$0.end) }
        var found: [Found] = []
        var relatives: [Found] = []
        var years: [(at: Int, year: Int)] = []
        for candidate in resolveOverlaps(candidates) {
            if candidate.value.relative != nil {
                relatives.append(Found(value: candidate.value, tokens: candidate.tokens, rule: candidate.rule))
                continue
            }
            if candidate.value.isGuard {
                // A citation's year is no date, but it still says roughly when the text was written.
                let last = analysis.text.tokens[candidate.tokens.upperBound - 1]
                if let year = Int(last.text) { years.append((candidate.tokens.lowerBound, year)) }
                analysis.trace("dates", candidate.rule, analysis.span(candidate.tokens), tokens: candidate.tokens, "not a date")
                continue
            }
            var value = candidate.value
            let more = value.more
            value.more = []
            for part in [value] + more {
                found.append(Found(value: part, tokens: part.tokens ?? candidate.tokens, rule: candidate.rule))
                if part.from.grain == .year, let year = part.from.year { years.append((candidate.tokens.lowerBound, year)) }
            }
        }
        if found.contains(where: { $0.value.from.year == nil }) {
            // Any year standing alone in the text ("Future Leaders Camp 2025") is a last hint of when it was written.
            for (i, token) in tokens.enumerated() where token.shape.contains(.digitsOnly) && token.text.utf8.count == 4 {
                if let year = Int(token.text), (1900...2100).contains(year) { years.append((i, year)) }
            }
        }
        let datelineDate = analysis.document.dateline?.date.flatMap(DateExtractor.parse)
        DateExtractor.resolveYears(&found, dateline: datelineDate, years: years)
        if !relatives.isEmpty {
            // Kept out of the year resolution above, which they would only echo: they come from the dateline alone,
            // whose short date ("Semarang (10/9) –") has just been given its year.
            let anchor = datelineDate ?? analysis.document.dateline.flatMap { dateline in
                found.first { item in
                    item.value.to == nil && item.value.from.grain == .day && item.value.from.year != nil
                        && tokens[item.tokens.lowerBound].start >= dateline.span.start && tokens[item.tokens.upperBound - 1].end <= dateline.span.end
                }?.value.from
            }
            found = DateExtractor.merge(found, DateExtractor.resolve(relatives, from: anchor))
        }

        for item in found {
            guard let from = item.value.from.iso else { continue }
            let text = item.value.to?.iso.map { from + "/" + $0 } ?? from
            let span = analysis.span(item.tokens)
            let grain = item.value.from.grain
            analysis.document.dates.append(DateMention(span: span, value: text, grain: grain, rule: item.rule))
            let anchor = item.anchor.flatMap(\.iso).map { ", from the dateline \($0)" } ?? ""
            analysis.trace("dates", item.rule, span, tokens: item.tokens, "\(text) \(grain.rawValue)\(anchor)")
            // A dateline written with a short date ("UNDIP, Semarang (10/9) –") gets the year resolved here.
            if let dateline = analysis.document.dateline, dateline.date == nil, item.value.to == nil, grain == .day, item.anchor == nil,
               span.start >= dateline.span.start, span.end <= dateline.span.end {
                analysis.document.dateline?.date = from
            }
        }
    }

    /// The relative dates counted from the dateline's date `anchor`; none without it.
    static func resolve(_ relatives: [Found], from anchor: CalendarDate?) -> [Found] {
        guard let anchor else { return [] }
        return relatives.compactMap { item in
            guard let relative = item.value.relative, let (from, to) = relative.resolve(from: anchor) else { return nil }
            var resolved = item
            resolved.value.from = from
            resolved.value.to = to
            resolved.anchor = anchor
            return resolved
        }
    }

    /// Two lists of dates in text order, merged into one.
    static func merge(_ a: [Found], _ b: [Found]) -> [Found] {
        var out: [Found] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i].tokens.lowerBound <= b[j].tokens.lowerBound) {
                out.append(a[i]); i += 1
            } else {
                out.append(b[j]); j += 1
            }
        }
        return out
    }

    /// Gives every date written without its year ("Jumat (23/5)", "25 Desember", "19-20 September") the
    /// year that puts it nearest to an anchor, and drops the ones that find none. The anchors, in order:
    /// the last full date before it (the dateline's, at first), the dateline, the first full date after it,
    /// the nearest date with a month and a year. Within a year either side of an anchor, a written weekday
    /// must agree; the first anchor where it does wins. When it agrees nowhere, the weekday is taken for a
    /// slip and the first anchor decides alone. A text with none of these dates falls back on a bare year
    /// written nearby (even a citation's, `years`), but only for a date with a weekday, and only when the
    /// weekday agrees. The end of an interval takes the year of its start, or the next one.
    static func resolveYears(_ items: inout [Found], dateline: CalendarDate?, years: [(at: Int, year: Int)]) {
        let datelineDay = dateline?.grain == .day ? dateline : nil
        var before = datelineDay
        for i in items.indices {
            var value = items[i].value
            if value.from.year == nil {
                let after = items[(i + 1)...].lazy.map(\.value.from).first { $0.year != nil && $0.grain == .day }
                let month = nearest(i, in: items) { $0.year != nil && $0.grain == .month }
                let anchors = [before, datelineDay, after, month].compactMap { $0 }
                let date = value.from
                if let first = anchors.first {
                    value.from = anchors.lazy.compactMap { resolve(date, weekday: value.weekday, near: $0, strict: true) }.first
                        ?? resolve(date, weekday: nil, near: first, strict: false) ?? date
                } else if value.weekday != nil, let year = years.min(by: { abs($0.at - items[i].tokens.lowerBound) < abs($1.at - items[i].tokens.lowerBound) }) {
                    value.from = resolve(date, weekday: value.weekday, near: CalendarDate(year: year.year), strict: true) ?? date
                }
                if var to = value.to, to.year == nil, let y = value.from.year {
                    to.year = y
                    if to < value.from { to.year = y + 1 }
                    value.to = to
                }
                items[i].value = value
            }
            if value.from.year != nil, value.from.grain == .day { before = value.from }
        }
        items.removeAll { $0.value.from.year == nil }
    }

    /// The value of the item nearest to item `i` (by position, before or after) that passes `test`.
    private static func nearest(_ i: Int, in items: [Found], where test: (CalendarDate) -> Bool) -> CalendarDate? {
        var best: (distance: Int, date: CalendarDate)? = nil
        for (j, item) in items.enumerated() where j != i && test(item.value.from) {
            let distance = abs(j - i)
            if best.map({ distance < $0.distance }) ?? true { best = (distance, item.value.from) }
        }
        return best?.date
    }

    /// `date` (without a year) in the year nearest to `context` among its year and the years either side,
    /// preferring one where `weekday` agrees. `strict`: nil unless the weekday agrees in one of them (a
    /// date without a weekday always agrees).
    static func resolve(_ date: CalendarDate, weekday: Int?, near context: CalendarDate, strict: Bool) -> CalendarDate? {
        guard date.year == nil, let base = context.year else { return date }
        var candidates = [base, base - 1, base + 1].map { CalendarDate(year: $0, month: date.month, day: date.day) }
        // Nearest to the context first: a December date in a January release is last year's.
        if let cm = context.month {
            let at = base * 12 + cm
            candidates.sort { abs(($0.year! * 12 + ($0.month ?? 1)) - at) < abs(($1.year! * 12 + ($1.month ?? 1)) - at) }
        }
        let valid = candidates.filter(\.isValid)
        if let weekday {
            if let agreeing = valid.first(where: { $0.weekday == weekday }) { return agreeing }
            if strict { return nil }
        }
        return valid.first
    }

    static func parse(_ iso: String) -> CalendarDate? {
        let parts = iso.split(separator: "-").map { Int($0) }
        guard let y = parts.first ?? nil else { return nil }
        return CalendarDate(year: y, month: parts.count > 1 ? parts[1] : nil, day: parts.count > 2 ? parts[2] : nil)
    }
}
