/// What one named element of a pattern matched.
struct Capture: Sendable {
    let name: String
    /// Token indices: the first token matched and one past the last.
    let tokens: Range<Int>
    /// The lexicon entry, when the element was a lexicon phrase.
    let entry: Lexicon.Entry?
}

/// Runs one pattern of a `Program` against the token stream at one position, with bounded backtracking over
/// repeat counts. Groups are atomic. The cost at a position is bounded by the pattern, so a scan is linear.
struct Matcher {
    /// The document's tokens, borrowed for the matcher's lifetime (see `RuleSet.candidates`).
    let tokens: UnsafeBufferPointer<Token>
    /// Their `TokenizedText.words`, borrowed the same way: skipping whitespace reads these, not the tokens.
    let words: UnsafeBufferPointer<Int32>
    /// The tables of the program whose patterns are matched: the caller keeps the program alive while matching.
    private let program: Program.Tables
    private let steps: UnsafeMutableBufferPointer<Program.Step>
    private var crossLines = false
    var captures: [Capture] = []
    /// Where each repetition of a repeated element ended, as a stack shared by the nested calls (one
    /// allocation for the whole document instead of one per attempt): `endsCount` entries are in use, and
    /// the array only grows, so popping is a subtraction.
    private var ends: [Int] = []
    private var endsCount = 0
    /// Answers of `check` tests already asked about this document's tokens.
    var memo: MatchMemo

    /// One element matched once: its token span, and the lexicon (an index in the program's) and entry when it was
    /// a lexicon phrase.
    private struct One {
        let start: Int
        let end: Int
        var lexicon: Int32 = -1
        var entry = -1
    }

    init(tokens: UnsafeBufferPointer<Token>, words: UnsafeBufferPointer<Int32>, program: Program, remember: Bool = true) {
        self.tokens = tokens
        self.words = words
        self.program = program.tables
        steps = program.tables.steps
        memo = MatchMemo(enabled: remember)
    }

    /// Matches the pattern of `steps` (a range of the program's) starting at significant token `start`; returns
    /// one past the last token matched. A line break ends the match unless `crossLines`.
    mutating func match(_ pattern: Range<Int>, at start: Int, crossLines: Bool) -> Int? {
        self.crossLines = crossLines
        captures.removeAll(keepingCapacity: true)
        endsCount = 0
        return matchList(pattern.lowerBound, pattern.upperBound, start)
    }

    /// The next significant token at or after `pos`, or nil when a line break (or, for an attached
    /// element, any whitespace) stands in the way.
    @inline(__always)
    private func significant(from pos: Int, attached: Bool) -> Int? {
        var i = pos
        while i < words.count, words[i] <= TokenizedText.whitespace {
            if attached || (words[i] == TokenizedText.lineBreak && !crossLines) { return nil }
            i += 1
        }
        return i < words.count ? i : nil
    }

    /// Matches steps `k..<end` from token `pos`.
    private mutating func matchList(_ k: Int, _ end: Int, _ pos: Int) -> Int? {
        if k == end { return pos }
        let step = steps[k]
        let mark = captures.count
        if step.max == 1 {
            if let one = matchOne(k, at: pos) {
                if step.name >= 0 { record(step, one) }
                if let matched = matchList(k + 1, end, one.end) { return matched }
                dropCaptures(from: mark)
            }
            return step.min == 0 ? matchList(k + 1, end, pos) : nil
        }
        let base = endsCount
        defer { endsCount = base }
        var first = -1
        var p = pos
        while endsCount - base < Int(step.max), let one = matchOne(k, at: p) {
            if first < 0 { first = one.start }
            if endsCount < ends.count { ends[endsCount] = one.end } else { ends.append(one.end) }
            endsCount += 1
            p = one.end
        }
        var n = endsCount - base
        while n >= Int(step.min) {
            let last = n == 0 ? pos : ends[base + n - 1]
            if n > 0, step.name >= 0 { record(step, One(start: first, end: last)) }
            if let matched = matchList(k + 1, end, last) { return matched }
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

    private mutating func record(_ step: Program.Step, _ one: One) {
        let entry = one.lexicon >= 0 && one.entry >= 0 ? program.lexicons[Int(one.lexicon)].entries[one.entry] : nil
        captures.append(Capture(name: program.names[Int(step.name)], tokens: one.start..<one.end, entry: entry))
    }

    private mutating func matchOne(_ k: Int, at pos: Int) -> One? {
        let step = steps[k]
        guard let i = significant(from: pos, attached: step.attached && pos > 0) else { return nil }
        switch step.form {
        case .lexicon:
            guard let found = program.lexicons[Int(step.a)].longestMatchIndex(in: tokens, at: i, crossLines: crossLines) else { return nil }
            return One(start: i, end: found.end, lexicon: step.a, entry: found.entry)
        case .group:
            if step.memo >= 0 {
                switch memo.groupEnd(Int(step.memo), crossLines: crossLines, at: i) {
                case .end(let end): return One(start: i, end: end)
                case .noMatch: return nil
                case .unknown: break
                }
            }
            // Most groups tried fail on their first token: a one-token test that must pass says so without the
            // whole walk through the group.
            let first = Int(step.a)
            if step.b > 0, steps[first].min > 0, program.accepts(first, tokens, i, &memo) == false {
                if step.memo >= 0 { memo.remember(Int(step.memo), crossLines: crossLines, at: i, end: nil, tokens.count) }
                return nil
            }
            let mark = captures.count
            let end = matchList(first, first + Int(step.b), i)
            if step.memo >= 0 { memo.remember(Int(step.memo), crossLines: crossLines, at: i, end: end, tokens.count) }
            guard let end else {
                dropCaptures(from: mark)
                return nil
            }
            return One(start: i, end: end)
        case .either:
            if step.memo >= 0 {
                switch memo.groupEnd(Int(step.memo), crossLines: crossLines, at: i) {
                case .end(let end): return One(start: i, end: end)
                case .noMatch: return nil
                case .unknown: break
                }
            }
            for alternative in Int(step.a)..<Int(step.a + step.b) {
                let mark = captures.count
                if let one = matchOne(alternative, at: i) {
                    if steps[alternative].name >= 0 { record(steps[alternative], one) }
                    if step.memo >= 0 { memo.remember(Int(step.memo), crossLines: crossLines, at: i, end: one.end, tokens.count) }
                    return one
                }
                dropCaptures(from: mark)
            }
            if step.memo >= 0 { memo.remember(Int(step.memo), crossLines: crossLines, at: i, end: nil, tokens.count) }
            return nil
        case .token:
            return program.accepts(k, tokens, i, &memo) == true ? One(start: i, end: i + 1) : nil
        }
    }
}
