/// Rules for government field offices: a type from `office-types.txt`, an optional class
/// (`office-classes.txt` is where "Kelas II A" becomes "IIA"), an optional TPI mark, and the place.
struct OfficeValue: Sendable {
    var type: String
    var officeClass: String?
    var location: String?
    var tpi: Bool?
}

enum OfficeRules {
    /// A capitalized word of a place name.
    static let placeWord = Element.check("place word") { $0.kind == .word && $0.shape.contains(.initialUpper) }
    static let tpi = Element.either(
        Element.group(.word("non"), Element.word("-").optional, .word("tpi")).as("nontpi"),
        Element.word("tpi").as("tpi"))

    static let all: [Rule<OfficeValue>] = [
        Rule(
            "office.type_class_place",
            "An office type, an optional class and TPI mark, and its place: \"Kantor Imigrasi Kelas I TPI Bengkulu\"",
            pattern: [
                Element.lexicon("office-types").as("type"),
                Element.group(.word("kelas"), Element.lexicon("office-classes").as("class")).optional,
                tpi.optional,
                placeWord.repeated(1...3).as("place"),
            ],
            examples: [
                .match("Plt Kepala ⟦Kantor Imigrasi Kelas I TPI Bengkulu⟧, Imam", "Kantor Imigrasi | I | Bengkulu | tpi"),
                .match("menjadi ⟦Kantor Imigrasi Kelas III TPI Mandailing Natal⟧ pada", "Kantor Imigrasi | III | Mandailing Natal | tpi"),
                .match("⟦Lapas Kelas II A Ambon⟧ menggelar", "Lembaga Pemasyarakatan | IIA | Ambon | -"),
                .match("⟦Kanim Kelas II Non TPI Depok⟧", "Kantor Imigrasi | II | Depok | non-tpi"),
                .noMatch("Direktorat Jenderal Imigrasi menyampaikan"),
            ],
            produce: { m in
                guard let type = m["type"]?.canonical, let place = m["place"] else { return nil }
                let tpi: Bool? = m.has("nontpi") ? false : m.has("tpi") ? true : nil
                return OfficeValue(type: type, officeClass: m["class"]?.canonical,
                                   location: Casing.titleCase(Casing.joined(place.tokens)), tpi: tpi)
            }
        ),
    ]
}

extension OfficeValue {
    var summary: String {
        let tpiText = tpi.map { $0 ? "tpi" : "non-tpi" } ?? "-"
        return "\(type) | \(officeClass ?? "-") | \(location ?? "-") | \(tpiText)"
    }
}
