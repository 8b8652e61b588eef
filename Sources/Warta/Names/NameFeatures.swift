/// What the name tagger reads at each token: the word, its shape, its first and last letters, its casing, and
/// the lexicon facts the person rules already know (a position head, an honorific, a speech verb, a place...).
///
/// A feature is written `template[offset]=value` ("w[-1]=kata": the word before is "kata"). The model file
/// names features that way; at run time the same features are only hashed, never built as strings:
/// `key(prefix:value:)` mixes the hash of the "w[-1]=" part with the hash of the value. `strings(...)` builds
/// the written form for training (`warta name-features`) and `warta explain`; a test checks that both agree.
final class NameFeatures: Sendable {
    /// A template reads one fact of the token at an offset from the tagged one.
    enum Template: Int, CaseIterable, Sendable {
        case word, shape, prefix3, suffix2, suffix3, casing, fact

        var name: String {
            switch self {
            case .word: return "w"
            case .shape: return "sh"
            case .prefix3: return "p3"
            case .suffix2: return "s2"
            case .suffix3: return "s3"
            case .casing: return "c"
            case .fact: return "f"
            }
        }

        /// The offsets read with this template: the word's own letters only at 0 and ±1, the rest two words each side.
        var offsets: ClosedRange<Int> {
            switch self {
            case .prefix3, .suffix2, .suffix3: return -1...1
            case .word, .shape, .casing, .fact: return -2...2
            }
        }
    }

    /// Lexicon facts about a word, one feature each.
    struct Facts: OptionSet, Sendable {
        let rawValue: UInt32
        static let nameWord = Facts(rawValue: 1 << 0)
        static let capsInitials = Facts(rawValue: 1 << 1)
        static let initial = Facts(rawValue: 1 << 2)
        static let degree = Facts(rawValue: 1 << 3)
        static let notName = Facts(rawValue: 1 << 4)
        static let office = Facts(rawValue: 1 << 5)
        static let facility = Facts(rawValue: 1 << 6)
        static let organisation = Facts(rawValue: 1 << 7)
        static let position = Facts(rawValue: 1 << 8)
        static let honorific = Facts(rawValue: 1 << 9)
        static let title = Facts(rawValue: 1 << 10)
        static let common = Facts(rawValue: 1 << 11)
        static let speechBefore = Facts(rawValue: 1 << 12)
        static let speechAfter = Facts(rawValue: 1 << 13)
        static let place = Facts(rawValue: 1 << 14)
        static let calendar = Facts(rawValue: 1 << 15)
        static let lowercaseWord = Facts(rawValue: 1 << 16)

        /// Each fact's name in feature strings, by bit.
        static let names = ["name", "initials", "initial", "degree", "notname", "office", "facility", "org", "position",
                            "honorific", "title", "common", "speech-before", "speech-after", "place", "calendar", "lower"]
    }

    /// The casing classes: "Aa" capitalized, "AA" capitals, "A" one capital, "a" lowercase, "0" a number,
    /// "." anything else.
    static let casings = ["Aa", "AA", "A", "a", "0", "."]

    /// The facts of each vocabulary word that lexicons alone decide (the rest need the token's letters).
    private let wordFacts: [Facts]
    private let vocabulary: PersonVocabulary
    /// Salts of every template at every offset (`hash("w[-1]=")`), and of the padding and edge features.
    /// Flat: `salts[template * 5 + offset + 2]`.
    private let salts: [UInt64]
    private let factHashes: [UInt64]
    private let casingHashes: [UInt64]
    let bias: UInt64
    let padding: [UInt64]
    let first: UInt64
    let last: UInt64

    init(lexicons: Lexicons, vocabulary: PersonVocabulary) {
        self.vocabulary = vocabulary
        var facts = [Facts](repeating: [], count: lexicons.vocabulary.count)
        func mark(_ lexicon: String, _ fact: (Lexicon.Entry) -> Facts) {
            for entry in lexicons[lexicon].entries {
                let words = PersonVocabulary.words(entry.text)
                guard words.count == 1 else { continue }
                let id = Int(lexicons.vocabulary.id(words[0]))
                if id >= 0, id < facts.count { facts[id].formUnion(fact(entry)) }
            }
        }
        mark("speech-verbs") { e in e.fields.first == "before" ? .speechBefore : e.fields.first == "after" ? .speechAfter : [] }
        for lexicon in ["places", "provinces", "countries"] { mark(lexicon) { _ in .place } }
        for lexicon in ["months", "days"] { mark(lexicon) { _ in .calendar } }
        wordFacts = facts
        salts = Template.allCases.flatMap { t in (-2...2).map { NameFeatures.hash("\(t.name)[\($0)]=") } }
        factHashes = Facts.names.map { NameFeatures.hash($0) }
        casingHashes = NameFeatures.casings.map { NameFeatures.hash($0) }
        bias = NameFeatures.key(prefix: NameFeatures.hash("bias"), value: NameFeatures.hash(""))
        padding = (-2...2).map { NameFeatures.key(prefix: NameFeatures.hash("pad[\($0)]"), value: NameFeatures.hash("")) }
        first = NameFeatures.key(prefix: NameFeatures.hash("first"), value: NameFeatures.hash(""))
        last = NameFeatures.key(prefix: NameFeatures.hash("last"), value: NameFeatures.hash(""))
    }

    // MARK: hashing

    /// FNV-1a over the UTF-8 bytes of `text`.
    static func hash(_ text: String) -> UInt64 { PersonVocabulary.withBytes(text) { hash($0) } }

    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    /// The key of the feature whose written form is a prefix ("w[-1]=") and a value ("kata"), from their hashes.
    @inline(__always)
    static func key(prefix: UInt64, value: UInt64) -> UInt64 {
        var z = prefix ^ (value &* 0x9E37_79B9_7F4A_7C15)
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return z == 0 ? 1 : z
    }

    /// The key of a feature written as text ("w[-1]=kata", "bias"): what the model file names.
    static func key(written: String) -> UInt64 { PersonVocabulary.withBytes(written) { key(written: $0) } }

    /// The same on UTF-8 bytes: the prefix runs through the first "=".
    static func key(written: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let empty = hash(UnsafeBufferPointer(rebasing: written[0..<0]))
        guard let eq = written.firstIndex(of: 0x3D) else { return key(prefix: hash(written), value: empty) }
        return key(prefix: hash(UnsafeBufferPointer(rebasing: written[...eq])),
                   value: hash(UnsafeBufferPointer(rebasing: written[(eq + 1)...])))
    }



    // MARK: the weights of one token

    /// Adds to `vector` what a token's word decides at each offset: its w, p3, s2 and s3 features' weights for every
    /// label, `vector[(offset + 2) * labels + label]`. Hashes the bytes that `written(_:)` would build, without
    /// building them.
    func addWordWeights(_ t: Token, _ model: NameModel, _ table: UnsafeBufferPointer<Float>, into vector: UnsafeMutablePointer<Float>) {
        let n = model.labels.count
        PersonVocabulary.withBytes(t.norm) { b in
            let word = NameFeatures.hash(b)
            // Affixes count Unicode scalars: a scalar starts at every byte that is not a continuation (10xxxxxx).
            var prefixEnd = b.count, seen = 0
            for i in b.indices where b[i] & 0xC0 != 0x80 {
                seen += 1
                if seen == 4 { prefixEnd = i; break }
            }
            var suffix2 = 0, suffix3 = 0, back = 0
            var i = b.count - 1
            while i >= 0, back < 3 {
                if b[i] & 0xC0 != 0x80 {
                    back += 1
                    if back == 2 { suffix2 = i } else if back == 3 { suffix3 = i }
                }
                i -= 1
            }
            let prefix3 = NameFeatures.hash(UnsafeBufferPointer(rebasing: b[0..<prefixEnd]))
            let s2 = NameFeatures.hash(UnsafeBufferPointer(rebasing: b[suffix2..<b.count]))
            let s3 = NameFeatures.hash(UnsafeBufferPointer(rebasing: b[suffix3..<b.count]))
            for offset in -2...2 {
                let row = vector + (offset + 2) * n
                model.add(key(.word, offset, word), to: row, in: table)
                if Template.prefix3.offsets.contains(offset) {
                    model.add(key(.prefix3, offset, prefix3), to: row, in: table)
                    model.add(key(.suffix2, offset, s2), to: row, in: table)
                    model.add(key(.suffix3, offset, s3), to: row, in: table)
                }
            }
        }
    }

    /// Adds to `vector` what a token's written form decides at each offset: its shape, casing and lexicon facts.
    func addFormWeights(_ t: Token, _ model: NameModel, _ table: UnsafeBufferPointer<Float>, into vector: UnsafeMutablePointer<Float>) {
        let n = model.labels.count
        let shape = NameFeatures.shapeHash(t.text), casing = casingHashes[NameFeatures.casing(t)]
        let facts = facts(t).rawValue
        for offset in -2...2 {
            let row = vector + (offset + 2) * n
            model.add(key(.shape, offset, shape), to: row, in: table)
            model.add(key(.casing, offset, casing), to: row, in: table)
            var bits = facts
            while bits != 0 {
                model.add(key(.fact, offset, factHashes[bits.trailingZeroBitCount]), to: row, in: table)
                bits &= bits - 1
            }
        }
    }

    @inline(__always)
    private func key(_ template: Template, _ offset: Int, _ value: UInt64) -> UInt64 {
        NameFeatures.key(prefix: salts[template.rawValue * 5 + offset + 2], value: value)
    }

    /// The hash of `shape(text)`, computed on the text's bytes without building the shape.
    static func shapeHash(_ text: String) -> UInt64 {
        let ascii: UInt64? = PersonVocabulary.withBytes(text) { b in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            var previous: UInt8 = 0xFF
            var run = 0
            for byte in b {
                guard byte < 0x80 else { return nil }
                let c: UInt8 = byte >= 0x41 && byte <= 0x5A ? 0x58 : byte >= 0x61 && byte <= 0x7A ? 0x78 : byte >= 0x30 && byte <= 0x39 ? 0x64 : byte
                if c == previous { run += 1 } else { run = 1; previous = c }
                if run <= 2 { h = (h ^ UInt64(c)) &* 0x100_0000_01b3 }
            }
            return h
        }
        if let ascii { return ascii }
        // Rare: letters past ASCII. Hash the shape as `shape(_:)` writes it.
        return hash(shape(text))
    }

    /// The written values of a token (for training and explanations; `values(_:)` hashes the same strings).
    static func written(_ t: Token) -> (shape: String, prefix3: String, suffix2: String, suffix3: String) {
        let norm = t.norm.unicodeScalars
        let prefix3 = String(String.UnicodeScalarView(norm.prefix(3)))
        let suffix2 = String(String.UnicodeScalarView(norm.suffix(2)))
        let suffix3 = String(String.UnicodeScalarView(norm.suffix(3)))
        return (shape(t.text), prefix3, suffix2, suffix3)
    }

    /// Letters as X (capital) and x, digits as d, other characters as themselves; a run of one class is cut to
    /// two ("Jakarta" -> "Xxx", "S.H" -> "X.X", "2024" -> "dd").
    static func shape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar? = nil
        var run = 0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let c: Unicode.Scalar
            if v < 0x80 {
                switch v {
                case 0x41...0x5A: c = "X"
                case 0x61...0x7A: c = "x"
                case 0x30...0x39: c = "d"
                default: c = scalar
                }
            } else {
                let p = scalar.properties
                c = p.isUppercase ? "X" : p.isAlphabetic ? "x" : p.numericType == .decimal ? "d" : scalar
            }
            if c == previous { run += 1 } else { run = 1; previous = c }
            if run <= 2 { out.append(c) }
        }
        return String(out)
    }

    /// The index in `casings` of the token's casing.
    static func casing(_ t: Token) -> Int {
        switch t.kind {
        case .number: return 4
        case .punct, .space, .newline: return 5
        case .word:
            if t.shape.contains(.allUpper) { return t.end - t.start == 1 ? 2 : 1 }
            if t.shape.contains(.initialUpper) { return 0 }
            return t.shape.contains(.hasLetter) ? 3 : 5
        }
    }

    /// A capitalized function or common word that opens sentences ("Dalam", "Selain": name-words.txt, kind common).
    @inline(__always)
    func isFunctionWord(_ t: Token) -> Bool { vocabulary.classes(t).contains(.common) }

    /// The token's lexicon facts.
    func facts(_ t: Token) -> Facts {
        var f: Facts = []
        let id = Int(t.word)
        if id >= 0, id < wordFacts.count { f = wordFacts[id] }
        let c = vocabulary.classes(t)
        if !c.isEmpty {
            if c.contains(.notName) { f.insert(.notName) }
            if c.contains(.office) { f.insert(.office) }
            if c.contains(.facility) { f.insert(.facility) }
            if c.contains(.organisation) { f.insert(.organisation) }
            if c.contains(.position) { f.insert(.position) }
            if c.contains(.honorific) { f.insert(.honorific) }
            if c.contains(.title) { f.insert(.title) }
            if c.contains(.common) { f.insert(.common) }
            if c.contains(.lowercaseWord) { f.insert(.lowercaseWord) }
        }
        if t.kind == .word, !t.shape.isDisjoint(with: [.initialUpper, .allUpper]) {
            if vocabulary.isNameWord(t) { f.insert(.nameWord) }
            if vocabulary.isCapsInitials(t) { f.insert(.capsInitials) }
            if vocabulary.isInitial(t) { f.insert(.initial) }
            if vocabulary.isDegree(t) { f.insert(.degree) }
        }
        return f
    }

    // MARK: the features of a position

    /// The written features at position `i` of a segment of tokens: what the model file names, and what
    /// `addWordWeights` and `addFormWeights` hash (a test checks that both give the same weights).
    func strings(at i: Int, in tokens: [Token]) -> [String] {
        var out = ["bias"]
        if i == 0 { out.append("first") }
        if i == tokens.count - 1 { out.append("last") }
        for offset in -2...2 {
            let j = i + offset
            guard j >= 0, j < tokens.count else { out.append("pad[\(offset)]"); continue }
            let t = tokens[j]
            let w = NameFeatures.written(t)
            out.append("w[\(offset)]=\(t.norm)")
            out.append("sh[\(offset)]=\(w.shape)")
            out.append("c[\(offset)]=\(NameFeatures.casings[NameFeatures.casing(t)])")
            if Template.prefix3.offsets.contains(offset) {
                out.append("p3[\(offset)]=\(w.prefix3)")
                out.append("s2[\(offset)]=\(w.suffix2)")
                out.append("s3[\(offset)]=\(w.suffix3)")
            }
            var bits = facts(t).rawValue
            while bits != 0 {
                let b = bits.trailingZeroBitCount
                out.append("f[\(offset)]=\(Facts.names[b])")
                bits &= bits - 1
            }
        }
        return out
    }
}
