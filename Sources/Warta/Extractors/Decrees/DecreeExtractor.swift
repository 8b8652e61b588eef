/// Finds citations of regulations, decrees, letters and court rulings, and the articles cited with them.
/// Runs before dates, which skip what it claims (the "Tahun 2019" of a citation is not a date).
struct DecreeExtractor: FieldExtractor {
    let ruleSet: RuleSet<DecreeValue>
    let articleSet: RuleSet<ArticleRun>

    init(lexicons: Lexicons) { self.init(lexicons: lexicons, namedActs: false) }

    /// With `namedActs`, acts named without their number ("UU Tipikor") are decrees too (`Extractor.Options`).
    init(lexicons: Lexicons, namedActs: Bool) {
        ruleSet = RuleSet(DecreeRules.all(lexicons: lexicons, namedActs: namedActs), lexicons: lexicons)
        articleSet = RuleSet(ArticleRules.all, lexicons: lexicons)
    }

    var rules: [RuleInfo] { ruleSet.infos(field: "decrees") + articleSet.infos(field: "decrees") }

    func run(_ analysis: inout Analysis) {
        let tokens = analysis.text.tokens
        let found = resolveOverlaps(ruleSet.candidates(in: analysis.text, lexicons: analysis.lexicons))
        let items = DecreeExtractor.settle(found, in: tokens, lexicons: analysis.lexicons)
        let runs = resolveOverlaps(articleSet.candidates(in: analysis.text, lexicons: analysis.lexicons))
        let owners = DecreeExtractor.attach(runs, to: items, in: tokens, lexicons: analysis.lexicons)
        var articles = Array(repeating: [Article](), count: items.count)
        for (run, owner) in zip(runs, owners) {
            if let owner { articles[owner] += run.value.articles }
        }
        for (item, cited) in zip(items, articles) {
            let v = item.value
            let span = analysis.span(item.tokens)
            analysis.document.decrees.append(Decree(span: span, type: v.type, issuer: v.issuer, number: v.number,
                                                    year: v.year, subject: v.subject, articles: cited, rule: item.rule))
            analysis.claim(span.start..<span.end)
            analysis.trace("decrees", item.rule, span, tokens: item.tokens, v.summary)
        }
        for (run, owner) in zip(runs, owners) {
            guard let owner else { continue }
            let span = analysis.span(run.tokens)
            analysis.claim(span.start..<span.end)
            let act = items[owner].value
            analysis.trace("decrees", run.rule, span, tokens: run.tokens,
                           run.value.summary + " → " + act.type + " " + act.number + (act.year.map { "/\($0)" } ?? ""))
        }
    }

    /// Words between articles and their act: "Pasal 5 dalam UU Nomor ...".
    private static let articleActLinks: Set<String> = ["dari", "dalam"]

    /// For each run of articles, the index in `items` of the act it is cited with, or nil:
    /// - the act written right after the run (after "dari"/"dalam" at most): "Pasal 81 ayat (1) UU Nomor 17
    ///   Tahun 2016";
    /// - when an act without a number follows instead ("Pasal 55 ayat (1) ke-1 KUHP", "Pasal 5 UU Pemilu",
    ///   any `named-acts.txt` or `decree-types.txt` form), the run is that act's: nil, never an act before it;
    /// - else the act the run follows with only spaces between: "Permenpan-RB Nomor 6 Tahun 2024 Pasal 58";
    /// - nothing else: "sebagaimana dimaksud dalam Pasal 5" cites no act.
    static func attach(_ runs: [Candidate<ArticleRun>], to items: [Item], in tokens: [Token], lexicons: Lexicons) -> [Int?] {
        var byStart: [Int: Int] = [:], byEnd: [Int: Int] = [:]
        for (k, item) in items.enumerated() {
            if byStart[item.tokens.lowerBound] == nil { byStart[item.tokens.lowerBound] = k }
            byEnd[item.tokens.upperBound] = k
        }
        /// The next significant token at or after `i` on the same line.
        func next(_ i: Int) -> Int? {
            var j = i
            while j < tokens.count, tokens[j].isSpace {
                if tokens[j].kind == .newline { return nil }
                j += 1
            }
            return j < tokens.count ? j : nil
        }
        var k = 0  // items before run `r` that end before it starts (both lists are in text order)
        return runs.map { run in
            while k < items.count, items[k].tokens.upperBound <= run.tokens.lowerBound { k += 1 }
            if k < items.count, items[k].tokens.lowerBound < run.tokens.upperBound { return nil }  // inside a citation
            if var j = next(run.tokens.upperBound) {
                if articleActLinks.contains(tokens[j].norm), let after = next(j + 1) { j = after }
                if let owner = byStart[j] { return owner }
                if lexicons["named-acts"].longestMatch(in: tokens, at: j) != nil
                    || lexicons["decree-types"].longestMatch(in: tokens, at: j) != nil { return nil }
            }
            var p = run.tokens.lowerBound
            while p > 0, tokens[p - 1].kind == .space { p -= 1 }
            return byEnd[p]
        }
    }

    /// One decree item: the rule that found it, its tokens and its value.
    struct Item {
        let rule: String
        let tokens: Range<Int>
        let value: DecreeValue
    }

    /// Turns the winning citations into items, in text order:
    /// - an elided citation ("... Nomor 348 Tahun 2024 dan Nomor 349 Tahun 2024") takes the type and
    ///   issuer of the citation it follows; with none right before it, it is dropped;
    /// - each citation reads its subject, the title after "tentang" (see `subject(after:in:citationStarts:lexicons:)`);
    /// - coordinated numbers ("Nomor 347, 348 dan 349 Tahun 2024") become one item each, with the type
    ///   and year shared: the first item spans the type to its number, the middle ones their number, the
    ///   last one its number to the year (and gets the subject).
    static func settle(_ found: [Candidate<DecreeValue>], in tokens: [Token], lexicons: Lexicons) -> [Item] {
        let starts = Set(found.map(\.tokens.lowerBound))
        var items: [Item] = []
        var previous: Candidate<DecreeValue>? = nil
        for var citation in found {
            if citation.value.elided {
                guard let before = previous, follows(citation.tokens.lowerBound, before.tokens.upperBound, in: tokens) else { continue }
                citation.value.type = before.value.type
                citation.value.issuer = before.value.issuer
            }
            previous = citation
            let subject = subject(after: citation.tokens.upperBound, in: tokens, citationStarts: starts, lexicons: lexicons)
            var value = citation.value
            let extra = value.coordinated
            value.coordinated = []
            guard !extra.isEmpty else {
                value.subject = subject
                items.append(Item(rule: citation.rule, tokens: citation.tokens, value: value))
                continue
            }
            items.append(Item(rule: citation.rule, tokens: citation.tokens.lowerBound..<value.numberTokens.upperBound, value: value))
            for (k, range) in extra.enumerated() {
                var one = value
                one.number = tokens[range.lowerBound].text
                let isLast = k == extra.count - 1
                if isLast { one.subject = subject }
                items.append(Item(rule: citation.rule, tokens: isLast ? range.lowerBound..<citation.tokens.upperBound : range, value: one))
            }
        }
        return items
    }

    /// Whether only whitespace and one or two of "dan", "serta", "," stand between `end` and `start`.
    private static func follows(_ start: Int, _ end: Int, in tokens: [Token]) -> Bool {
        guard end <= start else { return false }
        var connectors = 0
        for i in end..<start where !tokens[i].isSpace {
            guard ["dan", "serta", ","].contains(tokens[i].norm) else { return false }
            connectors += 1
        }
        return (1...2).contains(connectors)
    }

    /// Words that may sit inside a Title Case title between capitalized words ("Visa dan Izin Tinggal",
    /// "Persidangan di Pengadilan secara Elektronik", "Perubahan atas Undang-Undang ... tentang ...").
    private static let titleConnectors: Set<String> = [
        "dan", "atau", "atas", "di", "dalam", "secara", "bagi", "selama", "untuk", "ke", "dari", "oleh", "terhadap",
        "melalui", "dengan", "sebagai", "tanpa", "antara", "antar", "mengenai", "tentang", "tahun", "nomor", "pada", "&",
        // "... Bukan Pajak yang Berlaku pada Kementerian ...": a relative clause in Title Case is still the title.
        "yang",
    ]
    /// Words that end a title whatever their case: an amendment clause, a date, an article.
    private static let titleEnds: Set<String> = ["sebagaimana", "tanggal", "tertanggal", "juncto", "jo", "pasal", "ayat"]
    /// Titles longer than this are not where a title ends but a run of capitalized text: no subject.
    private static let maxTitleWords = 40
    private static let maxLowercaseTitleWords = 16

    /// The title after "tentang" that follows a citation ending at token `end` (possibly after the act's
    /// date: "tanggal 8 Maret 2025 tentang ..."), up to its natural end: a comma (unless it separates the
    /// items of a list closed by "dan"), a sentence end, a clause word ("sebagaimana", "tanggal", "Pasal"),
    /// an opening parenthesis (unless around an acronym inside the title), or "dan"/"serta" before another
    /// citation. A Title Case title also ends at its first lowercase word that is not a connector between
    /// capitalized words ("yang berlaku sejak" ends it, "yang Berlaku pada" does not); a lowercase title
    /// runs to the clause end or "yang". A time after the title ("pada 2 Januari 2026", ", Selasa") ends
    /// it, and then a trailing "di" phrase is the place of the event, not the title ("... Jasa Tertentu di
    /// Bandar Seri Bentan, Selasa"). Nil when there is no title or its end cannot be told.
    static func subject(after end: Int, in tokens: [Token], citationStarts: Set<Int>, lexicons: Lexicons) -> String? {
        func next(_ i: Int) -> Int? {
            var j = i
            while j < tokens.count, tokens[j].isSpace {
                if tokens[j].kind == .newline { return nil }
                j += 1
            }
            return j < tokens.count ? j : nil
        }
        guard var i = next(end) else { return nil }
        if ["tanggal", "tertanggal", "tgl"].contains(tokens[i].norm) {
            // Skip the date of the act: numbers, a month, "Tahun", and "/" or "." between them.
            var skipped = 0
            while let j = next(i + 1), tokens[j].norm != "tentang", skipped < 7 {
                guard tokens[j].kind == .number || tokens[j].kind == .word || ["/", ".", "-"].contains(tokens[j].norm) else { return nil }
                i = j
                skipped += 1
            }
            guard let j = next(i + 1) else { return nil }
            i = j
        }
        guard tokens[i].norm == "tentang", let first = next(i + 1) else { return nil }
        let titleCase = tokens[first].shape.contains(.initialUpper) || tokens[first].kind == .number
        /// A day, a month or a number (a date) at significant token `k`.
        func isTime(_ k: Int?) -> Bool {
            guard let k else { return false }
            return tokens[k].kind == .number || lexicons["days"].longestMatch(in: tokens, at: k) != nil
                || lexicons["months"].longestMatch(in: tokens, at: k) != nil
        }
        /// Whether the comma at `comma` separates the items of a list inside the title, closed by "dan" or
        /// "atau": "Norma, Standar, Prosedur dan Kriteria Manajemen ASN" (short capitalized items only).
        func listGoesOn(after comma: Int) -> Bool {
            var k = comma, itemWords = 0
            for _ in 0..<16 {
                guard let n = next(k + 1) else { return false }
                k = n
                let t = tokens[k]
                if t.norm == "," {
                    itemWords = 0
                } else if ["dan", "atau"].contains(t.norm) {
                    return next(k + 1).map { tokens[$0].shape.contains(.initialUpper) && !citationStarts.contains($0) } ?? false
                } else if t.kind == .word, t.shape.contains(.initialUpper), itemWords < 4 {
                    itemWords += 1
                } else {
                    return false
                }
            }
            return false
        }
        var last: Int? = nil
        var beforePlace: Int? = nil  // the last title word before the latest "di"
        var timeFollows = false
        var words = 0
        var j = first
        scan: while j < tokens.count {
            let t = tokens[j]
            if t.kind == .newline { break }
            if t.kind == .space { j += 1; continue }
            words += 1
            if words > (titleCase ? maxTitleWords : maxLowercaseTitleWords) { return nil }
            if t.kind == .punct {
                let attached = j > 0 && !tokens[j - 1].isSpace && j + 1 < tokens.count && !tokens[j + 1].isSpace
                switch t.norm {
                case "-", "/", "&":
                    guard attached else { break scan }
                case ".":
                    // "PP No. 36 tahun 2023" inside a title; a dot before a new sentence ends it.
                    guard let k = next(j + 1), !tokens[k].shape.contains(.sentenceStart) else { break scan }
                case ",":
                    if titleCase, listGoesOn(after: j) { break }
                    timeFollows = next(j + 1).map { isTime($0) && tokens[$0].kind != .number } ?? false
                    break scan
                case "(":
                    timeFollows = isTime(next(j + 1))
                    // An acronym inside the title goes on: "Anggaran Pendapatan dan Belanja Negara (APBN) Tahun 2025".
                    guard let a = next(j + 1), tokens[a].shape.contains(.allUpper), let c = next(a + 1), tokens[c].norm == ")",
                          let after = next(c + 1), tokens[after].shape.contains(.initialUpper) || tokens[after].kind == .number
                    else { break scan }
                    last = c
                    j = c
                default:
                    break scan
                }
                j += 1
                continue
            }
            if titleEnds.contains(t.norm) || (!titleCase && t.norm == "yang") { break }
            if ["dan", "serta"].contains(t.norm), let k = next(j + 1), citationStarts.contains(k) { break }
            if t.shape.contains(.initialUpper) || t.kind == .number || !titleCase {
                last = j
            } else if !titleConnectors.contains(t.norm) {
                break
            } else if !["tahun", "nomor"].contains(t.norm), isTime(next(j + 1)) {
                timeFollows = true
                break
            } else if t.norm == "di" {
                beforePlace = last
            }
            j += 1
        }
        if timeFollows, let beforePlace { last = beforePlace }
        guard let last else { return nil }
        return Casing.joined(tokens[first...last])
    }
}
