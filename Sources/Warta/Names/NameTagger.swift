/// The learned evidence for names: a linear-chain CRF over the tokens of each sentence (`NameModel`, trained by
/// `scripts/train-names` on openly licensed news), decoded with Viterbi into person and organization spans.
///
/// Extractors do not read weights: they ask this tagger where it sees names (`NameTags`) and, for explanations,
/// which features spoke for a span (`evidence`).
struct NameTagger: Sendable {
    let features: NameFeatures
    let model: NameModel
    /// For each label, the kind of name it belongs to (nil for "O") and whether it opens a span.
    private let kinds: [(kind: NameTags.Kind?, begins: Bool)]
    /// `allowed[from * n + to]`: an I- label only continues its own kind.
    private let allowed: [Bool]
    private let mayStart: [Bool]

    init(features: NameFeatures, model: NameModel) {
        self.features = features
        self.model = model
        kinds = model.labels.map { label in
            let kind: NameTags.Kind? = label.hasSuffix("-PER") ? .person : label.hasSuffix("-ORG") ? .organization : nil
            return (kind, label.hasPrefix("B-"))
        }
        let n = model.labels.count
        var allowed = [Bool](repeating: true, count: n * n)
        for from in 0..<n {
            for to in 0..<n where kinds[to].kind != nil && !kinds[to].begins {
                allowed[from * n + to] = kinds[from].kind == kinds[to].kind
            }
        }
        self.allowed = allowed
        mayStart = kinds.map { $0.kind == nil || $0.begins }
    }

    /// The segments the tagger reads: the significant tokens of each sentence, a line break ending one too.
    static func segments(_ tokens: [Token]) -> [[Int]] {
        var segments: [[Int]] = []
        var current: [Int] = []
        for i in tokens.indices {
            let t = tokens[i]
            if t.kind == .newline {
                if !current.isEmpty { segments.append(current); current = [] }
                continue
            }
            if t.isSpace { continue }
            if !t.shape.isDisjoint(with: [.sentenceStart, .lineStart]), !current.isEmpty {
                segments.append(current)
                current = []
            }
            current.append(i)
        }
        if !current.isEmpty { segments.append(current) }
        return segments
    }

    /// The names the model sees in a document.
    func tag(_ tokens: [Token]) -> NameTags {
        var tags = NameTags()
        let n = model.labels.count
        var values: [NameFeatures.Values] = []
        var scores: [Float] = []
        var best: [Float] = []
        var back: [Int32] = []
        for segment in NameTagger.segments(tokens) {
            values.removeAll(keepingCapacity: true)
            for i in segment { values.append(features.values(tokens[i])) }
            let count = segment.count
            scores = [Float](repeating: 0, count: count * n)
            values.withUnsafeBufferPointer { v in
                scores.withUnsafeMutableBufferPointer { s in
                    for i in 0..<count {
                        let row = s.baseAddress! + i * n
                        features.forEachKey(at: i, in: v) { model.add($0, to: row) }
                    }
                }
            }
            best = [Float](repeating: -.infinity, count: count * n)
            back = [Int32](repeating: 0, count: count * n)
            for l in 0..<n where mayStart[l] { best[l] = scores[l] }
            for i in 1..<max(count, 1) {
                for to in 0..<n {
                    var top = -Float.infinity, arg = 0
                    for from in 0..<n where allowed[from * n + to] {
                        let s = best[(i - 1) * n + from] + model.transitions[from * n + to]
                        if s > top { top = s; arg = from }
                    }
                    best[i * n + to] = top + scores[i * n + to]
                    back[i * n + to] = Int32(arg)
                }
            }
            var label = 0
            for l in 1..<n where best[(count - 1) * n + l] > best[(count - 1) * n + label] { label = l }
            var path = [Int](repeating: 0, count: count)
            for i in stride(from: count - 1, through: 0, by: -1) {
                path[i] = label
                label = Int(back[i * n + label])
            }
            var open: (start: Int, kind: NameTags.Kind)? = nil
            func close(_ end: Int) {
                guard let o = open else { return }
                tags.append(o.kind, segment[o.start]..<(segment[end - 1] + 1))
                open = nil
            }
            for i in 0..<count {
                let k = kinds[path[i]]
                if k.kind == nil || k.begins || k.kind != open?.kind { close(i) }
                if let kind = k.kind, open == nil { open = (i, kind) }
            }
            close(count)
        }
        return tags
    }

    /// The features that spoke most for `label` at token `index` of a document, strongest first, with the weight
    /// each gives that label over "O" (for `warta explain`).
    func evidence(at index: Int, label: String, in tokens: [Token], limit: Int = 6) -> [(feature: String, weight: Float)] {
        guard let l = model.labels.firstIndex(of: label),
              let segment = NameTagger.segments(tokens).first(where: { $0.contains(index) }),
              let position = segment.firstIndex(of: index) else { return [] }
        let written = features.strings(at: position, in: segment.map { tokens[$0] })
        let scored = written.compactMap { f -> (String, Float)? in
            guard let w = model.weights(of: NameFeatures.key(written: f)) else { return nil }
            return (f, w[l] - w[0])
        }
        return Array(scored.filter { $0.1 > 0 }.sorted { $0.1 > $1.1 }.prefix(limit))
    }
}

/// Where the name tagger sees names in one document: token ranges, in text order.
struct NameTags: Sendable {
    enum Kind: Sendable { case person, organization }
    var persons: [Range<Int>] = []
    var organizations: [Range<Int>] = []

    mutating func append(_ kind: Kind, _ range: Range<Int>) {
        switch kind {
        case .person: persons.append(range)
        case .organization: organizations.append(range)
        }
    }

    /// The spans of `spans` (in text order, disjoint) that overlap `range`, found by binary search.
    static func overlapping(_ range: Range<Int>, in spans: [Range<Int>]) -> ArraySlice<Range<Int>> {
        var low = 0, high = spans.count
        while low < high {
            let mid = (low + high) / 2
            if spans[mid].upperBound <= range.lowerBound { low = mid + 1 } else { high = mid }
        }
        var end = low
        while end < spans.count, spans[end].lowerBound < range.upperBound { end += 1 }
        return spans[low..<end]
    }
}
