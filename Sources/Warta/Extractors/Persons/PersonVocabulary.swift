/// The word classes that person rules test on single tokens, compiled once from the lexicons (so a test is
/// one set lookup on the token's norm). Every class comes from a lexicon file; nothing here lists words.
struct PersonVocabulary: Sendable {
    /// Words never read as part of a name: organisation, field, place, position, honorific, calendar words.
    let notName: Set<String>
    /// Words that may continue a position after its head: office, field and place words, position words.
    let officeWords: Set<String>
    /// Starts of clipped organisation names ("kemen" in "Kemenkeu").
    let officePrefixes: [String]
    /// Words after which a name is a place, building or institution ("Jl.", "Universitas", "KRI").
    let facilities: Set<String>
    /// Organisation, facility and clipped organisation words: a name right after one is an organisation's.
    let organisations: Set<String>
    /// Later words of degrees written with a space ("Ip" of "AMd Ip", "Eng" of "ASEAN Eng.").
    let degreeTails: Set<String>
    /// First words of positions ("Kepala", "Wakil", "Direktur"): a new position after a comma, not a continuation.
    let positionWords: Set<String>
    /// Single-word honorifics and ranks ("Bapak", "AKBP", "Irjen").
    let honorificWords: Set<String>
    /// Single-word titles of address, religion, learning and nobility ("Bapak", "Prof", "Ustadz"), not ranks.
    let titleWords: Set<String>
    /// Capitalized function and common words that may open a sentence ("Selain", "Menurut").
    let common: Set<String>
    /// Degrees without their dots, lowercase ("sh", "msi", "sptjp").
    let degreeKeys: Set<String>

    init(_ lexicons: Lexicons) {
        func words(_ entry: Lexicon.Entry) -> [String] {
            entry.text.split(separator: " ").compactMap { part -> String? in
                var w = Token.fold(String(part))
                // Trailing dots and apostrophes go ("Jl." -> "jl"); scanning bytes keeps start-up fast.
                while let last = w.utf8.last, last == 0x2E || last == 0x27 { w.removeLast() }
                let hasLetter = w.utf8.contains { $0 >= 0x61 && $0 <= 0x7A }
                    || w.unicodeScalars.contains { $0.value >= 0x80 && $0.properties.isAlphabetic }
                return hasLetter ? w : nil
            }
        }
        var notName: Set<String> = []
        var officeWords: Set<String> = []
        var prefixes: [String] = []
        var facilities: Set<String> = []
        var organisations: Set<String> = []
        var common: Set<String> = []
        for entry in lexicons["name-words"].entries {
            let kind = entry.fields.first ?? ""
            let ws = words(entry)
            notName.formUnion(ws)
            switch kind {
            case "common": common.formUnion(ws)
            case "prefix":
                prefixes.append(contentsOf: ws)
                organisations.formUnion(ws)
            case "facility":
                facilities.formUnion(ws.prefix(1))
                officeWords.formUnion(ws)
                organisations.formUnion(ws)
            case "org":
                officeWords.formUnion(ws)
                organisations.formUnion(ws)
            default: officeWords.formUnion(ws)
            }
        }
        // One-word places only: the words of a longer place name ("Puncak Jaya", "Raja Ampat") are names
        // elsewhere ("Sudirman Jaya", "Raja"), so only the whole phrase says "place".
        for entry in lexicons["places"].entries {
            let ws = words(entry)
            guard ws.count == 1 else { continue }
            notName.formUnion(ws)
            officeWords.formUnion(ws)
        }
        // Single-word positions only: "Agung" of "Jaksa Agung" and "Hakim" of "Hakim Ketua" open names too.
        var positionWords: Set<String> = []
        for entry in lexicons["positions"].entries {
            let ws = words(entry)
            positionWords.formUnion(ws.prefix(1))
            guard ws.count == 1 else { continue }
            notName.formUnion(ws)
            if entry.fields.first != "acting" { officeWords.formUnion(ws) }
        }
        self.positionWords = positionWords
        // Days, and whole month names only: "Agus" (for Agustus) and "Juli" are given names too.
        for entry in lexicons["days"].entries { notName.formUnion(words(entry)) }
        for entry in lexicons["months"].entries where entry.text.count >= 5 { notName.formUnion(words(entry)) }
        let honorificWords = Set(lexicons["honorifics"].entries.map(words).filter { $0.count == 1 }.flatMap { $0 })
        titleWords = Set(lexicons["honorifics"].entries.filter { ["address", "religious", "academic", "nobility"].contains($0.fields.first ?? "") }
            .map(words).filter { $0.count == 1 }.flatMap { $0 })
        var degreeKeys: Set<String> = []
        var degreeTails: Set<String> = []
        for entry in lexicons["degrees"].entries {
            let parts = entry.text.split(separator: " ").map { PersonVocabulary.undotted(Token.fold(String($0))) }
            if parts.count == 1 { degreeKeys.formUnion(parts) } else { degreeTails.formUnion(parts.dropFirst()) }
        }
        self.degreeTails = degreeTails
        notName.formUnion(degreeKeys)
        // Only whole single-word honorifics: "Sri" of a longer title may still open a name.
        notName.formUnion(honorificWords)
        self.honorificWords = honorificWords
        self.notName = notName
        self.officeWords = officeWords
        self.officePrefixes = prefixes
        self.facilities = facilities
        self.organisations = organisations
        self.common = common
        self.degreeKeys = degreeKeys
    }

    static func undotted(_ norm: String) -> String { String(norm.unicodeScalars.filter { $0 != "." }.map(Character.init)) }

    private static let romanLetters: Set<Character> = ["i", "v", "x"]

    func hasOfficePrefix(_ norm: String) -> Bool { officePrefixes.contains { norm.hasPrefix($0) } }

    /// A capitalized word that may be part of a name ("Yasonna", "Mu’ti", "Álvares"): not a listed word, not a
    /// run-together pair ("TahananRutan"), not a derived common noun or verb ("Pemeliharaan", "Menyampaikan").
    func isNameWord(_ t: Token) -> Bool {
        guard t.kind == .word, t.shape.contains(.initialUpper), !t.shape.contains(.allUpper), !t.shape.contains(.hasDigit),
              t.norm.utf8.count > 1, !t.norm.utf8.contains(0x2E), !PersonVocabulary.runsTogether(t.text),
              !notName.contains(t.norm), !hasOfficePrefix(t.norm)
        else { return false }
        return !PersonVocabulary.isDerivedWord(t.norm)
    }

    /// A capital after a lowercase letter: two words written together ("TahananRutan", "ZinfokimImam").
    private static func runsTogether(_ text: String) -> Bool {
        var sawLower = false
        for (i, byte) in text.utf8.enumerated() where i > 0 {
            guard byte < 0x80 else {
                // Rare non-ASCII letters: ask Unicode.
                var lower = false
                for scalar in text.unicodeScalars.dropFirst() {
                    if scalar.properties.isLowercase { lower = true } else if lower, scalar.properties.isUppercase { return true }
                }
                return false
            }
            if byte >= 0x61, byte <= 0x7A { sawLower = true } else if sawLower, byte >= 0x41, byte <= 0x5A { return true }
        }
        return false
    }

    /// Indonesian nouns and verbs built with affixes that names do not carry: pe(N)-/per-/ke- ... -an
    /// ("Pemeliharaan", "Kebijakan") and verbs in -kan ("Menyampaikan", "Resmikan"). Long words only, so that
    /// names such as "Setiawan", "Kurniawan" or "Arkan" are not touched.
    static func isDerivedWord(_ norm: String) -> Bool {
        let bytes = norm.utf8
        let n = bytes.count
        guard n >= 7 else { return false }
        var tail = bytes.suffix(3).makeIterator()
        let k = tail.next(), a = tail.next(), last = tail.next()
        guard a == 0x61, last == 0x6E else { return false }  // "...an"
        // Headline verbs in -kan ("Resmikan", "Miskinkan") and me-/ber-/di-/ter- verbs ("Menyampaikan").
        if k == 0x6B { return true }
        // pe-/per-/ke- ... -an nouns ("Pemeliharaan", "Kebijakan").
        var head = bytes.makeIterator()
        let first = head.next(), second = head.next()
        return n >= 9 && (first == 0x70 || first == 0x6B) && second == 0x65
    }

    /// Capital initials written without dots inside a name ("AM" in "Thomas AM Djiwandono", "I" in "I Made").
    func isCapsInitials(_ t: Token) -> Bool {
        guard t.kind == .word, t.shape.contains(.allUpper), !t.shape.contains(.hasDigit), !t.text.contains("."),
              (1...4).contains(t.text.unicodeScalars.count), !notName.contains(t.norm) else { return false }
        // "II", "IV": a class or a rank number, not initials.
        return t.norm.count == 1 || !t.norm.allSatisfy { PersonVocabulary.romanLetters.contains($0) }
    }

    /// One initial or a run of dotted initials, before its final dot ("M" of "M.", "F.G.P" of "F.G.P.").
    func isInitial(_ t: Token) -> Bool {
        guard t.kind == .word, t.shape.contains(.allUpper) else { return false }
        let parts = t.text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.allSatisfy { $0.unicodeScalars.count == 1 }
    }

    /// A word that may continue a position: an office, field or place word, a position word, or an acronym.
    func isOfficeWord(_ t: Token) -> Bool {
        guard t.kind == .word, t.shape.contains(.initialUpper) else { return false }
        if officeWords.contains(t.norm) || hasOfficePrefix(t.norm) { return true }
        // Acronyms ("BKN", "DPN"), not ranks ("AKBP"); a lone capital is a class or an initial, not an acronym.
        return t.shape.contains(.allUpper) && t.text.unicodeScalars.count > 1 && !t.text.contains(".") && !honorificWords.contains(t.norm)
    }

    /// A later word of a degree written with a space ("Ip" after "AMd").
    func isDegreeContinuation(_ tokens: [Token], _ i: Int) -> Bool {
        guard degreeTails.contains(PersonVocabulary.undotted(tokens[i].norm)) else { return false }
        var j = i - 1
        while j >= 0, tokens[j].isSpace { j -= 1 }
        return j >= 0 && isDegree(tokens[j])
    }

    /// An office word that may follow a comma inside a position (", Sains, dan Teknologi"), not a rank that
    /// opens the holder's name (", Irjen Pol. Rahmat").
    func continuesAfterComma(_ t: Token) -> Bool { isOfficeWord(t) && !honorificWords.contains(t.norm) && !positionWords.contains(t.norm) }

    /// A class, grade or number after "Kelas", "Komisi", "Wilayah" ("I", "IIA", "2A", "X").
    func isClassMark(_ t: Token) -> Bool {
        if t.kind == .number { return t.text.unicodeScalars.count <= 3 }
        guard t.kind == .word, t.text.unicodeScalars.count <= 4 else { return false }
        if t.shape.contains(.hasDigit) { return true }
        return t.shape.contains(.allUpper) && t.norm.allSatisfy { PersonVocabulary.romanLetters.contains($0) || $0 == "a" || $0 == "b" }
    }

    /// A degree written as one word, with or without its dots ("S.H", "SH", "M.Sc", "Sp.JP", "S.Tr.Im").
    func isDegree(_ t: Token) -> Bool {
        guard t.kind == .word, t.shape.contains(.initialUpper) || t.norm.hasPrefix("drs") else { return false }
        let key = PersonVocabulary.undotted(t.norm)
        if degreeKeys.contains(key) { return true }
        // A lowercase "l" typed for a capital "I" ("SlK" for "SIK", as in "Kantor lmigrasi Kelas lll").
        if t.text.unicodeScalars.filter({ $0.properties.isUppercase }).count >= 2, key.contains("l"),
           degreeKeys.contains(String(key.map { $0 == "l" ? "i" : $0 })) { return true }
        // Dotted degrees of the Permenristekdikti 59/2018 shapes: S., M., A., D., B. or Sp. and capitalized parts.
        let parts = t.text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, let first = parts.first, ["S", "M", "A", "D", "B", "Sp", "Bc"].contains(String(first)) else { return false }
        return parts.dropFirst().allSatisfy { p in
            (1...5).contains(p.unicodeScalars.count) && p.unicodeScalars.allSatisfy { $0.properties.isAlphabetic }
                && p.unicodeScalars.first!.properties.isUppercase
        }
    }
}
