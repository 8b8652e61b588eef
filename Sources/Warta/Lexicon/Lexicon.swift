import Dispatch

/// One lexicon file, parsed and compiled for matching.
///
/// Entries are matched as phrases over tokens: "Kantor Imigrasi" matches the two tokens "Kantor" and
/// "Imigrasi" whatever the spacing between them, case-insensitively and with typographic variants folded
/// (see `Token.norm`). The longest entry wins.
struct Lexicon: Sendable {
    struct Entry: Sendable, Hashable {
        /// The entry as written in the file (first field).
        let text: String
        /// The remaining fields (a canonical form, a number, a kind...), as the catalog defines them.
        let fields: [String]
        /// 1-based line in the file, for messages.
        let line: Int
    }

    let name: String
    let entries: [Entry]
    private let vocabulary: Vocabulary
    /// The phrase trie: node 0 is the root; `edges[node, word]` is the child reached by a word (one flat
    /// table instead of a dictionary per node, which made start-up slow); `entryAt[node]` is the entry a
    /// phrase ending there names, or -1.
    private var edges = EdgeTable()
    private var entryAt: [Int32] = [-1]

    @inline(__always)
    private func child(_ node: Int, _ word: Int32) -> Int? {
        edges.value(UInt64(node) << 32 | UInt64(UInt32(bitPattern: word))).map(Int.init)
    }

    /// The norms of every entry's first token, for indexing rules by their first word.
    private(set) var firstWords: Set<String> = []
    /// The same words as bits by vocabulary id: most lookups fail at the first word, which this tells without
    /// hashing.
    private var firstWordBits: [UInt64] = []
    /// The same words' vocabulary ids, ascending.
    var firstWordIDs: [Int32] {
        var ids: [Int32] = []
        for (k, bits) in firstWordBits.enumerated() where bits != 0 {
            for bit in 0..<64 where bits & (1 << bit) != 0 { ids.append(Int32(k << 6 | bit)) }
        }
        return ids
    }

    @inline(__always)
    private func mayOpen(_ word: Int32) -> Bool {
        let id = Int(word)
        return id >= 0 && id >> 6 < firstWordBits.count && firstWordBits[id >> 6] & (1 << (id & 63)) != 0
    }
    /// Each entry's token norms, as matching sees them ("Tangerang Selatan" -> ["tangerang", "selatan"]).
    private(set) var phrases: [[String]] = []

    /// `phrases[i]` holds the normalized words of `entries[i]` (see `Tokenizer.norms(ofLines:)`).
    init(name: String, entries: [Entry], phrases: [[String]], vocabulary: Vocabulary) {
        self.name = name
        self.entries = entries
        self.vocabulary = vocabulary
        self.phrases = phrases
        for (index, written) in phrases.enumerated() {
            guard let first = written.first else { continue }
            firstWords.insert(first)
            let words = written.map { vocabulary.intern($0) }
            let opening = Int(words[0])
            if opening >> 6 >= firstWordBits.count { firstWordBits += Array(repeating: 0, count: opening >> 6 + 1 - firstWordBits.count) }
            firstWordBits[opening >> 6] |= 1 << (opening & 63)
            var node = 0
            for word in words {
                if let next = child(node, word) {
                    node = next
                } else {
                    entryAt.append(-1)
                    edges.insert(UInt64(node) << 32 | UInt64(UInt32(bitPattern: word)), Int32(entryAt.count - 1))
                    node = entryAt.count - 1
                }
            }
            // The first entry of a phrase wins, so a file reads top-down.
            if entryAt[node] < 0 { entryAt[node] = Int32(index) }
        }
    }

    /// The longest entry written at significant token `start`, skipping whitespace between its words
    /// (but not line breaks unless `crossLines`). Returns the index after its last token and the entry.
    func longestMatch(in tokens: [Token], at start: Int, crossLines: Bool = false) -> (end: Int, entry: Entry)? {
        tokens.withUnsafeBufferPointer { longestMatch(in: $0, at: start, crossLines: crossLines) }
    }

    func longestMatch(in tokens: UnsafeBufferPointer<Token>, at start: Int, crossLines: Bool) -> (end: Int, entry: Entry)? {
        longestMatchIndex(in: tokens, at: start, crossLines: crossLines).map { ($0.end, entries[$0.entry]) }
    }

    /// Like `longestMatch`, with the entry's index (no copy of the entry, for the matcher's inner loop).
    func longestMatchIndex(in tokens: UnsafeBufferPointer<Token>, at start: Int, crossLines: Bool) -> (end: Int, entry: Int)? {
        var node = 0
        var best: (end: Int, entry: Int)? = nil
        var i = start
        while i < tokens.count {
            if i > start {
                // Skip whitespace between the words of a phrase.
                while i < tokens.count, tokens[i].isSpace {
                    if tokens[i].kind == .newline, !crossLines { return best }
                    i += 1
                }
                if i == tokens.count { break }
            }
            guard i > start || mayOpen(tokens[i].word), tokens[i].word >= 0, let next = child(node, tokens[i].word) else { break }
            node = next
            i += 1
            if entryAt[node] >= 0 { best = (i, Int(entryAt[node])) }
        }
        return best
    }

    /// The entry whose whole text is the single normalized word `norm`, if any.
    func entry(forWord norm: String) -> Entry? { entry(forWord: vocabulary.id(norm)) }

    /// The entry whose whole text is the single word with vocabulary id `word`, if any.
    func entry(forWord word: Int32) -> Entry? {
        guard mayOpen(word), let n = child(0, word), entryAt[n] >= 0 else { return nil }
        return entries[Int(entryAt[n])]
    }

    func contains(word norm: String) -> Bool { entry(forWord: norm) != nil }
}

/// Every lexicon of a `Models`, parsed, checked against the catalog and compiled. Built once and shared
/// by all workers (it is immutable).
struct Lexicons: Sendable {
    private let byName: [String: Lexicon]
    let abbreviations: Abbreviations
    /// The register of regions (built on first use unless the files were edited).
    let regions: RegionStore

    /// The words of every lexicon (and, once an extractor is built, of its rules).
    let vocabulary = Vocabulary()
    /// The name tagger's weights (`name-model.txt`).
    let nameModel: NameModel

    init(models: Models) throws(ModelError) {
        // Start-up is most of a short run, and the machine has more than one core. Reading the files
        // (parsing, checking, tokenizing their forms) touches nothing shared, so two threads share it,
        // the longest files first. Then one thread numbers the words into the vocabulary, in catalog order
        // as before (the ids do not depend on the threads), while the other reads the name model.
        let specs = Catalog.all.filter { $0.atStartUp && !$0.raw }
        let location = { (spec: LexiconSpec) in models.origin == "built-in" ? "Models/\(spec.file)" : "\(models.origin)/\(spec.file)" }
        let order = specs.indices.sorted { (models.files[specs[$0].file]?.utf8.count ?? 0) > (models.files[specs[$1].file]?.utf8.count ?? 0) }
        // One ICU splitter per thread, made when the thread starts (nil if ICU fails: reported for the first
        // file that needs it).
        let prepared = Parallel.map(specs.count, order: order, state: { try? Tokenizer(abbreviations: Abbreviations()) }) {
            splitter, i -> Result<(entries: [Lexicon.Entry], phrases: [[String]]), ModelError> in
            Result { () throws(ModelError) in try Lexicons.prepare(specs[i], models: models, location: location(specs[i]), splitter: splitter) }
        }
        var byName: [String: Lexicon] = [:]
        var failure: ModelError? = nil
        let vocabulary = vocabulary
        guard let modelSpec = Catalog.all.first(where: \.raw) else { preconditionFailure("no name model in Catalog") }
        var regions: Result<RegionStore, ModelError>? = nil
        let named = Parallel.map(2, order: [0, 1]) { job -> Result<NameModel?, ModelError> in
            if job == 1 {
                guard let text = models.files[modelSpec.file] else {
                    return .failure(ModelError(file: location(modelSpec), line: nil, message: "missing lexicon file"))
                }
                let model = Result { () throws(ModelError) in try NameModel(text: text, location: location(modelSpec)) }
                // Then the register of regions, in the background: most runs look a place up (a dateline, an
                // office), and this core would wait otherwise while the rules are compiled. A lookup before it is
                // ready waits for it (`RegionStore.register`).
                regions = Result { () throws(ModelError) in try RegionStore.of(models) }
                if case .success(let store)? = regions { DispatchQueue.global().async { store.prepare() } }
                return model.map { $0 }
            }
            for (spec, result) in zip(specs, prepared) {
                switch result {
                case .success(let lexicon):
                    byName[spec.name] = Lexicon(name: spec.name, entries: lexicon.entries, phrases: lexicon.phrases, vocabulary: vocabulary)
                case .failure(let error):
                    failure = error
                    return .success(nil)
                }
            }
            return .success(nil)
        }
        // The first error in catalog order, as when the files were read one after the other.
        if let failure { throw failure }
        let nameModel: NameModel
        switch named[1] {
        case .success(let model?): nameModel = model
        case .success(nil): throw ModelError(file: "name-model.txt", line: nil, message: "missing model file")
        case .failure(let error): throw error
        }
        self.byName = byName
        self.nameModel = nameModel
        abbreviations = Abbreviations(lexicons: byName)
        self.regions = try regions!.get()
    }

    /// One lexicon file read: its entries (one per written form) and each entry's tokens (none for a list
    /// that rules do not match). Touches nothing shared, so files are read in parallel.
    static func prepare(_ spec: LexiconSpec, models: Models, location: String, splitter: Tokenizer?) throws(ModelError)
        -> (entries: [Lexicon.Entry], phrases: [[String]]) {
        guard let text = models.files[spec.file] else {
            throw ModelError(file: location, line: nil, message: "missing lexicon file")
        }
        var entries = try Lexicons.parse(text, spec: spec, location: location)
        if let forms = spec.forms {
            entries = entries.flatMap { e in
                let fields = [e.text] + e.fields  // one array shared by the entry's forms
                return forms(e).map { Lexicon.Entry(text: $0, fields: fields, line: e.line) }
            }
        }
        guard spec.matched else { return (entries, []) }
        guard let splitter else {
            // ICU could not open its iterators: say why.
            do { _ = try Tokenizer(abbreviations: Abbreviations()) } catch { throw ModelError(file: "ICU", line: nil, message: "\(error)") }
            throw ModelError(file: "ICU", line: nil, message: "cannot open the word iterator")
        }
        return (entries, splitter.norms(ofLines: entries.map(\.text)))
    }

    /// The lexicon named `name` (a `Catalog` name such as "months"). Asking for one that the catalog does
    /// not list is a programming error.
    subscript(name: String) -> Lexicon {
        guard let lexicon = byName[name] else { preconditionFailure("no lexicon named \(name) in Catalog") }
        return lexicon
    }

    /// Parses a lexicon file. Works on UTF-8 bytes (LF, CRLF or CR line ends): start-up reads every file.
    static func parse(_ text: String, spec: LexiconSpec, location: String) throws(ModelError) -> [Lexicon.Entry] {
        var entries: [Lexicon.Entry] = []
        var text = text
        let failure: ModelError? = text.withUTF8 { bytes -> ModelError? in
            var lineNumber = 0
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
                let next = end < bytes.count && bytes[end] == 0x0D && end + 1 < bytes.count && bytes[end + 1] == 0x0A ? end + 2 : end + 1
                lineNumber += 1
                defer { start = next }
                // A '#' at the start or after a space or tab begins a comment.
                var stop = start
                while stop < end, !(bytes[stop] == 0x23 && (stop == start || bytes[stop - 1] == 0x20 || bytes[stop - 1] == 0x09)) { stop += 1 }
                while stop > start, bytes[stop - 1] == 0x20 || bytes[stop - 1] == 0x09 { stop -= 1 }
                if stop == start { continue }
                var fields: [String] = []
                fields.reserveCapacity(spec.columns.upperBound + 1)
                var fieldStart = start
                // Whether some field is empty or starts or ends with a space byte (then checked on characters below).
                var suspect = false
                for i in start...stop where i == stop || bytes[i] == 0x09 {
                    if fieldStart == i || bytes[fieldStart] == 0x20 || bytes[i - 1] == 0x20 { suspect = true }
                    fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart..<i]), as: UTF8.self))
                    fieldStart = i + 1
                }
                func fail(_ message: String) -> ModelError { ModelError(file: location, line: lineNumber, message: message) }
                guard spec.columns.contains(fields.count) else {
                    let expected = spec.columns.lowerBound == spec.columns.upperBound
                        ? "\(spec.columns.lowerBound)" : "\(spec.columns.lowerBound) to \(spec.columns.upperBound)"
                    return fail("expected \(expected) TAB-separated field(s) (\(spec.fields)), found \(fields.count)")
                }
                if suspect, let empty = fields.firstIndex(where: { $0.isEmpty || $0.first == " " || $0.last == " " }) {
                    return fail("field \(empty + 1) is empty or has spaces around it")
                }
                if let problem = spec.validate?(fields) { return fail(problem) }
                let text = fields.removeFirst()
                entries.append(.init(text: text, fields: fields, line: lineNumber))
            }
            return nil
        }
        if let failure { throw failure }
        return entries
    }
}

/// Abbreviations whose final dot does not end a sentence, from `abbreviations.txt` plus every honorific
/// (which precede a name) and every degree (which end a sentence when a new one opens after them).
struct Abbreviations: Sendable {
    enum Kind: Sendable { case prefix, suffix }
    private var kinds: [String: Kind] = [:]

    init() {}

    init(lexicons: [String: Lexicon]) {
        for entry in lexicons["honorifics"]?.entries ?? [] { add(entry.text, .prefix) }
        for entry in lexicons["degrees"]?.entries ?? [] { add(entry.text, .suffix) }
        for entry in lexicons["abbreviations"]?.entries ?? [] { add(entry.text, entry.fields.first == "suffix" ? .suffix : .prefix) }
    }

    private mutating func add(_ written: String, _ kind: Kind) {
        var key = Token.fold(written)
        guard key.contains(".") else { return }  // "Bapak", "SH": no dot, nothing to decide
        if key.hasSuffix(".") { key.removeLast() }
        kinds[key] = kind
    }

    /// The kind of abbreviation that `word` forms with the dot written right after it, if it is one.
    func kind(ofWordBeforeDot word: Token) -> Kind? {
        if let kind = kinds[word.norm] { return kind }
        // A single capital letter and a dot is an initial ("M. Ishak Ismail").
        if word.kind == .word, word.text.unicodeScalars.count == 1, word.shape.contains(.initialUpper) { return .prefix }
        return nil
    }

    /// Whether token `i` and a dot right after it form an abbreviation ("S.H. M.H." chains).
    func isAbbreviation<Tokens: RandomAccessCollection<Token>>(at i: Int, in tokens: Tokens) -> Bool where Tokens.Index == Int {
        i + 1 < tokens.count && tokens[i + 1].norm == "." && kind(ofWordBeforeDot: tokens[i]) != nil
    }
}
