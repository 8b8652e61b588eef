/// A pattern compiled against an extractor's lexicons and vocabulary: words become vocabulary ids and
/// lexicon names become the lexicons themselves, so matching does no string hashing. A class, and the
/// lexicon boxed in one, so that reading an element while matching retains one object, not every array
/// inside it.
final class CompiledElement: Sendable {
    final class LexiconBox: Sendable {
        let lexicon: Lexicon
        init(_ lexicon: Lexicon) { self.lexicon = lexicon }
    }

    indirect enum Test: Sendable {
        /// One of these vocabulary ids (sorted; usually a handful, searched linearly).
        case words([Int32])
        /// These texts; `ids` (when known) are the vocabulary ids of their norms, which a token must carry to be
        /// one of them, a test much cheaper than hashing its text.
        case exact(Set<String>, ids: [Int32]?)
        case lexicon(LexiconBox)
        case kind(Token.Kind)
        case shape(Token.Shape)
        case digits(ClosedRange<Int>)
        case year
        case check(Int, @Sendable (Token) -> Bool)
        case any
        case not(Test)
        case group([CompiledElement])
        case either([CompiledElement])
    }

    let test: Test
    /// How matching treats the element, and what it needs, read without taking `test` apart (which would
    /// retain what the case holds at every step).
    enum Form { case token, lexicon, group, either }
    let form: Form
    /// The elements of a group or choice; empty otherwise.
    let inner: [CompiledElement]
    /// The lexicon of a lexicon element.
    let lexicon: LexiconBox?
    let min: Int
    let max: Int
    let name: String?
    let attached: Bool
    /// For a group or choice whose match is its span alone (it captures nothing and carries no lexicon entry):
    /// its number, under which matching remembers where it ended at each token.
    let memo: Int?
    /// For a `check`: its number, so that a remembered answer is read without taking `test` apart; else -1.
    let check: Int

    /// Compiles `element`. With `interning`, its words join the vocabulary (only while an extractor is being
    /// built); without, a word the vocabulary lacks gets an id no token carries, which is the same meaning.
    init(_ element: Element, _ lexicons: Lexicons, interning: Bool = true) {
        test = CompiledElement.compile(element.test, lexicons, interning)
        if case .check(let number, _) = test { check = number } else { check = -1 }
        switch test {
        case .lexicon(let box): (form, inner, lexicon) = (.lexicon, [], box)
        case .group(let elements): (form, inner, lexicon) = (.group, elements, nil)
        case .either(let elements): (form, inner, lexicon) = (.either, elements, nil)
        default: (form, inner, lexicon) = (.token, [], nil)
        }
        min = element.min
        max = element.max
        name = element.name
        attached = element.attached
        memo = element.groupNumber.flatMap { CompiledElement.capturesNothing(element.test) && !CompiledElement.carriesEntry(element.test) ? $0 : nil }
    }

    /// Whether no element inside a group or choice has a name (whose capture matching would have to record).
    private static func capturesNothing(_ test: Element.Test) -> Bool {
        switch test {
        case .group(let elements), .either(let elements): return elements.allSatisfy { $0.name == nil && capturesNothing($0.test) }
        default: return true
        }
    }

    /// Whether what an element matched may carry a lexicon entry: a lexicon, or a choice of one.
    private static func carriesEntry(_ test: Element.Test) -> Bool {
        switch test {
        case .lexicon: return true
        case .either(let elements): return elements.contains { carriesEntry($0.test) }
        default: return false
        }
    }

    private static func compile(_ test: Element.Test, _ lexicons: Lexicons, _ interning: Bool) -> Test {
        switch test {
        case .word(let words):
            return .words(words.map { interning ? lexicons.vocabulary.intern($0) : lexicons.vocabulary.id($0) }.sorted())
        case .exact(let texts):
            // A token written as a plain ASCII text has that text's fold as its norm (whatever else is
            // canonically equal to it normalizes to it first); other texts get no shortcut.
            let plain = texts.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 && $0 != 0x60 } }
            let ids = texts.map { interning ? lexicons.vocabulary.intern(Token.fold($0)) : lexicons.vocabulary.id(Token.fold($0)) }
            return .exact(texts, ids: plain ? ids.sorted() : nil)
        case .lexicon(let name): return .lexicon(LexiconBox(lexicons[name]))
        case .kind(let kind): return .kind(kind)
        case .shape(let shape): return .shape(shape)
        case .digits(let range): return .digits(range)
        case .year: return .year
        case .check(_, let number, let check): return .check(number, check)
        case .any: return .any
        case .not(let inner): return .not(compile(inner, lexicons, interning))
        case .group(let elements): return .group(elements.map { CompiledElement($0, lexicons, interning: interning) })
        case .either(let elements): return .either(elements.map { CompiledElement($0, lexicons, interning: interning) })
        }
    }
}

extension CompiledElement {
    /// `test.accepts`, answering a check from the memo when it already knows.
    @inline(__always)
    func accepts(_ tokens: UnsafeBufferPointer<Token>, _ i: Int, _ memo: inout MatchMemo) -> Bool? {
        if check >= 0, let known = memo.known(check, i) { return known }
        return test.accepts(tokens, i, &memo)
    }
}

extension CompiledElement.Test {
    /// Tests token `i`; nil for the tests that are not one-token tests. Takes the buffer and an index, not
    /// a `Token`: reading fields in place avoids copying the token (and its two strings) for every test.
    @inline(__always)
    func accepts(_ tokens: UnsafeBufferPointer<Token>, _ i: Int, _ memo: inout MatchMemo) -> Bool? {
        switch self {
        case .words(let ids): return tokens[i].word >= 0 && ids.contains(tokens[i].word)
        case .exact(let texts, let ids):
            if let ids, !ids.contains(tokens[i].word) { return false }
            return texts.contains(tokens[i].text)
        case .kind(let kind): return tokens[i].kind == kind
        case .shape(let shape): return tokens[i].kind != .punct && tokens[i].shape.isSuperset(of: shape)
        case .digits(let range):
            // ASCII digits take one UTF-8 byte each.
            return tokens[i].shape.contains(.digitsOnly) && range.contains(tokens[i].utf8End - tokens[i].utf8Start)
        case .year:
            guard tokens[i].shape.contains(.digitsOnly), tokens[i].utf8End - tokens[i].utf8Start == 4 else { return false }
            return (1900...2100).contains(Int(tokens[i].text) ?? 0)
        case .check(let number, let check): return memo.answer(number, i, tokens.count) { check(tokens[i]) }
        case .any: return true
        case .not(let inner):
            if case .lexicon(let box) = inner { return box.lexicon.entry(forWord: tokens[i].word) == nil }
            return inner.accepts(tokens, i, &memo).map { !$0 } ?? true
        case .lexicon, .group, .either: return nil
        }
    }
}

/// What matching learned about the tokens of one document, so that what several rules (or one rule's
/// repetitions and backtracking) ask at the same token is worked out once: the answers of `check` tests, and
/// where each remembered group or choice (`CompiledElement.memo`) ended. Per matcher, so per document.
struct MatchMemo {
    /// All tables, one after the other: one byte per token of the document each.
    private var bytes: [UInt8] = []
    /// Where each check's table starts in `bytes`, by check number (-1: none yet). A check's byte is 0 unknown,
    /// 1 false, 2 true.
    private var answersAt: [Int32] = []
    /// Where each group's table starts in `bytes`, by group number, twice (within a line, across lines): -1 not
    /// tried yet, -2 tried once (most groups are tried at a few tokens only: a table is made at the second use).
    /// A group's byte is 0 unknown, 1 no match, or 2 plus the number of tokens matched (longer matches are not
    /// remembered).
    private var endsAt: [Int32] = []
    /// Off for one-off matches (`Match.match`), where filling tables would cost more than it saves.
    let enabled: Bool

    init(enabled: Bool = true) { self.enabled = enabled }

    /// A new table of `tokenCount` unknowns; returns where it starts.
    private mutating func table(_ tokenCount: Int) -> Int32 {
        let start = Int32(bytes.count)
        bytes += repeatElement(0, count: tokenCount)
        return start
    }

    /// The remembered answer of check `number` at `token`, if any.
    @inline(__always)
    func known(_ number: Int, _ token: Int) -> Bool? {
        guard number < answersAt.count, answersAt[number] >= 0 else { return nil }
        let known = bytes[Int(answersAt[number]) + token]
        return known == 0 ? nil : known == 2
    }

    @inline(__always)
    mutating func answer(_ number: Int, _ token: Int, _ tokenCount: Int, _ compute: () -> Bool) -> Bool {
        guard enabled else { return compute() }
        if number >= answersAt.count { answersAt += repeatElement(-1, count: number + 1 - answersAt.count) }
        if answersAt[number] < 0 { answersAt[number] = table(tokenCount) }
        let at = Int(answersAt[number]) + token
        if bytes[at] != 0 { return bytes[at] == 2 }
        let value = compute()
        bytes[at] = value ? 2 : 1
        return value
    }

    /// Takes the answers of `check` (a `.check` element) for every token of the document from the extractor,
    /// which worked them out already for its own use: matching then never calls the check.
    mutating func know(_ check: Element, tokenCount: Int, _ answer: (Int) -> Bool) {
        guard enabled, case .check(_, let number, _) = check.test else { return }
        if number >= answersAt.count { answersAt += repeatElement(-1, count: number + 1 - answersAt.count) }
        if answersAt[number] < 0 { answersAt[number] = table(tokenCount) }
        let start = Int(answersAt[number])
        for token in 0..<tokenCount { bytes[start + token] = answer(token) ? 2 : 1 }
    }

    /// What is known of group `number` matched at `token`.
    enum GroupEnd { case unknown, noMatch, end(Int) }

    @inline(__always)
    func groupEnd(_ number: Int, crossLines: Bool, at token: Int) -> GroupEnd {
        let slot = 2 * number + (crossLines ? 1 : 0)
        guard enabled, slot < endsAt.count, endsAt[slot] >= 0 else { return .unknown }
        let known = bytes[Int(endsAt[slot]) + token]
        return known == 0 ? .unknown : known == 1 ? .noMatch : .end(token + Int(known) - 2)
    }

    mutating func remember(_ number: Int, crossLines: Bool, at token: Int, end: Int?, _ tokenCount: Int) {
        let slot = 2 * number + (crossLines ? 1 : 0)
        guard enabled, end.map({ $0 - token <= 253 }) ?? true else { return }
        if slot >= endsAt.count { endsAt += repeatElement(-1, count: slot + 1 - endsAt.count) }
        if endsAt[slot] < 0 {
            guard endsAt[slot] == -2 else { endsAt[slot] = -2; return }
            endsAt[slot] = table(tokenCount)
        }
        bytes[Int(endsAt[slot]) + token] = end.map { UInt8($0 - token + 2) } ?? 1
    }
}
