/// An extractor's rules in priority order, indexed by the words they can start with so that each token
/// tries only the rules that could match there.
struct RuleSet<Value: Sendable>: Sendable {
    let rules: [Rule<Value>]
    /// Every rule's pattern compiled against the lexicons and vocabulary (`program.patterns[r]`), and the start
    /// tests of `testedSteps` after them.
    let program: Program
    /// Which rules can start at a token, found without testing every rule at every token: by the word's
    /// vocabulary id, at any number (rules opening with digits or a year), or by a test of their own.
    private var byFirstWord = RuleLists([])
    /// The words some rule is filed under, as bits: most tokens start no rule, and this small table tells so without
    /// reading `byFirstWord`'s bounds at a vocabulary id (a cache miss per token in a table as long as the vocabulary).
    private var firstWords: [UInt64] = []
    private var atNumbers: [Int] = []
    /// Start tests of their own (a step of `program`), each with the rules it opens (`testedRules`, list k for
    /// entry k); rules sharing a `check` share its entry.
    private var testedSteps: [Int] = []
    private var testedRules = RuleLists([])
    private var anywhere: [Int] = []
    private let lineStartOnly: [Bool]
    /// Per rule, whether an element named "item" spans the item (see `Rule.pattern`).
    private let spansItem: [Bool]
    private let crossesLines: [Bool]
    /// What each rule's match must hold further on (an index into `requirements`), or -1: see `Requirement`.
    private var requirementOf: [Int] = []
    private var requirements: [Requirement] = []
    /// The words that open any requirement (the union of their `opening`; `reach` unused).
    private var anyOpening = Requirement(opening: [], reach: 0)
    /// For each entry of `testedSteps`, whether every rule it opens has a requirement: then the test is not run at a
    /// token where none of them can match.
    private var testedGuarded: [Bool] = []

    /// A word or lexicon that every match of a rule holds after its first element, and how many significant tokens
    /// the elements before it take at most: the rule cannot match at a token unless a token that may open that
    /// element (one of the words, a first word of the lexicon) comes within `reach` significant tokens. Looking for
    /// that token once per document spares matching the rule where it cannot end ("organization.name_end" may
    /// start at any capitalized word but needs a word of organization-ends after at most five of them).
    private struct Requirement: Sendable {
        /// The vocabulary ids of the tokens that may open the element, as bits.
        let opening: [UInt64]
        let reach: Int

        @inline(__always)
        func opens(_ word: Int32) -> Bool {
            let id = Int(word)
            return id >= 0 && id >> 6 < opening.count && opening[id >> 6] & (1 << (id & 63)) != 0
        }
    }

    init(_ rules: [Rule<Value>], lexicons: Lexicons) {
        self.rules = rules
        lineStartOnly = rules.map { $0.anchor == .lineStart }
        spansItem = rules.map { $0.pattern.contains { $0.name == "item" } }
        crossesLines = rules.map(\.crossesLines)
        // Each rule's start tests, and those that are tests of their own as written, to find one several rules share.
        let starts = rules.map { RuleSet.startTests($0.pattern) }
        var testedSources: [Element.Test] = []
        for test in starts.compactMap({ $0 }).joined() {
            switch test {
            case .word, .lexicon, .digits, .year, .kind(.number): continue
            default:
                if !testedSources.contains(where: { RuleSet.sameTest($0, test) }) { testedSources.append(test) }
            }
        }
        // One program for the rules and their start tests; the tests are one-element patterns after the rules'.
        program = Program(rules.map(\.pattern) + testedSources.map { [Element($0)] }, lexicons: lexicons)
        var byFirstWord: [[Int]] = [], atNumbers: [Int] = [], anywhere: [Int] = []
        var testedRules = [[Int]](repeating: [], count: testedSources.count)
        func file(_ rule: Int, underWord id: Int) {
            if byFirstWord.count <= id { byFirstWord += Array(repeating: [], count: id + 1 - byFirstWord.count) }
            if byFirstWord[id].last != rule { byFirstWord[id].append(rule) }
        }
        for index in rules.indices {
            guard let tests = starts[index] else {
                anywhere.append(index)
                continue
            }
            // A rule may start where any of its start tests passes: file it under each.
            for test in tests {
                switch test {
                case .word(let words):
                    for word in words { file(index, underWord: Int(lexicons.vocabulary.intern(word))) }
                case .lexicon(let name):
                    // The lexicon numbered its first words when it was built.
                    for id in lexicons[name].firstWordIDs { file(index, underWord: Int(id)) }
                case .digits, .year, .kind(.number):
                    if atNumbers.last != index { atNumbers.append(index) }
                default:
                    let k = testedSources.firstIndex { RuleSet.sameTest($0, test) }!
                    if testedRules[k].last != index { testedRules[k].append(index) }
                }
            }
        }
        self.byFirstWord = RuleLists(byFirstWord)
        var firstWords = [UInt64](repeating: 0, count: (byFirstWord.count + 63) / 64)
        for id in byFirstWord.indices where !byFirstWord[id].isEmpty { firstWords[id >> 6] |= 1 << UInt64(id & 63) }
        self.firstWords = firstWords
        self.atNumbers = atNumbers
        self.anywhere = anywhere
        testedSteps = testedRules.indices.map { program.patterns[rules.count + $0].lowerBound }
        self.testedRules = RuleLists(testedRules)
        // A rule filed only under its first words is tried at few tokens: looking for its requirement through the
        // whole document would cost more than the matches it spares.
        let byWords = starts.map { tests in
            tests?.allSatisfy { test in
                switch test {
                case .word, .lexicon: return true
                default: return false
                }
            } ?? false
        }
        findRequirements(skipping: byWords)
    }

    /// Finds each rule's requirement: its first required element after the first that is a word test or a lexicon.
    /// Rules requiring the same words or lexicon share one entry, looked for once per document.
    private mutating func findRequirements(skipping skipped: [Bool]) {
        var keys: [String] = []
        let t = program.tables
        requirementOf = rules.indices.map { r in
            if skipped[r] { return -1 }
            var reach = 0
            for (k, s) in program.patterns[r].enumerated() {
                defer { reach += RuleSet.maxTokens(s, t) }
                let step = t.steps[s]
                guard k > 0, step.min > 0 else { continue }
                let key: String, ids: [Int32]
                switch (step.form, step.test) {
                case (.token, .words) where step.negations == 0:
                    let words = Array(t.words[Int(step.a)..<Int(step.a + step.b)])
                    (key, ids) = ("words \(words)", words)
                case (.token, .exact) where step.negations == 0:
                    guard let words = t.exacts[Int(step.a)].ids else { continue }
                    (key, ids) = ("words \(words)", words)
                case (.lexicon, _):
                    let lexicon = t.lexicons[Int(step.a)]
                    (key, ids) = ("lexicon \(lexicon.name)", lexicon.firstWordIDs)
                default: continue
                }
                if let known = keys.indices.first(where: { keys[$0] == key && requirements[$0].reach == reach }) { return known }
                var bits: [UInt64] = []
                for id in ids.map(Int.init) where id >= 0 {
                    if id >> 6 >= bits.count { bits += repeatElement(0, count: id >> 6 + 1 - bits.count) }
                    bits[id >> 6] |= 1 << (id & 63)
                }
                keys.append(key)
                requirements.append(Requirement(opening: bits, reach: reach))
                return requirements.count - 1
            }
            return -1
        }
        testedGuarded = testedSteps.indices.map { k in testedRules.list(k).allSatisfy { requirementOf[$0] >= 0 } }
        var any: [UInt64] = []
        for requirement in requirements {
            if any.count < requirement.opening.count { any += repeatElement(0, count: requirement.opening.count - any.count) }
            for (k, bits) in requirement.opening.enumerated() { any[k] |= bits }
        }
        anyOpening = Requirement(opening: any, reach: 0)
    }

    /// The most significant tokens step `s` can match: one per token test and per word of a lexicon phrase.
    private static func maxTokens(_ s: Int, _ t: Program.Tables) -> Int {
        let step = t.steps[s]
        let once: Int
        switch step.form {
        case .lexicon: once = t.lexicons[Int(step.a)].phrases.map(\.count).max() ?? 0
        case .group: once = (Int(step.a)..<Int(step.a + step.b)).map { maxTokens($0, t) }.reduce(0, +)
        case .either: once = (Int(step.a)..<Int(step.a + step.b)).map { maxTokens($0, t) }.max() ?? 0
        case .token: once = 1
        }
        return once * Int(step.max)
    }

    /// Every match of every rule at every significant token of `document`, with the rule's production,
    /// in token order. Overlapping candidates are all returned: the extractor settles them.
    func candidates(in document: TokenizedText, lexicons: Lexicons,
                    where allowed: (Int) -> Bool = { _ in true }) -> [Candidate<Value>] {
        candidates(in: document, lexicons: lexicons, where: allowed, startingAt: nil)
    }

    /// Like `candidates(in:lexicons:where:)`, trying rules only at tokens that pass `starts`, which gets the
    /// token itself (cheaper than looking it up by index in a copy of the token array).
    func candidates(in document: TokenizedText, lexicons: Lexicons, where allowed: (Int) -> Bool = { _ in true },
                    startingAt starts: ((Token) -> Bool)?) -> [Candidate<Value>] {
        var memo = MatchMemo()
        return candidates(in: document, lexicons: lexicons, where: allowed, startingAt: starts, memo: &memo)
    }

    /// The matches that start at token `start`: the rules are tried there only (not asked of every token).
    func candidates(in document: TokenizedText, lexicons: Lexicons, at start: Int) -> [Candidate<Value>] {
        var memo = MatchMemo()
        return candidates(in: document, lexicons: lexicons, within: start..<(start + 1), memo: &memo)
    }

    /// Like `candidates(in:lexicons:where:startingAt:)`, keeping what matching learns about the document's tokens
    /// in `memo`, which several rule sets run over the same document can share (checks and groups are numbered
    /// across all rules).
    func candidates(in document: TokenizedText, lexicons: Lexicons, where allowed: (Int) -> Bool = { _ in true },
                    startingAt starts: ((Token) -> Bool)? = nil, within positions: Range<Int>? = nil,
                    memo: inout MatchMemo) -> [Candidate<Value>] {
        var found: [Candidate<Value>] = []
        var attempts: [Int] = []
        var ahead = Lookahead(requirements.count)
        // Unsafe buffers borrow tokens in place; array subscripts would copy each (two strings) per test.
        document.tokens.withUnsafeBufferPointer { tokens in
            document.words.withUnsafeBufferPointer { words in
                var matcher = Matcher(tokens: tokens, words: words, program: program)
                // Swapped in and out, so that neither copy of the tables is shared (which would copy them on write).
                swap(&matcher.memo, &memo)
                defer { swap(&matcher.memo, &memo) }
                for i in (positions ?? 0..<tokens.count).clamped(to: 0..<tokens.count)
                    where words[i] > TokenizedText.whitespace && allowed(i) && starts?(tokens[i]) != false {
                    // Most tokens start no rule: the tests on emptiness spare array calls.
                    if !attempts.isEmpty { attempts.removeAll(keepingCapacity: true) }
                    if !anywhere.isEmpty { attempts += anywhere }
                    let word = Int(words[i])
                    if word >= 0, word >> 6 < firstWords.count, firstWords[word >> 6] & (1 << UInt64(word & 63)) != 0 {
                        byFirstWord.append(word, to: &attempts)
                    }
                    if tokens[i].kind == .number, !atNumbers.isEmpty { attempts += atNumbers }
                    for k in testedSteps.indices {
                        if testedGuarded[k], !testedRules.contains(k, where: { mayMatch($0, at: i, words, &ahead) }) { continue }
                        if program.tables.accepts(testedSteps[k], tokens, i, &matcher.memo) == true { testedRules.append(k, to: &attempts) }
                    }
                    if attempts.isEmpty { continue }
                    // Earlier rules first, each once.
                    if attempts.count > 1 { attempts.sort() }
                    var previous = -1
                    for r in attempts where r != previous {
                        previous = r
                        if lineStartOnly[r], !tokens[i].shape.contains(.lineStart) { continue }
                        if !mayMatch(r, at: i, words, &ahead) { continue }
                        guard let end = matcher.match(program.patterns[r], at: i, crossLines: crossesLines[r]), end > i else { continue }
                        let match = Match(document: document, lexicons: lexicons, tokens: i..<end, captures: matcher.captures)
                        guard let value = rules[r].produce(match) else { continue }
                        let item = spansItem[r] ? match["item"]?.range ?? i..<end : i..<end
                        found.append(Candidate(priority: r, rule: rules[r].id, tokens: item,
                                               start: tokens[item.lowerBound].start, end: tokens[item.upperBound - 1].end, value: value))
                    }
                }
            }
        }
        return found
    }

    /// Where each requirement's tokens are, found while the scan moves through a document: the starts asked about
    /// only grow, so each search moves forward only (linear in the document).
    private struct Lookahead {
        /// For each requirement, the first token at or after the last start asked about that may open it, or -1
        /// before the first question; `Int.max` when there is none.
        var next: [Int]
        /// For each requirement, the first start from which `next` is in reach (`Int.max` when there is none).
        var from: [Int]
        /// The tokens that open any requirement, in text order (found at the first question): each requirement looks
        /// for its own among these few, not through every token once per requirement.
        private var openers: [Int32] = []
        private var found = false
        /// For each requirement, where its search stands in `openers`.
        private var cursor: [Int]

        init(_ count: Int) {
            next = Array(repeating: -1, count: count)
            from = Array(repeating: 0, count: count)
            cursor = Array(repeating: 0, count: count)
        }

        /// Finds the first token at or after `i` that opens requirement `q`, and from which start it is in reach.
        @inline(never)
        mutating func advance(_ q: Int, to i: Int, _ requirement: Requirement, _ any: Requirement,
                              _ words: UnsafeBufferPointer<Int32>) {
            if !found {
                found = true
                // On the words alone (whitespace is negative, which opens nothing): the tokens take a cache line each.
                for p in words.indices where any.opens(words[p]) { openers.append(Int32(truncatingIfNeeded: p)) }
            }
            var c = cursor[q]
            while c < openers.count, Int(openers[c]) < i || !requirement.opens(words[Int(openers[c])]) { c += 1 }
            cursor[q] = c
            guard c < openers.count else { (next[q], from[q]) = (Int.max, Int.max); return }
            let p = Int(openers[c])
            // Back from `p`, as long as at most `reach` significant tokens stand between.
            var start = p, count = 0
            while start > i {
                let more = words[start - 1] <= TokenizedText.whitespace ? count : count + 1
                if more > requirement.reach { break }
                count = more
                start -= 1
            }
            (next[q], from[q]) = (p, start)
        }
    }

    /// Whether rule `r` may match at token `i`, as far as its requirement tells (cheap when it is known: the
    /// search runs out of line, which also keeps `candidates` small enough for the compiler to inline it into the
    /// extractors; the outlined copy cost the times and dates extractors several times as much per token).
    @inline(__always)
    private func mayMatch(_ r: Int, at i: Int, _ words: UnsafeBufferPointer<Int32>, _ ahead: inout Lookahead) -> Bool {
        let q = requirementOf[r]
        guard q >= 0 else { return true }
        if i > ahead.next[q] { ahead.advance(q, to: i, requirements[q], anyOpening, words) }
        return i >= ahead.from[q]
    }

    /// Whether two start tests are the same test, so that it runs once per token for all the rules it opens.
    private static func sameTest(_ a: Element.Test, _ b: Element.Test) -> Bool {
        switch (a, b) {
        case (.check(_, let x, _), .check(_, let y, _)): return x == y
        case (.exact(let x), .exact(let y)): return x == y
        case (.kind(let x), .kind(let y)): return x == y
        case (.shape(let x), .shape(let y)): return x == y
        default: return false
        }
    }

    /// The one-token tests that a match's first token must pass (a lexicon: one of its first words), or nil
    /// when any token may start it. Optional leading elements add their own tests and those of what follows them.
    static func startTests(_ pattern: [Element]) -> [Element.Test]? {
        var tests: [Element.Test] = []
        for element in pattern {
            guard let own = startTests(element.test) else { return nil }
            tests += own
            if element.min > 0 { return tests }
        }
        return nil  // every element optional: the match may start anywhere
    }

    private static func startTests(_ test: Element.Test) -> [Element.Test]? {
        switch test {
        case .group(let elements): return startTests(elements)
        case .either(let alternatives):
            var all: [Element.Test] = []
            for alternative in alternatives {
                guard let tests = startTests(alternative.test) else { return nil }
                all += tests
                if alternative.min == 0 { return nil }
            }
            return all
        case .any: return nil
        default: return [test]
        }
    }


}

/// Lists of rule indices in one array, list `k` at `items[bounds[k]..<bounds[k + 1]]`: the scan reads a list at every
/// token, and an array of arrays retained and released the list it handed out each time.
private struct RuleLists: Sendable {
    private var items: [Int] = []
    private var bounds: [Int] = [0]

    init(_ lists: [[Int]]) {
        for list in lists {
            items += list
            bounds.append(items.count)
        }
    }

    /// How many lists.
    var count: Int { bounds.count - 1 }

    func list(_ k: Int) -> ArraySlice<Int> { items[bounds[k]..<bounds[k + 1]] }

    /// Appends list `k` to `out`.
    @inline(__always)
    func append(_ k: Int, to out: inout [Int]) {
        for j in bounds[k]..<bounds[k + 1] { out.append(items[j]) }
    }

    @inline(__always)
    func contains(_ k: Int, where test: (Int) -> Bool) -> Bool {
        for j in bounds[k]..<bounds[k + 1] where test(items[j]) { return true }
        return false
    }
}

/// Settling overlaps, the same way for every extractor: the longest span wins, then the earlier rule
/// in the rule set, then the earlier position. Returns the winners in text order.
func resolveOverlaps<Value>(_ candidates: [Candidate<Value>]) -> [Candidate<Value>] {
    let ranked = candidates.indices.sorted { a, b in
        let x = candidates[a], y = candidates[b]
        let lx = x.end - x.start, ly = y.end - y.start
        if lx != ly { return lx > ly }
        if x.priority != y.priority { return x.priority < y.priority }
        return x.start < y.start
    }
    var taken: [Range<Int>] = []  // sorted, disjoint
    var kept: [Candidate<Value>] = []
    for index in ranked {
        let c = candidates[index]
        let span = c.start..<c.end
        // The first taken span that ends after this one starts.
        let low = taken.partitioningIndex { $0.upperBound > span.lowerBound }
        if low < taken.count, taken[low].overlaps(span) { continue }
        taken.insert(span, at: low)
        kept.append(c)
    }
    return kept.sorted { $0.start < $1.start }
}
