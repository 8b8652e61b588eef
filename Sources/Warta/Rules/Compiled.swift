/// Patterns compiled against an extractor's lexicons and vocabulary: words become vocabulary ids and lexicon names
/// the lexicons themselves, so matching does no string hashing. Every element becomes a `Step`, a plain value in
/// one flat table that matching reads in place: a class per element, reached through arrays of classes, cost a
/// retain and a release at every step of matching. The elements of a pattern, and those inside a group or a
/// choice, are consecutive steps.
final class Program: @unchecked Sendable {
    /// One element of a pattern. Only plain values: what a test needs beyond them is in the program's tables.
    struct Step {
        /// How matching treats the element.
        enum Form: UInt8 { case token, lexicon, group, either }
        /// The one-token test of a `.token` step.
        enum Test: UInt8 { case words, exact, kind, shape, digits, year, check, any, lexiconWord, compound }

        var form: Form
        var test: Test
        /// How many `not`s wrap the test; an odd count flips its answer.
        var negations: UInt8
        var attached: Bool
        var min: Int32
        var max: Int32
        /// The capture name's index in `names`, or -1.
        var name: Int32
        /// For a group or choice whose match is its span alone (it captures nothing and carries no lexicon entry):
        /// its number, under which matching remembers where it ended at each token; else -1.
        var memo: Int32
        /// For a `check`: its number, so that a remembered answer is read first; else -1.
        var check: Int32
        /// What the test needs: the first and count of its word ids; its exact set, lexicon or check; a kind or
        /// shape; a digit range; or, for a group or choice, the first and count of its inner steps.
        var a: Int32
        var b: Int32
    }

    /// The program's tables, in memory that stays put for its life: matching reads them through these pointers,
    /// never through the program (a method call on it would retain and release it).
    struct Tables {
        let steps: UnsafeMutableBufferPointer<Step>
        /// Word ids of `.words` steps, each step's sorted.
        let words: UnsafeMutableBufferPointer<Int32>
        /// Lexicons of lexicon steps and `not(lexicon)` tests.
        let lexicons: UnsafeMutableBufferPointer<Lexicon>
        /// Texts of `.exact` steps, with the vocabulary ids of their norms when a token must carry one of them.
        let exacts: UnsafeMutableBufferPointer<(texts: Set<String>, ids: [Int32]?)>
        let checks: UnsafeMutableBufferPointer<@Sendable (Token) -> Bool>
        let names: UnsafeMutableBufferPointer<String>
    }

    let tables: Tables
    /// Each pattern compiled, as a range of steps, in the order given.
    let patterns: [Range<Int>]

    /// Compiles `patterns`. With `interning`, their words join the vocabulary (only while an extractor is being
    /// built); without, a word the vocabulary lacks gets an id no token carries, which is the same meaning.
    init(_ patterns: [[Element]], lexicons: Lexicons, interning: Bool = true) {
        var builder = Builder(lexicons: lexicons, interning: interning)
        self.patterns = patterns.map { builder.list($0) }
        func copy<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
            let memory = UnsafeMutableBufferPointer<T>.allocate(capacity: array.count)
            _ = memory.initialize(from: array)
            return memory
        }
        tables = Tables(steps: copy(builder.steps), words: copy(builder.words), lexicons: copy(builder.lexiconList),
                        exacts: copy(builder.exacts), checks: copy(builder.checks), names: copy(builder.names))
    }

    deinit {
        func free<T>(_ memory: UnsafeMutableBufferPointer<T>) {
            _ = memory.deinitialize()
            memory.deallocate()
        }
        free(tables.steps)
        free(tables.words)
        free(tables.lexicons)
        free(tables.exacts)
        free(tables.checks)
        free(tables.names)
    }

    /// Builds the tables, step by step.
    private struct Builder {
        let lexicons: Lexicons
        let interning: Bool
        var steps: [Step] = []
        var words: [Int32] = []
        var lexiconList: [Lexicon] = []
        var lexiconNames: [String: Int32] = [:]
        var exacts: [(texts: Set<String>, ids: [Int32]?)] = []
        var checks: [@Sendable (Token) -> Bool] = []
        var names: [String] = []

        init(lexicons: Lexicons, interning: Bool) {
            self.lexicons = lexicons
            self.interning = interning
        }

        /// Compiles `elements` as consecutive steps; returns where they are.
        mutating func list(_ elements: [Element]) -> Range<Int> {
            let first = steps.count
            for _ in elements {
                steps.append(Step(form: .token, test: .any, negations: 0, attached: false, min: 1, max: 1, name: -1, memo: -1,
                                  check: -1, a: 0, b: 0))
            }
            for (k, element) in elements.enumerated() { steps[first + k] = step(element) }
            return first..<(first + elements.count)
        }

        private mutating func step(_ element: Element) -> Step {
            var step = Step(form: .token, test: .any, negations: 0, attached: element.attached, min: Int32(element.min),
                            max: Int32(element.max), name: -1, memo: -1, check: -1, a: 0, b: 0)
            if let name = element.name {
                step.name = Int32(names.count)
                names.append(name)
            }
            if let number = element.groupNumber, Builder.capturesNothing(element.test), !Builder.carriesEntry(element.test) {
                step.memo = Int32(number)
            }
            var test = element.test
            while case .not(let inner) = test {
                step.negations += 1
                test = inner
            }
            switch test {
            case .group(let elements), .either(let elements):
                if step.negations > 0 {
                    // `not` of a group or a choice is no one-token test: its innermost `not` passes every token.
                    step.test = .compound
                } else {
                    if case .group = test { step.form = .group } else { step.form = .either }
                    let inner = list(elements)
                    step.a = Int32(inner.lowerBound)
                    step.b = Int32(inner.count)
                }
            case .lexicon(let name):
                step.a = lexicon(name)
                if step.negations > 0 { step.test = .lexiconWord } else { step.form = .lexicon }
            case .word(let set):
                step.test = .words
                let ids = set.map { interning ? lexicons.vocabulary.intern($0) : lexicons.vocabulary.id($0) }.sorted()
                step.a = Int32(words.count)
                step.b = Int32(ids.count)
                words += ids
            case .exact(let texts):
                step.test = .exact
                // A token written as a plain ASCII text has that text's fold as its norm (whatever else is
                // canonically equal to it normalizes to it first); other texts get no shortcut.
                let plain = texts.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 && $0 != 0x60 } }
                let ids = texts.map { interning ? lexicons.vocabulary.intern(Token.fold($0)) : lexicons.vocabulary.id(Token.fold($0)) }
                step.a = Int32(exacts.count)
                exacts.append((texts, plain ? ids.sorted() : nil))
            case .kind(let kind):
                step.test = .kind
                step.a = Builder.code(kind)
            case .shape(let shape):
                step.test = .shape
                step.a = Int32(shape.rawValue)
            case .digits(let range):
                step.test = .digits
                step.a = Int32(range.lowerBound)
                step.b = Int32(range.upperBound)
            case .year:
                step.test = .year
            case .check(_, let number, let check):
                step.test = .check
                step.check = Int32(number)
                step.a = Int32(checks.count)
                checks.append(check)
            case .any:
                step.test = .any
            case .not:
                preconditionFailure("unwrapped above")
            }
            return step
        }

        private mutating func lexicon(_ name: String) -> Int32 {
            if let known = lexiconNames[name] { return known }
            lexiconList.append(lexicons[name])
            lexiconNames[name] = Int32(lexiconList.count - 1)
            return Int32(lexiconList.count - 1)
        }

        static func code(_ kind: Token.Kind) -> Int32 {
            switch kind {
            case .word: return 0
            case .number: return 1
            case .punct: return 2
            case .space: return 3
            case .newline: return 4
            }
        }

        /// Whether no element inside a group or choice has a name (whose capture matching would have to record).
        static func capturesNothing(_ test: Element.Test) -> Bool {
            switch test {
            case .group(let elements), .either(let elements): return elements.allSatisfy { $0.name == nil && capturesNothing($0.test) }
            default: return true
            }
        }

        /// Whether what an element matched may carry a lexicon entry: a lexicon, or a choice of one.
        static func carriesEntry(_ test: Element.Test) -> Bool {
            switch test {
            case .lexicon: return true
            case .either(let elements): return elements.contains { carriesEntry($0.test) }
            default: return false
            }
        }
    }
}

/// One pattern compiled on its own, with the program that holds it.
struct CompiledPattern: Sendable {
    let program: Program
    let steps: Range<Int>

    init(_ pattern: [Element], _ lexicons: Lexicons, interning: Bool = true) {
        program = Program([pattern], lexicons: lexicons, interning: interning)
        steps = program.patterns[0]
    }

    /// Pattern `index` of a program compiled already (a rule set's rule).
    init(_ program: Program, pattern index: Int) {
        self.program = program
        steps = program.patterns[index]
    }
}

extension Program.Tables {
    /// Whether token `i` passes the one-token test of step `s`; nil for a step that is no one-token test (a lexicon
    /// phrase, a group, a choice). Reads the token in place: a copy would retain its two strings.
    @inline(__always)
    func accepts(_ s: Int, _ tokens: UnsafeBufferPointer<Token>, _ i: Int, _ memo: inout MatchMemo) -> Bool? {
        let step = steps[s]
        guard step.form == .token else { return nil }
        if step.check >= 0, let known = memo.known(Int(step.check), i) { return step.negations & 1 == 0 ? known : !known }
        let passes: Bool
        switch step.test {
        case .words:
            let word = tokens[i].word
            guard word >= 0 else { passes = false; break }
            var found = false
            for k in Int(step.a)..<Int(step.a + step.b) where words[k] == word { found = true; break }
            passes = found
        case .exact:
            if let ids = exacts[Int(step.a)].ids, !ids.contains(tokens[i].word) { passes = false; break }
            passes = exacts[Int(step.a)].texts.contains(tokens[i].text)
        case .kind:
            passes = Program.Builder.code(tokens[i].kind) == step.a
        case .shape:
            passes = tokens[i].kind != .punct && tokens[i].shape.isSuperset(of: Token.Shape(rawValue: UInt16(step.a)))
        case .digits:
            // ASCII digits take one UTF-8 byte each.
            let count = tokens[i].utf8End - tokens[i].utf8Start
            passes = tokens[i].shape.contains(.digitsOnly) && count >= Int(step.a) && count <= Int(step.b)
        case .year:
            if tokens[i].shape.contains(.digitsOnly), tokens[i].utf8End - tokens[i].utf8Start == 4 {
                passes = (1900...2100).contains(Int(tokens[i].text) ?? 0)
            } else {
                passes = false
            }
        case .check:
            passes = memo.answer(Int(step.check), i, tokens.count) { checks[Int(step.a)](tokens[i]) }
        case .any:
            passes = true
        case .lexiconWord:
            // `not(lexicon)`: the token is no single-word entry. The innermost `not` is part of the test.
            passes = lexicons[Int(step.a)].entry(forWord: tokens[i].word) == nil
            return step.negations & 1 == 1 ? passes : !passes
        case .compound:
            // The innermost `not` of a group or a choice passes every token.
            return step.negations & 1 == 1
        }
        return step.negations & 1 == 0 ? passes : !passes
    }
}

/// What matching learned about the tokens of one document, so that what several rules (or one rule's
/// repetitions and backtracking) ask at the same token is worked out once: the answers of `check` tests, and
/// where each remembered group or choice (`Program.Step.memo`) ended. Per matcher, so per document.
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
    @inline(never)
    private mutating func table(_ tokenCount: Int) -> Int32 {
        let start = Int32(bytes.count)
        // Room for the tables of a whole scan at once (rarely more than a few dozen): growing the array as they came
        // copied all the tables before each new one.
        if bytes.capacity < bytes.count + tokenCount { bytes.reserveCapacity(max(2 * bytes.capacity, bytes.count + 32 * tokenCount)) }
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
        // In place: each write to the array checked that it is not shared.
        bytes.withUnsafeMutableBufferPointer { bytes in
            for token in 0..<tokenCount { bytes[start + token] = answer(token) ? 2 : 1 }
        }
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
