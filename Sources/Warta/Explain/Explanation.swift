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

        items = analysis.traces.map { trace in
            let captures = rules[trace.rule]?.match(analysis.text, analysis.lexicons, trace.tokens.lowerBound)?.captures ?? []
            return Item(trace: trace, parts: parts(captures), tokens: words(trace.tokens))
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

    /// The explanation as readable text.
    public var text: String {
        var out = "\(analysis.document.source): \(items.count) items\n"
        for item in items {
            let t = item.trace
            out += "\n\(t.field)  \(t.rule)  [\(t.span.start)..<\(t.span.end)] \"\(t.span.text)\"\n"
            out += "    -> \(t.summary)\n"
            for p in item.parts {
                out += "    \(p.name): \"\(p.text)\"" + (p.lexiconFields.isEmpty ? "" : "  (lexicon: \(p.lexiconFields.joined(separator: " → ")))") + "\n"
            }
            out += "    tokens: " + item.tokens.joined(separator: " | ") + "\n"
        }
        if !losers.isEmpty {
            out += "\nMatches that did not become items:\n"
            for l in losers {
                out += "  \(l.rule)  [\(l.span.start)..<\(l.span.end)] \"\(l.span.text)\"\n    \(l.reason)\n"
            }
        }
        return out
    }
}
