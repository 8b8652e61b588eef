/// A named pattern rule: what it recognizes, the pattern over tokens, what it produces, and the
/// examples that prove it (run by the test suite).
public struct Rule<Value: Sendable>: Sendable {
    /// A stable dotted id, e.g. `date.day_month_year`. Items record the rule that made them.
    public let id: String
    public let summary: String
    public let pattern: [Element]
    /// Whether the pattern may continue across a line break.
    public let crossesLines: Bool
    public let examples: [Example]
    /// Where the rule may start: anywhere, or only at the first token of a line (datelines, headlines).
    public let anchor: Anchor
    let produce: @Sendable (Match) -> Value?

    public enum Anchor: Sendable { case anywhere, lineStart }

    public init(_ id: String, _ summary: String, pattern: [Element], crossesLines: Bool = false, anchor: Anchor = .anywhere,
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
public struct Example: Sendable, CustomStringConvertible {
    public let marked: String
    /// The item's summary the rule must produce at the marked span; nil for a negative example.
    public let expected: String?

    /// `text` must yield an item from this rule at the span marked ⟦…⟧, summarized as `expected`.
    public static func match(_ text: String, _ expected: String) -> Example { Example(marked: text, expected: expected) }
    /// This rule must produce nothing in `text` (or, if a span is marked, nothing overlapping it).
    public static func noMatch(_ text: String) -> Example { Example(marked: text, expected: nil) }

    /// The text without marks.
    public var text: String { String(String.UnicodeScalarView(marked.unicodeScalars.filter { $0 != "⟦" && $0 != "⟧" })) }

    /// The marked span in scalars of `text`, if marked.
    public var span: Range<Int>? {
        var offset = 0, start: Int? = nil
        for scalar in marked.unicodeScalars {
            if scalar == "⟦" { start = offset } else if scalar == "⟧" { return start.map { $0..<offset } } else { offset += 1 }
        }
        return nil
    }

    public var description: String { expected.map { "\(marked) -> \($0)" } ?? "not: \(marked)" }
}

/// A successful match of a rule, handed to its production.
public struct Match: Sendable {
    public let document: TokenizedText
    public let lexicons: Lexicons
    /// Token indices from the first token matched to one past the last.
    public let tokens: Range<Int>
    public let captures: [Capture]

    /// The text matched, exactly as written.
    public var text: String { document.text(tokens: tokens) }

    public subscript(_ name: String) -> Captured? {
        captures.last { $0.name == name }.map { Captured(document: document, capture: $0) }
    }

    public func has(_ name: String) -> Bool { captures.contains { $0.name == name } }

    /// Matches another `pattern` at significant token `start` of the same document (for productions that
    /// need to look at part of a match again); returns one past the last token matched. Safe during
    /// extraction: it never adds to the vocabulary.
    public func match(_ pattern: [Element], at start: Int, crossLines: Bool = false) -> Int? {
        let compiled = pattern.map { CompiledElement($0, lexicons, interning: false) }
        return document.tokens.withUnsafeBufferPointer { tokens in
            var matcher = Matcher(tokens: tokens)
            return matcher.match(compiled, at: start, crossLines: crossLines)
        }
    }

    /// A captured part of a match.
    public struct Captured: Sendable {
        let document: TokenizedText
        let capture: Capture
        public var tokens: ArraySlice<Token> { document.tokens[capture.tokens] }
        public var range: Range<Int> { capture.tokens }
        /// As written, whitespace included.
        public var text: String { document.text(tokens: capture.tokens) }
        /// The significant tokens' normalized forms joined by single spaces.
        public var norm: String { tokens.filter { !$0.isSpace }.map(\.norm).joined(separator: " ") }
        /// The lexicon entry matched, for lexicon elements.
        public var entry: Lexicon.Entry? { capture.entry }
        /// The first field after the written form of the lexicon entry (a canonical form or a number).
        public var canonical: String? { capture.entry?.fields.first }
        public var int: Int? { Int(text) }
    }
}

/// A rule's production at a place in the text, before overlaps are settled.
public struct Candidate<Value: Sendable>: Sendable {
    /// The rule's position in its rule set (earlier rules win ties).
    public let priority: Int
    public let rule: String
    /// Token indices matched.
    public let tokens: Range<Int>
    /// Scalar offsets of the first and past the last token.
    public let start: Int
    public let end: Int
    public var value: Value
}
