/// Every word that some lexicon or rule names, numbered. The tokenizer looks each token's normalized form
/// up once, so matching compares small integers instead of hashing strings again and again.
///
/// Words are added only while an `Extractor` is being built (lexicons first, then the rules' literals);
/// after that it is only read, from any thread. That is what makes the `@unchecked Sendable` safe.
final class Vocabulary: @unchecked Sendable {
    private(set) var ids: [String: Int32] = [:]

    /// The id of a normalized word, or -1 when no lexicon or rule names it.
    @inline(__always)
    func id(_ norm: String) -> Int32 { ids[norm] ?? -1 }

    /// The id of `norm`, numbering it if it is new. Only while building an extractor.
    func intern(_ norm: String) -> Int32 {
        // One lookup: a new word gets the next number in place.
        let next = Int32(ids.count)
        return Vocabulary.read(&ids[norm, default: next])
    }

    private static func read(_ id: inout Int32) -> Int32 { id }

    var count: Int { ids.count }
}
