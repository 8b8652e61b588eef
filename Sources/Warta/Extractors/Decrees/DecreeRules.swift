/// Rules for citations of regulations, decrees and letters: a type from `decree-types.txt`, an optional
/// issuer, "Nomor" and the number as written, an optional "Tahun YYYY" and "tentang" subject.
struct DecreeValue: Sendable {
    var type: String
    var issuer: String?
    var number: String
    var year: Int?
    var subject: String?
}

enum DecreeRules {
    static let nomor = Element.group(Element.word("nomor", "no", "nomer"), Element.word(".").attachedToPrevious.optional,
                                     Element.word(":").optional)
    /// A number as written: "6", "B/792/M.KT.01/2024", "SE-12/MK.1/2024", "W10.IMI.IMI.1-GR.04.02-1234".
    static let number = Element.group(
        Element.check("number start") { $0.kind == .number || ($0.kind == .word && $0.shape.contains(.hasDigit)) || $0.shape.contains(.allUpper) },
        Element.group(Element.word("/", "-", ".").attachedToPrevious,
                      Element.check("number part") { $0.kind == .number || $0.kind == .word }.attachedToPrevious)
            .attachedToPrevious.repeated(0...12)
    ).as("number")
    static let issuerWord = Element.check("issuer word") { $0.kind == .word && $0.shape.contains(.initialUpper) && $0.norm != "nomor" && $0.norm != "no" }

    static let all: [Rule<DecreeValue>] = [
        Rule(
            "decree.type_number",
            "A regulation or letter type, an optional issuer, \"Nomor\" and its number, an optional \"Tahun\" year",
            pattern: [
                Element.lexicon("decree-types").as("type"),
                Element.group(issuerWord, Element.group(Element.word("-").attachedToPrevious, issuerWord.attachedToPrevious).optional)
                    .repeated(0...6).as("issuer"),
                nomor, number,
                Element.group(Element.word("tahun"), Element.year.as("year")).optional,
            ],
            examples: [
                .match("sesuai dengan ⟦Surat Keputusan MENPAN-RB Nomor: B/792/M.KT.01/2024⟧.", "Surat Keputusan | MENPAN-RB | B/792/M.KT.01/2024 | 2024"),
                .match("diatur dalam ⟦Permenkumham Nomor 6 Tahun 2019⟧.", "Peraturan Menteri | Menteri Hukum dan HAM | 6 | 2019"),
                .match("⟦Undang-Undang Nomor 6 Tahun 2011⟧ tentang Keimigrasian", "Undang-Undang | - | 6 | 2011"),
                .noMatch("nomor urut 5"),
            ],
            produce: { m in
                guard let typeEntry = m["type"]?.entry, let number = m["number"] else { return nil }
                let numberText = Casing.joined(number.tokens)
                var year = m["year"]?.int
                if year == nil, let last = numberText.split(separator: "/").last, last.count == 4, let y = Int(last),
                   (1900...2100).contains(y) { year = y }
                let writtenIssuer = m["issuer"].map { Casing.joined($0.tokens) }
                let issuer = writtenIssuer.flatMap { $0.isEmpty ? nil : $0 } ?? typeEntry.fields.dropFirst().first
                return DecreeValue(type: typeEntry.fields[0], issuer: issuer, number: numberText, year: year, subject: nil)
            }
        ),
    ]
}

extension DecreeValue {
    var summary: String { "\(type) | \(issuer ?? "-") | \(number) | \(year.map(String.init) ?? "-")" }
}
