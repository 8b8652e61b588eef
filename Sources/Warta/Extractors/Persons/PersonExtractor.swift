/// Finds people, links their mentions, and writes their titles (positions, honorifics, degrees).
struct PersonExtractor: FieldExtractor {
    let ruleSet: RuleSet<PersonValue>

    init(lexicons: Lexicons) { ruleSet = RuleSet(PersonRules.all, lexicons: lexicons) }

    var rules: [RuleInfo] { ruleSet.infos(field: "persons") }

    func run(_ analysis: inout Analysis) {
        let tokens = analysis.text.tokens
        var byName: [String: Int] = [:]
        for found in resolveOverlaps(ruleSet.candidates(in: analysis.text, lexicons: analysis.lexicons)) {
            let v = found.value
            let nameSpan = analysis.span(v.name)
            let name = Casing.joined(tokens[v.name])
            let honorifics = v.honorifics.map { split($0, by: "honorifics", analysis) } ?? []
            let degrees = v.degrees.map { split($0, by: "degrees", analysis) } ?? []
            let position = v.position.map { analysis.span($0) }
            let index: Int
            if let known = byName[name] {
                index = known
                analysis.document.persons[index].mentions.append(nameSpan)
            } else {
                index = analysis.document.persons.count
                byName[name] = index
                analysis.document.persons.append(Person(name: name, mentions: [nameSpan]))
            }
            for h in honorifics where !analysis.document.persons[index].honorifics.contains(h.text) {
                analysis.document.persons[index].honorifics.append(h.text)
            }
            for d in degrees where !analysis.document.persons[index].degrees.contains(d.text) {
                analysis.document.persons[index].degrees.append(d.text)
            }
            if let position, !analysis.document.persons[index].positions.contains(position.text) {
                analysis.document.persons[index].positions.append(position.text)
            }
            var titles: [Title] = []
            if let position { titles.append(Title(span: position, kind: .position, holder: name, rule: found.rule)) }
            titles += honorifics.map { Title(span: $0, kind: .honorific, holder: name, rule: found.rule) }
            titles += degrees.map { Title(span: $0, kind: .degree, holder: name, rule: found.rule) }
            analysis.document.titles.append(contentsOf: titles)
            analysis.trace("persons", found.rule, analysis.span(found.tokens), tokens: found.tokens, name)
        }
        analysis.document.titles.sort { $0.span.start < $1.span.start }
    }

    /// The separate lexicon entries written in a captured run ("Prof. Dr." -> "Prof.", "Dr.").
    private func split(_ range: Range<Int>, by lexicon: String, _ analysis: Analysis) -> [Span] {
        let tokens = analysis.text.tokens
        var spans: [Span] = []
        var i = range.lowerBound
        while i < range.upperBound {
            if tokens[i].isSpace || tokens[i].norm == "," { i += 1; continue }
            if let found = analysis.lexicons[lexicon].longestMatch(in: tokens, at: i), found.end <= range.upperBound {
                spans.append(analysis.span(i..<found.end))
                i = found.end
            } else {
                i += 1
            }
        }
        return spans
    }
}
