/// The contract's value types (`CONTRACT.md`): what `warta extract` prints, as Swift values.
/// Every item also records the `rule` that produced it (not part of the JSON; see `warta explain`).

/// A stretch of the input: its text and Unicode-scalar offsets, end exclusive.
public struct Span: Sendable, Codable, Hashable {
    /// The text exactly as written.
    public var text: String
    /// Offset of the first Unicode scalar.
    public var start: Int
    /// Offset one past the last Unicode scalar.
    public var end: Int
    /// A span of `text` at scalar offsets `start..<end`.
    public init(text: String, start: Int, end: Int) { self.text = text; self.start = start; self.end = end }
}

/// The opening "Place, date –" of a release.
public struct Dateline: Sendable, Codable, Hashable {
    /// Where the item is written.
    public var span: Span
    /// The place as a person writes it ("Tangerang Selatan" for "TANGERANG SELATAN").
    public var place: String?
    /// ISO date or nil.
    public var date: String?
    /// The region of the register that `place` names, or nil (contract version 2).
    public var region: Region? = nil
    /// The id of the rule that produced the item (not part of the JSON; see `warta explain`).
    public var rule = ""
    enum CodingKeys: String, CodingKey { case text, start, end, place, date, region }
}

/// A unit of the official register of regions (Kepmendagri codes): a province, a regency or city, or a district.
public struct Region: Sendable, Codable, Hashable {
    /// The register's code: "35", "35.73", "35.73.01".
    public var code: String
    /// The register's name: "Jawa Timur", "Kota Malang", "Klojen".
    public var name: String
    /// "provinsi", "kabupaten-kota" or "kecamatan".
    public var level: String
    /// The register's name of the province that holds the unit (its own name for a province).
    public var province: String
    /// A region with its code, name, level and province.
    public init(code: String, name: String, level: String, province: String) {
        self.code = code; self.name = name; self.level = level; self.province = province
    }
}

/// A separate title line at the top.
public struct Headline: Sendable, Codable, Hashable {
    /// Where the item is written.
    public var span: Span
    /// The id of the rule that produced the item (not part of the JSON; see `warta explain`).
    public var rule = ""
    enum CodingKeys: String, CodingKey { case text, start, end }
}

/// How precise a date is.
public enum Grain: String, Sendable, Codable { case day, month, year }

/// A calendar date or interval written in the text, normalized to ISO 8601.
public struct DateMention: Sendable, Codable, Hashable {
    /// Where the item is written.
    public var span: Span
    /// "2024-09-19", "2024-09", "2024", or an interval "2024-09-19/2024-09-20".
    public var value: String
    /// Whether the value names a day, a month or a year.
    public var grain: Grain
    /// The id of the rule that produced the item (not part of the JSON; see `warta explain`).
    public var rule = ""
    enum CodingKeys: String, CodingKey { case text, start, end, value, grain }
}

/// A person named in the text, with every mention.
public struct Person: Sendable, Codable, Hashable {
    /// The fullest form written, without honorifics, ranks or degrees.
    public var name: String
    /// Honorifics, ranks and titles before the name, as written ("Bapak", "Dr.", "AKBP").
    public var honorifics: [String]
    /// Degrees after the name, as written ("S.H.", "M.H.").
    public var degrees: [String]
    /// The job titles held ("Kepala Kantor Imigrasi Kelas II TPI Sibolga").
    public var positions: [String]
    /// Every mention of the person, the full name and short re-mentions alike.
    public var mentions: [Span]
    /// A person with its titles and mentions.
    public init(name: String, honorifics: [String] = [], degrees: [String] = [], positions: [String] = [], mentions: [Span]) {
        self.name = name; self.honorifics = honorifics; self.degrees = degrees; self.positions = positions; self.mentions = mentions
    }
}

/// A written title: a position, honorific or degree, with its holder.
public struct Title: Sendable, Codable, Hashable {
    /// What kind of title.
    public enum Kind: String, Sendable, Codable { case position, honorific, degree }
    /// Where the item is written.
    public var span: Span
    /// Position, honorific or degree.
    public var kind: Kind
    /// The holder's `Person.name`, or nil.
    public var holder: String?
    /// The id of the rule that produced the item (not part of the JSON; see `warta explain`).
    public var rule = ""
    enum CodingKeys: String, CodingKey { case text, start, end, kind, holder }
}

/// A government field office named with its type and place.
public struct Office: Sendable, Codable, Hashable {
    /// Where the item is written.
    public var span: Span
    /// Canonical long form ("Kantor Imigrasi", "Lembaga Pemasyarakatan").
    public var type: String
    /// One of `Catalog.officeClasses`, or nil.
    public var officeClass: String?
    /// The place as written, in Title Case ("Mandailing Natal", "Kota Bekasi"), or nil.
    public var location: String?
    /// true for "TPI", false for "Non TPI", nil when not said.
    public var tpi: Bool?
    /// The region of the register that `location` names, or nil (contract version 2).
    public var region: Region? = nil
    /// The id of the rule that produced the item (not part of the JSON; see `warta explain`).
    public var rule = ""
    enum CodingKeys: String, CodingKey { case text, start, end, type, officeClass = "class", location, tpi, region }
}

/// A cited regulation, decree or official letter.
public struct Decree: Sendable, Codable, Hashable {
    /// Where the item is written.
    public var span: Span
    /// Canonical type ("Undang-Undang", "Peraturan Menteri", "Surat Keputusan").
    public var type: String
    /// Who issued it ("Menteri Hukum dan HAM", "MENPAN-RB"), or nil when not said.
    public var issuer: String?
    /// As written ("6", "B/792/M.KT.01/2024"); a court's case number in its canonical form ("3021 K/PID.SUS/2019",
    /// see the README's "Court numbers").
    public var number: String
    /// The year, from "Tahun YYYY" or a trailing "/YYYY" in the number, or nil.
    public var year: Int?
    /// The title after "tentang", or nil.
    public var subject: String?
    /// The articles of the act cited with it, in the order written (contract version 2).
    public var articles: [Article] = []
    /// The id of the rule that produced the item (not part of the JSON; see `warta explain`).
    public var rule = ""
    enum CodingKeys: String, CodingKey { case text, start, end, type, issuer, number, year, subject, articles }
}

/// One article cited with an act: "Pasal 81 ayat (1) huruf b" is article "81", paragraph "1", letter "b".
public struct Article: Sendable, Codable, Hashable {
    /// The Pasal: "81", "76D".
    public var article: String
    /// The ayat, or nil.
    public var paragraph: String?
    /// The huruf ("e"), or a numbered item at that level ("2" for "ke-2", "12" for "angka 12"), or nil.
    public var letter: String?
    /// An article with its paragraph and letter.
    public init(article: String, paragraph: String? = nil, letter: String? = nil) {
        self.article = article; self.paragraph = paragraph; self.letter = letter
    }
}

/// A government body, legislature, police, military, prosecution or court unit, party, company or
/// university named in the text (field offices are `Office`s instead).
public struct Organization: Sendable, Codable, Hashable {
    /// What kind of body.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case ministry, agency, regionalGovernment = "regional-government", legislature, police, military,
             prosecution, court, party, company, university, other
    }
    /// Where the item is written.
    public var span: Span
    /// The canonical long form ("Kementerian Hukum", "Direktorat Jenderal Imigrasi").
    public var name: String
    /// The usual acronym, or nil.
    public var short: String?
    /// What kind of body.
    public var kind: Kind
    /// The canonical name of the body it belongs to, or nil.
    public var parent: String?
    /// The id of the rule or lexicon that produced the item (not part of the JSON; see `warta explain`).
    public var rule = ""
    /// An organization mention.
    public init(span: Span, name: String, short: String?, kind: Kind, parent: String?, rule: String = "") {
        self.span = span; self.name = name; self.short = short; self.kind = kind; self.parent = parent; self.rule = rule
    }
    enum CodingKeys: String, CodingKey { case text, start, end, name, short, kind, parent }
}

/// A clock time or time interval written in the text ("pukul 08.30 WIB", "pukul 13.00-15.30 WIT").
public struct TimeMention: Sendable, Codable, Hashable {
    /// Where the item is written.
    public var span: Span
    /// "HH:MM", or an interval "HH:MM/HH:MM", or an open one "HH:MM/" ("sampai selesai").
    public var value: String
    /// "WIB", "WITA", "WIT", or nil when not written.
    public var zone: String?
    /// The ISO day the time belongs to, or nil.
    public var date: String?
    /// The id of the rule that produced the item (not part of the JSON; see `warta explain`).
    public var rule = ""
    /// A time mention.
    public init(span: Span, value: String, zone: String?, date: String?, rule: String = "") {
        self.span = span; self.value = value; self.zone = zone; self.date = date; self.rule = rule
    }
    enum CodingKeys: String, CodingKey { case text, start, end, value, zone, date }
}

/// Everything extracted from one input.
public struct Document: Sendable, Codable, Hashable {
    /// The path as given, "-" for stdin, or the record id.
    public var source: String
    /// The opening dateline, or nil.
    public var dateline: Dateline?
    /// The title line at the top, or nil.
    public var headline: Headline?
    /// Every calendar date written, in text order.
    public var dates: [DateMention] = []
    /// Distinct people, in order of first mention.
    public var persons: [Person] = []
    /// Every written position, honorific and degree, in text order.
    public var titles: [Title] = []
    /// Every mention of a government field office, in text order.
    public var offices: [Office] = []
    /// Every citation of a regulation, decree or letter, in text order.
    public var decrees: [Decree] = []
    /// Every mention of an organization, in text order (contract version 2).
    public var organizations: [Organization] = []
    /// Every clock time, in text order (contract version 2).
    public var times: [TimeMention] = []

    /// An empty document for `source`.
    public init(source: String) { self.source = source }
}

// Spans are flattened into their items, and nil is written as null (the contract has every key always).
extension Dateline {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        span = try Span(text: c.decode(String.self, forKey: .text), start: c.decode(Int.self, forKey: .start), end: c.decode(Int.self, forKey: .end))
        place = try c.decodeIfPresent(String.self, forKey: .place)
        date = try c.decodeIfPresent(String.self, forKey: .date)
        region = try c.decodeIfPresent(Region.self, forKey: .region)
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(span.text, forKey: .text); try c.encode(span.start, forKey: .start); try c.encode(span.end, forKey: .end)
        try c.encode(place, forKey: .place); try c.encode(date, forKey: .date); try c.encode(region, forKey: .region)
    }
}

extension Headline {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        span = try Span(text: c.decode(String.self, forKey: .text), start: c.decode(Int.self, forKey: .start), end: c.decode(Int.self, forKey: .end))
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(span.text, forKey: .text); try c.encode(span.start, forKey: .start); try c.encode(span.end, forKey: .end)
    }
}

extension DateMention {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        span = try Span(text: c.decode(String.self, forKey: .text), start: c.decode(Int.self, forKey: .start), end: c.decode(Int.self, forKey: .end))
        value = try c.decode(String.self, forKey: .value)
        grain = try c.decode(Grain.self, forKey: .grain)
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(span.text, forKey: .text); try c.encode(span.start, forKey: .start); try c.encode(span.end, forKey: .end)
        try c.encode(value, forKey: .value); try c.encode(grain, forKey: .grain)
    }
}

extension Title {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        span = try Span(text: c.decode(String.self, forKey: .text), start: c.decode(Int.self, forKey: .start), end: c.decode(Int.self, forKey: .end))
        kind = try c.decode(Kind.self, forKey: .kind)
        holder = try c.decodeIfPresent(String.self, forKey: .holder)
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(span.text, forKey: .text); try c.encode(span.start, forKey: .start); try c.encode(span.end, forKey: .end)
        try c.encode(kind, forKey: .kind); try c.encode(holder, forKey: .holder)
    }
}

extension Office {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        span = try Span(text: c.decode(String.self, forKey: .text), start: c.decode(Int.self, forKey: .start), end: c.decode(Int.self, forKey: .end))
        type = try c.decode(String.self, forKey: .type)
        officeClass = try c.decodeIfPresent(String.self, forKey: .officeClass)
        location = try c.decodeIfPresent(String.self, forKey: .location)
        tpi = try c.decodeIfPresent(Bool.self, forKey: .tpi)
        region = try c.decodeIfPresent(Region.self, forKey: .region)
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(span.text, forKey: .text); try c.encode(span.start, forKey: .start); try c.encode(span.end, forKey: .end)
        try c.encode(type, forKey: .type); try c.encode(officeClass, forKey: .officeClass)
        try c.encode(location, forKey: .location); try c.encode(tpi, forKey: .tpi); try c.encode(region, forKey: .region)
    }
}

extension Decree {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        span = try Span(text: c.decode(String.self, forKey: .text), start: c.decode(Int.self, forKey: .start), end: c.decode(Int.self, forKey: .end))
        type = try c.decode(String.self, forKey: .type)
        issuer = try c.decodeIfPresent(String.self, forKey: .issuer)
        number = try c.decode(String.self, forKey: .number)
        year = try c.decodeIfPresent(Int.self, forKey: .year)
        subject = try c.decodeIfPresent(String.self, forKey: .subject)
        articles = try c.decodeIfPresent([Article].self, forKey: .articles) ?? []
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(span.text, forKey: .text); try c.encode(span.start, forKey: .start); try c.encode(span.end, forKey: .end)
        try c.encode(type, forKey: .type); try c.encode(issuer, forKey: .issuer); try c.encode(number, forKey: .number)
        try c.encode(year, forKey: .year); try c.encode(subject, forKey: .subject); try c.encode(articles, forKey: .articles)
    }
}

extension Organization {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        span = try Span(text: c.decode(String.self, forKey: .text), start: c.decode(Int.self, forKey: .start), end: c.decode(Int.self, forKey: .end))
        name = try c.decode(String.self, forKey: .name)
        short = try c.decodeIfPresent(String.self, forKey: .short)
        kind = try c.decode(Kind.self, forKey: .kind)
        parent = try c.decodeIfPresent(String.self, forKey: .parent)
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(span.text, forKey: .text); try c.encode(span.start, forKey: .start); try c.encode(span.end, forKey: .end)
        try c.encode(name, forKey: .name); try c.encode(short, forKey: .short); try c.encode(kind, forKey: .kind)
        try c.encode(parent, forKey: .parent)
    }
}

extension TimeMention {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        span = try Span(text: c.decode(String.self, forKey: .text), start: c.decode(Int.self, forKey: .start), end: c.decode(Int.self, forKey: .end))
        value = try c.decode(String.self, forKey: .value)
        zone = try c.decodeIfPresent(String.self, forKey: .zone)
        date = try c.decodeIfPresent(String.self, forKey: .date)
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(span.text, forKey: .text); try c.encode(span.start, forKey: .start); try c.encode(span.end, forKey: .end)
        try c.encode(value, forKey: .value); try c.encode(zone, forKey: .zone); try c.encode(date, forKey: .date)
    }
}

extension Document {
    enum CodingKeys: String, CodingKey { case source, dateline, headline, dates, persons, titles, offices, decrees, organizations, times }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        source = try c.decode(String.self, forKey: .source)
        dateline = try c.decodeIfPresent(Dateline.self, forKey: .dateline)
        headline = try c.decodeIfPresent(Headline.self, forKey: .headline)
        dates = try c.decode([DateMention].self, forKey: .dates)
        persons = try c.decode([Person].self, forKey: .persons)
        titles = try c.decode([Title].self, forKey: .titles)
        offices = try c.decode([Office].self, forKey: .offices)
        decrees = try c.decode([Decree].self, forKey: .decrees)
        organizations = try c.decodeIfPresent([Organization].self, forKey: .organizations) ?? []
        times = try c.decodeIfPresent([TimeMention].self, forKey: .times) ?? []
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(source, forKey: .source); try c.encode(dateline, forKey: .dateline); try c.encode(headline, forKey: .headline)
        try c.encode(dates, forKey: .dates); try c.encode(persons, forKey: .persons); try c.encode(titles, forKey: .titles)
        try c.encode(offices, forKey: .offices); try c.encode(decrees, forKey: .decrees)
        try c.encode(organizations, forKey: .organizations); try c.encode(times, forKey: .times)
    }
}
