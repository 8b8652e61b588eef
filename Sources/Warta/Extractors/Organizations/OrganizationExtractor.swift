/// Finds organizations, one item per mention: the rules' bodies and families, the bodies the name tagger sees
/// where no rule reads one, acronyms the document defines, and regional offices with their parent body.
struct OrganizationExtractor: FieldExtractor {
    let ruleSet: RuleSet<OrganizationValue>
    private let families: Lexicon
    private let sites: Lexicon
    private let countries: Lexicon
    private let notBodies: Lexicon
    private let vocabulary: PersonVocabulary
    /// The words that open a match in lowercase: a medium's ("kantor berita AAP") and "the" ("the Financial
    /// Times"). Every other match opens with a capital, which the productions ask for, so the rules are not tried
    /// at the many lowercase "badan", "dinas" or "partai" of running text.
    private let lowercaseStarts: WordSet

    init(lexicons: Lexicons) {
        self.init(lexicons: lexicons, vocabulary: PersonVocabulary(lexicons))
    }

    init(lexicons: Lexicons, vocabulary: PersonVocabulary) {
        ruleSet = RuleSet(OrganizationRules.all(vocabulary), lexicons: lexicons)
        families = lexicons["organization-families"]
        sites = lexicons["organization-sites"]
        countries = lexicons["countries"]
        notBodies = lexicons["not-organizations"]
        self.vocabulary = vocabulary
        lowercaseStarts = WordSet(lexicons["media-cues"].firstWords.union(["the"]), in: lexicons.vocabulary)
    }

    var rules: [RuleInfo] { ruleSet.infos(field: "organizations") }

    /// Priorities after the rules': the tagger's readings, then acronyms.
    private var modelPriority: Int { ruleSet.rules.count }

    func run(_ analysis: inout Analysis) {
        let tokens = analysis.text.tokens
        // Field offices are offices, not organizations; a regional office is both (see `regionalOffices`).
        let offices = SpanIndex(analysis.document.offices.filter { $0.type != "Kantor Wilayah" }.map { $0.span.start..<$0.span.end })
        func inOffice(_ c: Candidate<OrganizationValue>) -> Bool { offices.overlaps(c.start..<c.end) }
        let lowercaseStarts = self.lowercaseStarts
        let ruled = ruleSet.candidates(in: analysis.text, lexicons: analysis.lexicons, startingAt: { t in
            !t.shape.isDisjoint(with: [.initialUpper, .allUpper]) || lowercaseStarts.contains(t)
        })
        // A body listed whole wins over its family's reading of the same start ("Partai Golkar" over "Partai Golkar
        // Bahlil Lahadalia"), unless the tagger reads the longer span as one body.
        let known = ruled.filter { $0.rule == "organization.known" }
        let knownStarts = Set(known.map(\.tokens.lowerBound))
        // A party's organ written with the party ("Fraksi Partai Demokrat", "DPP Partai Golkar") names the party.
        let parties = Set(known.filter { $0.value.kind == .party }.map(\.tokens.lowerBound))
        let candidates = ruled.filter { c in
            let head = families.longestMatch(in: tokens, at: c.tokens.lowerBound)
            let next = head.flatMap { PersonRules.nextIndex($0.end, tokens) }
            // A listed body written as a party board's head is that board before a party ("DPD Partai Demokrat Bali"
            // is the party's Dewan Pimpinan Daerah, not the Dewan Perwakilan Daerah).
            guard c.rule != "organization.known" else { return !(head?.end == c.tokens.upperBound && next.map(parties.contains) == true) }
            if knownStarts.contains(c.tokens.lowerBound) { return false }
            guard let next else { return true }
            return !parties.contains(next)
        }.compactMap { settled($0, analysis) } + regionalOffices(analysis, known)
        // The rules' readings first; the tagger's fill the gaps between them.
        // A family read inside a citation is part of its number ("45/PDT/2023/PT DKI" is a court, not a company).
        let decrees = SpanIndex(analysis.document.decrees.map { $0.span.start..<$0.span.end })
        let standing = candidates.filter { c in
            !inOffice(c) && (c.rule == "organization.known" || !decrees.overlaps(c.start..<c.end))
        }
        var longest: [Int: Candidate<OrganizationValue>] = [:]
        for c in standing where longest[c.tokens.lowerBound].map({ $0.tokens.upperBound < c.tokens.upperBound }) ?? true {
            longest[c.tokens.lowerBound] = c
        }
        var found = resolveOverlaps(standing).flatMap { split($0, tokens, longest: longest) }
        let taken = SpanIndex(found.map { $0.start..<$0.end })
        found += resolveOverlaps(modelCandidates(analysis).filter { c in !inOffice(c) && !taken.overlaps(c.start..<c.end) })
        // In text order (as `acronyms` returns them).
        found = acronyms(found, analysis).filter { !inOffice($0) }
        // A count of bodies names none of them ("31 DPD provinsi", "dari 33 DPD").
        found.removeAll { c in isCounted(c.tokens.lowerBound, tokens) }
        // A body named as part of a place ("di Gedung DPR", "Rumah Sakit Pusat Pertamina") is that place's name.
        found.removeAll { c in
            guard let site = site(before: c.tokens.lowerBound, tokens) else { return false }
            analysis.sites.append(site..<c.tokens.upperBound)
            return true
        }
        for c in found {
            let span = analysis.span(c.tokens)
            let v = c.value
            analysis.document.organizations.append(Organization(span: span, name: v.name, short: v.short, kind: v.kind,
                                                                parent: v.parent, rule: c.rule))
            analysis.trace("organizations", c.rule, span, tokens: c.tokens, v.summary)
        }
    }

    /// Where a family's place or name ends. A place ends with the register's name of a region written there
    /// ("Kejari Surabaya Budi Santoso" is Kejari Surabaya; "DPRD Kabupaten Bogor"), else before a word that opens
    /// another body; any reading ends where the name tagger sees a person begin ("Kejari Tulang Bawang Budi
    /// Santoso"). Nil when nothing is left after the head.
    private func settled(_ c: Candidate<OrganizationValue>, _ analysis: Analysis) -> Candidate<OrganizationValue>? {
        guard c.rule.hasPrefix("organization.family") else { return c }
        let tokens = analysis.text.tokens
        guard let head = families.longestMatch(in: tokens, at: c.tokens.lowerBound), head.end < c.tokens.upperBound,
              let first = PersonRules.nextIndex(head.end, tokens) else { return nil }
        var end = c.tokens.upperBound
        let register = analysis.lexicons.regions.register
        if c.rule == "organization.family_place" {
            // The register's name may run past the capitalized words the rule took ("Mandailing Natal").
            if let name = register.longestName(in: tokens, at: first) {
                end = name.tokens.upperBound
            } else if let other = PersonRules.significant(first..<end, tokens).dropFirst().first(where: { vocabulary.classes(tokens[$0]).contains(.organisation) }) {
                end = PersonRules.previousIndex(other, tokens, throughDot: false).map { $0 + 1 } ?? end
            }
        } else {
            // A region written in a name ends it when a word that belongs to no body follows ("Dinas Koperasi dan
            // UKM Provinsi Jawa Tengah | Eddy S Bramiyanto").
            for i in PersonRules.significant(first..<end, tokens) {
                guard let name = register.longestName(in: tokens, at: i, before: end), let next = PersonRules.nextIndex(name.tokens.upperBound, tokens),
                      next < end else { continue }
                if !vocabulary.classes(tokens[next]).contains(.organisation) { end = name.tokens.upperBound }
                break
            }
        }
        if let person = NameTags.overlapping(first..<end, in: analysis.names.persons).first {
            if person.lowerBound > first {
                end = PersonRules.previousIndex(person.lowerBound, tokens, throughDot: false).map { $0 + 1 } ?? end
            } else if c.rule == "organization.family_place" || person.upperBound < end {
                // A family that takes a name may be named after a person ("PT Salma Arowana Lestari", "Yayasan Budi
                // Mulia"): the name is the body's when nothing else follows it; a place is never a person's name.
                return nil
            }
        }
        // A cut may leave what joined the name to the next one ("Fakultas Farmasi dan | Mochamad Asrofi").
        end = trimmedJoiners(first, end, tokens)
        guard end > first, !numberedUnit(head.entry, first..<end, tokens) else { return nil }
        guard end != c.tokens.upperBound else { return c }
        return cut(c, to: end, head: head, tokens)
    }

    /// A family member written with a body it belongs to names two bodies, each its own mention: "Fakultas
    /// Kehutanan UGM" is the faculty (parent Universitas Gadjah Mada) and UGM; "Komisi Kode Etik Polri" a police
    /// body and Polri. A unit named only by a number ("Komisi III DPR") is the body's organ, which the mention of
    /// the body stands for. A head with nothing of its own before the body ("PB HMI", "Setjen Kemhan") stays one
    /// mention, with the body as its parent.
    private func split(_ c: Candidate<OrganizationValue>, _ tokens: [Token],
                       longest: [Int: Candidate<OrganizationValue>]) -> [Candidate<OrganizationValue>] {
        guard c.rule.hasPrefix("organization.family"), let head = families.longestMatch(in: tokens, at: c.tokens.lowerBound),
              let first = PersonRules.nextIndex(head.end, tokens) else { return [c] }
        // The bodies read inside `c` after its head, each as far as its longest reading runs inside `c`
        // ("DPRD Jawa Barat" in "Komisi II DPRD Jawa Barat"; "Polri" and "Polda Jawa Barat" in "Komisi Kode Etik
        // Polri Polda Jawa Barat").
        var bodies: [Candidate<OrganizationValue>] = []
        var i = first
        while let j = PersonRules.nextIndex(i, tokens), j < c.tokens.upperBound {
            if let body = longest[j], body.tokens.upperBound <= c.tokens.upperBound {
                bodies.append(body)
                i = body.tokens.upperBound
            } else {
                i = j + 1
            }
        }
        guard let inner = bodies.first else { return [c] }
        var member = c
        member.value.parent = inner.value.name
        member.value.kind = inner.value.kind
        guard inner.tokens.lowerBound > first else { return [member] }
        let end = trimmedJoiners(first, inner.tokens.lowerBound, tokens)
        guard end > first, !numberedUnit(head.entry, first..<end, tokens) else { return bodies }
        return [cut(member, to: end, head: head, tokens)] + bodies
    }

    /// Whether the words after a family's head only number a unit of a body ("Komisi III", "Komisi X"): a unit of a
    /// family that takes a subject, named so, is the body's organ, not a body of its own.
    private func numberedUnit(_ head: Lexicon.Entry, _ words: Range<Int>, _ tokens: [Token]) -> Bool {
        head.fields[4] == "subject" && PersonRules.significant(words, tokens).allSatisfy { i in
            tokens[i].kind == .number || tokens[i].shape.contains(.allUpper) && tokens[i].norm.utf8.allSatisfy { "ivxlc".utf8.contains($0) }
        }
    }

    /// `end` moved back, down to `first`, over what joined the name to the next one ("Fakultas Farmasi dan |") and
    /// over the bare head of another body ("Fakultas Syariah dan Hukum Universitas |").
    private func trimmedJoiners(_ first: Int, _ end: Int, _ tokens: [Token]) -> Int {
        var end = end
        while let last = PersonRules.previousIndex(end, tokens, throughDot: false), last >= first {
            guard ["dan", "&", "-", "/", ",", "("].contains(tokens[last].norm)
                    || last > first && families.longestMatch(in: tokens, at: last) != nil else { return last + 1 }
            end = last
        }
        return first
    }

    /// A family member cut to end before token `end`, its names written again for what is left.
    private func cut(_ c: Candidate<OrganizationValue>, to end: Int, head: (end: Int, entry: Lexicon.Entry), _ tokens: [Token]) -> Candidate<OrganizationValue> {
        let entry = head.entry
        let tail = Casing.joined(tokens[head.end..<end])
        var value = c.value
        value.name = OrganizationRules.named(entry.fields[0], tail)
        value.short = value.short == nil || entry.fields[1] == "-" || entry.fields[1] == entry.fields[0]
            ? nil : OrganizationRules.named(entry.fields[1], tail)
        return Candidate(priority: c.priority, rule: c.rule, tokens: c.tokens.lowerBound..<end, start: c.start, end: tokens[end - 1].end, value: value)
    }

    /// Whether a count stands right before token `start`: a number of one to three digits standing alone ("31
    /// DPD"; not the "8" of "(17/8)", a year, nor a unit's number: "Grup 5 Kopassus").
    private func isCounted(_ start: Int, _ tokens: [Token]) -> Bool {
        guard let number = PersonRules.previousIndex(start, tokens, throughDot: false), number < start - 1,
              tokens[number].kind == .number, (1...3).contains(tokens[number].text.utf8.count),
              tokens[number].text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), number == 0 || tokens[number - 1].isSpace else { return false }
        guard let before = PersonRules.previousIndex(number, tokens, throughDot: false) else { return true }
        let word = tokens[before]
        return word.kind != .word || word.shape.isDisjoint(with: [.initialUpper, .allUpper]) || word.shape.contains(.sentenceStart)
    }

    /// The first token of a word of `organization-sites.txt` that ends right before token `start` ("Gedung" before
    /// "DPR", "Rumah Sakit Pusat" before "Pertamina"), nil when none does.
    private func site(before start: Int, _ tokens: [Token]) -> Int? {
        var j = start
        for _ in 0..<3 {
            guard let i = PersonRules.previousIndex(j, tokens, throughDot: false) else { return nil }
            if let m = sites.longestMatch(in: tokens, at: i), PersonRules.nextIndex(m.end, tokens) == start { return i }
            j = i
        }
        return nil
    }

    /// The bodies the name tagger sees that no rule reads: their text is their name.
    ///
    /// A reading is kept to its capitalized words and balanced parentheses ("pasawat Air Mauritania" is Air
    /// Mauritania; "Bursa Efek Indonesia (BEI" takes its closing parenthesis). A country ("Uni Soviet"), an act
    /// ("UU Jabatan Notaris"), a title or degree, or an office's family alone is no organization.
    private func modelCandidates(_ analysis: Analysis) -> [Candidate<OrganizationValue>] {
        let tokens = analysis.text.tokens
        let acts = analysis.lexicons["decree-types"], types = analysis.lexicons["office-types"]
        return analysis.names.organizations.compactMap { range in
            guard var range = trimmedPunctuation(range, tokens) else { return nil }
            while range.count > 1, tokens[range.lowerBound].isSpace || tokens[range.lowerBound].kind == .word
                    && tokens[range.lowerBound].shape.isDisjoint(with: [.initialUpper, .allUpper]) {
                range = (range.lowerBound + 1)..<range.upperBound
            }
            // A title after a body's name opens the name that follows ("Bisnis Indonesia Dr. | Rofikoh").
            while let last = PersonRules.previousIndex(range.upperBound, tokens, throughDot: true), last > range.lowerBound,
                  vocabulary.classes(tokens[last]).contains(.title) {
                range = range.lowerBound..<last
                guard let trimmed = trimmedPunctuation(range, tokens) else { return nil }
                range = trimmed
            }
            let words = PersonRules.significant(range, tokens)
            let opened = words.filter { tokens[$0].norm == "(" }.count, closed = words.filter { tokens[$0].norm == ")" }.count
            if opened > closed, let next = PersonRules.nextIndex(range.upperBound, tokens), tokens[next].norm == ")" {
                range = range.lowerBound..<(next + 1)
            }
            let letters = words.filter { tokens[$0].kind == .word }
            guard let first = words.first, tokens[first].kind == .word, !tokens[first].shape.isDisjoint(with: [.initialUpper, .allUpper]),
                  countries.longestMatch(in: tokens, at: first)?.end != range.upperBound,
                  acts.longestMatch(in: tokens, at: first) == nil,
                  !namesNoBody(first, analysis),
                  // Titles and dotted degrees ("Dr. H", "M.M"), an office's family alone ("Rutan"), or one word that
                  // only heads a family or names a kind of body ("PT", "Bank", "Polda", "Kementerian"; not the
                  // acronyms "DPRD", "KBRI") are no body's name.
                  !letters.allSatisfy({ !vocabulary.classes(tokens[$0]).isDisjoint(with: [.honorific, .title])
                      || PersonVocabulary.containsDot(tokens[$0].text) && vocabulary.isDegree(tokens[$0]) }),
                  types.longestMatch(in: tokens, at: first)?.end != range.upperBound,
                  !isGroupOfAPlace(letters, range, analysis),
                  !startsInsideAPlace(first, analysis),
                  !(letters.count == 1 && (families.longestMatch(in: tokens, at: first)?.end == range.upperBound
                                           || vocabulary.classes(tokens[first]).contains(.organisation))
                      && !(tokens[first].shape.contains(.allUpper) && tokens[first].text.utf8.count >= 3)) else { return nil }
            let name = Casing.joined(tokens[range])
            var kind = Organization.Kind.other
            if let head = families.longestMatch(in: tokens, at: range.lowerBound), head.entry.fields.count == 5 {
                kind = Organization.Kind(rawValue: head.entry.fields[2]) ?? .other
            }
            let value = OrganizationValue(name: name, short: nil, kind: kind, parent: nil)
            return Candidate(priority: modelPriority, rule: "organization.model", tokens: range,
                             start: tokens[range.lowerBound].start, end: tokens[range.upperBound - 1].end, value: value)
        }
    }

    /// Whether a reading starting at token `first` starts with a class of people, thing or programme that names no
    /// body (`not-organizations.txt`: "ASN", "PPPK Paruh Waktu", "APBN"); a form in capitals only in capitals.
    private func namesNoBody(_ first: Int, _ analysis: Analysis) -> Bool {
        let tokens = analysis.text.tokens
        guard let match = notBodies.longestMatch(in: tokens, at: first) else { return false }
        return !OrganizationRules.Elements.hasNoLowercase(match.entry.text)
            || tokens[first..<match.end].allSatisfy { $0.kind != .word || $0.shape.contains(.allUpper) }
    }

    /// Whether token `first` continues a country's or region's name that starts before it ("Amerika | Serikat
    /// Condoleezza Rice"): a reading from there is no body's name.
    private func startsInsideAPlace(_ first: Int, _ analysis: Analysis) -> Bool {
        let tokens = analysis.text.tokens
        guard let before = PersonRules.previousIndex(first, tokens, throughDot: false) else { return false }
        return (countries.longestMatch(in: tokens, at: before)?.end ?? 0) > first
            || (analysis.lexicons.regions.register.longestName(in: tokens, at: before)?.tokens.upperBound ?? 0) > first
    }

    /// Whether a reading is a word the language writes in lowercase and a place: a group from that place ("Tim
    /// Indonesia"), not a body's name.
    private func isGroupOfAPlace(_ letters: [Int], _ range: Range<Int>, _ analysis: Analysis) -> Bool {
        let tokens = analysis.text.tokens
        guard letters.count >= 2, vocabulary.classes(tokens[letters[0]]).contains(.lowercaseWord) else { return false }
        return OrganizationRules.isPlace(letters[1]..<range.upperBound, tokens, analysis.lexicons)
    }

    /// A regional office written with the body it belongs to ("Kanwil Ditjenpas Jateng") is an office and an
    /// organization: the body's regional office, named canonically ("Kantor Wilayah Direktorat Jenderal
    /// Pemasyarakatan Jawa Tengah"), with that body as its parent (which the office's tuple does not say).
    private func regionalOffices(_ analysis: Analysis, _ known: [Candidate<OrganizationValue>]) -> [Candidate<OrganizationValue>] {
        var traces: [Int: Trace] = [:]
        for trace in analysis.traces where trace.field == "offices" && traces[trace.span.start] == nil { traces[trace.span.start] = trace }
        return analysis.document.offices.compactMap { office in
            guard office.type == "Kantor Wilayah", let trace = traces[office.span.start] else { return nil }
            // `known` is in text order: the bodies starting inside the office are one run of it.
            var k = known.partitioningIndex { $0.tokens.lowerBound > trace.tokens.lowerBound }
            while k < known.count, known[k].tokens.lowerBound < trace.tokens.upperBound, known[k].tokens.upperBound > trace.tokens.upperBound { k += 1 }
            guard k < known.count, known[k].tokens.lowerBound < trace.tokens.upperBound else { return nil }
            let body = known[k]
            let place = office.region?.name ?? office.location ?? ""
            let written = office.location.map { " " + $0 } ?? ""
            let value = OrganizationValue(name: "Kantor Wilayah " + body.value.name + (place.isEmpty ? "" : " " + place),
                                          short: body.value.short.map { "Kanwil " + $0 + written },
                                          kind: body.value.kind, parent: body.value.name)
            return Candidate(priority: ruleSet.rules.count, rule: "organization.regional_office", tokens: trace.tokens,
                             start: office.span.start, end: office.span.end, value: value)
        }
    }

    /// "Badan Pengawas Obat dan Makanan (BPOM)": the acronym in parentheses belongs to the mention before it (one
    /// mention, written with its acronym), and every later use of the acronym in the document is the same body.
    /// Returns `found` with the acronyms added, in text order.
    private func acronyms(_ found: [Candidate<OrganizationValue>], _ analysis: Analysis) -> [Candidate<OrganizationValue>] {
        let tokens = analysis.text.tokens
        var defined: [String: OrganizationValue] = [:]
        var out: [Candidate<OrganizationValue>] = []
        // Tokens read already, one mark each.
        var covered = [Bool](repeating: false, count: tokens.count)
        for c in found { for i in c.tokens { covered[i] = true } }
        // A mention that is only the acronym inside the parentheses, which the long form takes over.
        var alone: [Int: Int] = [:]
        for (k, c) in found.enumerated() where PersonRules.significant(c.tokens, tokens).count == 1 { alone[c.tokens.lowerBound] = k }
        var absorbed = Set<Int>()
        for (k, c) in found.enumerated() where !absorbed.contains(k) {
            guard let open = PersonRules.nextIndex(c.tokens.upperBound, tokens), tokens[open].norm == "(",
                  let acronym = PersonRules.nextIndex(open + 1, tokens), tokens[acronym].kind == .word,
                  let close = PersonRules.nextIndex(acronym + 1, tokens), tokens[close].norm == ")" else { out.append(c); continue }
            // The short form: a listed short form of the same body ("(Kemenkumham)"), or capitals nothing else reads
            // that start as the name does ("(BPOM)"; not the place's "(NTB)" after "Pemerintah Provinsi Nusa
            // Tenggara Barat").
            let sameBody = alone[acronym].map { found[$0].value.name == c.value.name } ?? false
            let initial = tokens[PersonRules.significant(c.tokens, tokens)[0]].text.unicodeScalars.first
            // A long form the tagger read ("Badan Kesehatan Dunia") takes the body a listed acronym names ("(WHO)").
            let named = c.rule == "organization.model" ? alone[acronym].map { found[$0] }.flatMap { $0.rule == "organization.known" ? $0.value : nil } : nil
            guard sameBody || named != nil || !covered[acronym] && tokens[acronym].shape.contains(.allUpper)
                    && tokens[acronym].end - tokens[acronym].start >= 2 && tokens[acronym].text.unicodeScalars.first == initial
            else { out.append(c); continue }
            if let other = alone[acronym] { absorbed.insert(other) }
            var value = named ?? c.value
            if value.short == nil { value.short = tokens[acronym].text }
            if defined[tokens[acronym].text] == nil { defined[tokens[acronym].text] = value }
            for i in open...close { covered[i] = true }
            out.append(Candidate(priority: c.priority, rule: c.rule, tokens: c.tokens.lowerBound..<(close + 1), start: c.start,
                                 end: tokens[close].end, value: value))
        }
        out.removeAll { c in absorbed.contains { found[$0].tokens == c.tokens } }
        guard !defined.isEmpty else { return out.sorted { $0.start < $1.start } }
        for i in tokens.indices where tokens[i].kind == .word && tokens[i].shape.contains(.allUpper) && !covered[i] {
            guard let value = defined[tokens[i].text] else { continue }
            out.append(Candidate(priority: modelPriority + 1, rule: "organization.acronym", tokens: i..<(i + 1),
                                 start: tokens[i].start, end: tokens[i].end, value: value))
        }
        return out.sorted { $0.start < $1.start }
    }

    /// The range without punctuation at its ends ("(Jokowi" -> "Jokowi"); nil when nothing is left.
    private func trimmedPunctuation(_ range: Range<Int>, _ tokens: [Token]) -> Range<Int>? {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, tokens[lower].isPunct || tokens[lower].isSpace { lower += 1 }
        while upper > lower, tokens[upper - 1].isPunct || tokens[upper - 1].isSpace { upper -= 1 }
        return lower < upper ? lower..<upper : nil
    }
}
