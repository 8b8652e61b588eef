import Testing
@testable import Warta

/// Every example written beside every rule, run through the whole pipeline: the default extractor's rules
/// with it, the rules only an option turns on with `wartaAllOptions`.
struct RuleExampleTests {
    static let optionalRules = Set(wartaAllOptions.rules.map(\.id)).subtracting(warta.rules.map(\.id))
    static let cases: [(RuleInfo, Example)] = wartaAllOptions.rules.flatMap { rule in rule.examples.map { (rule, $0) } }

    @Test("rule example", arguments: cases.indices)
    func example(_ index: Int) {
        let (rule, example) = Self.cases[index]
        check(rule, example, prefix: "")
    }

    /// The same examples, positive and negative, after multi-byte text (emoji, accents, a supplementary-plane
    /// letter), to prove that offsets count Unicode scalars and not bytes or UTF-16 units.
    @Test("rule example after multi-byte text", arguments: cases.indices)
    func exampleAfterMultiByteText(_ index: Int) {
        let (rule, example) = Self.cases[index]
        // An example that opens with a dateline (relative dates and times count from it) or spans lines (schedule
        // rows) keeps its first line whole: the multi-byte text goes on a headline line above it.
        if rule.field != "dateline", rule.field != "headline",
           example.text.contains("\n") || warta.extract(example.text).dateline?.span.start == 0 {
            return check(rule, example, prefix: "Catatan 🇮🇩 café 𝐀\n\n")
        }
        let shifted = MultiByteShift(field: rule.field)
        check(rule, example, prefix: shifted.prefix, stretchesSpan: shifted.stretchesSpan)
    }

    private func check(_ rule: RuleInfo, _ example: Example, prefix: String, stretchesSpan: Bool = false) {
        let text = prefix + example.text
        let shift = prefix.unicodeScalars.count
        let analysis = (Self.optionalRules.contains(rule.id) ? wartaAllOptions : warta).analyze(text)
        let mine = analysis.traces.filter { $0.rule == rule.id }
        for trace in analysis.traces {
            #expect(scalars(text, trace.span.start, trace.span.end) == trace.span.text, "offsets of \(trace.rule) in \(text)")
        }
        if let expected = example.expected {
            let span = example.span.map { ($0.lowerBound + (stretchesSpan ? 0 : shift))..<($0.upperBound + shift) }
            let hit = mine.first { t in span.map { t.span.start == $0.lowerBound && t.span.end == $0.upperBound } ?? true }
            #expect(hit != nil, "\(rule.id): no item at the marked span in \(example.marked); got \(mine.map { "\($0.span.text) -> \($0.summary)" }) (all: \(analysis.traces.map { "\($0.rule): \($0.span.text)" }))")
            if let hit { #expect(hit.summary == expected, "\(rule.id) on \(example.marked)") }
        } else if let marked = example.span {
            let span = (marked.lowerBound + shift)..<(marked.upperBound + shift)
            #expect(!mine.contains { $0.span.start < span.upperBound && span.lowerBound < $0.span.end },
                    "\(rule.id) must not match at the marked span of \(example.marked)")
        } else {
            #expect(mine.isEmpty, "\(rule.id) must not match \(example.marked); got \(mine.map(\.span.text))")
        }
    }
}

/// Where the multi-byte text goes for a rule's field. Most rules match anywhere, so it goes in front. A dateline
/// must open the text or follow a headline, so it goes in front as a headline line of its own; a headline must be
/// the first line, so it goes at the start of that line and becomes part of the headline (whose span then starts
/// at 0 and ends later by the prefix's length).
struct MultiByteShift {
    let prefix: String
    let stretchesSpan: Bool

    init(field: String) {
        switch field {
        case "dateline": (prefix, stretchesSpan) = ("Catatan Café 🇮🇩 Dirjen 𝐀 Terbit\n\n", false)
        case "headline": (prefix, stretchesSpan) = ("Catatan Café 🇮🇩 𝐀 ", true)
        default: (prefix, stretchesSpan) = ("Catatan 🇮🇩 café 𝐀 — ", false)
        }
    }
}

struct RuleCatalogTests {
    @Test func idsAreUniqueAndNamedForTheirField() {
        var seen: Set<String> = []
        for rule in wartaAllOptions.rules {
            #expect(seen.insert(rule.id).inserted, "duplicate rule id \(rule.id)")
            let prefix = rule.id.split(separator: ".").first.map(String.init) ?? ""
            #expect(rule.id.contains("."), "rule id \(rule.id) must be dotted")
            #expect(!prefix.isEmpty && rule.field.hasPrefix(prefix), "rule \(rule.id) lives in field \(rule.field)")
        }
    }

    @Test func everyRuleHasPositiveAndNegativeExamples() {
        for rule in wartaAllOptions.rules {
            #expect(rule.examples.contains { $0.expected != nil }, "\(rule.id) has no positive example")
            #expect(rule.examples.contains { $0.expected == nil }, "\(rule.id) has no negative example")
            #expect(!rule.summary.isEmpty, "\(rule.id) has no summary")
        }
    }

    @Test func examplesMarkOneSpan() {
        for rule in wartaAllOptions.rules {
            for example in rule.examples where example.expected != nil {
                #expect(example.span != nil, "\(rule.id): positive example must mark its span: \(example.marked)")
            }
        }
    }
}
