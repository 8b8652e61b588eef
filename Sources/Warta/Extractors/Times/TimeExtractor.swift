/// Finds clock times ("pukul 08.30 WIB", "pukul 07.30 s.d. 16.00 WITA") and claims their spans, so that the
/// dates extractor, which runs next, never reads their digits as a date or a year. Their days are given
/// after the dates are known, by `TimeDating`.
struct TimeExtractor: FieldExtractor {
    let ruleSet: RuleSet<TimeValue>
    /// The words a time rule can start at (a cue, or "antara"). The other rules
    /// open with digits; trying only these tokens keeps the clock test off every other word.
    let startWords: WordSet

    init(lexicons: Lexicons) {
        ruleSet = RuleSet(TimeRules.all, lexicons: lexicons)
        startWords = WordSet(lexicons["time-cues"].firstWords.union(TimeRules.startWords), in: lexicons.vocabulary)
    }

    var rules: [RuleInfo] { ruleSet.infos(field: "times") }

    func run(_ analysis: inout Analysis) {
        let startWords = self.startWords
        let candidates = ruleSet.candidates(in: analysis.text, lexicons: analysis.lexicons, startingAt: { token in
            token.shape.contains(.hasDigit) || startWords.contains(token)
        })
        for candidate in resolveOverlaps(candidates) where !analysis.isClaimed(candidate.start..<candidate.end) {
            let span = analysis.span(candidate.value.tokens ?? candidate.tokens)
            analysis.document.times.append(TimeMention(span: span, value: candidate.value.value, zone: candidate.value.zone,
                                                       date: nil, rule: candidate.rule))
            analysis.claim(candidate.start..<candidate.end)
        }
    }
}

/// Gives each time the day it belongs to, once the dates are known: the day written nearest to it in its
/// sentence (before or after it), else the day of the schedule rows it stands in
/// ("Hari/Tanggal : Senin, 11 Agustus 2025" above "Waktu : 09.00 WIB"), else the dateline's day.
struct TimeDating: FieldExtractor {
    init(lexicons: Lexicons) {}

    var name: String { "time-dates" }
    var rules: [RuleInfo] { [] }

    /// How far back a schedule row looks for the rows above it, in lines and in tokens (keeps the walk bounded).
    static let rowLines = 8
    static let rowTokens = 400

    func run(_ analysis: inout Analysis) {
        guard !analysis.document.times.isEmpty else { return }
        let tokens = analysis.text.tokens
        // The days written, in text order. A relative week ("pekan depan") names no single day; an interval of
        // days gives its first. The dateline's own date heads the lead's first sentence without belonging to it:
        // it is only the fallback.
        let datelineEnd = analysis.document.dateline?.span.end ?? 0
        let days: [(start: Int, end: Int, day: String)] = analysis.document.dates.compactMap { date in
            date.grain == .day && date.span.start >= datelineEnd && !date.rule.hasPrefix("date.relative_unit")
                ? (date.span.start, date.span.end, String(date.value.prefix(10))) : nil
        }
        let fallback = analysis.document.dateline?.date.flatMap { $0.utf8.count == 10 ? $0 : nil }

        // The index of the first day written at or after scalar offset `offset`.
        func firstDay(from offset: Int) -> Int { days.partitioningIndex { $0.start >= offset } }
        // The last day written before `span`, if it starts at or after `from`.
        func dayBefore(_ span: Span, from: Int) -> (gap: Int, day: String)? {
            let i = firstDay(from: span.start) - 1
            return i >= 0 && days[i].start >= from ? (span.start - days[i].end, days[i].day) : nil
        }
        // The first day written after `span`, if it starts before `to`.
        func dayAfter(_ span: Span, to: Int) -> (gap: Int, day: String)? {
            let i = firstDay(from: span.end)
            return i < days.count && days[i].start < to ? (days[i].start - span.end, days[i].day) : nil
        }

        // Two cursors that only move forward keep this linear however many times a sentence holds.
        var cursor = 0, sentenceStart = 0, lineStart = 0, sentenceEnd = 0
        for k in analysis.document.times.indices {
            let time = analysis.document.times[k]
            while cursor < tokens.count, tokens[cursor].start <= time.span.start {
                if tokens[cursor].shape.contains(.sentenceStart) { sentenceStart = cursor }
                if tokens[cursor].shape.contains(.lineStart) { lineStart = cursor }
                cursor += 1
            }
            sentenceEnd = max(sentenceEnd, cursor)
            while sentenceEnd < tokens.count, tokens[sentenceEnd].start < time.span.end || !tokens[sentenceEnd].shape.contains(.sentenceStart) {
                sentenceEnd += 1
            }
            let from = tokens[sentenceStart].start
            let to = sentenceEnd < tokens.count ? tokens[sentenceEnd].start : analysis.text.scalarCount
            // The nearer of the days before and after it ("Senin (10/3) pukul 08.00 WIB, sedangkan wawancara
            // pukul 13.00 WIB pada Selasa (11/3)"); the one before on a tie.
            let before = dayBefore(time.span, from: from), after = dayAfter(time.span, to: to)
            var date = after.map { a in before.map { $0.gap <= a.gap ? $0.day : a.day } ?? a.day } ?? before?.day
            if date == nil, let rows = TimeDating.rowsStart(above: lineStart, in: tokens) {
                date = dayBefore(time.span, from: tokens[rows].start)?.day
            }
            date = date ?? fallback
            analysis.document.times[k].date = date
            let range = TimeDating.tokens(of: time.span, in: tokens)
            analysis.trace("times", time.rule, time.span, tokens: range, "\(time.value) \(time.zone ?? "-") \(date ?? "-")")
        }
    }

    /// When the line starting at token `line` is a schedule row ("Waktu : 09.00 WIB"), the first token of the
    /// rows right above it (blank lines between allowed): a form's fields belong together. Nil when it is not a row.
    static func rowsStart(above line: Int, in tokens: [Token]) -> Int? {
        guard isRow(line, in: tokens) else { return nil }
        var first = line, i = line - 1, lines = 0
        let stop = max(0, line - rowTokens)
        while i >= stop, lines < rowLines {
            if tokens[i].shape.contains(.lineStart) {
                guard isRow(i, in: tokens) else { break }
                first = i
                lines += 1
            }
            i -= 1
        }
        return first
    }

    /// Whether the line starting at token `i` opens with a label and a colon: "Hari/Tanggal :", "Waktu:", "Pukul :".
    static func isRow(_ i: Int, in tokens: [Token]) -> Bool {
        var words = 0, seen = 0, j = i
        while j < tokens.count, seen < 6 {
            let token = tokens[j]
            j += 1
            if token.kind == .newline { return false }
            if token.kind == .space { continue }
            seen += 1
            if token.norm == ":" { return words > 0 }
            if token.kind == .word { words += 1 } else if token.norm != "/" && token.norm != "." { return false }
        }
        return false
    }

    /// The tokens covering `span` (which starts and ends at token edges).
    static func tokens(of span: Span, in tokens: [Token]) -> Range<Int> {
        let low = tokens.partitioningIndex { $0.start >= span.start }
        var end = low
        while end < tokens.count, tokens[end].end <= span.end { end += 1 }
        return low..<max(end, low + 1)
    }
}
