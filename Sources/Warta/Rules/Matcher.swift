/// What one named element of a pattern matched.
struct Capture: Sendable {
    let name: String
    /// Token indices: the first token matched and one past the last.
    let tokens: Range<Int>
    /// The lexicon entry, when the element was a lexicon phrase.
    let entry: Lexicon.Entry?
}

/// Runs one pattern against the token stream at one position, with bounded backtracking over repeat
/// counts. Groups are atomic. The cost at a position is bounded by the pattern, so a scan is linear.
struct Matcher {
    /// The document's tokens, borrowed for the matcher's lifetime (see `RuleSet.candidates`).
    let tokens: UnsafeBufferPointer<Token>
    private var crossLines = false
    var captures: [Capture] = []
    /// Where each repetition of a repeated element ended, as a stack shared by the nested calls (one
    /// allocation for the whole document instead of one per attempt): `endsCount` entries are in use, and
    /// the array only grows, so popping is a subtraction.
    private var ends: [Int] = []
    private var endsCount = 0
    /// Answers of `check` tests already asked about this document's tokens.
    var memo: MatchMemo

    /// One element matched once: its token span, and the lexicon entry when it was a lexicon phrase. The
    /// lexicon is held unowned: the compiled pattern keeps it alive, and a counted reference would cost a
    /// retain and a release at every step of matching.
    private struct One {
        let start: Int
        let end: Int
        unowned(unsafe) var lexicon: CompiledElement.LexiconBox? = nil
        var entry = -1
    }

    init(tokens: UnsafeBufferPointer<Token>, remember: Bool = true) {
        self.tokens = tokens
        memo = MatchMemo(enabled: remember)
    }

    /// Matches `pattern` starting at significant token `start`; returns one past the last token matched.
    /// A line break ends the match unless `crossLines`.
    mutating func match(_ pattern: [CompiledElement], at start: Int, crossLines: Bool) -> Int? {
        self.crossLines = crossLines
        captures.removeAll(keepingCapacity: true)
        endsCount = 0
        return matchList(pattern, 0, start)
    }

    /// The next significant token at or after `pos`, or nil when a line break (or, for an attached
    /// element, any whitespace) stands in the way.
    @inline(__always)
    private func significant(from pos: Int, attached: Bool) -> Int? {
        var i = pos
        while i < tokens.count, tokens[i].isSpace {
            if attached || (tokens[i].kind == .newline && !crossLines) { return nil }
            i += 1
        }
        return i < tokens.count ? i : nil
    }

    private mutating func matchList(_ elements: [CompiledElement], _ k: Int, _ pos: Int) -> Int? {
        if k == elements.count { return pos }
        let element = elements[k]
        let mark = captures.count
        if element.max == 1 {
            if let one = matchOne(element, at: pos) {
                if element.name != nil { record(element, one) }
                if let end = matchList(elements, k + 1, one.end) { return end }
                dropCaptures(from: mark)
            }
            return element.min == 0 ? matchList(elements, k + 1, pos) : nil
        }
        let base = endsCount
        defer { endsCount = base }
        var first = -1
        var p = pos
        while endsCount - base < element.max, let one = matchOne(element, at: p) {
            if first < 0 { first = one.start }
            if endsCount < ends.count { ends[endsCount] = one.end } else { ends.append(one.end) }
            endsCount += 1
            p = one.end
        }
        var n = endsCount - base
        while n >= element.min {
            let end = n == 0 ? pos : ends[base + n - 1]
            if n > 0, element.name != nil { record(element, One(start: first, end: end)) }
            if let result = matchList(elements, k + 1, end) { return result }
            dropCaptures(from: mark)
            n -= 1
        }
        return nil
    }

    /// Forgets the captures from `mark` on (most often there are none: a test on the array is cheaper than an
    /// empty removal).
    @inline(__always)
    private mutating func dropCaptures(from mark: Int) {
        while captures.count > mark { captures.removeLast() }
    }

    private mutating func record(_ element: CompiledElement, _ one: One) {
        guard let name = element.name else { return }
        let entry = one.lexicon.flatMap { one.entry >= 0 ? $0.lexicon.entries[one.entry] : nil }
        captures.append(Capture(name: name, tokens: one.start..<one.end, entry: entry))
    }

    private mutating func matchOne(_ element: CompiledElement, at pos: Int) -> One? {
        guard let i = significant(from: pos, attached: element.attached && pos > 0) else { return nil }
        switch element.form {
        case .lexicon:
            let box = element.lexicon.unsafelyUnwrapped
            guard let found = box.lexicon.longestMatchIndex(in: tokens, at: i, crossLines: crossLines) else { return nil }
            return One(start: i, end: found.end, lexicon: box, entry: found.entry)
        case .group:
            let inner = element.inner
            if let number = element.memo {
                switch memo.groupEnd(number, crossLines: crossLines, at: i) {
                case .end(let end): return One(start: i, end: end)
                case .noMatch: return nil
                case .unknown: break
                }
            }
            // Most groups tried fail on their first token: a one-token test that must pass says so without the
            // whole walk through the group.
            if let first = inner.first, first.min > 0, first.accepts(tokens, i, &memo) == false {
                if let number = element.memo { memo.remember(number, crossLines: crossLines, at: i, end: nil, tokens.count) }
                return nil
            }
            let mark = captures.count
            let end = matchList(inner, 0, i)
            if let number = element.memo { memo.remember(number, crossLines: crossLines, at: i, end: end, tokens.count) }
            guard let end else {
                dropCaptures(from: mark)
                return nil
            }
            return One(start: i, end: end)
        case .either:
            if let number = element.memo {
                switch memo.groupEnd(number, crossLines: crossLines, at: i) {
                case .end(let end): return One(start: i, end: end)
                case .noMatch: return nil
                case .unknown: break
                }
            }
            for alternative in element.inner {
                let mark = captures.count
                if let one = matchOne(alternative, at: i) {
                    if alternative.name != nil { record(alternative, one) }
                    if let number = element.memo { memo.remember(number, crossLines: crossLines, at: i, end: one.end, tokens.count) }
                    return one
                }
                dropCaptures(from: mark)
            }
            if let number = element.memo { memo.remember(number, crossLines: crossLines, at: i, end: nil, tokens.count) }
            return nil
        case .token:
            return element.accepts(tokens, i, &memo) == true ? One(start: i, end: i + 1) : nil
        }
    }
}
