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
        // The first non-empty lines: a dateline opens the body, after a headline and perhaps a subtitle.
        let lineStarts = Array(tokens.indices.lazy.filter { tokens[$0].shape.contains(.lineStart) }.prefix(4))
        guard let firstLine = lineStarts.first else { return }

        func datelineAt(_ i: Int) -> Candidate<DatelineValue>? {
            resolveOverlaps(datelines.candidates(in: analysis.text, lexicons: analysis.lexicons, at: i))
                .first { $0.tokens.lowerBound == i }
        }
        func titleAt(_ i: Int) -> Candidate<Range<Int>>? {
            headlines.candidates(in: analysis.text, lexicons: analysis.lexicons, at: i).first
        }

        var body = datelineAt(firstLine)
        // A first line is the headline when no dateline opens it, or when the next line is the dateline.
        let below = lineStarts.count > 1 ? datelineAt(lineStarts[1]) : nil
        if body == nil || below != nil, let headline = titleAt(firstLine) {
            let span = analysis.span(headline.value)
            analysis.document.headline = Headline(span: span, rule: headline.rule)
            analysis.trace("headline", headline.rule, span, tokens: headline.value, "headline")
            body = below
            // The dateline may follow a subtitle line or two ("Dukung Asta Cita ...").
            var k = 1
            while body == nil, k + 1 < lineStarts.count, titleAt(lineStarts[k]) != nil {
                k += 1
                body = datelineAt(lineStarts[k])
            }
        }
        guard let found = body else { return }
        let span = analysis.span(found.value.head)
        let date = found.value.date?.iso
        // A dateline names a town: the city of a name shared with a regency or a province.
        var regions = RegionResolver(register: analysis.lexicons.regions.register, tokens: tokens)
        let region = regions.region(ofPlace: found.value.placeTokens, prefer: .town)
        analysis.document.dateline = Dateline(span: span, place: found.value.place, date: date, region: region, rule: found.rule)
        analysis.trace("dateline", found.rule, span, tokens: found.value.head,
                       [found.value.place, date].compactMap { $0 }.joined(separator: " "))
    }
}
