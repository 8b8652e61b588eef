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

    /// The words as the tokenizer looks them up, built by `freeze` once the extractor is built.
    private var frozen: WordTable? = nil

    /// Builds the table the tokenizers share: the extractor is built, no word will be added.
    func freeze() { frozen = WordTable(ids) }

    /// The words as the tokenizer looks them up (the frozen table, unless words were added since).
    var table: WordTable { frozen.flatMap { $0.count == ids.count ? $0 : nil } ?? WordTable(ids) }
}

/// Words asked about at every token of a scan ("may a rule start here?"), by vocabulary id: one array read
/// instead of hashing the token's norm.
struct WordSet: Sendable {
    private let members: [Bool]

    /// The words, numbered in `vocabulary` (only while an extractor is being built).
    init(_ words: some Sequence<String>, in vocabulary: Vocabulary) {
        let ids = words.map { Int(vocabulary.intern($0)) }
        var members = Array(repeating: false, count: (ids.max() ?? 0) + 1)
        for id in ids { members[id] = true }
        self.members = members
    }

    @inline(__always)
    func contains(_ token: Token) -> Bool { token.word >= 0 && Int(token.word) < members.count && members[Int(token.word)] }
}

/// The vocabulary as the tokenizer reads it: a word's id found from its UTF-8 bytes, hashed with FNV-1a in an
/// open-addressing table. Looking up every token of a document this way costs a fraction of a `Dictionary` of
/// `String` (SipHash, and a `String` comparison). Words are stored in NFC and asked in NFC, which is what makes
/// two strings equal in Swift (canonical equivalence).
struct WordTable: Sendable {
    /// Per slot: the high 32 bits of a word's hash and its id + 1, or 0 for an empty slot: one read tells an empty
    /// slot, a word that cannot be the one asked (most of them) and the id.
    private let slots: [UInt64]
    /// Each word's bytes: `bytes[starts[id]..<starts[id + 1]]`.
    private let starts: [Int32]
    private let bytes: [UInt8]
    private let mask: Int
    /// How many words the table holds.
    let count: Int

    init(_ ids: [String: Int32]) {
        count = ids.count
        var words = [String](repeating: "", count: ids.count)
        for (word, id) in ids { words[Int(id)] = NFC.normalized(word) ?? word }
        var starts: [Int32] = [0], bytes: [UInt8] = []
        for word in words {
            bytes += word.utf8
            starts.append(Int32(bytes.count))
        }
        var capacity = 16
        while capacity < words.count * 2 { capacity <<= 1 }
        var slots = [UInt64](repeating: 0, count: capacity)
        for (id, word) in words.enumerated() {
            let hash = word.withBytes { WordTable.hash($0) }
            var slot = Int(truncatingIfNeeded: hash) & (capacity - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(id + 1)
        }
        self.slots = slots
        self.starts = starts
        self.bytes = bytes
        mask = capacity - 1
    }

    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    /// The id of a normalized word, or -1 when the vocabulary lacks it.
    func id(_ norm: String) -> Int32 {
        let found = norm.withBytes { b -> Int32? in
            // ASCII is NFC; other text is asked in NFC (most of it already is).
            for byte in b where byte >= 0x80 { return nil }
            return id(b)
        }
        if let found { return found }
        let nfc = NFC.normalized(norm) ?? norm
        return nfc.withBytes { id($0) }
    }

    /// The id of the word whose NFC UTF-8 bytes are `word`, or -1.
    func id(_ word: UnsafeBufferPointer<UInt8>) -> Int32 {
        let hash = WordTable.hash(word)
        let check = hash & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: hash) & mask
        return slots.withUnsafeBufferPointer { slots in
            bytes.withUnsafeBufferPointer { bytes in
                while slots[slot] != 0 {
                    if slots[slot] & 0xFFFF_FFFF_0000_0000 == check {
                        let id = Int(slots[slot] & 0xFFFF_FFFF) - 1
                        let start = Int(starts[id]), end = Int(starts[id + 1])
                        if end - start == word.count {
                            var k = 0
                            while k < word.count, bytes[start + k] == word[k] { k += 1 }
                            if k == word.count { return Int32(id) }
                        }
                    }
                    slot = (slot + 1) & mask
                }
                return -1
            }
        }
    }
}
