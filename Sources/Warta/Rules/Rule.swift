/// A named pattern rule: what it recognizes, the pattern over tokens, what it produces, and the
/// examples that prove it (run by the test suite).
struct Rule<Value: Sendable>: Sendable {
    /// A stable dotted id, e.g. `date.day_month_year`. Items record the rule that made them.
    let id: String
    let summary: String
    /// The pattern. A top-level element named "item" is the item's span, the rest its context ("kantor berita"
    /// before "AAP"); without one the whole match is.
    let pattern: [Element]
    /// Whether the pattern may continue across a line break.
    let crossesLines: Bool
    let examples: [Example]
    /// Where the rule may start: anywhere, or only at the first token of a line (datelines, headlines).
    let anchor: Anchor
    let produce: @Sendable (Match) -> Value?

    enum Anchor: Sendable { case anywhere, lineStart }

    init(_ id: String, _ summary: String, pattern: [Element], crossesLines: Bool = false, anchor: Anchor = .anywhere,
                examples: [Example], produce: @escaping @Sendable (Match) -> Value?) {
        self.id = id
        self.summary = summary
        self.pattern = pattern
        self.crossesLines = crossesLines
        self.anchor = anchor
        self.examples = examples
        self.produce = produce
    }

    /// Whether the rule may start at token `token`.
    func mayStart(at token: Token) -> Bool { anchor == .anywhere || token.shape.contains(.lineStart) }
}

/// An example of a rule: text with the expected span marked ⟦like this⟧ and the expected item written
/// as the extractor summarizes it, or text in which the rule must produce nothing.
struct Example: Sendable, CustomStringConvertible {
    let marked: String
    /// The item's summary the rule must produce at the marked span; nil for a negative example.
    let expected: String?

    /// `text` must yield an item from this rule at the span marked ⟦…⟧, summarized as `expected`.
    static func match(_ text: String, _ expected: String) -> Example { Example(marked: text, expected: expected) }
    /// This rule must produce nothing in `text` (or, if a span is marked, nothing overlapping it).
    static func noMatch(_ text: String) -> Example { Example(marked: text, expected: nil) }

    /// The text without marks.
    var text: String { String(String.UnicodeScalarView(marked.unicodeScalars.filter { $0 != "⟦" && $0 != "⟧" })) }

    /// The marked span in scalars of `text`, if marked.
    var span: Range<Int>? {
        var offset = 0, start: Int? = nil
        for scalar in marked.unicodeScalars {
            if scalar == "⟦" { start = offset } else if scalar == "⟧" { return start.map { $0..<offset } } else { offset += 1 }
        }
        return nil
    }

    var description: String { expected.map { "\(marked) -> \($0)" } ?? "not: \(marked)" }
}

/// A successful match of a rule, handed to its production.
struct Match: Sendable {
    let document: TokenizedText
    let lexicons: Lexicons
    /// Token indices from the first token matched to one past the last.
    let tokens: Range<Int>
    let captures: [Capture]

    /// The text matched, exactly as written.
    var text: String { document.text(tokens: tokens) }

    subscript(_ name: String) -> Captured? {
        captures.last { $0.name == name }.map { Captured(document: document, capture: $0) }
    }

    func has(_ name: String) -> Bool { captures.contains { $0.name == name } }

    /// Matches another `pattern` at significant token `start` of the same document (for productions that
    /// need to look at part of a match again); returns one past the last token matched. Safe during
    /// extraction: it never adds to the vocabulary.
    func match(_ pattern: [Element], at start: Int, crossLines: Bool = false) -> Int? {
        match(CompiledPattern(pattern, lexicons, interning: false), atEach: [start], crossLines: crossLines)[0]
    }

    /// Like `match(_:at:crossLines:)` at each of `starts` in turn, with a pattern compiled once when the extractor
    /// was built (compiling costs more than matching a short pattern).
    func match(_ compiled: CompiledPattern, atEach starts: [Int], crossLines: Bool = false) -> [Int?] {
        document.tokens.withUnsafeBufferPointer { tokens in
            document.words.withUnsafeBufferPointer { words in
                withExtendedLifetime(compiled.program) {
                    var matcher = Matcher(tokens: tokens, words: words, program: compiled.program, remember: false)
                    return starts.map { matcher.match(compiled.steps, at: $0, crossLines: crossLines) }
                }
            }
        }
    }

    /// A captured part of a match.
    struct Captured: Sendable {
        let document: TokenizedText
        let capture: Capture
        var tokens: ArraySlice<Token> { document.tokens[capture.tokens] }
        var range: Range<Int> { capture.tokens }
        /// As written, whitespace included.
        var text: String { document.text(tokens: capture.tokens) }
        /// The significant tokens' normalized forms joined by single spaces.
        var norm: String { tokens.filter { !$0.isSpace }.map(\.norm).joined(separator: " ") }
        /// The lexicon entry matched, for lexicon elements.
        var entry: Lexicon.Entry? { capture.entry }
        /// The first field after the written form of the lexicon entry (a canonical form or a number).
        var canonical: String? { capture.entry?.fields.first }
        var int: Int? { Int(text) }
    }
}

/// A rule's production at a place in the text, before overlaps are settled.
struct Candidate<Value: Sendable>: Sendable {
    /// The rule's position in its rule set (earlier rules win ties).
    let priority: Int
    let rule: String
    /// Token indices matched.
    let tokens: Range<Int>
    /// Scalar offsets of the first and past the last token.
    let start: Int
    let end: Int
    var value: Value
}
