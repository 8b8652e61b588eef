/// Articles written together, to be attached to the act they are cited with: "Pasal 81 ayat (1) jo Pasal 76D",
/// "Pasal 12 huruf e", "Pasal 5 sampai dengan Pasal 7". Which act they belong to is settled by
/// `DecreeExtractor.attach(_:to:in:lexicons:)`.
struct ArticleRun: Sendable {
    var articles: [Article]

    /// "81 (1) | 76D", as traces and rule examples write a run.
    var summary: String {
        articles.map { a in a.article + (a.paragraph.map { " (\($0))" } ?? "") + (a.letter.map { " " + $0 } ?? "") }
            .joined(separator: " | ")
    }
}

enum ArticleRules {
    static let pasal = Element.group(Element.word("pasal", "psl"), Element.word(".").attachedToPrevious.optional)
    /// "81", "76D", "27a".
    static let articleNumber = Element.check("article number") { isNumbered($0, letters: 1) }
    /// "1", "2a".
    static let paragraphNumber = Element.check("paragraph number") { isNumbered($0, letters: 1) }
    static let paragraph = Element.either(
        Element.group(Element.word("("), paragraphNumber, Element.word(")")),
        paragraphNumber)
    /// The "e" of "huruf e".
    static let letter = Element.check("letter") { $0.kind == .word && $0.text.unicodeScalars.count == 1 && $0.shape.contains(.hasLetter) }
    /// A numbered item of an article or paragraph: "ke-2" (the old criminal code's numbering), "angka 12", "butir 3".
    static let item = Element.either(
        Element.group(Element.word("ke"), Element.word("-").attachedToPrevious, Element.digits(1...3).attachedToPrevious),
        Element.group(Element.word("angka", "butir"), Element.digits(1...3)))
    /// "dan", "serta", "atau", "dan/atau", a comma.
    static let listWord = Element.either(
        Element.group(Element.word("dan"), Element.word("/").attachedToPrevious, Element.word("atau").attachedToPrevious),
        Element.word(",", "dan", "serta", "atau"))
    /// "sampai dengan", "s.d.", "s/d", "hingga", "-".
    static let rangeWord = Element.either(
        Element.group(Element.word("sampai"), Element.word("dengan")),
        Element.group(Element.word("s"), Element.word("/").attachedToPrevious, Element.word("d").attachedToPrevious,
                      Element.word(".").attachedToPrevious.optional),
        Element.group(Element.word("s.d", "sd"), Element.word(".").attachedToPrevious.optional),
        Element.word("hingga", "-"))
    /// Between two values of one level: a list or a range.
    static let joiner = Element.either(rangeWord, Element.group(listWord, listWord.optional))
    /// Between two articles: also "jo", "juncto", and the counts of a charge ("subsidair", "lebih subsidair").
    static let articleJoiner = Element.either(
        rangeWord,
        Element.group(connector, connector.optional, connector.optional))
    static let connector = Element.either(
        Element.group(Element.word("jo", "juncto", "junto", "jis", "j.o"), Element.word(".").attachedToPrevious.optional),
        listWord,
        Element.word("subsidair", "subsidiair", "subsider", "primair", "primer", "lebih"))

    static let paragraphs = Element.group(
        Element.word("ayat"), paragraph,
        Element.group(joiner, Element.word("ayat").optional, paragraph).repeated(0...8))
    static let letters = Element.group(
        Element.word("huruf"), letter,
        Element.group(joiner, Element.word("huruf").optional, letter).repeated(0...8))
    static let items = Element.group(item, Element.group(joiner, item).repeated(0...4))
    static let article = Element.group(articleNumber, paragraphs.optional, letters.optional, items.optional)

    static let all: [Rule<ArticleRun>] = [
        Rule(
            "decree.articles",
            "Articles cited together (Pasal, ayat, huruf, ke-N; joined by jo, dan, atau, ranges), attached to the numbered act written right after them (or right before them)",
            pattern: [pasal, article, Element.group(articleJoiner, pasal.optional, article).repeated(0...16)],
            examples: [
                .match("dijerat ⟦Pasal 81 ayat (1) jo Pasal 76D⟧ Undang-Undang Nomor 17 Tahun 2016 tentang Perlindungan Anak.",
                       "81 (1) | 76D → Undang-Undang 17/2016"),
                .match("melanggar ⟦Pasal 12 huruf e⟧ UU Nomor 20 Tahun 2001.", "12 e → Undang-Undang 20/2001"),
                .match("dikenai ⟦Pasal 28 ayat (2) huruf b⟧ Peraturan Pemerintah Nomor 94 Tahun 2021.", "28 (2) b → Peraturan Pemerintah 94/2021"),
                .match("⟦Pasal 114 ayat (1) dan Pasal 112 ayat (1)⟧ Undang-Undang Nomor 35 Tahun 2009", "114 (1) | 112 (1) → Undang-Undang 35/2009"),
                .match("diatur ⟦Pasal 5 sampai dengan Pasal 7⟧ UU No. 6/2011.", "5 | 6 | 7 → Undang-Undang 6/2011"),
                .match("diatur ⟦Pasal 5 s.d. 7⟧ Permenkumham Nomor 6 Tahun 2019.", "5 | 6 | 7 → Peraturan Menteri 6/2019"),
                .match("didakwa ⟦Pasal 2 ayat (1) juncto Pasal 18⟧ UU Nomor 31 Tahun 1999 jo Pasal 55 ayat (1) ke-1 KUHP.",
                       "2 (1) | 18 → Undang-Undang 31/1999"),
                .match("sebagaimana ⟦Pasal 5 ayat (1) dan (2)⟧ Perpres Nomor 5 Tahun 2020", "5 (1) | 5 (2) → Peraturan Presiden 5/2020"),
                .match("yakni ⟦Pasal 3 huruf a, b, dan c⟧ UU Nomor 1 Tahun 2023", "3 a | 3 b | 3 c → Undang-Undang 1/2023"),
                .match("yakni ⟦Pasal 27 ayat 3⟧ UU No 11 Tahun 2008", "27 (3) → Undang-Undang 11/2008"),
                .match("primair ⟦Pasal 2 ayat (1) subsidair Pasal 3⟧ UU Nomor 31 Tahun 1999", "2 (1) | 3 → Undang-Undang 31/1999"),
                .match("definisi dalam ⟦Pasal 1 angka 12⟧ UU Nomor 6 Tahun 2011", "1 12 → Undang-Undang 6/2011"),
                .match("sesuai Permenpan-RB Nomor 6 Tahun 2024 ⟦Pasal 58⟧, pelamar", "58 → Peraturan Menteri 6/2024"),
                .match("sesuai ⟦Pasal 56 ke-2⟧ UU Nomor 1 Tahun 2023", "56 2 → Undang-Undang 1/2023"),
                .noMatch("melanggar Pasal 5 ayat 2 dan UU Keimigrasian"),
                .noMatch("dijerat Pasal 340 KUHP tentang pembunuhan berencana"),
                .noMatch("sebagaimana dimaksud dalam Pasal 5 ayat (1), petugas"),
                .noMatch("pedagang daring dipungut Pajak Penghasilan Pasal 22 sejak Juli"),
                .noMatch("tarif PPh Pasal 21 dalam PMK Nomor 168 Tahun 2023 berlaku"),
                .noMatch("insentif PPh Final Pasal 4 ayat (2) PP Nomor 55 Tahun 2022"),
                .noMatch("UU Nomor 31 Tahun 1999 jo Pasal 55 ayat (1) ke-1 KUHP"),
            ],
            produce: { m in
                guard !guarded(m) else { return nil }
                let articles = parse(m.document.tokens[m.tokens])
                return articles.isEmpty ? nil : ArticleRun(articles: articles)
            }
        ),
    ]

    /// Whether an entry of `article-guards.txt` ends right before the match: "PPh Pasal 21" names a tax.
    static func guarded(_ m: Match) -> Bool {
        let tokens = m.document.tokens
        let guards = m.lexicons["article-guards"]
        var k = m.tokens.lowerBound
        for _ in 0..<3 {
            k -= 1
            while k >= 0, tokens[k].kind == .space { k -= 1 }
            guard k >= 0, !tokens[k].isSpace else { return false }
            if let found = guards.longestMatch(in: tokens, at: k), found.end <= m.tokens.lowerBound,
               tokens[found.end..<m.tokens.lowerBound].allSatisfy(\.isSpace) {
                return true
            }
        }
        return false
    }

    /// A number with at most `letters` letters after its digits ("76D", "2a"), or plain digits.
    static func isNumbered(_ token: Token, letters: Int) -> Bool {
        guard token.kind == .number || token.kind == .word, token.shape.contains(.hasDigit) else { return false }
        let scalars = token.text.unicodeScalars
        let digits = scalars.prefix { $0.isASCII && $0.properties.numericType != nil }.count
        guard (1...4).contains(digits) else { return false }
        let rest = scalars.dropFirst(digits)
        return rest.count <= letters && rest.allSatisfy { $0.isASCII && $0.properties.isAlphabetic }
    }

    private enum Level { case article, paragraph, letter }

    /// The articles a run names, in the order written. Each value opens a level ("Pasal", "ayat", "huruf",
    /// "ke-"/"angka") or, written bare after "dan" or a comma, continues the level before it. A value at a
    /// level already filled is a sibling ("ayat (1) dan (2)"); a range ("Pasal 5 sampai dengan Pasal 7",
    /// "huruf a s.d. c") lists every value between its ends when both are plain and at most 20 apart.
    static func parse(_ tokens: ArraySlice<Token>) -> [Article] {
        let words = tokens.filter { !$0.isSpace }
        var out: [Article] = []
        var current: Article? = nil
        var pending = false  // `current` is not in `out` yet
        var level = Level.article
        var announced: Level? = nil
        var range = false
        func emit() {
            if pending, let current { out.append(current) }
            pending = false
        }
        /// The values strictly between `from` and `to` ("5", "7" -> "6"; "a", "d" -> "b", "c").
        func between(_ from: String?, _ to: String) -> [String] {
            guard let from else { return [] }
            if let a = Int(from), let b = Int(to), b > a, b - a <= 20 { return (a + 1..<b).map(String.init) }
            if let a = from.unicodeScalars.first, let b = to.unicodeScalars.first, from.count == 1, to.count == 1,
               a.isASCII, b.isASCII, b.value > a.value, b.value - a.value <= 20, a.properties.isLowercase, b.properties.isLowercase {
                return (a.value + 1..<b.value).compactMap { Unicode.Scalar($0).map { String($0) } }
            }
            return []
        }
        func set(_ value: String, at target: Level) {
            let wasRange = range
            range = false
            switch target {
            case .article:
                emit()
                let previous = current
                if wasRange, let previous, previous.paragraph == nil, previous.letter == nil {
                    for middle in between(previous.article, value) { out.append(Article(article: middle)) }
                }
                current = Article(article: value)
            case .paragraph:
                guard var c = current else { return }
                if pending, c.paragraph == nil, c.letter == nil {
                    c.paragraph = value
                } else {
                    emit()
                    if wasRange, c.letter == nil {
                        for middle in between(c.paragraph, value) { out.append(Article(article: c.article, paragraph: middle)) }
                    }
                    c.paragraph = value
                    c.letter = nil
                }
                current = c
            case .letter:
                guard var c = current else { return }
                if pending, c.letter == nil {
                    c.letter = value
                } else {
                    emit()
                    if wasRange {
                        for middle in between(c.letter, value) { out.append(Article(article: c.article, paragraph: c.paragraph, letter: middle)) }
                    }
                    c.letter = value
                }
                current = c
            }
            pending = true
            level = target
        }
        var i = 0
        while i < words.count {
            let w = words[i]
            defer { i += 1 }
            switch w.norm {
            case "pasal", "psl": announced = .article
            case "ayat": announced = .paragraph
            case "huruf", "angka", "butir": announced = .letter
            case "ke" where i + 1 < words.count && words[i + 1].norm == "-":
                announced = .letter
                i += 1  // the hyphen of "ke-2" is no range
            case "sampai", "hingga", "s.d", "sd", "-": range = true
            case "s" where i + 2 < words.count && words[i + 1].norm == "/" && words[i + 2].norm == "d":
                range = true
                i += 2
            case "(", ")", ".", ",", "/", "dengan", "dan", "serta", "atau", "jo", "juncto", "junto", "jis", "j.o",
                 "subsidair", "subsidiair", "subsider", "primair", "primer", "lebih":
                break
            default:
                let target = announced ?? (level == .letter && !w.shape.contains(.hasDigit) ? .letter : level)
                announced = nil
                switch target {
                case .article: set(w.text.uppercased(), at: .article)
                case .paragraph: set(w.text, at: .paragraph)
                case .letter: set(w.shape.contains(.hasDigit) ? w.text : w.text.lowercased(), at: .letter)
                }
            }
        }
        emit()
        return out
    }
}
