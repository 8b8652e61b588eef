/// The learned evidence for names: a linear-chain CRF over the tokens of each sentence (`NameModel`, trained by
/// `scripts/train-names` on openly licensed news), decoded with Viterbi into person and organization spans.
///
/// Extractors do not read weights: they ask this tagger where it sees names (`NameTags`) and, for explanations,
/// which features spoke for a span (`evidence`).
final class NameTagger: Sendable {
    let features: NameFeatures
    let model: NameModel
    /// For each label, the kind of name it belongs to (nil for "O") and whether it opens a span.
    private let kinds: [(kind: NameTags.Kind?, begins: Bool)]
    /// `allowed[from * n + to]`: an I- label only continues its own kind.
    private let allowed: [Bool]
    private let mayStart: [Bool]
    /// The index of the "O" label.
    private let outside: Int
    /// See `edges(_:_:)`.
    private let edges: [Float]
    /// The vocabulary ids of `joinerWords`.
    private let joiners: [Int32]

    init(features: NameFeatures, model: NameModel, vocabulary: Vocabulary) {
        joiners = NameTagger.joinerWords.map { vocabulary.intern($0) }
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
        outside = kinds.firstIndex { $0.kind == nil } ?? 0
        edges = NameTagger.edges(features, model)
    }

    /// The segments the tagger reads: the significant tokens of each sentence, a line break ending one too.
    static func segments(_ tokens: [Token]) -> [[Int]] {
        var segments: [[Int]] = []
        var current: [Int] = []
        // Read in place: a copy of each token (`let t = tokens[i]`) retained and released its two strings.
        tokens.withUnsafeBufferPointer { tokens in
            for i in tokens.indices {
                if tokens[i].kind == .newline {
                    if !current.isEmpty { segments.append(current); current = [] }
                    continue
                }
                if tokens[i].isSpace { continue }
                if !tokens[i].shape.isDisjoint(with: [.sentenceStart, .lineStart]), !current.isEmpty {
                    segments.append(current)
                    current = []
                }
                current.append(i)
            }
        }
        if !current.isEmpty { segments.append(current) }
        return segments
    }

    /// Words that may sit inside a name or an organization's name without a capital ("bin", "dan", "of") and the
    /// signs that join their parts ("-", "/", "&"). Everything else without a capital is labeled O outright.
    static let joinerWords: [String] = ["-", "/", "&", "'", ".", "(", ")", "dan", "of", "for", "the", "and", "de", "van",
                                               "von", "der", "den", "bin", "binti", "al", "el", "la", "da", "do", "dos", "y"]

    /// The names the model sees in a document. `scratch` keeps the weights of the words and written forms met so far
    /// (one per caller at a time: see `Extractor`).
    ///
    /// Names are capitalized: only capitalized tokens, and the joiners right after one, may take a label other than
    /// O. At the other tokens the O label's own score is the same for every path, so it is never computed, and a
    /// sentence with no capital is not scored at all. A position's scores are the sum of what each token within two
    /// of it contributes at that offset, and what a token contributes depends only on its word and its written
    /// form: those are looked up once per document or batch, not hashed feature by feature at every position.
    func tag(_ tokens: [Token], scratch: NameScratch) -> NameTags {
        // Unsafe buffers borrow tokens in place; array subscripts would copy each (two strings).
        tokens.withUnsafeBufferPointer { tag($0, segments: NameTagger.segments(tokens), scratch) }
    }

    private func tag(_ tokens: UnsafeBufferPointer<Token>, segments: [[Int]], _ scratch: NameScratch) -> NameTags {
        var tags = NameTags()
        let n = model.labels.count
        scratch.prepare(labels: n)
        // The caches are taken out of the scratch for the document: read in place, every lookup paid an exclusivity
        // check on the class's properties.
        var wordCache = NameScratch.Cache(), tokenCache = NameScratch.Cache()
        swap(&wordCache, &scratch.words)
        swap(&tokenCache, &scratch.tokens)
        defer {
            swap(&wordCache, &scratch.words)
            swap(&tokenCache, &scratch.tokens)
        }
        var form = [Float](repeating: 0, count: 5 * n)
        var best: [Float] = []
        var back: [Int32] = []
        for segment in segments {
            let count = segment.count
            guard let (free, scores) = emissions(tokens, segment, &wordCache, &tokenCache, &form) else { continue }
            best.removeAll(keepingCapacity: true)
            best.append(contentsOf: repeatElement(-.infinity, count: count * n))
            back.removeAll(keepingCapacity: true)
            back.append(contentsOf: repeatElement(0, count: count * n))
            for l in 0..<n where mayStart[l] && (free[0] || l == outside) { best[l] = scores[l] }
            // Through unsafe buffers: the array subscripts' bounds and uniqueness checks cost more than the sums.
            best.withUnsafeMutableBufferPointer { best in
                back.withUnsafeMutableBufferPointer { back in
                    scores.withUnsafeBufferPointer { scores in
                        allowed.withUnsafeBufferPointer { allowed in
                            model.transitions.withUnsafeBufferPointer { transitions in
                                for i in 1..<max(count, 1) {
                                    // Between two positions bound to O (most of a sentence), only O's path is alive:
                                    // the sum over the one finite predecessor, as the loop below would find it.
                                    if !free[i], !free[i - 1] {
                                        best[i * n + outside] = best[(i - 1) * n + outside] + transitions[outside * n + outside]
                                            + scores[i * n + outside]
                                        back[i * n + outside] = Int32(outside)
                                        continue
                                    }
                                    for to in 0..<n where free[i] || to == outside {
                                        var top = -Float.infinity, arg = 0
                                        for from in 0..<n where allowed[from * n + to] {
                                            let s = best[(i - 1) * n + from] + transitions[from * n + to]
                                            if s > top { top = s; arg = from }
                                        }
                                        best[i * n + to] = top + scores[i * n + to]
                                        back[i * n + to] = Int32(arg)
                                    }
                                }
                            }
                        }
                    }
                }
            }
            var label = 0
            for l in 1..<n where best[(count - 1) * n + l] > best[(count - 1) * n + label] { label = l }
            var path = [Int](repeating: 0, count: count)
            for i in stride(from: count - 1, through: 0, by: -1) {
                path[i] = label
                label = Int(back[i * n + label])
            }
            var current: (start: Int, kind: NameTags.Kind)? = nil
            func close(_ end: Int) {
                guard let c = current else { return }
                tags.append(c.kind, segment[c.start]..<(segment[end - 1] + 1))
                current = nil
            }
            for i in 0..<count {
                let k = kinds[path[i]]
                if k.kind == nil || k.begins || k.kind != current?.kind { close(i) }
                if let kind = k.kind, current == nil { current = (i, kind) }
            }
            close(count)
        }
        return tags
    }

    /// Which positions of a segment may take a label other than O, and every label's score at each of them
    /// (`scores[position * labels + label]`, 0 elsewhere); nil when the segment has no capitalized word.
    private func emissions(_ tokens: UnsafeBufferPointer<Token>, _ segment: [Int], _ wordCache: inout NameScratch.Cache,
                           _ tokenCache: inout NameScratch.Cache, _ form: inout [Float]) -> (free: [Bool], scores: [Float])? {
        let n = model.labels.count, count = segment.count
        var free: [Bool] = []
        free.reserveCapacity(count)
        var anyFree = false
        for k in 0..<count {
            let i = segment[k]
            // A capitalized function word ("Dalam", "Selain") opens a sentence, not a name.
            let capital = tokens[i].kind == .word && !tokens[i].shape.isDisjoint(with: [.initialUpper, .allUpper])
                && !features.isFunctionWord(tokens[i])
            free.append(capital || (k > 0 && free[k - 1] && (tokens[i].kind == .number || joiners.contains(tokens[i].word))))
            anyFree = anyFree || capital
        }
        guard anyFree else { return nil }
        // Per position: the index of its token's vector in `tokenCache` (its word's weights plus its written form's).
        var vectors: [Int] = []
        vectors.reserveCapacity(count)
        let width = 5 * n
        model.withSlots { table in
            form.withUnsafeMutableBufferPointer { form in
                for k in 0..<count {
                    guard free[max(0, k - 2)...min(count - 1, k + 2)].contains(true) else { vectors.append(-1); continue }
                    let t = segment[k]
                    vectors.append(tokenCache.vector(NameFeatures.hash(tokens[t].text)) { out in
                        // A written form decides its word: the word's weights and the form's own, summed once here as
                        // the scores summed them (word weight plus form weight).
                        let word = wordCache.vector(NameFeatures.hash(tokens[t].norm)) { features.addWordWeights(tokens[t], model, table, into: $0) }
                        for k in 0..<width { form[k] = 0 }
                        features.addFormWeights(tokens[t], model, table, into: form.baseAddress!)
                        wordCache.vectors.withUnsafeBufferPointer { words in
                            for k in 0..<width { out[k] = words[word * width + k] + form[k] }
                        }
                    })
                }
            }
        }
        var scores = [Float](repeating: 0, count: count * n)
        tokenCache.vectors.withUnsafeBufferPointer { tokenVectors in
            // In place: `scores[...] +=` on the array checked its uniqueness at every sum.
            scores.withUnsafeMutableBufferPointer { scores in
                for i in 0..<count where free[i] {
                    for l in 0..<n { scores[i * n + l] = edges[l] }
                    if i == 0 { for l in 0..<n { scores[i * n + l] += edges[n + l] } }
                    if i == count - 1 { for l in 0..<n { scores[i * n + l] += edges[2 * n + l] } }
                    for offset in -2...2 {
                        let j = i + offset
                        if j < 0 || j >= count {
                            for l in 0..<n { scores[i * n + l] += edges[(5 + offset) * n + l] }
                            continue
                        }
                        let v = vectors[j] * width + (offset + 2) * n
                        for l in 0..<n { scores[i * n + l] += tokenVectors[v + l] }
                    }
                }
            }
        }
        return (free, scores)
    }

    /// For tests: each segment of a document with the positions scored and their scores.
    func emissions(_ tokens: [Token], scratch: NameScratch) -> [(segment: [Int], free: [Bool], scores: [Float])] {
        scratch.prepare(labels: model.labels.count)
        return tokens.withUnsafeBufferPointer { buffer in
            NameTagger.segments(tokens).compactMap { segment in
                var form = [Float](repeating: 0, count: 5 * model.labels.count)
                return emissions(buffer, segment, &scratch.words, &scratch.tokens, &form).map { (segment, $0.free, $0.scores) }
            }
        }
    }

    /// The scores that every position, or a sentence's first or last, or a position near an edge gets: bias, first,
    /// last, then pad[-2...2] (`edges[k * labels + label]`, k = 0...7 with pad[o] at 5 + o).
    private static func edges(_ features: NameFeatures, _ model: NameModel) -> [Float] {
        let n = model.labels.count
        var edges = [Float](repeating: 0, count: 8 * n)
        let keys = [features.bias, features.first, features.last] + features.padding
        for (k, key) in keys.enumerated() where k < 8 {
            if let w = model.weights(of: key) { for l in 0..<n { edges[k * n + l] = w[l] } }
        }
        return edges
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
        let low = spans.partitioningIndex { $0.upperBound > range.lowerBound }
        var end = low
        while end < spans.count, spans[end].lowerBound < range.upperBound { end += 1 }
        return spans[low..<end]
    }
}

/// What the name tagger keeps between calls of one caller: what each word contributes at each offset, and what each
/// written form contributes with its word, so that a token met again costs one lookup. A class used by one caller at a time (`Extractor`
/// lends one with each tokenizer), hence `@unchecked Sendable`.
final class NameScratch: @unchecked Sendable {
    /// An open-addressing table from a 64-bit key to a vector of `5 * labels` floats.
    struct Cache {
        /// Per slot, side by side (one cache line for a probe): a key (0: empty) and its vector's index.
        private var slots: [UInt64] = []
        private(set) var vectors: [Float] = []
        private var count = 0
        private var width = 0

        mutating func reset(width: Int, capacity: Int) {
            self.width = width
            slots = [UInt64](repeating: 0, count: 2 * capacity)
            vectors.removeAll(keepingCapacity: true)
            count = 0
        }

        /// Whether the table holds more than it should keep (cleared between documents, never during one).
        var isCrowded: Bool { count > 1 << 15 }

        /// The index of `key`'s vector, computing it with `fill` the first time.
        mutating func vector(_ key: UInt64, _ fill: (UnsafeMutablePointer<Float>) -> Void) -> Int {
            let key = key == 0 ? 1 : key
            if count * 4 >= slots.count / 2 * 3 { grow() }
            let mask = slots.count / 2 - 1
            var slot = Int(truncatingIfNeeded: key) & mask
            while slots[2 * slot] != 0 {
                if slots[2 * slot] == key { return Int(slots[2 * slot + 1]) }
                slot = (slot + 1) & mask
            }
            slots[2 * slot] = key
            slots[2 * slot + 1] = UInt64(count)
            vectors.append(contentsOf: repeatElement(0, count: width))
            vectors.withUnsafeMutableBufferPointer { fill($0.baseAddress! + count * width) }
            count += 1
            return count - 1
        }

        private mutating func grow() {
            let old = slots
            slots = [UInt64](repeating: 0, count: old.count * 2)
            let mask = slots.count / 2 - 1
            for k in Swift.stride(from: 0, to: old.count, by: 2) where old[k] != 0 {
                var slot = Int(truncatingIfNeeded: old[k]) & mask
                while slots[2 * slot] != 0 { slot = (slot + 1) & mask }
                slots[2 * slot] = old[k]
                slots[2 * slot + 1] = old[k + 1]
            }
        }
    }

    /// By a word (its norm): its w, p3, s2 and s3 weights at each offset.
    var words = Cache()
    /// By a written form (its text, which decides its word): the word's weights plus the form's own (shape, casing,
    /// facts) at each offset, `vector[(offset + 2) * labels + label]`.
    var tokens = Cache()
    private var labels = 0

    /// Ready for a document: the tables are kept unless they have grown past their size.
    func prepare(labels: Int) {
        guard labels != self.labels || words.isCrowded || tokens.isCrowded else { return }
        self.labels = labels
        words.reset(width: 5 * labels, capacity: 1 << 14)
        tokens.reset(width: 5 * labels, capacity: 1 << 14)
    }
}
