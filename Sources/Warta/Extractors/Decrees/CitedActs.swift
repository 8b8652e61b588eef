/// The distinct acts cited across a batch of documents (the `warta decrees` view). An act is keyed by its
/// type, its number as written and its year; it counts every citation and lists the documents citing it.
/// Acts are kept in the order of their first citation: documents in the order they are added, citations
/// in text order within a document. The same documents added in the same order give the same list.
///
///     var acts = CitedActs()
///     for document in documents { acts.add(document) }
///     for act in acts.acts { print(act.type, act.number, act.count, act.sources) }
public struct CitedActs: Sendable {
    /// One act and what the batch says about it.
    public struct Act: Sendable, Hashable {
        /// Canonical type ("Undang-Undang", "Peraturan Menteri").
        public let type: String
        /// The number as written.
        public let number: String
        /// The year, or nil.
        public let year: Int?
        /// The first issuer written in any of its citations, or nil.
        public internal(set) var issuer: String?
        /// The first subject (title after "tentang") written in any of its citations, or nil.
        public internal(set) var subject: String?
        /// How many citations, repeated ones included.
        public internal(set) var count: Int
        /// The `source` of each document citing it, once each, in the order the documents were added.
        public internal(set) var sources: [String]
    }

    private struct Key: Hashable {
        let type: String
        let number: String
        let year: Int?
    }

    /// The acts, in the order of their first citation.
    public private(set) var acts: [Act] = []
    private var index: [Key: Int] = [:]

    /// An empty list.
    public init() {}

    /// Counts the citations of `document`.
    public mutating func add(_ document: Document) {
        for decree in document.decrees {
            let key = Key(type: decree.type, number: decree.number, year: decree.year)
            guard let i = index[key] else {
                index[key] = acts.count
                acts.append(Act(type: decree.type, number: decree.number, year: decree.year, issuer: decree.issuer,
                                subject: decree.subject, count: 1, sources: [document.source]))
                continue
            }
            acts[i].count += 1
            if acts[i].issuer == nil { acts[i].issuer = decree.issuer }
            if acts[i].subject == nil { acts[i].subject = decree.subject }
            // A document's citations arrive together, so it can only be the last source listed.
            if acts[i].sources.last != document.source { acts[i].sources.append(document.source) }
        }
    }
}
