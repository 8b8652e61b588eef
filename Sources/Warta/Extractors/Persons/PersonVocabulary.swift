/// The word classes that person rules test on single tokens, compiled once from the lexicons. Every class comes
/// from a lexicon file; nothing here lists words.
///
/// Each word of a class is numbered in the shared vocabulary, so the tokenizer has already looked it up for every
/// token (`Token.word`): testing a token's class reads one table entry by that number instead of hashing its text.
struct PersonVocabulary: Sendable {
    /// The classes a word belongs to.
    struct Classes: OptionSet, Sendable {
        let rawValue: UInt16
        /// Never read as part of a name: organisation, field, place, position, honorific, degree, calendar words.
        static let notName = Classes(rawValue: 1 << 0)
        /// May continue a position after its head: office, field and place words, single-word positions.
        static let office = Classes(rawValue: 1 << 1)
        /// A name right after it is a place, building or institution's ("Jl.", "Universitas", "KRI").
        static let facility = Classes(rawValue: 1 << 2)
        /// Organisation, facility and clipped organisation words: a name right after one is an organisation's.
        static let organisation = Classes(rawValue: 1 << 3)
        /// A later word of a degree written with a space ("Ip" of "AMd Ip", "Eng" of "ASEAN Eng."), without dots.
        static let degreeTail = Classes(rawValue: 1 << 4)
        /// The first word of a position ("Kepala", "Wakil", "Direktur"): a new position after a comma.
        static let position = Classes(rawValue: 1 << 5)
        /// A single-word honorific or rank ("Bapak", "AKBP", "Irjen").
        static let honorific = Classes(rawValue: 1 << 6)
        /// A single-word title of address, religion, learning or nobility ("Bapak", "Prof", "Ustadz"), not a rank.
        static let title = Classes(rawValue: 1 << 7)
        /// A capitalized function or common word that may open a sentence ("Selain", "Menurut").
        static let common = Classes(rawValue: 1 << 8)
        /// A one-word degree without its dots, lowercase ("sh", "msi", "sptjp").
        static let degree = Classes(rawValue: 1 << 9)
        /// The first word of an honorific, where a run of honorifics may start.
        static let honorificStart = Classes(rawValue: 1 << 10)
        /// A word the language writes in lowercase (`common-words.txt`): capitalized, it is more likely a sentence's
        /// first word or a heading's than a name ("Diskusi", "Peserta").
        static let lowercaseWord = Classes(rawValue: 1 << 11)
        /// A word of a person's name in the name tagger's training data (`person-words.txt`).
        static let personWord = Classes(rawValue: 1 << 12)
        /// A word of slogans and epithets ("Merah Putih", "Maju", "Islam"): common to a person's name (never one of
        /// its words) but part of a body's ("Koalisi Merah Putih", "PT Maju Jaya").
        static let epithet = Classes(rawValue: 1 << 13)
    }

    /// Classes by vocabulary id. Every word of every class was numbered before this table was sized, so a word
    /// numbered later, or not at all, belongs to no class.
    private let table: [Classes]
    /// For the rare keys that are not a token's own norm (a degree without its dots).
    private let vocabulary: Vocabulary
    /// Starts of clipped organisation names ("kemen" in "Kemenkeu"), filed by their first byte when they are
    /// ASCII (a norm can only start with such a prefix if its first byte is the same), and the others.
    private let officePrefixes: [[String]]
    private let otherOfficePrefixes: [String]

    init(_ lexicons: Lexicons) {
        let vocabulary = lexicons.vocabulary
        var table: [Classes] = []
        func mark<Words: Sequence<String>>(_ words: Words, _ classes: Classes) {
            for word in words {
                let id = Int(vocabulary.intern(word))
                if id >= table.count { table += repeatElement([], count: id + 1 - table.count) }
                table[id].formUnion(classes)
            }
        }
        var prefixes: [String] = []
        for entry in lexicons["name-words"].entries {
            let ws = PersonVocabulary.words(entry.text)
            switch entry.fields.first ?? "" {
            case "common": mark(ws, [.notName, .common])
            case "epithet": mark(ws, [.notName, .common, .epithet])
            case "prefix":
                prefixes.append(contentsOf: ws)
                mark(ws, [.notName, .organisation])
            case "facility":
                mark(ws.prefix(1), .facility)
                mark(ws, [.notName, .office, .organisation])
            case "org": mark(ws, [.notName, .office, .organisation])
            default: mark(ws, [.notName, .office])
            }
        }
        // One-word places only: the words of a longer place name ("Puncak Jaya", "Raja Ampat") are names
        // elsewhere ("Sudirman Jaya", "Raja"), so only the whole phrase says "place".
        for entry in lexicons["places"].entries {
            let ws = PersonVocabulary.words(entry.text)
            if ws.count == 1 { mark(ws, [.notName, .office]) }
        }
        // Single-word positions only: "Agung" of "Jaksa Agung" and "Hakim" of "Hakim Ketua" open names too.
        for entry in lexicons["positions"].entries {
            let ws = PersonVocabulary.words(entry.text)
            mark(ws.prefix(1), .position)
            guard ws.count == 1 else { continue }
            mark(ws, entry.fields.first != "acting" ? [.notName, .office] : .notName)
        }
        // Days, and whole month names only: "Agus" (for Agustus) and "Juli" are given names too.
        for entry in lexicons["days"].entries { mark(PersonVocabulary.words(entry.text), .notName) }
        for entry in lexicons["months"].entries where entry.text.count >= 5 { mark(PersonVocabulary.words(entry.text), .notName) }
        // Only whole single-word honorifics: "Sri" of a longer title may still open a name.
        for entry in lexicons["honorifics"].entries {
            let ws = PersonVocabulary.words(entry.text)
            guard ws.count == 1 else { continue }
            let titled = ["address", "religious", "academic", "nobility"].contains(entry.fields.first ?? "")
            mark(ws, titled ? [.honorific, .notName, .title] : [.honorific, .notName])
        }
        mark(lexicons["honorifics"].firstWords, .honorificStart)
        for entry in lexicons["degrees"].entries {
            let parts = PersonVocabulary.parts(entry.text) { PersonVocabulary.undotted(Token.fold($0)) }
            if parts.count == 1 { mark(parts, [.degree, .notName]) } else { mark(parts.dropFirst(), .degreeTail) }
        }
        for entry in lexicons["common-words"].entries { mark([Token.fold(entry.text)], .lowercaseWord) }
        for entry in lexicons["person-words"].entries { mark([Token.fold(entry.text)], .personWord) }
        // Room for every word numbered so far, so that `classes` needs no second bound.
        if table.count < vocabulary.count { table += repeatElement([], count: vocabulary.count - table.count) }
        self.table = table
        self.vocabulary = vocabulary
        var byFirstByte = [[String]](repeating: [], count: 128)
        for prefix in prefixes where prefix.utf8.allSatisfy({ $0 < 0x80 }) {
            if let first = prefix.utf8.first { byFirstByte[Int(first)].append(prefix) }
        }
        officePrefixes = byFirstByte
        otherOfficePrefixes = prefixes.filter { !$0.utf8.allSatisfy { $0 < 0x80 } }
    }

    /// The classes of a token's word.
    @inline(__always)
    func classes(_ t: Token) -> Classes {
        let id = Int(t.word)
        return id >= 0 && id < table.count ? table[id] : []
    }

    /// The classes of a normalized word that may be no token's norm.
    func classes(ofNorm norm: String) -> Classes {
        let id = Int(vocabulary.id(norm))
        return id >= 0 && id < table.count ? table[id] : []
    }

    /// The classes of a token's norm without its dots ("s.h" -> "sh").
    private func undottedClasses(_ t: Token) -> Classes {
        PersonVocabulary.contains(0x2E, in: t.norm) ? classes(ofNorm: PersonVocabulary.undotted(t.norm)) : classes(t)
    }

    /// The words of a lexicon entry as tokens' norms are compared with them: folded, trailing dots and apostrophes
    /// dropped ("Jl." -> "jl"), and only parts with a letter.
    static func words(_ text: String) -> [String] {
        if let words = asciiWords(text) { return words }
        return parts(text) { part in
            var w = Token.fold(part)
            while let last = w.utf8.last, last == 0x2E || last == 0x27 { w.removeLast() }
            let hasLetter = w.utf8.contains { $0 >= 0x61 && $0 <= 0x7A }
                || w.unicodeScalars.contains { $0.value >= 0x80 && $0.properties.isAlphabetic }
            return hasLetter ? w : nil
        }
    }

    /// `words(_:)` for an entry in plain ASCII (nearly all are), on its bytes: folding is lowercasing there.
    /// Nil for any other entry.
    private static func asciiWords(_ text: String) -> [String]? {
        withBytes(text) { bytes -> [String]? in
            var words: [String] = []
            var i = 0
            while i < bytes.count {
                if bytes[i] == 0x20 { i += 1; continue }
                let start = i
                var hasLetter = false
                while i < bytes.count, bytes[i] != 0x20 {
                    // Past ASCII, or a backtick (which folds to an apostrophe): the general way.
                    guard bytes[i] < 0x80, bytes[i] != 0x60 else { return nil }
                    if (bytes[i] | 0x20) >= 0x61, (bytes[i] | 0x20) <= 0x7A { hasLetter = true }
                    i += 1
                }
                var end = i
                while end > start, bytes[end - 1] == 0x2E || bytes[end - 1] == 0x27 { end -= 1 }
                guard hasLetter, end > start else { continue }
                words.append(String(unsafeUninitializedCapacity: end - start) { out in
                    for k in start..<end { out[k - start] = bytes[k] >= 0x41 && bytes[k] <= 0x5A ? bytes[k] | 0x20 : bytes[k] }
                    return end - start
                })
            }
            return words
        }
    }

    /// The space-separated parts of `text`, transformed. Start-up reads thousands of entries: plain ASCII ones
    /// are split on bytes, which gives the same parts as splitting on characters.
    static func parts(_ text: String, _ transform: (String) -> String?) -> [String] {
        guard withBytes(text, { $0.allSatisfy { $0 < 0x80 } }) else {
            return text.split(separator: " ").compactMap { transform(String($0)) }
        }
        var parts: [String] = []
        var text = text
        text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                if bytes[i] == 0x20 { i += 1; continue }
                let start = i
                while i < bytes.count, bytes[i] != 0x20 { i += 1 }
                if let part = transform(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)) {
                    parts.append(part)
                }
            }
        }
        return parts
    }

    /// Runs `body` over the UTF-8 bytes of `text`: in place (a native string), or else over a copy. Much faster
    /// than iterating the UTF-8 view.
    @inline(__always)
    static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        text.utf8.withContiguousStorageIfAvailable(body) ?? Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// Whether `text` holds `byte` in UTF-8.
    @inline(__always)
    static func contains(_ byte: UInt8, in text: String) -> Bool { withBytes(text) { $0.contains(byte) } }

    /// The norm without its dots; a dot is one byte in UTF-8, so dropping bytes drops exactly the dots.
    static func undotted(_ norm: String) -> String { String(decoding: norm.utf8.filter { $0 != 0x2E }, as: UTF8.self) }

    /// Whether `text` holds the character "."; a byte test first, as a dot is rare and a character search slow.
    static func containsDot(_ text: String) -> Bool { contains(0x2E, in: text) && text.contains(".") }

    /// `text.hasPrefix(prefix)`, comparing bytes while both are ASCII (norms are NFC, so bytes that differ are
    /// characters that differ); a non-ASCII byte right after the prefix may join its last character, so that
    /// case asks `hasPrefix`.
    static func hasPrefix(_ text: String, _ prefix: String) -> Bool {
        var rest = text.utf8.makeIterator()
        for byte in prefix.utf8 {
            guard byte < 0x80 else { return text.hasPrefix(prefix) }
            guard rest.next() == byte else { return false }
        }
        guard let next = rest.next() else { return true }
        return next < 0x80 || text.hasPrefix(prefix)
    }

    func hasOfficePrefix(_ norm: String) -> Bool {
        if let first = norm.utf8.first, first < 0x80, officePrefixes[Int(first)].contains(where: { PersonVocabulary.hasPrefix(norm, $0) }) {
            return true
        }
        return otherOfficePrefixes.contains { norm.hasPrefix($0) }
    }

    /// A capitalized word that may be part of a name ("Yasonna", "Mu’ti", "Álvares"): not a listed word, not a
    /// run-together pair ("TahananRutan"), not a derived common noun or verb ("Pemeliharaan", "Menyampaikan").
    @inline(__always)
    func isNameWord(_ t: Token) -> Bool {
        guard t.kind == .word, t.shape.contains(.initialUpper), !t.shape.contains(.allUpper), !t.shape.contains(.hasDigit),
              !classes(t).contains(.notName), t.norm.utf8.count > 1, !PersonVocabulary.contains(0x2E, in: t.norm),
              !PersonVocabulary.runsTogether(t.text), !hasOfficePrefix(t.norm)
        else { return false }
        return !PersonVocabulary.isDerivedWord(t.norm)
    }

    /// A capital after a lowercase letter: two words written together ("TahananRutan", "ZinfokimImam").
    private static func runsTogether(_ text: String) -> Bool {
        let ascii: Bool? = withBytes(text) { bytes in
            var sawLower = false
            for byte in bytes.dropFirst() {
                guard byte < 0x80 else { return nil }
                if byte >= 0x61, byte <= 0x7A { sawLower = true } else if sawLower, byte >= 0x41, byte <= 0x5A { return true }
            }
            return false
        }
        if let ascii { return ascii }
        // Rare non-ASCII letters: ask Unicode.
        var lower = false
        for scalar in text.unicodeScalars.dropFirst() {
            if scalar.properties.isLowercase { lower = true } else if lower, scalar.properties.isUppercase { return true }
        }
        return false
    }

    /// Indonesian nouns and verbs built with affixes that names do not carry: pe(N)-/per-/ke- ... -an
    /// ("Pemeliharaan", "Kebijakan") and verbs in -kan ("Menyampaikan", "Resmikan"). Long words only, so that
    /// names such as "Setiawan", "Kurniawan" or "Arkan" are not touched.
    static func isDerivedWord(_ norm: String) -> Bool {
        withBytes(norm) { b in
            let n = b.count
            guard n >= 7, b[n - 2] == 0x61, b[n - 1] == 0x6E else { return false }  // "...an"
            // Headline verbs in -kan ("Resmikan", "Miskinkan") and me-/ber-/di-/ter- verbs ("Menyampaikan").
            if b[n - 3] == 0x6B { return true }
            // pe-/per-/ke- ... -an nouns ("Pemeliharaan", "Kebijakan").
            return n >= 9 && (b[0] == 0x70 || b[0] == 0x6B) && b[1] == 0x65
        }
    }

    /// Capital initials written without dots inside a name ("AM" in "Thomas AM Djiwandono", "I" in "I Made").
    @inline(__always)
    func isCapsInitials(_ t: Token) -> Bool {
        guard t.kind == .word, t.shape.contains(.allUpper), !t.shape.contains(.hasDigit), (1...4).contains(t.end - t.start),
              !classes(t).contains(.notName), !PersonVocabulary.containsDot(t.text) else { return false }
        // "II", "IV": a class or a rank number, not initials. Only ASCII letters can be all Roman numerals.
        let roman = t.norm.utf8.allSatisfy { $0 == 0x69 || $0 == 0x76 || $0 == 0x78 }  // i, v, x
        return !roman || t.norm.utf8.count == 1
    }

    /// One initial or a run of dotted initials, before its final dot ("M" of "M.", "F.G.P" of "F.G.P.").
    @inline(__always)
    func isInitial(_ t: Token) -> Bool {
        guard t.kind == .word, t.shape.contains(.allUpper) else { return false }
        guard t.end - t.start == t.utf8End - t.utf8Start else {
            let parts = t.text.split(separator: ".", omittingEmptySubsequences: false)
            return parts.allSatisfy { $0.unicodeScalars.count == 1 }
        }
        // ASCII: one letter between dots.
        var run = 0
        for byte in t.text.utf8 {
            if byte != 0x2E { run += 1 } else if run != 1 { return false } else { run = 0 }
        }
        return run == 1
    }

    /// A word that may continue a position: an office, field or place word, a position word, or an acronym.
    func isOfficeWord(_ t: Token) -> Bool {
        guard t.kind == .word, t.shape.contains(.initialUpper) else { return false }
        let classes = classes(t)
        if classes.contains(.office) || hasOfficePrefix(t.norm) { return true }
        // Acronyms ("BKN", "DPN"), not ranks ("AKBP"); a lone capital is a class or an initial, not an acronym.
        return t.shape.contains(.allUpper) && t.end - t.start > 1 && !PersonVocabulary.containsDot(t.text) && !classes.contains(.honorific)
    }

    /// A later word of a degree written with a space ("Ip" after "AMd").
    func isDegreeContinuation(_ tokens: [Token], _ i: Int) -> Bool {
        guard undottedClasses(tokens[i]).contains(.degreeTail) else { return false }
        var j = i - 1
        while j >= 0, tokens[j].isSpace { j -= 1 }
        return j >= 0 && isDegree(tokens[j])
    }

    /// An office word that may follow a comma inside a position (", Sains, dan Teknologi"), not a rank that
    /// opens the holder's name (", Irjen Pol. Rahmat").
    func continuesAfterComma(_ t: Token) -> Bool { isOfficeWord(t) && classes(t).isDisjoint(with: [.honorific, .position]) }

    /// A class, grade or number after "Kelas", "Komisi", "Wilayah" ("I", "IIA", "2A", "X").
    func isClassMark(_ t: Token) -> Bool {
        if t.kind == .number { return t.end - t.start <= 3 }
        guard t.kind == .word, t.end - t.start <= 4 else { return false }
        if t.shape.contains(.hasDigit) { return true }
        // Roman numerals and the letters of sub-classes; only ASCII letters can be those.
        return t.shape.contains(.allUpper) && t.norm.utf8.allSatisfy { $0 == 0x69 || $0 == 0x76 || $0 == 0x78 || $0 == 0x61 || $0 == 0x62 }  // i v x a b
    }

    /// How many uppercase letters `text` has; on ASCII bytes, nearly every text, without asking Unicode per letter.
    static func capitals(_ text: String) -> Int {
        let ascii = withBytes(text) { bytes -> Int? in
            var count = 0
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                if byte >= 0x41 && byte <= 0x5A { count += 1 }
            }
            return count
        }
        return ascii ?? text.unicodeScalars.filter { $0.properties.isUppercase }.count
    }

    /// A degree written as one word, with or without its dots ("S.H", "SH", "M.Sc", "Sp.JP", "S.Tr.Im").
    func isDegree(_ t: Token) -> Bool {
        guard t.kind == .word, t.shape.contains(.initialUpper) || PersonVocabulary.hasPrefix(t.norm, "drs") else { return false }
        if undottedClasses(t).contains(.degree) { return true }
        // A lowercase "l" typed for a capital "I" ("SlK" for "SIK", as in "Kantor lmigrasi Kelas lll").
        if PersonVocabulary.contains(0x6C, in: t.norm) {
            let key = PersonVocabulary.undotted(t.norm)
            if PersonVocabulary.capitals(t.text) >= 2, key.contains("l"),
               classes(ofNorm: String(key.map { $0 == "l" ? "i" : $0 })).contains(.degree) { return true }
        }
        // Dotted degrees of the Permenristekdikti 59/2018 shapes: S., M., A., D., B. or Sp. and capitalized parts.
        guard PersonVocabulary.containsDot(t.text) else { return false }
        let parts = t.text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, let first = parts.first, ["S", "M", "A", "D", "B", "Sp", "Bc"].contains(String(first)) else { return false }
        return parts.dropFirst().allSatisfy { p in
            (1...5).contains(p.unicodeScalars.count) && p.unicodeScalars.allSatisfy { $0.properties.isAlphabetic }
                && p.unicodeScalars.first!.properties.isUppercase
        }
    }
}
