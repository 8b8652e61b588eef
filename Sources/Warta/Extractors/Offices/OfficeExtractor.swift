/// Finds government field offices, one item per mention.
struct OfficeExtractor: FieldExtractor {
    let ruleSet: RuleSet<OfficeValue>
    private let places: Lexicon
    private let provinces: Lexicon
    private let placeEnds: [Lexicon]
    private let types: Lexicon
    private let positions: Lexicon
    /// The words after the first of every known place of several words ("Timur", "Natal", "Rai").
    private let placeTails: Set<String>

    init(lexicons: Lexicons) {
        ruleSet = RuleSet(OfficeRules.all, lexicons: lexicons)
        places = lexicons["places"]
        provinces = lexicons["provinces"]
        placeEnds = [lexicons["office-place-ends"], lexicons["office-qualifiers"], lexicons["months"], lexicons["days"],
                     lexicons["honorifics"]]
        types = lexicons["office-types"]
        positions = lexicons["positions"]
        var tails: Set<String> = []
        for lexicon in [places, provinces] {
            for phrase in lexicon.phrases { tails.formUnion(phrase.dropFirst().filter { $0.first?.isLetter ?? false }) }
        }
        placeTails = tails
    }

    var rules: [RuleInfo] { ruleSet.infos(field: "offices") }

    func run(_ analysis: inout Analysis) {
        let tokens = analysis.text.tokens
        let found = ruleSet.candidates(in: analysis.text, lexicons: analysis.lexicons)
        guard !found.isEmpty else { return }
        let register = analysis.lexicons.regions.register
        let headline = analysis.document.headline.map { $0.span.start..<$0.span.end }
        let candidates = found.compactMap { settle($0, tokens, register: register, headline: headline) }
        var regions = RegionResolver(register: register, tokens: tokens)
        for found in resolveOverlaps(candidates) {
            let v = found.value
            let span = analysis.span(found.tokens)
            // A regional office is named after its province; any other after the town it sits in.
            let region = regions.region(ofPlace: v.place, prefer: v.condition == "region" ? .province : .town)
            analysis.document.offices.append(Office(span: span, type: v.type, officeClass: v.officeClass,
                                                    location: v.location, tpi: v.tpi, region: region, rule: found.rule))
            analysis.trace("offices", found.rule, span, tokens: found.tokens, v.summary)
        }
    }

    /// Words that open a place before its name ("Kota Bekasi"); the name after them is looked up.
    private static let areaWords: Set<String> = ["kota", "kabupaten", "provinsi"]

    /// Numbers that follow a region in the names of tax and customs regional offices ("Jawa Barat I").
    private static let regionNumbers: Set<String> = ["I", "II", "III", "IV", "V", "VI"]

    /// Where an office's place ends, and whether the office stands; nil drops the candidate.
    ///
    /// The rules capture the whole capitalized run after the office type. The place is its start, up to:
    /// 1. the first word that cannot belong to a place: a word of `office-place-ends.txt` (addresses,
    ///    prepositions and headline verbs: "Jl", "Pada", "Gelar", "Jelang"), a qualifier ("Lapas Perempuan
    ///    di ..."), a month or day name, an honorific ("... Wonosari Bapak Bambang"), an office type ("...
    ///    Samarinda Kanwil ..."), or a single letter (an initial: "Kendari R Teja"); never inside a known
    ///    place that opens the run ("Teluk Dalam");
    /// 2. for a regional office, the province or place that opens the run ("Kanwil Kemenkumham Sumsel Ilham
    ///    Djaya" -> "Sumsel"); without a known parent organisation, a regional office needs a province in
    ///    the run, which then starts the place ("Kanwil Kemenkeu Jateng" -> "Jateng");
    /// 3. for other offices, the end of a known place (`places.txt`, `provinces.txt` or a name of the
    ///    register of regions) that opens a longer run, with the known places and districts written after it
    ///    ("Tanjung Balai Karimun", "Jakarta Tebet") and the words that end known places ("Denpasar Timur"),
    ///    when what follows is not part of the name: two or more words ("Lapas Kelas IIA Kediri Sosialisasi
    ///    P4GN"), a title-case line or the headline ("Rudenim Jakarta Menunggu Pemulangan"), or a name
    ///    inside a position ("Kepala Kantor Imigrasi Kelas I TPI Malang Galih Priya") unless a comma and a
    ///    name follow the run. A single word after a known place in running text stays ("KPP Pratama Jakarta
    ///    Menteng Satu", "KPP Pratama Bandung Cicadas"). In a position or on a title line, an unknown town
    ///    before two or more words keeps only its first word and such endings ("Kepala Rutan Wonosari
    ///    Bambang Sulistyo"); elsewhere an unknown place is the whole run;
    /// 4. for other offices, a province written after a known place ("Rutan Kelas I Depok Jawa Barat" -> "Depok").
    /// A `guarded` word whose place is only a province is a regional division, not an office ("jajaran
    /// Imigrasi Kalsel"); a `variant` (a misspelt family: "Lembaga Permasyarakatan") stands only with its
    /// class or a known place. The location is the known place as the lexicon writes it, else the words in
    /// Title Case.
    func settle(_ candidate: Candidate<OfficeValue>, _ tokens: [Token], register: Register,
                headline: Range<Int>? = nil) -> Candidate<OfficeValue>? {
        var value = candidate.value
        let run = value.place
        let placeIsLast = run.upperBound == candidate.tokens.upperBound
        var first = run.lowerBound
        if Self.areaWords.contains(tokens[first].norm), let next = Self.nextSignificant(tokens, from: first + 1), next < run.upperBound {
            first = next
        }
        let opening = knownPlace(tokens, at: first, before: run.upperBound, register: register)?.end ?? first
        var end = run.lowerBound
        for i in run where tokens[i].kind == .word {
            if i >= opening, endsPlace(tokens[i]) { break }
            end = i + 1
        }
        guard end > run.lowerBound, placeIsLast || end == run.upperBound else { return nil }
        if first >= end { first = run.lowerBound }

        var start = run.lowerBound
        var known = knownPlace(tokens, at: first, before: end, register: register)
        if value.condition == "variant", value.officeClass == nil, known == nil { return nil }
        if value.condition == "region" {
            // Without a parent organisation, only a province or a listed place names a regional office:
            // "Kantor Wilayah Suka Maju" is no office even if a district bears the name.
            if !value.hasParent, let k = known, k.text == nil,
               !k.units.contains(where: { register.level($0) == .province }) {
                known = nil
            }
            if known == nil, !value.hasParent {
                // A parent that office-parents.txt lacks ("Kanwil Kemenkeu Jateng"): the province after it.
                guard let found = firstProvince(tokens, in: first..<end) else { return nil }
                start = found.start
                first = found.start
                known = KnownPlace(end: found.known.end, text: found.known.entry.text, units: [])
            }
            if let known {
                end = known.end
                // A numbered region of a directorate: "Kanwil DJP Jawa Barat I".
                if let next = Self.nextSignificant(tokens, from: end), Self.regionNumbers.contains(tokens[next].text) { end = next + 1 }
            }
        } else {
            // Asked only when words follow the place that may not belong to it.
            func nameMayFollow() -> Bool {
                let office = candidate.tokens.lowerBound
                return inPosition(tokens, office) && !nameAfterComma(tokens, end) || onTitleLine(tokens, office)
                    || headline?.contains(tokens[office].start) == true
            }
            if placeIsLast, let known, known.end < end {
                let runEnd = knownRunEnd(tokens, after: known, before: end, register: register)
                if runEnd < end, wordCount(tokens, runEnd..<end) >= 2 || nameMayFollow() { end = runEnd }
            } else if placeIsLast, known == nil, wordCount(tokens, first..<end) >= 3, nameMayFollow() {
                // An unknown town before a name of two or more words: "Kepala Rutan Wonosari Bambang Sulistyo".
                end = tailEnd(tokens, from: first + 1, before: end)
            }
            if let province = trailingProvince(tokens, from: first, to: end, register: register) { end = province }
            if value.condition == "guarded",
               let province = provinces.longestMatch(in: tokens, at: first), province.end == end,
               places.longestMatch(in: tokens, at: first)?.end != end {
                return nil
            }
        }

        if let known, first == start, known.end == end, let text = known.text {
            value.location = text
        } else {
            value.location = Casing.titleCase(Casing.joined(tokens[start..<end]))
        }
        value.place = start..<end
        let range = candidate.tokens.lowerBound..<(placeIsLast ? end : candidate.tokens.upperBound)
        return Candidate(priority: candidate.priority, rule: candidate.rule, tokens: range,
                         start: tokens[range.lowerBound].start, end: tokens[range.upperBound - 1].end, value: value)
    }

    /// Known places written in a row make one place ("Tanjung Balai Karimun", "Jakarta Tebet"), and so do the
    /// words that end known places ("Denpasar Timur", like "Jakarta Timur"): the end of that run after `known`.
    private func knownRunEnd(_ tokens: [Token], after known: KnownPlace, before limit: Int, register: Register) -> Int {
        var end = known.end
        var previous = known
        while let next = Self.nextSignificant(tokens, from: end), next < limit {
            if let more = knownPlace(tokens, at: next, before: limit, register: register, after: previous) {
                end = more.end
                previous = more
            } else if placeTails.contains(tokens[next].norm) {
                end = next + 1
            } else {
                break
            }
        }
        return end
    }

    /// The end of the words that end known places ("Timur", "Selatan") written from `start`.
    private func tailEnd(_ tokens: [Token], from start: Int, before limit: Int) -> Int {
        var end = start
        while let next = Self.nextSignificant(tokens, from: end), next < limit, placeTails.contains(tokens[next].norm) {
            end = next + 1
        }
        return end
    }

    private func wordCount(_ tokens: [Token], _ range: Range<Int>) -> Int {
        range.reduce(0) { $0 + (tokens[$1].kind == .word ? 1 : 0) }
    }

    /// The first province written in `range`, where it starts and the entry.
    private func firstProvince(_ tokens: [Token], in range: Range<Int>) -> (start: Int, known: (end: Int, entry: Lexicon.Entry))? {
        for i in range where tokens[i].kind == .word {
            if let found = provinces.longestMatch(in: tokens, at: i), found.end <= range.upperBound { return (i, found) }
        }
        return nil
    }

    /// When the place is known places in a row that end with a province ("Depok Jawa Barat"), the end of
    /// the place before that province: an office is named after its town, the province only locates it.
    private func trailingProvince(_ tokens: [Token], from first: Int, to end: Int, register: Register) -> Int? {
        var start = first, previousEnd: Int? = nil, previous: KnownPlace? = nil
        while let known = knownPlace(tokens, at: start, before: end, register: register, after: previous) {
            if known.end == end {
                let provinceOnly = provinces.longestMatch(in: tokens, at: start)?.end == end
                    && places.longestMatch(in: tokens, at: start)?.end != end
                return provinceOnly ? previousEnd : nil
            }
            guard let next = Self.nextSignificant(tokens, from: known.end), next < end else { return nil }
            previousEnd = known.end
            previous = known
            start = next
        }
        return nil
    }

    private func endsPlace(_ token: Token) -> Bool {
        token.text.unicodeScalars.count == 1
            || types.contains(word: token.norm)
            || placeEnds.contains { $0.contains(word: token.norm) }
    }

    /// A known place written in a text: where it ends, how the lexicon writes it (for an entry of
    /// `places.txt` or `provinces.txt`), and the units of the register it may name.
    struct KnownPlace {
        let end: Int
        let text: String?
        let units: [Int32]
    }

    /// The longest known place written at `start` that ends by `limit`: an entry of `places.txt` or
    /// `provinces.txt`, or a name of the register of regions. After another known place (`after`), a
    /// district of the register counts only inside it ("Jakarta Tebet"): district names are often common
    /// words or names of people ("Wonosari Bambang").
    private func knownPlace(_ tokens: [Token], at start: Int, before limit: Int, register: Register,
                            after previous: KnownPlace? = nil) -> KnownPlace? {
        let lexical = [places.longestMatch(in: tokens, at: start), provinces.longestMatch(in: tokens, at: start)]
            .compactMap { $0 }.filter { $0.end <= limit }.max { $0.end < $1.end }
        let outer = previous?.units
        let named = register.longestName(in: tokens, at: start, before: limit) { unit in
            guard let outer, register.level(unit) == .district else { return true }
            return outer.contains { register.level($0) != .district && register.isInside(unit, $0) }
        }
        switch (lexical, named) {
        case let (lexical?, named?) where named.tokens.upperBound > lexical.end:
            return KnownPlace(end: named.tokens.upperBound, text: nil, units: named.units)
        case let (lexical?, named):
            let units = named.flatMap { $0.tokens.upperBound == lexical.end ? $0.units : nil } ?? []
            return KnownPlace(end: lexical.end, text: lexical.entry.text, units: units)
        case let (nil, named?):
            return KnownPlace(end: named.tokens.upperBound, text: nil, units: named.units)
        case (nil, nil):
            return nil
        }
    }

    /// Whether a position head ("Kepala", "Plt Kepala", "Kakanwil") opens the capitalized chain that ends
    /// right before token `start`: the office is then part of a title, and a name may follow it.
    private func inPosition(_ tokens: [Token], _ start: Int) -> Bool {
        var i = start
        for _ in 0..<8 {
            guard let p = Self.previousSignificant(tokens, before: i), tokens[p].kind == .word,
                  tokens[p].shape.contains(.initialUpper) || tokens[p].norm == "dan" else { return false }
            if positions.longestMatch(in: tokens, at: p) != nil { return true }
            i = p
        }
        return false
    }

    /// Whether a comma and a capitalized word follow token `end`: "Kepala KPP Pratama Jakarta Tebet, Budi".
    private func nameAfterComma(_ tokens: [Token], _ end: Int) -> Bool {
        guard let comma = Self.nextSignificant(tokens, from: end), tokens[comma].norm == ",",
              let next = Self.nextSignificant(tokens, from: comma + 1) else { return false }
        return tokens[next].kind == .word && tokens[next].shape.contains(.initialUpper)
    }

    /// Whether the line holding token `index` is a title-case headline: a short line of mostly capitalized
    /// words that does not end with a full stop.
    private func onTitleLine(_ tokens: [Token], _ index: Int) -> Bool {
        // Walk back to the line's start, but no further than a title's length: on a long line this is asked
        // for many offices, and the walk must not grow with the line.
        var lineStart = index, wordsBefore = 0
        while lineStart > 0, tokens[lineStart - 1].kind != .newline {
            lineStart -= 1
            if tokens[lineStart].kind == .word {
                wordsBefore += 1
                if wordsBefore > 30 { return false }
            }
        }
        var words = 0, lower = 0
        var i = lineStart
        while i < tokens.count, tokens[i].kind != .newline {
            if tokens[i].kind == .word {
                words += 1
                if !tokens[i].shape.contains(.initialUpper) { lower += 1 }
                if words > 30 { return false }
            }
            i += 1
        }
        // A headline does not end with a full stop.
        var last = i - 1
        while last > lineStart, tokens[last].isSpace { last -= 1 }
        return words >= 6 && lower * 4 <= words && tokens[last].norm != "."
    }

    /// The significant token before `index` on the same line, if any.
    static func previousSignificant(_ tokens: [Token], before index: Int) -> Int? {
        var i = index - 1
        while i >= 0, tokens[i].isSpace {
            if tokens[i].kind == .newline { return nil }
            i -= 1
        }
        return i >= 0 ? i : nil
    }

    /// The significant token at or after `index` on the same line, if any.
    static func nextSignificant(_ tokens: [Token], from index: Int) -> Int? {
        var i = index
        while i < tokens.count, tokens[i].isSpace {
            if tokens[i].kind == .newline { return nil }
            i += 1
        }
        return i < tokens.count ? i : nil
    }
}
