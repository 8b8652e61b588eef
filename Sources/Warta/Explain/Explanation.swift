/// For people writing rules: each item with the rule that made it and what each pattern element took,
/// and every other place where a rule's pattern matched but no item came of it, with the reason.
public struct Explanation: Sendable {
    /// What one named pattern element matched.
    public struct Part: Sendable {
        /// The pattern element's capture name.
        public let name: String
        /// The text it matched.
        public let text: String
        /// The lexicon entry's fields, when the element was a lexicon phrase.
        public let lexiconFields: [String]
    }

    /// One extracted item with the rule behind it.
    public struct Item: Sendable {
        /// The rule, span and summary of the item.
        public let trace: Trace
        /// What each named element of the rule's pattern took.
        public let parts: [Part]
        /// The significant tokens matched, as written.
        public let tokens: [String]
        /// For an item the name tagger admitted: per token, the label it gave and the features that spoke most for
        /// it, with their weights over "O" ("Harun  B-PER  w[0]=harun +2.10, f[1]=speech-after +0.87").
        public let evidence: [String]
    }

    /// A place where a pattern matched but no item came of it.
    public struct Loser: Sendable {
        /// The field the rule belongs to.
        public let field: String
        /// The rule's id.
        public let rule: String
        /// What the pattern matched.
        public let span: Span
        /// Why it did not become an item.
        public let reason: String
    }

    /// The analysis explained.
    public let analysis: Analysis
    /// Every item with its rule, in pipeline order.
    public let items: [Item]
    /// Matches that did not become items, in text order.
    public let losers: [Loser]

    /// Explains what `extractor` finds in `text`.
    public init(_ text: String, source: String = "-", extractor: Extractor) {
        let analysis = extractor.analyze(text, source: source)
        self.analysis = analysis
        let tokens = analysis.text.tokens
        let rules = Dictionary(extractor.rules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

        func parts(_ captures: [Capture]) -> [Part] {
            captures.map { c in
                Part(name: c.name, text: analysis.text.text(tokens: c.tokens), lexiconFields: c.entry.map { [$0.text] + $0.fields } ?? [])
            }
        }
        func words(_ range: Range<Int>) -> [String] { tokens[range].filter { !$0.isSpace }.map(\.text) }

        let tagger = extractor.pipeline.names.tagger
        func evidence(_ trace: Trace) -> [String] {
            guard trace.rule.hasSuffix(".model") else { return [] }
            let kind = trace.field == "persons" ? "PER" : "ORG"
            return tokens[trace.tokens].indices.filter { !tokens[$0].isSpace }.enumerated().map { k, i in
                let label = (k == 0 ? "B-" : "I-") + kind
                let features = tagger.evidence(at: i, label: label, in: tokens).map { e -> String in
                    let hundredths = Int((e.weight * 100).rounded())
                    let fraction = abs(hundredths) % 100
                    return "\(e.feature) \(hundredths < 0 ? "-" : "+")\(abs(hundredths) / 100).\(fraction < 10 ? "0" : "")\(fraction)"
                }
                return "\(tokens[i].text)  \(label)  " + features.joined(separator: ", ")
            }
        }
        items = analysis.traces.map { trace in
            let captures = rules[trace.rule]?.match(analysis.text, analysis.lexicons, trace.tokens.lowerBound)?.captures ?? []
            return Item(trace: trace, parts: parts(captures), tokens: words(trace.tokens), evidence: evidence(trace))
        }

        var losers: [Loser] = []
        let made = Set(analysis.traces.map { "\($0.rule) \($0.tokens.lowerBound)" })
        for rule in extractor.rules {
            for i in tokens.indices where !tokens[i].isSpace && !made.contains("\(rule.id) \(i)") {
                guard let m = rule.match(analysis.text, analysis.lexicons, i) else { continue }
                let span = Span(text: analysis.text.text(tokens: m.tokens), start: tokens[m.tokens.lowerBound].start,
                                end: tokens[m.tokens.upperBound - 1].end)
                let overlapping = analysis.traces.filter { $0.span.start < span.end && span.start < $0.span.end }
                let reason: String
                if let winner = overlapping.first(where: { $0.field == rule.field }) {
                    reason = "overlaps \(winner.rule) \"\(winner.span.text)\" [\(winner.span.start)..<\(winner.span.end)], which won (longer span, earlier rule, or earlier position)"
                } else if let other = overlapping.first {
                    reason = "inside the \(other.field) item \(other.rule) \"\(other.span.text)\", or rejected by the rule's production"
                } else {
                    reason = "the pattern matched, but the rule's production or the extractor's checks rejected it"
                }
                losers.append(Loser(field: rule.field, rule: rule.id, span: span, reason: reason))
            }
        }
        self.losers = losers.sorted { ($0.span.start, $0.rule) < ($1.span.start, $1.rule) }
    }

    /// How many items each key of the document's JSON holds, in the JSON's order: 0 or 1 for `dateline` and
    /// `headline`, the list's length for the others.
    public var counts: [(key: String, count: Int)] {
        let d = analysis.document
        return [("dateline", d.dateline == nil ? 0 : 1), ("headline", d.headline == nil ? 0 : 1), ("dates", d.dates.count),
                ("persons", d.persons.count), ("titles", d.titles.count), ("offices", d.offices.count),
                ("decrees", d.decrees.count), ("organizations", d.organizations.count), ("times", d.times.count)]
    }

    /// The non-matches of one rule for one reason, in text order.
    public struct LoserGroup: Sendable {
        /// The rule's id.
        public let rule: String
        /// Why none of them became an item.
        public let reason: String
        /// What the pattern matched, each time.
        public let spans: [Span]
    }

    /// The non-matches grouped by rule and reason, in the order of each group's first match: a headline
    /// pattern that matches at every word of a line it lost to is one group, not one line per word.
    public var loserGroups: [LoserGroup] {
        var order: [String] = []
        var groups: [String: (rule: String, reason: String, spans: [Span])] = [:]
        for loser in losers {
            let key = loser.rule + "\u{0}" + loser.reason
            if groups[key] == nil { order.append(key); groups[key] = (loser.rule, loser.reason, []) }
            groups[key]!.spans.append(loser.span)
        }
        return order.map { key in
            let g = groups[key]!
            return LoserGroup(rule: g.rule, reason: g.reason, spans: g.spans)
        }
    }

    /// The explanation as readable text.
    public var text: String {
        var out = "\(analysis.document.source): " + counts.map { "\($0.key) \($0.count)" }.joined(separator: ", ") + "\n"
        out += "\(items.count) rule match\(items.count == 1 ? "" : "es") made them:\n"
        for item in items {
            let t = item.trace
            out += "\n\(t.field)  \(t.rule)  [\(t.span.start)..<\(t.span.end)] \"\(t.span.text)\"\n"
            out += "    -> \(t.summary)\n"
            for p in item.parts {
                out += "    \(p.name): \"\(p.text)\"" + (p.lexiconFields.isEmpty ? "" : "  (lexicon: \(p.lexiconFields.joined(separator: " → ")))") + "\n"
            }
            out += "    tokens: " + item.tokens.joined(separator: " | ") + "\n"
            if !item.evidence.isEmpty {
                out += "    evidence (name tagger, weight over O):\n" + item.evidence.map { "      \($0)\n" }.joined()
            }
        }
        if !losers.isEmpty {
            let groups = loserGroups
            out += "\nMatches that did not become items (\(losers.count), in \(groups.count) line\(groups.count == 1 ? "" : "s")):\n"
            func shown(_ span: Span, cut: Bool = false) -> String {
                let text = cut && span.text.count > 60 ? span.text.prefix(59) + "…" : Substring(span.text)
                return "[\(span.start)..<\(span.end)] \"\(text)\""
            }
            for g in groups {
                if g.spans.count == 1 {
                    out += "  \(g.rule)  \(shown(g.spans[0]))\n"
                } else {
                    out += "  \(g.rule)  ×\(g.spans.count), first \(shown(g.spans[0], cut: true)), last \(shown(g.spans[g.spans.count - 1], cut: true))\n"
                }
                out += "    \(g.reason)\n"
            }
        }
        return out
    }
}
