/// Finds government field offices, one item per mention.
struct OfficeExtractor: FieldExtractor {
    let ruleSet: RuleSet<OfficeValue>

    init(lexicons: Lexicons) { ruleSet = RuleSet(OfficeRules.all, lexicons: lexicons) }

    var rules: [RuleInfo] { ruleSet.infos(field: "offices") }

    func run(_ analysis: inout Analysis) {
        for found in resolveOverlaps(ruleSet.candidates(in: analysis.text, lexicons: analysis.lexicons)) {
            let v = found.value
            let span = analysis.span(found.tokens)
            analysis.document.offices.append(Office(span: span, type: v.type, officeClass: v.officeClass,
                                                    location: v.location, tpi: v.tpi, rule: found.rule))
            analysis.trace("offices", found.rule, span, tokens: found.tokens, v.summary)
        }
    }
}
