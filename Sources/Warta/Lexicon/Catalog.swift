/// What one lexicon file holds: its name, the fields of a line, and a check of each line.
public struct LexiconSpec: Sendable {
    /// The name rules use ("months"); the file is `Models/<name>.txt`.
    public let name: String
    /// The TAB-separated fields of a line, for messages and the README ("written form, month number").
    public let fields: String
    /// How many fields a line may have.
    public let columns: ClosedRange<Int>
    /// Returns a message when a line's fields are not acceptable.
    let validate: (@Sendable ([String]) -> String?)?

    public var file: String { name + ".txt" }

    init(_ name: String, fields: String, columns: ClosedRange<Int>, validate: (@Sendable ([String]) -> String?)? = nil) {
        self.name = name
        self.fields = fields
        self.columns = columns
        self.validate = validate
    }
}

/// Every lexicon Warta reads, in one place. A rule names a lexicon by its `name`.
public enum Catalog {
    public static let all: [LexiconSpec] = [
        LexiconSpec("abbreviations", fields: "abbreviation with its dot, prefix|suffix", columns: 2...2) { f in
            ["prefix", "suffix"].contains(f[1]) ? nil : "second field must be 'prefix' (never ends a sentence) or 'suffix' (ends one before a capitalized word)"
        },
        LexiconSpec("months", fields: "written form, month number 1-12", columns: 2...2) { f in
            number(f[1], in: 1...12, what: "month number")
        },
        LexiconSpec("days", fields: "written form, ISO weekday 1 (Monday) - 7 (Sunday)", columns: 2...2) { f in
            number(f[1], in: 1...7, what: "weekday")
        },
        LexiconSpec("honorifics", fields: "written form, kind (address|religious|academic|nobility|rank|flag|corps|service|retired)", columns: 2...2) { f in
            ["address", "religious", "academic", "nobility", "rank", "flag", "corps", "service", "retired"].contains(f[1])
                ? nil : "unknown honorific kind '\(f[1])'"
        },
        LexiconSpec("degrees", fields: "degree as written", columns: 1...1),
        LexiconSpec("positions", fields: "position head word or phrase, kind (acting|open|full)", columns: 2...2) { f in
            ["acting", "open", "full"].contains(f[1]) ? nil : "unknown position kind '\(f[1])'"
        },
        LexiconSpec("office-types", fields: "written form, canonical type", columns: 2...2),
        LexiconSpec("office-classes", fields: "written class, canonical class", columns: 2...2) { f in
            officeClasses.contains(f[1]) ? nil : "canonical class must be one of \(officeClasses.joined(separator: ", "))"
        },
        LexiconSpec("decree-types", fields: "written form, canonical type, issuer (optional)", columns: 2...3),
        LexiconSpec("places", fields: "place name as a person writes it", columns: 1...1),
        LexiconSpec("speech-verbs", fields: "attribution verb, where the name stands (before|back|after)", columns: 2...2) { f in
            ["before", "back", "after"].contains(f[1]) ? nil : "unknown speech verb kind '\(f[1])'"
        },
        LexiconSpec("name-words", fields: "capitalized word that is not a name, kind (org|field|region|prefix|facility|common)", columns: 2...2) { f in
            ["org", "field", "region", "prefix", "facility", "common"].contains(f[1]) ? nil : "unknown name-word kind '\(f[1])'"
        },
        LexiconSpec("dateline-sources", fields: "news source or press office tag in a dateline", columns: 1...1),
    ]

    /// The classes the contract allows for an office.
    public static let officeClasses = ["I Khusus", "I", "II", "IIA", "IIB", "III", "IA Khusus", "IA", "IB", "Pratama", "Madya"]

    static func spec(forFile file: String) -> LexiconSpec? { all.first { $0.file == file } }

    private static func number(_ text: String, in range: ClosedRange<Int>, what: String) -> String? {
        if let n = Int(text), range.contains(n) { return nil }
        return "\(what) must be a number from \(range.lowerBound) to \(range.upperBound), found '\(text)'"
    }
}
