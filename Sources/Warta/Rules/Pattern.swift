import Synchronization

/// One element of a rule's pattern: a test on one token (or a lexicon phrase, or a group), how many
/// times it may repeat, and an optional capture name. Patterns are arrays of elements:
///
///     [.digits(1...2).as("day"), .lexicon("months").as("month"), .year.as("year")]
///
/// Whitespace between elements is skipped; a line break ends the match unless the rule `crossesLines`.
/// Every repetition is bounded, which keeps matching linear in the input.
struct Element: Sendable {
    indirect enum Test: Sendable {
        /// The token's normalized form is one of these (lowercase, folded: see `Token.norm`).
        case word(Set<String>)
        /// The token's text is exactly one of these (case-sensitive).
        case exact(Set<String>)
        /// The longest entry of the named lexicon, which may span several tokens.
        case lexicon(String)
        /// A token of this kind.
        case kind(Token.Kind)
        /// A token whose shape has all of these flags.
        case shape(Token.Shape)
        /// Only ASCII digits, as many as the range allows ("19", "05").
        case digits(ClosedRange<Int>)
        /// A four-digit year from 1900 to 2100.
        case year
        /// A named test on one token, for what the cases above cannot say. The number identifies the test, so
        /// that matching can remember its answer for each token of a document (see `MatchMemo`).
        case check(String, Int, @Sendable (Token) -> Bool)
        /// Any significant token.
        case any
        /// One token that does not pass the one-token test.
        case not(Test)
        /// Several elements in a row, matched as one unit (atomically: the first way it matches is kept).
        case group([Element])
        /// The first of these elements that matches.
        case either([Element])
    }

    let test: Test
    var min = 1
    var max = 1
    var name: String? = nil
    /// Must touch the previous token, with no whitespace between ("19/09/2024", "UU 6/2011").
    var attached = false
    /// Identifies a group or a choice made by `group(_:)` or `either(_:)`, so that matching can remember where
    /// it ended at each token of a document (see `MatchMemo`); the modifiers keep it.
    private(set) var groupNumber: Int? = nil

    init(_ test: Test) { self.test = test }

    // MARK: building elements

    static func word(_ words: String...) -> Element { Element(.word(Set(words.map(Token.fold)))) }
    static func exact(_ texts: String...) -> Element { Element(.exact(Set(texts))) }
    static func lexicon(_ name: String) -> Element { Element(.lexicon(name)) }
    static func check(_ description: String, _ test: @escaping @Sendable (Token) -> Bool) -> Element {
        Element(.check(description, checkNumbers.add(1, ordering: .relaxed).oldValue, test))
    }

    /// Numbers for `check` tests, in creation order.
    private static let checkNumbers = Atomic<Int>(0)
    /// Numbers for groups and choices, in creation order.
    private static let groupNumbers = Atomic<Int>(0)
    static var any: Element { Element(.any) }
    static var number: Element { Element(.kind(.number)) }
    static var anyWord: Element { Element(.kind(.word)) }
    /// A word whose first letter is uppercase.
    static var capitalized: Element { Element(.shape([.initialUpper])) }
    /// A word whose letters are all uppercase ("UKK", "TPI").
    static var upper: Element { Element(.shape([.allUpper])) }
    /// Only ASCII digits, between `count.lowerBound` and `count.upperBound` of them.
    static func digits(_ count: ClosedRange<Int>) -> Element { Element(.digits(count)) }
    /// A four-digit year from 1900 to 2100.
    static var year: Element { Element(.year) }
    static func group(_ elements: Element...) -> Element { numbered(.group(elements)) }
    static func either(_ elements: Element...) -> Element { numbered(.either(elements)) }

    private static func numbered(_ test: Test) -> Element {
        var element = Element(test)
        element.groupNumber = groupNumbers.add(1, ordering: .relaxed).oldValue
        return element
    }
    static func not(_ element: Element) -> Element { Element(.not(element.test)) }

    // MARK: modifiers

    /// Captures what this element matched under `name`, for the rule's production.
    func `as`(_ name: String) -> Element { var e = self; e.name = name; return e }
    var optional: Element { var e = self; e.min = 0; return e }
    func repeated(_ range: ClosedRange<Int>) -> Element {
        var e = self; e.min = range.lowerBound; e.max = range.upperBound; return e
    }
    var attachedToPrevious: Element { var e = self; e.attached = true; return e }
}

extension Element.Test {
    /// A readable form, for `warta explain` and test messages.
    var description: String {
        switch self {
        case .word(let w): return w.sorted().map { "\"\($0)\"" }.joined(separator: "|")
        case .exact(let t): return t.sorted().map { "'\($0)'" }.joined(separator: "|")
        case .lexicon(let name): return "<\(name)>"
        case .kind(let kind): return "<\(kind)>"
        case .shape(let shape): return shape.contains(.allUpper) ? "<UPPER>" : "<Capitalized>"
        case .digits(let r): return "<\(r.lowerBound)-\(r.upperBound) digits>"
        case .year: return "<year>"
        case .check(let d, _, _): return "<\(d)>"
        case .any: return "<any>"
        case .not(let t): return "!" + t.description
        case .group(let els): return "(" + els.map(\.description).joined(separator: " ") + ")"
        case .either(let els): return "(" + els.map(\.description).joined(separator: " | ") + ")"
        }
    }
}

extension Element: CustomStringConvertible {
    var description: String {
        var s = (attached ? "~" : "") + test.description
        switch (min, max) {
        case (1, 1): break
        case (0, 1): s += "?"
        default: s += "{\(min),\(max)}"
        }
        if let name { s += ":\(name)" }
        return s
    }
}
