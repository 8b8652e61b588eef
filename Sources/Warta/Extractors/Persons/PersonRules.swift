/// Rules for people named in the text, with the honorifics before the name, the degrees after it and
/// the position next to it. Productions return token ranges; the extractor builds persons and titles.
struct PersonValue: Sendable {
    var name: Range<Int>
    var honorifics: Range<Int>?
    var degrees: Range<Int>?
    var position: Range<Int>?
}

enum PersonRules {
    /// A capitalized word of a name, not an honorific or a position word.
    static let nameWord = Element.check("name word") { t in
        t.kind == .word && t.shape.contains(.initialUpper) && !t.shape.contains(.allUpper)
    }
    /// "M." in "M. Ishak Ismail": an initial.
    static let initial = Element.group(
        Element.check("initial") { $0.kind == .word && $0.shape.contains(.allUpper) && $0.text.count <= 2 },
        Element.word(".").attachedToPrevious)
    static let name = Element.either(nameWord, initial).repeated(1...6).as("name")
    static let degrees = Element.group(Element.word(","), Element.lexicon("degrees")).repeated(1...6).as("degrees")
    static let honorifics = Element.lexicon("honorifics").repeated(1...5).as("honorifics")
    static let position = Element.group(
        Element.lexicon("positions"),
        Element.check("position word") { t in
            t.kind == .word && (t.shape.contains(.initialUpper) || ["dan", "dan", "antar", "non"].contains(t.norm))
        }.repeated(0...14)
    ).as("position")

    static let all: [Rule<PersonValue>] = [
        Rule(
            "person.position_comma_name",
            "A position, a comma, then the holder's name (with honorifics and degrees): \"Kepala Kantor ..., Bapak Akbar Drajat Bogitara,\"",
            pattern: [position, .word(","), honorifics.optional, name, degrees.optional],
            examples: [
                .match("⟦Plt Kepala Kantor Imigrasi Kelas I TPI Bengkulu, Imam Setiawan⟧, menghadiri", "Imam Setiawan"),
                .match("dari ⟦Kepala Kantor Imigrasi Kelas II TPI Sibolga, Bapak Akbar Drajat Bogitara⟧, yang", "Akbar Drajat Bogitara"),
                .noMatch("Kepala Kantor Imigrasi Kelas II TPI Sibolga, yang baru dilantik, hadir."),
            ],
            produce: { m in
                guard let name = m["name"] else { return nil }
                return PersonValue(name: name.range, honorifics: m["honorifics"]?.range, degrees: m["degrees"]?.range,
                                   position: m["position"]?.range)
            }
        ),
        Rule(
            "person.honorific_name",
            "Honorifics, a name and optional degrees: \"Bapak Nurkholis, S.H., M.H.\"",
            pattern: [honorifics, name, degrees.optional],
            examples: [
                .match("diwakili oleh ⟦Bapak Nurkholis, S.H., M.H.⟧ Beliau memaparkan", "Nurkholis"),
                .match("diwakili oleh ⟦Bapak M. Ishak Ismail⟧.", "M. Ishak Ismail"),
                .noMatch("Bapak dan Ibu peserta"),
            ],
            produce: { m in
                guard let name = m["name"] else { return nil }
                return PersonValue(name: name.range, honorifics: m["honorifics"]?.range, degrees: m["degrees"]?.range, position: nil)
            }
        ),
    ]
}
