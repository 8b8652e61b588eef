/// The regions that a batch of documents places its offices and datelines in (the `warta regions` view):
/// per region, how many offices and datelines name it and which documents do. Places without a region
/// (unknown to the register, or ambiguous) are not counted. Regions are kept in the order of their first
/// mention: documents in the order they are added, the dateline first, then offices in text order.
///
///     var counts = RegionCounts(by: .province)
///     for document in documents { counts.add(document) }
///     for row in counts.rows { print(row.name, row.offices, row.datelines, row.sources) }
public struct RegionCounts: Sendable {
    /// What a row stands for.
    public enum Grouping: String, Sendable, CaseIterable {
        /// Each region as resolved: a province, a regency or city, or a district.
        case region
        /// The province holding each region.
        case province
    }

    /// One region and what the batch says about it.
    public struct Row: Sendable, Hashable {
        /// The register's code ("35.73").
        public let code: String
        /// The register's name ("Kota Malang").
        public let name: String
        /// "provinsi", "kabupaten-kota" or "kecamatan".
        public let level: String
        /// The register's name of its province.
        public let province: String
        /// How many offices name it.
        public internal(set) var offices: Int
        /// How many datelines name it.
        public internal(set) var datelines: Int
        /// The `source` of each document naming it, once each, in the order the documents were added.
        public internal(set) var sources: [String]
    }

    /// How rows are grouped.
    public let grouping: Grouping
    /// The rows, in the order of their first mention.
    public private(set) var rows: [Row] = []
    private var index: [String: Int] = [:]

    /// An empty table grouped by `grouping`.
    public init(by grouping: Grouping = .region) {
        self.grouping = grouping
    }

    /// Counts the dateline and the offices of `document`.
    public mutating func add(_ document: Document) {
        if let region = document.dateline?.region { count(region, source: document.source, dateline: true) }
        for office in document.offices {
            if let region = office.region { count(region, source: document.source, dateline: false) }
        }
    }

    private mutating func count(_ region: Region, source: String, dateline: Bool) {
        let row = grouping == .region
            ? Row(code: region.code, name: region.name, level: region.level, province: region.province,
                  offices: 0, datelines: 0, sources: [])
            : Row(code: String(region.code.prefix(2)), name: region.province, level: "provinsi", province: region.province,
                  offices: 0, datelines: 0, sources: [])
        let i: Int
        if let known = index[row.code] {
            i = known
        } else {
            i = rows.count
            index[row.code] = i
            rows.append(row)
        }
        if dateline { rows[i].datelines += 1 } else { rows[i].offices += 1 }
        // A document's mentions arrive together, so it can only be the last source listed.
        if rows[i].sources.last != source { rows[i].sources.append(source) }
    }
}
