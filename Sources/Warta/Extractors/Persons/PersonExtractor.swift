/// Finds people, links their mentions, and writes their titles (positions, honorifics, degrees).
struct PersonExtractor: FieldExtractor {
    /// The rules that open with a word or lexicon phrase (a position head, a speech verb), tried where it stands.
    private let headed: RuleSet<PersonValue>
    /// The rules that open with the name itself, tried only where a name or an honorific can start: most tokens
    /// are lowercase words or punctuation, and these rules would otherwise be tried at every one of them.
    private let named: RuleSet<PersonValue>
    /// The priority in the full rule list of each rule of `headed` and of `named`.
    private let headedPriority: [Int]
    private let namedPriority: [Int]
    let vocabulary: PersonVocabulary
    private let elements: PersonRules.Elements
    /// Vocabulary ids of `placeMarkers` and of the parentheses, for `placeWords`.
    private let placeMarkerIDs: [Int32]
    private let openParenthesis: Int32
    private let closeParenthesis: Int32

    init(lexicons: Lexicons) {
        self.init(lexicons: lexicons, vocabulary: PersonVocabulary(lexicons))
    }

    init(lexicons: Lexicons, vocabulary: PersonVocabulary) {
        self.vocabulary = vocabulary
        elements = PersonRules.Elements(vocabulary, lexicons)
        let all = PersonRules.all(elements)
        func opensWithWords(_ rule: Rule<PersonValue>) -> Bool {
            guard let first = rule.pattern.first, first.min > 0 else { return false }
            switch first.test {
            case .word, .exact, .lexicon: return true
            default: return false
            }
        }
        headedPriority = all.indices.filter { opensWithWords(all[$0]) }
        namedPriority = all.indices.filter { !opensWithWords(all[$0]) }
        headed = RuleSet(headedPriority.map { all[$0] }, lexicons: lexicons)
        named = RuleSet(namedPriority.map { all[$0] }, lexicons: lexicons)
        placeMarkerIDs = PersonExtractor.placeMarkers.map { lexicons.vocabulary.intern($0) }
        openParenthesis = lexicons.vocabulary.intern("(")
        closeParenthesis = lexicons.vocabulary.intern(")")
    }

    /// Every rule, in priority order.
    var rules: [RuleInfo] {
        let infos = headed.infos(field: "persons") + named.infos(field: "persons")
        let priorities = headedPriority + namedPriority
        return infos.indices.sorted { priorities[$0] < priorities[$1] }.map { infos[$0] }
    }

    /// What the extractor asks about a token more than once, found for each token of a document in one pass.
    struct TokenFacts: OptionSet {
        let rawValue: UInt8
        static let nameWord = TokenFacts(rawValue: 1 << 0)
        static let capsInitials = TokenFacts(rawValue: 1 << 1)
        static let initial = TokenFacts(rawValue: 1 << 2)
        static let honorificStart = TokenFacts(rawValue: 1 << 3)
    }

    private func facts(_ tokens: [Token]) -> [TokenFacts] {
        tokens.withUnsafeBufferPointer { tokens in
            var facts = [TokenFacts](repeating: [], count: tokens.count)
            // Each of the three tests wants a capital first letter or only capitals.
            for i in tokens.indices where tokens[i].kind == .word && !tokens[i].shape.isDisjoint(with: [.initialUpper, .allUpper]) {
                if vocabulary.isNameWord(tokens[i]) { facts[i].insert(.nameWord) }
                if vocabulary.isCapsInitials(tokens[i]) { facts[i].insert(.capsInitials) }
                if vocabulary.isInitial(tokens[i]) { facts[i].insert(.initial) }
            }
            for i in tokens.indices where vocabulary.classes(tokens[i]).contains(.honorificStart) { facts[i].insert(.honorificStart) }
            return facts
        }
    }

    func run(_ analysis: inout Analysis) {
        let tokens = analysis.text.tokens
        let facts = facts(tokens)
        // Both sets match the same names and position bodies: they share what matching learns, and the name tests
        // are answered from the facts.
        var memo = MatchMemo()
        memo.know(elements.nameWord, tokenCount: tokens.count) { facts[$0].contains(.nameWord) }
        memo.know(elements.capsInitials, tokenCount: tokens.count) { facts[$0].contains(.capsInitials) }
        memo.know(elements.initial, tokenCount: tokens.count) { facts[$0].contains(.initial) }
        memo.know(elements.lineStartNameWord, tokenCount: tokens.count) { facts[$0].contains(.nameWord) && tokens[$0].shape.contains(.lineStart) }
        let starts = named.candidates(in: analysis.text, lexicons: analysis.lexicons, where: { !facts[$0].isEmpty }, memo: &memo)
        // Both sets keep the priority of the full rule list.
        var candidates = headed.candidates(in: analysis.text, lexicons: analysis.lexicons, memo: &memo).map { c in
            Candidate(priority: headedPriority[c.priority], rule: c.rule, tokens: c.tokens, start: c.start, end: c.end, value: c.value)
        } + starts.map { c in
            Candidate(priority: namedPriority[c.priority], rule: c.rule, tokens: c.tokens, start: c.start, end: c.end, value: c.value)
        }
        candidates += modelCandidates(analysis, beside: candidates)
        // The rules' organizations bound names; the tagger's own readings of organizations give way to names.
        var organizations = analysis.traces.filter { $0.field == "organizations" && $0.rule != "organization.model" }.map(\.tokens)
        if !analysis.sites.isEmpty { organizations = (organizations + analysis.sites).sorted { $0.lowerBound < $1.lowerBound } }
        let places = placeWords(tokens)
        // Offices and the rules' organizations, asked whether they hold a name the tagger sees.
        let bodies = SpanIndex(analysis.document.offices.map { $0.span.start..<$0.span.end }
            + analysis.document.organizations.filter { $0.rule != "organization.model" }.map { $0.span.start..<$0.span.end })
        candidates = candidates.compactMap { outsideOrganizations($0, organizations, tokens) }.compactMap { respectingTagger($0, analysis, places, bodies) }
        let (people, kept) = resolve(candidates, analysis, facts, places)
        var titles: [Title] = []
        var seenTitles: Set<Int> = []
        for person in people {
            var record = Person(name: person.name, mentions: person.mentions.map { analysis.span($0) })
            for found in person.found {
                let v = found.value
                let rule = found.rule
                func add(_ range: Range<Int>, _ kind: Title.Kind) {
                    let span = analysis.span(range)
                    switch kind {
                    case .honorific: if !record.honorifics.contains(span.text) { record.honorifics.append(span.text) }
                    case .degree: if !record.degrees.contains(span.text) { record.degrees.append(span.text) }
                    case .position:
                        let text = Casing.joined(tokens[range])
                        if !record.positions.contains(text) { record.positions.append(text) }
                    }
                    if seenTitles.insert(span.start).inserted { titles.append(Title(span: span, kind: kind, holder: person.name, rule: rule)) }
                }
                for range in v.honorifics.flatMap({ PersonRules.honorificItems($0, tokens, analysis.lexicons) }) ?? [] { add(range, .honorific) }
                for range in v.degrees.map({ PersonRules.degreeItems($0, tokens) }) ?? [] { add(range, .degree) }
                for range in v.positions { add(range, .position) }
            }
            analysis.document.persons.append(record)
        }
        for found in kept {
            analysis.trace("persons", found.rule, analysis.span(found.tokens), tokens: found.tokens, found.value.summary)
        }
        analysis.document.titles = titles.sorted { $0.span.start < $1.span.start }
        let mentions = analysis.document.persons.flatMap(\.mentions).map { $0.start..<$0.end }.sorted { $0.lowerBound < $1.lowerBound }
        analysis.dropOrganizations { org in
            org.rule == "organization.model" && !NameTags.overlapping(org.span.start..<org.span.end, in: mentions).isEmpty
        }
    }

    /// The names the tagger sees where no rule reads one: they come after every rule, so a rule's reading of the
    /// same words wins. A name made only of words the language writes in lowercase ("Diskusi", "Tanda Masuk") is a
    /// sentence's first words or a heading's, not a name, when nothing but the tagger speaks for it.
    private func modelCandidates(_ analysis: Analysis, beside ruled: [Candidate<PersonValue>]) -> [Candidate<PersonValue>] {
        let tokens = analysis.text.tokens
        let priority = headedPriority.count + namedPriority.count
        // Offices and the dateline are read already: "KPP Pratama Kudus" names no one.
        let read = SpanIndex((analysis.document.offices.map(\.span) + [analysis.document.dateline?.span].compactMap { $0 })
            .map { $0.start..<$0.end })
        // A name the tagger sees beside another person's, in a list, needs no word of a known name.
        var named = Set(ruled.flatMap { [$0.value.name.lowerBound, $0.value.name.upperBound] })
        let plain = analysis.names.persons.filter { range in
            PersonRules.significant(range, tokens).contains { vocabulary.classes(tokens[$0]).contains(.personWord) }
        }
        for range in plain { named.formUnion([range.lowerBound, range.upperBound]) }
        return analysis.names.persons.compactMap { range in
            guard !read.overlaps(tokens[range.lowerBound].start..<tokens[range.upperBound - 1].end) else { return nil }
            var words = PersonRules.significant(range, tokens).filter { tokens[$0].kind == .word }
            // Initials right before the name belong to it ("I Made Gede Wirawan", "AM Fatwa").
            if let first = words.first, let before = PersonRules.previousIndex(first, tokens, throughDot: false),
               vocabulary.isCapsInitials(tokens[before]), !tokens[first].shape.contains(.sentenceStart) { words.insert(before, at: 0) }
            guard let first = words.first, let last = words.last,
                  let name = PersonRules.cleanName(first..<(last + 1), tokens, vocabulary),
                  !words.allSatisfy({ vocabulary.classes(tokens[$0]).contains(.lowercaseWord) }),
                  words.contains(where: { vocabulary.classes(tokens[$0]).contains(.personWord) }) || inList(name, tokens, named),
                  !afterFacility(name.lowerBound, tokens) else { return nil }
            var value = PersonValue(name: name)
            value.mayBeCommonWord = true
            value.summary = Casing.joined(tokens[name])
            return Candidate(priority: priority, rule: "person.model", tokens: name, start: tokens[name.lowerBound].start,
                             end: tokens[name.upperBound - 1].end, value: value)
        }
    }

    /// Whether a name stands in a list beside another person's name (`named` holds where names start and end):
    /// after or before a comma, "dan", "serta" or a dash ("pimpinan KPU, Betty Epsilon, Idham Holik, dan August
    /// Mellaz"; "Betty - Idham").
    private func inList(_ name: Range<Int>, _ tokens: [Token], _ named: Set<Int>) -> Bool {
        func isJoiner(_ i: Int) -> Bool { [",", "dan", "serta", "-", "&"].contains(tokens[i].norm) }
        if let p = PersonRules.previousIndex(name.lowerBound, tokens, throughDot: false), isJoiner(p),
           var q = PersonRules.previousIndex(p, tokens, throughDot: false) {
            if tokens[q].norm == ",", let r = PersonRules.previousIndex(q, tokens, throughDot: false) { q = r }
            if named.contains(q + 1) { return true }
        }
        if let n = PersonRules.nextIndex(name.upperBound, tokens), isJoiner(n), var m = PersonRules.nextIndex(n + 1, tokens) {
            if tokens[m].norm == "dan", let r = PersonRules.nextIndex(m + 1, tokens) { m = r }
            if named.contains(m) { return true }
        }
        return false
    }

    /// The tagger's word on where names are. A reading whose position holds a name the tagger sees is not that
    /// person's position ("Doli Kurnia, Wakil Ketua Dede Yusuf"). A name after a position head with no comma
    /// starts where the tagger's name starts when that is earlier and the words between are name words ("Ketua |
    /// Ahmad Doli Kurnia", not "Ketua Ahmad | Doli Kurnia"). Where a name ends before it, organizations say.
    private func respectingTagger(_ c: Candidate<PersonValue>, _ analysis: Analysis, _ places: Set<String>, _ bodies: SpanIndex) -> Candidate<PersonValue>? {
        let persons = analysis.names.persons
        guard !persons.isEmpty, c.rule != "person.model" else { return c }
        let tokens = analysis.text.tokens
        let name = c.value.name
        // A name the tagger sees inside an office or a body ("KPP Pratama Denpasar Timur"), or in words the document
        // writes as a place ("Koperasi Tani Cibodas" beside "Desa Cibodas"), is none.
        func inBody(_ r: Range<Int>) -> Bool {
            if PersonRules.significant(r, tokens).contains(where: { places.contains(tokens[$0].norm) }) { return true }
            return bodies.contains(tokens[r.lowerBound].start..<tokens[r.upperBound - 1].end)
        }
        for p in c.value.positions where NameTags.overlapping(p, in: persons).contains(where: { !$0.overlaps(name) && !inBody($0) }) { return nil }
        guard c.rule == "person.position_name", let position = c.value.positions.first, position.upperBound <= name.lowerBound,
              let seen = NameTags.overlapping(name, in: persons).first, seen.upperBound >= name.upperBound else { return c }
        guard seen.lowerBound < name.lowerBound, seen.lowerBound > position.lowerBound,
              PersonRules.significant(seen.lowerBound..<name.lowerBound, tokens).allSatisfy({ vocabulary.isNameWord(tokens[$0]) || vocabulary.isCapsInitials(tokens[$0]) })
        else { return c }
        let start = seen.lowerBound
        guard let end = PersonRules.previousIndex(start, tokens, throughDot: false), end >= position.lowerBound else { return c }
        var value = c.value
        value.name = start..<name.upperBound
        value.positions[0] = position.lowerBound..<(end + 1)
        return Candidate(priority: c.priority, rule: c.rule, tokens: c.tokens, start: c.start, end: c.end, value: value)
    }

    /// Whether a facility word stands before the name, maybe with a rank or office words between ("Jl. Mayjen
    /// Sutoyo", "Bandara Internasional I Gusti Ngurah Rai"): the name is a street's, an airport's or a building's.
    private func afterFacility(_ start: Int, _ tokens: [Token]) -> Bool {
        var i = PersonRules.previousIndex(start, tokens)
        for _ in 0..<4 {
            guard var p = i else { return false }
            // "Pangkalan Udara (Lanud) Sultan Hasanuddin": the short form in parentheses.
            if tokens[p].norm == ")", let inner = PersonRules.previousIndex(p, tokens) { p = inner }
            let classes = vocabulary.classes(tokens[p])
            if classes.contains(.facility) { return true }
            // A rank, an office word or initials may stand between ("Jl. HR Rasuna Said").
            guard !classes.isDisjoint(with: [.honorific, .office]) || vocabulary.isCapsInitials(tokens[p]) else { return false }
            i = PersonRules.previousIndex(p, tokens)
        }
        return false
    }

    /// Organizations bound names: a name never starts or runs inside one. "Ketua Umum Partai Golkar Bahlil
    /// Lahadalia" is a position up to "Golkar" and the name after it; a name that an organization covers whole is
    /// no name ("kata Demokrat").
    private func outsideOrganizations(_ c: Candidate<PersonValue>, _ organizations: [Range<Int>], _ tokens: [Token]) -> Candidate<PersonValue>? {
        // Honorifics mark where a name starts: "Kolonel Dedy Iskandar Muda" is a name, whatever bodies bear it.
        guard c.value.honorifics == nil else { return c }
        let old = c.value.name
        var name = old
        for org in NameTags.overlapping(old, in: organizations) {
            if org.lowerBound <= name.lowerBound {
                guard let next = PersonRules.nextIndex(org.upperBound, tokens), next < name.upperBound else { return nil }
                name = next..<name.upperBound
            } else {
                guard let last = PersonRules.previousIndex(org.lowerBound, tokens, throughDot: false), last >= name.lowerBound else { return nil }
                name = name.lowerBound..<(last + 1)
                break
            }
        }
        guard name != old else { return c }
        guard let clean = PersonRules.cleanName(name, tokens, vocabulary) else { return nil }
        var value = c.value
        value.name = clean
        // A position that ran up to the old name now runs up to the new one.
        value.positions = value.positions.map { p in
            guard p.upperBound <= old.lowerBound, PersonRules.nextIndex(p.upperBound, tokens) == old.lowerBound,
                  let end = PersonRules.previousIndex(clean.lowerBound, tokens, throughDot: false) else { return p }
            return p.lowerBound..<(end + 1)
        }
        if let h = value.honorifics, h.upperBound <= old.lowerBound, clean.lowerBound > old.lowerBound { value.honorifics = nil }
        return Candidate(priority: c.priority, rule: c.rule, tokens: c.tokens, start: c.start, end: c.end, value: value)
    }

    /// The people by every run of words of their names (so that "Zudan" and "Arif Fakrulloh" find "Zudan Arif
    /// Fakrulloh"), by their whole names and nicknames, and by their words' first four letters: linking a name
    /// asks only the people it can belong to, however many share a common word ("Muhammad"). Filing costs more
    /// than asking a few people, so the index is built only once a document names `threshold` people; before,
    /// every person is a candidate. An entry may be stale (a name that grew keeps its old runs filed); callers
    /// check what they find.
    struct PeopleIndex {
        static let threshold = 32
        private var count = 0
        private var waiting: [(person: Int, words: [String], aliases: [[String]])] = []
        private var built = false
        private var byRun: [String: [Int]] = [:]
        private var byWhole: [String: [Int]] = [:]
        private var byStart: [Substring: [Int]] = [:]

        mutating func add(_ person: Int, words: [String], aliases: [[String]] = []) {
            count = max(count, person + 1)
            guard built else {
                waiting.append((person, words, aliases))
                guard count >= PeopleIndex.threshold else { return }
                built = true
                for w in waiting { file(w.person, w.words, w.aliases) }
                waiting = []
                return
            }
            file(person, words, aliases)
        }

        private mutating func file(_ person: Int, _ words: [String], _ aliases: [[String]]) {
            for start in words.indices {
                for end in (start + 1)...words.count { byRun[key(words[start..<end]), default: []].append(person) }
                if words[start].count >= 4 { byStart[words[start].prefix(4), default: []].append(person) }
            }
            byWhole[key(words[...]), default: []].append(person)
            for alias in aliases { byWhole[key(alias[...]), default: []].append(person) }
        }

        /// The people whose name holds `words` as a run, or whose whole name or a nickname is a run of `words`
        /// (when `shorterOnly`, only `words` itself), each once, in the order they were first named.
        func candidates(_ words: [String], shorterOnly: Bool) -> [Int] {
            guard built else { return Array(0..<count) }
            var found = byRun[key(words[...])] ?? []
            if shorterOnly {
                found += byWhole[key(words[...])] ?? []
            } else {
                for start in words.indices { for end in (start + 1)...words.count { found += byWhole[key(words[start..<end])] ?? [] } }
            }
            return unique(found)
        }

        /// The people whose name has the word `word`.
        func holding(_ word: String) -> [Int] { built ? unique(byRun[word] ?? []) : Array(0..<count) }
        /// The people whose name has a word starting with the first four letters of `word`.
        func startingLike(_ word: String) -> [Int] { built ? unique(byStart[word.prefix(4)] ?? []) : Array(0..<count) }

        private func key(_ words: ArraySlice<String>) -> String { words.count == 1 ? words[words.startIndex] : words.joined(separator: " ") }

        private func unique(_ people: [Int]) -> [Int] {
            guard people.count > 1 else { return people }
            var sorted = people.sorted()
            var last = -1
            sorted.removeAll { p in defer { last = p }; return p == last }
            return sorted
        }
    }

    /// One person as resolution builds it.
    struct Resolved {
        var name: String
        /// The name's word norms, to match shorter and longer mentions ("Zudan" in "Zudan Arif Fakrulloh").
        var words: [String]
        /// Nicknames the text gives ("Jokowi" for "Joko Widodo"), as word norms: later mentions of them are this person.
        var aliases: [[String]] = []
        var mentions: [Range<Int>]
        /// The rule matches that name this person, in text order.
        var found: [Candidate<PersonValue>]
    }

    /// Settles the rules' candidates and links them into people, in four steps.
    ///
    /// 1. Readings that cannot stand are set aside: names in a Title Case line (a headline, a subheading: capitals
    ///    there say nothing about names), in a span an earlier extractor claimed (a decree), and names that may be
    ///    a capitalized common word (`PersonValue.mayBeCommonWord`) whose first word the document also writes in
    ///    lowercase or as a place ("Diskusi" beside "diskusi", "Hambalang" beside "Desa Hambalang"), or whose
    ///    edges only capitals mark and one of whose words the document writes as a place
    ///    (`PersonValue.mayBePlace`), unless a firmer reading gives the same name.
    /// 2. The rest are taken in rule order (then longest, then first): a candidate is dropped when its name
    ///    overlaps a name or position already taken, or its position overlaps a name already taken; a position
    ///    already given to someone ("Position, Name" wins over "Name, Position") is left out of it; candidates
    ///    with the very same name span are merged. Readings that need support (`PersonValue.needsSupport`) are
    ///    then dropped unless a firmer reading gives the same name or a longer name that contains it.
    /// 3. Names are linked in text order: a name whose words run inside a known person's name, or contain it,
    ///    is that person (the most recently mentioned one when several fit); the fuller form becomes the name.
    ///    Distinct people sharing a word ("Joko Widodo", "Joko Santoso") stay apart.
    /// 4. Every other run of name words that equals part of a known name (anywhere, headline included, as a
    ///    prefix of the run in Title Case lines) is one more mention of that person; it never makes a new one.
    func resolve(_ candidates: [Candidate<PersonValue>], _ analysis: Analysis, _ facts: [TokenFacts],
                 _ places: Set<String>) -> ([Resolved], [Candidate<PersonValue>]) {
        let tokens = analysis.text.tokens
        var titled = [Bool](repeating: false, count: tokens.count)
        for line in titleCaseLines(analysis) { for i in line { titled[i] = true } }
        func inTitleLine(_ i: Int) -> Bool { titled[i] }

        // Step 1: readings that cannot stand whatever else is found.
        let lowercase = writtenInLowercase(candidates.lazy.filter(\.value.mayBeCommonWord).map { tokens[$0.value.name.lowerBound].norm }, tokens)
        func firm(_ c: Candidate<PersonValue>) -> Bool { !c.value.needsSupport && !c.value.mayBeCommonWord && !c.value.mayBePlace }
        let firmNames = Set(candidates.lazy.filter(firm).map(\.value.name))
        let viable = candidates.filter { c in
            let name = c.value.name
            if inTitleLine(name.lowerBound) || analysis.isClaimed(tokens[name.lowerBound].start..<tokens[name.upperBound - 1].end) { return false }
            let first = tokens[c.value.name.lowerBound].norm
            let common = c.value.mayBeCommonWord && (lowercase.contains(first) || places.contains(first))
            let place = c.value.mayBePlace && nameWords(c.value.name, tokens).contains { places.contains($0) }
            return !(common || place) || firmNames.contains(c.value.name)
        }

        // Step 2.
        let order = viable.indices.sorted { a, b in
            let x = viable[a], y = viable[b]
            if x.priority != y.priority { return x.priority < y.priority }
            if x.tokens.count != y.tokens.count { return x.tokens.count > y.tokens.count }
            return x.start < y.start
        }
        // What is taken, as token marks: asking costs a span's length, not the number of readings taken, so that a
        // document dense with people stays linear. A name or degree taken with the very same span is no conflict.
        var taken: [Candidate<PersonValue>] = []
        var names = Marks(count: tokens.count), positions = Marks(count: tokens.count), degrees = Marks(count: tokens.count)
        var nameSet: Set<Range<Int>> = [], degreeSet: Set<Range<Int>> = []
        for index in order {
            var c = viable[index]
            let v = c.value
            if !nameSet.contains(v.name) && names.overlaps(v.name) { continue }
            if positions.overlaps(v.name) { continue }
            if v.positions.contains(where: { names.overlaps($0) }) { continue }
            c.value.positions = v.positions.filter { !positions.overlaps($0) }
            if let h = v.honorifics, names.overlaps(h) { c.value.honorifics = nil }
            if let d = v.degrees, !degreeSet.contains(d) && degrees.overlaps(d) { c.value.degrees = nil }
            taken.append(c)
            names.insert(c.value.name)
            nameSet.insert(c.value.name)
            for p in c.value.positions { positions.insert(p) }
            if let d = c.value.degrees {
                degrees.insert(d)
                degreeSet.insert(d)
            }
        }
        // A reading that needs support stands if a firmer one reads the same name or a longer name contains it.
        var firmRuns: Set<[String]> = []
        if taken.contains(where: \.value.needsSupport) {
            // Every run of words of a firm name, so that asking whether one contains a name is one lookup.
            for o in taken where !o.value.needsSupport {
                let words = nameWords(o.value.name, tokens)
                for start in words.indices { for end in (start + 1)...words.count { firmRuns.insert(Array(words[start..<end])) } }
            }
        }
        taken.removeAll { c in
            guard c.value.needsSupport else { return false }
            // The tagger reading a person in the same words is support enough where nothing but punctuation stands
            // before them ("Sufmi menegaskan"; not "semangat Samorastra menegaskan", "perusahaan IT Medblock").
            let before = PersonRules.previousIndex(c.value.name.lowerBound, tokens, throughDot: false)
            if before.map({ tokens[$0].isPunct }) ?? true,
               NameTags.overlapping(c.value.name, in: analysis.names.persons).contains(where: { $0.lowerBound <= c.value.name.lowerBound
                   && $0.upperBound >= c.value.name.upperBound }) { return false }
            return !firmRuns.contains(nameWords(c.value.name, tokens))
        }
        let all = taken.sorted { $0.value.name.lowerBound < $1.value.name.lowerBound }

        // Step 3.
        var people: [Resolved] = []
        var lastSeen: [Int] = []
        var index = PeopleIndex()
        for c in all {
            let words = nameWords(c.value.name, tokens)
            if let p = match(words, people, lastSeen, index, at: c.value.name.lowerBound) {
                if people[p].mentions.last != c.value.name { people[p].mentions.append(c.value.name) }
                people[p].found.append(c)
                if words.count > people[p].words.count {
                    people[p].words = words
                    people[p].name = Casing.joined(tokens[c.value.name])
                    index.add(p, words: words)
                }
                lastSeen[p] = c.value.name.lowerBound
            } else {
                index.add(people.count, words: words)
                people.append(Resolved(name: Casing.joined(tokens[c.value.name]), words: words, mentions: [c.value.name], found: [c]))
                lastSeen.append(c.value.name.lowerBound)
            }
        }

        linkNicknames(&people, &lastSeen, tokens, analysis.lexicons)
        // Nicknames added words, and merging renumbered the people.
        index = PeopleIndex()
        for p in people.indices { index.add(p, words: people[p].words, aliases: people[p].aliases) }

        // Step 4.
        if !people.isEmpty {
            var covered = [Bool](repeating: false, count: tokens.count)
            for mention in people.flatMap(\.mentions) { for j in mention { covered[j] = true } }
            // A mention's first word is a word of the person's name, or of a nickname.
            let nameWordSet = Set(people.flatMap(\.words) + people.flatMap(\.aliases).flatMap { $0 })
            var i = 0
            while i < tokens.count {
                guard !facts[i].isDisjoint(with: [.nameWord, .capsInitials]), !covered[i] else { i += 1; continue }
                let run = nameRun(from: i, tokens, facts)
                guard nameWordSet.contains(tokens[i].norm) else { i = run.upperBound; continue }
                var end = run.upperBound
                let titled = inTitleLine(i)
                var hit: Int? = nil
                while end > i {
                    let words = nameWords(i..<end, tokens)
                    // A lone initial ("I" of "Kelas I") is no mention of "I Made Sudarta".
                    if words.contains(where: { $0.count >= 3 }), let p = match(words, people, lastSeen, index, at: i, shorterOnly: true) {
                        hit = p
                        break
                    }
                    if !titled { break }
                    end = PersonRules.significant(i..<end, tokens).dropLast().last.map { $0 + 1 } ?? i
                }
                if let p = hit, !covered[i..<end].contains(true) {
                    people[p].mentions.append(i..<end)
                    lastSeen[p] = max(lastSeen[p], i)
                }
                i = run.upperBound
            }
            for p in people.indices { people[p].mentions.sort { $0.lowerBound < $1.lowerBound } }
            people.sort { $0.mentions[0].lowerBound < $1.mentions[0].lowerBound }
        }
        return (people, all)
    }

    /// Which of `words` (norms) the document also writes in lowercase.
    private func writtenInLowercase<Words: Sequence<String>>(_ words: Words, _ tokens: [Token]) -> Set<String> {
        let asked = Set(words)
        guard !asked.isEmpty else { return [] }
        // Only a word of an asked length is looked up: hashing it costs more than the test.
        var lengths: UInt64 = 0
        for word in asked { lengths |= 1 << min(word.utf8.count, 63) }
        var found: Set<String> = []
        for i in tokens.indices where tokens[i].kind == .word && !tokens[i].shape.contains(.initialUpper)
            && lengths & 1 << min(tokens[i].norm.utf8.count, 63) != 0 && asked.contains(tokens[i].norm) {
            found.insert(tokens[i].norm)
        }
        return found
    }

    /// Words the document writes as places or in an organisation's abbreviation: right after "di" or a word for
    /// a region or village ("di Raci", "Desa Hambalang"), unless that word ends a position ("Kepala Desa Budi"),
    /// and inside parentheses beside an acronym ("(IKA Unpad)").
    private func placeWords(_ tokens: [Token]) -> Set<String> {
        var places: Set<String> = []
        var previous: Int? = nil
        var parenthesis: [Int]? = nil
        for i in tokens.indices where !tokens[i].isSpace {
            defer { previous = i }
            if tokens[i].word == openParenthesis { parenthesis = [] } else if tokens[i].word == closeParenthesis, let inside = parenthesis {
                if inside.count <= 4, inside.contains(where: { tokens[$0].shape.contains(.allUpper) && tokens[$0].norm.count >= 2 }) {
                    places.formUnion(inside.filter { !tokens[$0].shape.contains(.allUpper) }.map { tokens[$0].norm })
                }
                parenthesis = nil
            } else if parenthesis != nil {
                if tokens[i].kind == .word { parenthesis?.append(i) } else { parenthesis = nil }
            }
            guard let p = previous, tokens[i].kind == .word, tokens[i].shape.contains(.initialUpper),
                  placeMarkerIDs.contains(tokens[p].word) else { continue }
            if let before = PersonRules.previousIndex(p, tokens), vocabulary.classes(tokens[before]).contains(.position) { continue }
            places.insert(tokens[i].norm)
        }
        return places
    }

    private static let placeMarkers = ["di", "desa", "kelurahan", "kecamatan", "kabupaten", "kota", "provinsi", "kampung", "dusun", "pulau"]

    /// The person that a name with these words belongs to: one whose name contains them as a contiguous run
    /// (or, unless `shorterOnly`, whose name they contain, or the one person whose name word a one-word name
    /// shortens), preferring the most recently mentioned one.
    /// Only the people `index` finds for `words` are asked, so linking stays linear in the number of people a
    /// document names.
    private func match(_ words: [String], _ people: [Resolved], _ lastSeen: [Int], _ index: PeopleIndex, at position: Int,
                       shorterOnly: Bool = false) -> Int? {
        // A one-word nickname cut from one person's name ("Pras" for "Didik Prasetya Adi").
        if !shorterOnly, words.count == 1, words[0].count >= 4, !index.holding(words[0]).contains(where: { people[$0].words.contains(words[0]) }) {
            let owners = index.startingLike(words[0]).filter { p in people[p].words.contains { $0.count > words[0].count && $0.hasPrefix(words[0]) } }
            if owners.count == 1 { return owners[0] }
        }
        var best: Int? = nil
        for p in index.candidates(words, shorterOnly: shorterOnly) {
            let person = people[p]
            let fits = contains(person.words, words) || !shorterOnly && contains(words, person.words) || person.aliases.contains(words)
            guard fits else { continue }
            if let b = best {
                let before = lastSeen[p] <= position, bestBefore = lastSeen[b] <= position
                if before && (!bestBefore || lastSeen[p] > lastSeen[b]) { best = p }
            } else {
                best = p
            }
        }
        return best
    }

    /// Step 3b: nicknames. "Joko Widodo (Jokowi)" and "Joko Widodo, yang akrab disapa Jokowi" (a cue of
    /// `nickname-cues.txt`) give the nickname of the person just named: it is one more mention of that person, a
    /// person read from the nickname alone joins the fuller one, and later mentions of the nickname link to it.
    private func linkNicknames(_ people: inout [Resolved], _ lastSeen: inout [Int], _ tokens: [Token], _ lexicons: Lexicons) {
        let cues = lexicons["nickname-cues"]
        var owner: [Int: Int] = [:]  // mention start -> person
        for (p, person) in people.enumerated() { for m in person.mentions { owner[m.lowerBound] = p } }
        var merged: [Int: Int] = [:]  // person -> the person it joined
        for p in people.indices where merged[p] == nil {
            for m in people[p].mentions {
                guard var i = PersonRules.nextIndex(m.upperBound, tokens) else { continue }
                var closing: String? = nil
                if tokens[i].norm == "(" {
                    closing = ")"
                } else {
                    if tokens[i].norm == "," { i = PersonRules.nextIndex(i + 1, tokens) ?? i }
                    guard let cue = cues.longestMatch(in: tokens, at: i) else { continue }
                    i = cue.end - 1
                }
                guard let start = PersonRules.nextIndex(i + 1, tokens) else { continue }
                // One to three capitalized words, then the closing parenthesis when there was an opening one.
                var end = start, k = start, count = 0
                while k < tokens.count, count < 3, tokens[k].kind == .word, tokens[k].shape.contains(.initialUpper) {
                    count += 1
                    end = k + 1
                    guard let next = PersonRules.nextIndex(k + 1, tokens) else { break }
                    k = next
                }
                guard count > 0 else { continue }
                if let closing { guard let after = PersonRules.nextIndex(end, tokens), tokens[after].norm == closing else { continue } }
                let nick = nameWords(start..<end, tokens)
                guard !contains(people[p].words, nick), !people[p].aliases.contains(nick) else { continue }
                people[p].aliases.append(nick)
                if let q = owner[start], q != p, merged[q] == nil, people[q].words == nick {
                    // A person read from the nickname alone is this one.
                    people[p].mentions += people[q].mentions
                    people[p].found += people[q].found
                    lastSeen[p] = max(lastSeen[p], lastSeen[q])
                    merged[q] = p
                } else if owner[start] == nil {
                    people[p].mentions.append(start..<end)
                }
            }
        }
        // A person read elsewhere from a nickname alone ("Kata Ojan") is the one the nickname belongs to.
        var byWords: [[String]: [Int]] = [:]
        if people.contains(where: { !$0.aliases.isEmpty }) { for q in people.indices { byWords[people[q].words, default: []].append(q) } }
        for p in people.indices where merged[p] == nil && !people[p].aliases.isEmpty {
            // The people named by a nickname, in the order they were first named.
            let named = Set(people[p].aliases.flatMap { byWords[$0] ?? [] }).sorted()
            for q in named where q != p && merged[q] == nil {
                people[p].mentions += people[q].mentions
                people[p].found += people[q].found
                lastSeen[p] = max(lastSeen[p], lastSeen[q])
                merged[q] = p
            }
        }
        guard !merged.isEmpty else { return }
        let keep = people.indices.filter { merged[$0] == nil }
        people = keep.map { people[$0] }
        lastSeen = keep.map { lastSeen[$0] }
    }

    private func contains(_ whole: [String], _ part: [String]) -> Bool {
        guard !part.isEmpty, part.count <= whole.count else { return false }
        for start in 0...(whole.count - part.count) where whole[start..<(start + part.count)].elementsEqual(part) { return true }
        return false
    }

    /// The words of a name, lowercase, without the dots of initials.
    private func nameWords(_ range: Range<Int>, _ tokens: [Token]) -> [String] {
        range.compactMap { i in tokens[i].kind == .word ? tokens[i].norm : nil }
    }

    /// The run of name words, initials and particles starting at `start` (what `PersonRules` reads as a name).
    private func nameRun(from start: Int, _ tokens: [Token], _ facts: [TokenFacts]) -> Range<Int> {
        var end = start
        var i = start
        while i < tokens.count {
            if tokens[i].isSpace {
                if tokens[i].kind == .newline { break }
                i += 1
                continue
            }
            if !facts[i].isDisjoint(with: [.nameWord, .capsInitials]) {
                i += 1
            } else if facts[i].contains(.initial), i + 1 < tokens.count, tokens[i + 1].norm == "." {
                i += 2
            } else {
                break
            }
            end = i
        }
        return start..<max(end, start + 1)
    }

    /// Token ranges of lines written in Title Case (headlines, subheadings): four to twenty words, nearly all
    /// capitalized (body sentences full of names and offices are longer), no final stop, not the whole text.
    /// The document's headline is one too.
    private func titleCaseLines(_ analysis: Analysis) -> [Range<Int>] {
        let tokens = analysis.text.tokens
        var lines: [Range<Int>] = []
        var start = 0
        var words = 0, capitalized = 0
        var last: Int? = nil
        func close(_ end: Int) {
            // A sentence of a paragraph ends with a stop; a headline does not, and it stands on a line of its own.
            guard last.map({ ![".", ","].contains(tokens[$0].norm) }) ?? false, start > 0 || end < tokens.count else { return }
            if (4...20).contains(words), capitalized * 4 >= words * 3 { lines.append(start..<end) }
        }
        for i in tokens.indices {
            if tokens[i].kind == .newline {
                close(i)
                start = i + 1
                words = 0
                capitalized = 0
                last = nil
            } else if !tokens[i].isSpace {
                last = i
                if tokens[i].kind == .word, tokens[i].shape.contains(.hasLetter) {
                    words += 1
                    if tokens[i].shape.contains(.initialUpper) { capitalized += 1 }
                }
            }
        }
        close(tokens.count)
        if let headline = analysis.document.headline {
            if let first = tokens.indices.first(where: { tokens[$0].start >= headline.span.start }),
               let last = tokens.indices.last(where: { tokens[$0].end <= headline.span.end }), first <= last {
                lines.append(first..<(last + 1))
            }
        }
        return lines
    }
}
