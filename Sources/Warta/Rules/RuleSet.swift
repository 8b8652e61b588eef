/// An extractor's rules in priority order, indexed by the words they can start with so that each token
/// tries only the rules that could match there.
struct RuleSet<Value: Sendable>: Sendable {
    let rules: [Rule<Value>]
    /// Each rule's pattern compiled against the lexicons and vocabulary.
    let compiled: [[CompiledElement]]
    /// Rules by the vocabulary id of a word they can start with (indexed by id).
    private var byFirstWord: [[Int]] = []
    /// Rules that do not start with a known word, with the one-token tests their first token must pass
    /// (nil: any token), so that most positions are rejected without running the matcher.
    private var elsewhere: [(rule: Int, starts: [CompiledElement.Test]?)] = []

    init(_ rules: [Rule<Value>], lexicons: Lexicons) {
        self.rules = rules
        compiled = rules.map { $0.pattern.map { CompiledElement($0, lexicons) } }
        for (index, rule) in rules.enumerated() {
            if let words = RuleSet.firstWords(rule.pattern, lexicons) {
                for word in words {
                    let id = Int(lexicons.vocabulary.intern(word))
                    if byFirstWord.count <= id { byFirstWord += Array(repeating: [], count: id + 1 - byFirstWord.count) }
                    byFirstWord[id].append(index)
                }
            } else {
                let starts = RuleSet.startTests(rule.pattern, lexicons)
                elsewhere.append((index, starts.map { tests in tests.map { CompiledElement(Element($0), lexicons).test } }))
            }
        }
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
        var found: [Candidate<Value>] = []
        var attempts: [Int] = []
        // Unsafe buffers borrow tokens in place; array subscripts would copy each (two strings) per test.
        document.tokens.withUnsafeBufferPointer { tokens in
            var matcher = Matcher(tokens: tokens)
            for i in 0..<tokens.count where !tokens[i].isSpace && allowed(i) && starts?(tokens[i]) != false {
                attempts.removeAll(keepingCapacity: true)
                for (r, starts) in elsewhere {
                    if let starts {
                        var passes = false
                        for test in starts where test.accepts(tokens, i) == true { passes = true; break }
                        if !passes { continue }
                    }
                    attempts.append(r)
                }
                let word = Int(tokens[i].word)
                if word >= 0, word < byFirstWord.count { attempts += byFirstWord[word] }
                for r in attempts where rules[r].mayStart(at: tokens[i]) {
                    let rule = rules[r]
                    guard let end = matcher.match(compiled[r], at: i, crossLines: rule.crossesLines), end > i else { continue }
                    let match = Match(document: document, lexicons: lexicons, tokens: i..<end, captures: matcher.captures)
                    guard let value = rule.produce(match) else { continue }
                    found.append(Candidate(priority: r, rule: rule.id, tokens: i..<end,
                                           start: tokens[i].start, end: tokens[end - 1].end, value: value))
                }
            }
        }
        return found
    }

    /// The one-token tests that a match's first token must pass, or nil when any token may start it.
    /// Optional leading elements add their own tests and those of what follows them.
    static func startTests(_ pattern: [Element], _ lexicons: Lexicons) -> [Element.Test]? {
        var tests: [Element.Test] = []
        for element in pattern {
            guard let own = startTests(element.test, lexicons) else { return nil }
            tests += own
            if element.min > 0 { return tests }
        }
        return nil  // every element optional: the match may start anywhere
    }

    private static func startTests(_ test: Element.Test, _ lexicons: Lexicons) -> [Element.Test]? {
        switch test {
        case .lexicon(let name): return [.word(lexicons[name].firstWords)]
        case .group(let elements): return startTests(elements, lexicons)
        case .either(let alternatives):
            var all: [Element.Test] = []
            for alternative in alternatives {
                guard let tests = startTests(alternative.test, lexicons) else { return nil }
                all += tests
                if alternative.min == 0 { return nil }
            }
            return all
        case .any: return nil
        default: return [test]
        }
    }

    /// The words a pattern can start with, or nil when it can start with any token.
    private static func firstWords(_ pattern: [Element], _ lexicons: Lexicons) -> Set<String>? {
        guard let first = pattern.first, first.min > 0 else { return nil }
        return firstWords(first.test, lexicons)
    }

    private static func firstWords(_ test: Element.Test, _ lexicons: Lexicons) -> Set<String>? {
        switch test {
        case .word(let words): return words
        case .lexicon(let name): return lexicons[name].firstWords
        case .group(let elements): return firstWords(elements, lexicons)
        case .either(let alternatives):
            var all: Set<String> = []
            for alternative in alternatives {
                guard alternative.min > 0, let words = firstWords(alternative.test, lexicons) else { return nil }
                all.formUnion(words)
            }
            return all
        default: return nil
        }
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
        // Binary search for the first taken span that ends after this one starts.
        var low = 0, high = taken.count
        while low < high {
            let mid = (low + high) / 2
            if taken[mid].upperBound <= span.lowerBound { low = mid + 1 } else { high = mid }
        }
        if low < taken.count, taken[low].overlaps(span) { continue }
        taken.insert(span, at: low)
        kept.append(c)
    }
    return kept.sorted { $0.start < $1.start }
}
