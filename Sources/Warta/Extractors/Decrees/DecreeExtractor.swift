/// Finds citations of regulations, decrees and letters. Runs before dates, which skip what it claims.
struct DecreeExtractor: FieldExtractor {
    let ruleSet: RuleSet<DecreeValue>

    init(lexicons: Lexicons) { ruleSet = RuleSet(DecreeRules.all, lexicons: lexicons) }

    var rules: [RuleInfo] { ruleSet.infos(field: "decrees") }

    func run(_ analysis: inout Analysis) {
        for found in resolveOverlaps(ruleSet.candidates(in: analysis.text, lexicons: analysis.lexicons)) {
            let v = found.value
            let span = analysis.span(found.tokens)
            analysis.document.decrees.append(Decree(span: span, type: v.type, issuer: v.issuer, number: v.number,
                                                    year: v.year, subject: v.subject, rule: found.rule))
            analysis.claimed.append(span.start..<span.end)
            analysis.trace("decrees", found.rule, span, tokens: found.tokens, v.summary)
        }
    }
}
