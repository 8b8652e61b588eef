/// Finds the headline and the dateline at the top of a text.
struct DatelineExtractor: FieldExtractor {
    let datelines: RuleSet<DatelineValue>
    let headlines: RuleSet<Range<Int>>

    init(lexicons: Lexicons) {
        datelines = RuleSet(DatelineRules.all, lexicons: lexicons)
        headlines = RuleSet(DatelineRules.headline, lexicons: lexicons)
    }

    var rules: [RuleInfo] { datelines.infos(field: "dateline") + headlines.infos(field: "headline") }

    func run(_ analysis: inout Analysis) {
        let tokens = analysis.text.tokens
        // The first two non-empty lines: a dateline opens the body, which may follow a headline.
        let lineStarts = Array(tokens.indices.lazy.filter { tokens[$0].shape.contains(.lineStart) }.prefix(2))
        guard let firstLine = lineStarts.first else { return }
        let secondLine = lineStarts.count > 1 ? lineStarts[1] : nil

        func datelineAt(_ i: Int) -> Candidate<DatelineValue>? {
            resolveOverlaps(datelines.candidates(in: analysis.text, lexicons: analysis.lexicons) { $0 == i })
                .first { $0.tokens.lowerBound == i }
        }

        var body = datelineAt(firstLine)
        // A title line comes before the dateline; when both lines could open a body, the first is the title.
        let below = secondLine.flatMap(datelineAt)
        if body == nil || below != nil,
           let headline = headlines.candidates(in: analysis.text, lexicons: analysis.lexicons, where: { $0 == firstLine }).first {
            let span = analysis.span(headline.value)
            analysis.document.headline = Headline(span: span, rule: headline.rule)
            analysis.trace("headline", headline.rule, span, tokens: headline.value, "headline")
            body = below
        }
        guard let found = body else { return }
        let span = analysis.span(found.value.head)
        let date = found.value.date?.iso
        analysis.document.dateline = Dateline(span: span, place: found.value.place, date: date, rule: found.rule)
        analysis.trace("dateline", found.rule, span, tokens: found.value.head,
                       [found.value.place, date].compactMap { $0 }.joined(separator: " "))
    }
}
