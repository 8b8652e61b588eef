/// What one lexicon file holds: its name, the fields of a line, and a check of each line.
struct LexiconSpec: Sendable {
    /// The name rules use ("months"); the file is `Models/<name>.txt`.
    let name: String
    /// The TAB-separated fields of a line, for messages and the README ("written form, month number").
    let fields: String
    /// How many fields a line may have.
    let columns: ClosedRange<Int>
    /// Whether rules match the entries as phrases over tokens. A word list read only as entries (by an
    /// extractor's own code) skips tokenizing and the phrase trie, which is most of start-up for a long list.
    let matched: Bool
    /// Whether `Lexicons` parses it at start-up. The register of regions is parsed by `RegionStore` when
    /// first needed instead: it is large, and most one-line runs never look a place up.
    let atStartUp: Bool
    /// Returns a message when a line's fields are not acceptable.
    let validate: (@Sendable ([String]) -> String?)?
    /// A file with a format of its own (the name tagger's weights), read by its own parser, not as entries.
    let raw: Bool
    /// The written forms of a line that rules match, when a line names more than its first field (an institution
    /// and its acronym and older names). Each form becomes an entry whose fields are the line's first field and
    /// then its other fields.
    let forms: (@Sendable (Lexicon.Entry) -> [String])?

    var file: String { name + ".txt" }

    init(_ name: String, fields: String, columns: ClosedRange<Int>, matched: Bool = true, atStartUp: Bool = true, raw: Bool = false,
         validate: (@Sendable ([String]) -> String?)? = nil, forms: (@Sendable (Lexicon.Entry) -> [String])? = nil) {
        self.name = name
        self.fields = fields
        self.columns = columns
        self.matched = matched
        self.raw = raw
        self.forms = forms
        self.atStartUp = atStartUp
        self.validate = validate
    }
}

/// Every lexicon Warta reads, in one place. A rule names a lexicon by its `name`.
enum Catalog {
    static let all: [LexiconSpec] = [
        LexiconSpec("abbreviations", fields: "abbreviation with its dot, prefix|suffix", columns: 2...2) { f in
            ["prefix", "suffix"].contains(f[1]) ? nil : "second field must be 'prefix' (never ends a sentence) or 'suffix' (ends one before a capitalized word)"
        },
        LexiconSpec("months", fields: "written form, month number 1-12, 'abbr' for an abbreviation (optional)", columns: 2...3) { f in
            number(f[1], in: 1...12, what: "month number") ?? (f.count == 3 && f[2] != "abbr" ? "third field must be 'abbr'" : nil)
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
        LexiconSpec("office-types", fields: "written form, canonical type, condition (optional: class|region|guarded|variant)", columns: 2...3) { f in
            f.count < 3 || ["class", "region", "guarded", "variant"].contains(f[2])
                ? nil : "condition must be 'class', 'region', 'guarded' or 'variant', found '\(f[2])'"
        },
        LexiconSpec("office-classes", fields: "written class, canonical class", columns: 2...2) { f in
            officeClasses.contains(f[1]) ? nil : "canonical class must be one of \(officeClasses.joined(separator: ", "))"
        },
        LexiconSpec("office-grades", fields: "grade written without Kelas, canonical class", columns: 2...2) { f in
            officeClasses.contains(f[1]) ? nil : "canonical class must be one of \(officeClasses.joined(separator: ", "))"
        },
        LexiconSpec("office-qualifiers", fields: "qualifier, class suffix (optional)", columns: 1...2),
        LexiconSpec("office-parents", fields: "parent organisation of a regional office", columns: 1...1),
        LexiconSpec("office-guards", fields: "word that makes a guarded office word part of another name", columns: 1...1),
        LexiconSpec("office-place-ends", fields: "capitalized word that ends an office's place", columns: 1...1),
        LexiconSpec("provinces", fields: "province as written, the register's name of the province", columns: 2...2),
        LexiconSpec("regions", fields: "code, the register's name, other written forms ('|'-separated, optional)",
                    columns: 2...3, matched: false, atStartUp: false) { f in
            isRegionCode(f[0]) ? nil : "code must be 2 digits, then up to two groups of '.' and 2 digits (\"35\", \"35.73\", \"35.73.01\"), found '\(f[0])'"
        },
        LexiconSpec("region-forms", fields: "written form, the register's name of a province, regency or city, or a code",
                    columns: 2...2, matched: false, atStartUp: false),
        LexiconSpec("decree-types", fields: "written form, canonical type, issuer (optional: a name, 'Head …', '…' or '*')", columns: 2...3) { f in
            guard f.count == 3, f[2].contains("…") else { return nil }
            return f[2] == "…" || (f[2].hasSuffix(" …") && f[2].filter { $0 == "…" }.count == 1)
                ? nil : "an issuer with '…' must be '…' alone or end with ' …' ('Menteri …')"
        },
        LexiconSpec("decree-issuers", fields: "how an issuing body opens (a head or body)", columns: 1...1),
        LexiconSpec("number-codes", fields: "code in a court case or police report number, kind (register|court|police)",
                    columns: 2...2, matched: false) { f in
            ["register", "court", "police"].contains(f[1]) ? nil : "unknown number code kind '\(f[1])'"
        },
        LexiconSpec("number-prefixes", fields: "first part of a number that names what it numbers, canonical type", columns: 2...2),
        LexiconSpec("article-guards", fields: "word or phrase right before Pasal that makes it part of a name (PPh Pasal 21)", columns: 1...1),
        LexiconSpec("named-acts", fields: "act named without its number, canonical type, number or '-', year or '-'", columns: 4...4) { f in
            guard f[2] == "-" || (Int(f[2]) ?? 0) > 0 else { return "number must be a positive number or '-', found '\(f[2])'" }
            guard f[3] == "-" || number(f[3], in: 1800...2100, what: "year") == nil else { return "year must be a year or '-', found '\(f[3])'" }
            return (f[2] == "-") == (f[3] == "-") ? nil : "number and year are both given or both '-'"
        },
        LexiconSpec("places", fields: "place name as a person writes it", columns: 1...1),
        LexiconSpec("nickname-cues", fields: "words between a name and the nickname it is known by", columns: 1...1),
        LexiconSpec("speech-verbs", fields: "attribution verb, where the name stands (before|back|after)", columns: 2...2) { f in
            ["before", "back", "after"].contains(f[1]) ? nil : "unknown speech verb kind '\(f[1])'"
        },
        LexiconSpec("name-words", fields: "capitalized word that is not a name, kind (org|field|region|prefix|facility|common|epithet)", columns: 2...2, matched: false) { f in
            ["org", "field", "region", "prefix", "facility", "common", "epithet"].contains(f[1]) ? nil : "unknown name-word kind '\(f[1])'"
        },
        LexiconSpec("dateline-sources", fields: "news source or press office tag in a dateline", columns: 1...1),
        LexiconSpec("range-words", fields: "word or sign between the two ends of a date range", columns: 1...1),
        LexiconSpec("year-cues", fields: "word after which a bare year is a time", columns: 1...1),
        LexiconSpec("count-words", fields: "word after a number that makes it a count or an amount, not a year", columns: 1...1),
        LexiconSpec("time-cues", fields: "word before a clock reading, strength (strong|weak|label)", columns: 2...2) { f in
            ["strong", "weak", "label"].contains(f[1]) ? nil : "strength must be 'strong', 'weak' or 'label', found '\(f[1])'"
        },
        LexiconSpec("time-zones", fields: "zone as written after a time, WIB|WITA|WIT", columns: 2...2) { f in
            ["WIB", "WITA", "WIT"].contains(f[1]) ? nil : "zone must be 'WIB', 'WITA' or 'WIT', found '\(f[1])'"
        },
        LexiconSpec("day-parts", fields: "part of the day, period (dawn|morning|midday|afternoon|evening|night)", columns: 2...2) { f in
            DayPeriod(rawValue: f[1]) != nil ? nil : "unknown period '\(f[1])'"
        },
        LexiconSpec("relative-days", fields: "word for a day counted from the dateline, days from it", columns: 2...2) { f in
            number(f[1], in: -7...7, what: "days")
        },
        LexiconSpec("relative-steps", fields: "word after a weekday or unit, step (-1|0|1)", columns: 2...2) { f in
            number(f[1], in: -1...1, what: "step")
        },
        LexiconSpec("relative-units", fields: "calendar unit, week|weekend|month|year", columns: 2...2) { f in
            RelativeDate.Unit(rawValue: f[1]) != nil ? nil : "unit must be 'week', 'weekend', 'month' or 'year', found '\(f[1])'"
        },
        LexiconSpec("number-words", fields: "word that counts the unit after it, so the phrase is a span of time", columns: 1...1),
        LexiconSpec("countries", fields: "country as written in Indonesian", columns: 1...1),
        LexiconSpec("organizations", fields: "canonical name, short form or -, kind, parent or -, other written forms separated by ' | ' (optional)",
                    columns: 4...5,
                    validate: { f in
                        organizationKinds.contains(f[2]) ? nil : "unknown kind '\(f[2])'; known: \(organizationKinds.joined(separator: ", "))"
                    },
                    forms: { e in
                        [e.text] + (e.fields[0] == "-" ? [] : [e.fields[0]])
                            + (e.fields.count > 3 ? otherForms(e.fields[3]) : [])
                    }),
        LexiconSpec("organization-families", fields: "written head, canonical head, short head or -, kind, parent or -, what follows (place|subject|name)",
                    columns: 6...6) { f in
            if !organizationKinds.contains(f[3]) { return "unknown kind '\(f[3])'; known: \(organizationKinds.joined(separator: ", "))" }
            return ["place", "subject", "name"].contains(f[5]) ? nil : "what follows must be 'place', 'subject' or 'name', found '\(f[5])'"
        },
        LexiconSpec("not-organizations", fields: "class of people, thing or programme written like a body (\"ASN\", \"APBN\")",
                    columns: 1...1),
        LexiconSpec("media-cues", fields: "word that names a medium, after which a capitalized name is a news organization",
                    columns: 1...1),
        LexiconSpec("organization-sites", fields: "word that makes the body named after it a place (\"Gedung\" in \"di Gedung DPR\")",
                    columns: 1...1),
        LexiconSpec("common-words", fields: "a word the language writes in lowercase (written by scripts/train-names)", columns: 1...1,
                    matched: false),
        LexiconSpec("person-words", fields: "a word of a person's name in the tagger's training data (written by scripts/train-names)",
                    columns: 1...1, matched: false),
        LexiconSpec("organization-ends", fields: "word that ends the name of a body written in English, kind, 'long' (optional)",
                    columns: 2...3) { f in
            if f.count == 3, f[2] != "long" { return "third field must be 'long'" }
            return organizationKinds.contains(f[1]) ? nil : "unknown kind '\(f[1])'; known: \(organizationKinds.joined(separator: ", "))"
        },
        LexiconSpec("name-model", fields: "the name tagger's weights (written by scripts/train-names)", columns: 1...2, matched: false, raw: true),
    ]

    /// The kinds the contract allows for an organization.
    static let organizationKinds = Organization.Kind.allCases.map(\.rawValue)

    /// The classes the contract allows for an office.
    static let officeClasses = ["I Khusus", "I", "II", "IIA", "IIB", "III", "IA Khusus", "IA", "IB", "Pratama", "Madya"]

    static func spec(forFile file: String) -> LexiconSpec? { all.first { $0.file == file } }

    /// A code of the register of regions: "35", "35.73" or "35.73.01".
    static func isRegionCode(_ text: String) -> Bool { Register.depth(ofCode: text.utf8) != nil }

    private static func number(_ text: String, in range: ClosedRange<Int>, what: String) -> String? {
        if let n = Int(text), range.contains(n) { return nil }
        return "\(what) must be a number from \(range.lowerBound) to \(range.upperBound), found '\(text)'"
    }
}

extension Catalog {
    /// "Name A | Name B | -" into ["Name A", "Name B"]. On bytes when the field is ASCII (splitting on the
    /// character "|" walks grapheme clusters, which was most of reading organizations.txt).
    fileprivate static func otherForms(_ field: String) -> [String] {
        guard field.utf8.allSatisfy({ $0 < 0x80 }) else {
            return field.split(separator: "|").map(\.trimmingSpaces).filter { $0 != "-" }
        }
        return field.utf8.split(separator: 0x7C).compactMap { part -> String? in
            var s = part
            while s.first == 0x20 { s = s.dropFirst() }
            while s.last == 0x20 { s = s.dropLast() }
            let form = String(Substring(s))
            return form == "-" ? nil : form
        }
    }
}

extension Substring {
    /// Without the spaces around it (on bytes: start-up trims thousands of forms).
    fileprivate var trimmingSpaces: String {
        var s = self.utf8
        while s.first == 0x20 { s = s.dropFirst() }
        while s.last == 0x20 { s = s.dropLast() }
        return String(Substring(s))
    }
}
