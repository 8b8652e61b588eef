import Synchronization

/// Warta's entry point: create one with its models, then call `extract` for each text. It is safe to use
/// from many threads at once; each call borrows one of a pool of ICU tokenizers.
///
///     let warta = try Extractor()
///     let document = warta.extract("Medan, 19 September 2024 – ...")
///     print(document.dates.map(\.value))
public final class Extractor: Sendable {
    /// The lexicons the extractor was built with.
    public let models: Models
    /// What the extractor outputs beyond the contract's defaults.
    public let options: Options
    let lexicons: Lexicons
    let pipeline: Pipeline
    private let idle: Mutex<[Tokenizer]> = Mutex([])
    private let idleScratch: Mutex<[NameScratch]> = Mutex([])

    /// Choices that change what is extracted. The defaults give exactly the output contract.
    public struct Options: Sendable, Hashable {
        /// Also output acts cited by a name instead of their number ("Pasal 2 UU Tipikor") as decrees, with the
        /// number and year of `Models/named-acts.txt` (Undang-Undang 31 of 1999) and their articles; the
        /// decree's text and span stay what is written ("UU Tipikor"). Off by default: the contract lists
        /// only acts written with a number.
        public var namedActs: Bool
        /// The options, all off by default.
        public init(namedActs: Bool = false) { self.namedActs = namedActs }
    }

    /// Compiles the lexicons and rules. Throws when a lexicon line is malformed (naming file and line).
    public init(models: Models = .builtIn, options: Options = Options()) throws {
        self.models = models
        self.options = options
        lexicons = try Lexicons(models: models)
        pipeline = Pipeline(lexicons: lexicons, options: options)
        lexicons.vocabulary.freeze()
        _ = try borrowTokenizer { _ in () }  // fail here, not later, if ICU cannot open its iterators
    }

    /// Everything Warta finds in `text`. `source` is copied into the result (a path, "-", or a record id).
    public func extract(_ text: String, source: String = "-") -> Document {
        analyze(text, source: source).document
    }

    /// Like `extract`, with the tokens and the trace of which rule made each item.
    public func analyze(_ text: String, source: String = "-") -> Analysis {
        let tokens = (try? borrowTokenizer { $0.tokenize(text) }) ?? TokenizedText(text: text, tokens: [], scalarCount: 0)
        var analysis = Analysis(text: tokens, lexicons: lexicons, source: source)
        // The name tagger's memory of words met before, one per caller at a time, like the tokenizers.
        let scratch = idleScratch.withLock { $0.popLast() } ?? NameScratch()
        analysis.scratch = scratch
        pipeline.run(&analysis)
        analysis.scratch = nil
        idleScratch.withLock { $0.append(scratch) }
        return analysis
    }

    /// The names of the pipeline's stages, in the order they run (for benchmarks and tools).
    public var stageNames: [String] { pipeline.stages.map { $0.name } }

    /// `text` tokenized, with no stage run yet (for benchmarks and tools; see `run(stage:on:)`).
    public func prepare(_ text: String, source: String = "-") -> Analysis {
        Analysis(text: tokenize(text), lexicons: lexicons, source: source)
    }

    /// Runs one stage of the pipeline on `analysis` (stages expect the earlier ones to have run).
    public func run(stage: Int, on analysis: inout Analysis) {
        pipeline.stages[stage].run(&analysis)
    }

    /// The tokens of `text` (for tools and tests).
    public func tokenize(_ text: String) -> TokenizedText {
        (try? borrowTokenizer { $0.tokenize(text) }) ?? TokenizedText(text: text, tokens: [], scalarCount: 0)
    }

    /// Every rule of every extractor, in pipeline order.
    var rules: [RuleInfo] { pipeline.rules }

    /// The ICU version Warta runs on.
    public static var icuVersion: String { ICU.version }

    /// Warta's version.
    public static let version = "0.1.0"

    /// The contract version of the JSON output (`CONTRACT.md`).
    public static let contractVersion = 2

    private func borrowTokenizer<T>(_ body: (Tokenizer) -> T) throws -> T {
        let tokenizer = try idle.withLock { $0.popLast() }
            ?? Tokenizer(abbreviations: lexicons.abbreviations, vocabulary: lexicons.vocabulary)
        defer { idle.withLock { $0.append(tokenizer) } }
        return body(tokenizer)
    }
}

/// A rule's description without its value type: for tests, `warta explain` and documentation.
struct RuleInfo: Sendable {
    let field: String
    let id: String
    let summary: String
    let pattern: String
    let examples: [Example]
    /// Runs the rule's pattern alone at significant token `start` (no production), for `warta explain`.
    let match: @Sendable (_ text: TokenizedText, _ lexicons: Lexicons, _ start: Int) -> RuleMatch?
}

/// Where a rule's pattern matched and what each named element took.
struct RuleMatch: Sendable {
    let tokens: Range<Int>
    let captures: [Capture]
}

/// Which rule made an item, and where.
public struct Trace: Sendable, Hashable {
    /// The contract field the item belongs to ("dates", "offices", "titles", "persons"...).
    public let field: String
    /// The id of the rule that made the item.
    public let rule: String
    /// Where the item is written.
    public let span: Span
    /// Token indices matched.
    public let tokens: Range<Int>
    /// The item in one line, as rule examples write it.
    public let summary: String
}

/// One document on its way through the pipeline: its tokens, the result so far, and the traces.
public struct Analysis: Sendable {
    /// The document and its tokens.
    public let text: TokenizedText
    let lexicons: Lexicons
    /// The result so far (complete once the pipeline has run).
    public internal(set) var document: Document
    /// Which rule made each item.
    public internal(set) var traces: [Trace] = []
    /// Scalar spans already explained by an earlier extractor (a decree's "Tahun 2019" is not a date, nor a
    /// time's "20.00" a year), sorted and disjoint so that a lookup is a binary search.
    private(set) var claimed: [Range<Int>] = []
    /// Bodies named only as part of a place ("di Gedung DPR"), with the word that makes them one: no
    /// organization, but a name never runs into them. Sorted by start.
    var sites: [Range<Int>] = []
    /// Where the name tagger sees names (set by the names stage).
    var names = NameTags()
    /// The name tagger's memory of words met before, lent for the run of the pipeline.
    var scratch: NameScratch? = nil

    init(text: TokenizedText, lexicons: Lexicons, source: String) {
        self.text = text
        self.lexicons = lexicons
        document = Document(source: source)
    }

    mutating func trace(_ field: String, _ rule: String, _ span: Span, tokens: Range<Int>, _ summary: String) {
        traces.append(Trace(field: field, rule: rule, span: span, tokens: tokens, summary: summary))
    }

    /// Whether `range` overlaps a claimed span.
    func isClaimed(_ range: Range<Int>) -> Bool {
        let i = firstClaim(endingAfter: range.lowerBound)
        return i < claimed.count && claimed[i].overlaps(range)
    }

    /// Marks `range` as explained, for the extractors that run later.
    mutating func claim(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        // Claims come mostly in text order: appending is the common case.
        let low = firstClaim(endingAfter: range.lowerBound - 1)
        var high = low, merged = range
        while high < claimed.count, claimed[high].lowerBound <= range.upperBound {
            merged = min(merged.lowerBound, claimed[high].lowerBound)..<max(merged.upperBound, claimed[high].upperBound)
            high += 1
        }
        if low == high {
            claimed.insert(merged, at: low)
        } else {
            claimed[low] = merged
            claimed.removeSubrange((low + 1)..<high)
        }
    }

    /// The index of the first claimed span that ends after `offset`.
    private func firstClaim(endingAfter offset: Int) -> Int {
        claimed.partitioningIndex { $0.upperBound > offset }
    }

    /// Removes the organizations that `drop` names, and their traces (a later extractor reads those words better).
    mutating func dropOrganizations(where drop: (Organization) -> Bool) {
        let dropped = Set(document.organizations.filter(drop).map { $0.span.start })
        guard !dropped.isEmpty else { return }
        document.organizations.removeAll { dropped.contains($0.span.start) }
        traces.removeAll { $0.field == "organizations" && dropped.contains($0.span.start) }
    }

    /// The span of tokens `range`, with its text.
    func span(_ range: Range<Int>) -> Span {
        let tokens = text.tokens
        return Span(text: text.text(tokens: range), start: tokens[range.lowerBound].start, end: tokens[range.upperBound - 1].end)
    }
}

/// One extractor: its rules and the step that turns their candidates into items.
protocol FieldExtractor: Sendable {
    init(lexicons: Lexicons)
    /// The stage's name, for benchmarks ("dates", "offices"...).
    var name: String { get }
    var rules: [RuleInfo] { get }
    func run(_ analysis: inout Analysis)
}

extension FieldExtractor {
    var name: String { rules.first?.field ?? String(describing: Self.self) }
}

extension RuleSet {
    func infos(field: String) -> [RuleInfo] {
        let program = self.program
        return zip(rules, program.patterns).map { rule, pattern in
            RuleInfo(field: field, id: rule.id, summary: rule.summary,
                     pattern: rule.pattern.map(\.description).joined(separator: " "), examples: rule.examples,
                     match: { text, lexicons, start in
                         guard rule.mayStart(at: text.tokens[start]) else { return nil }
                         return text.tokens.withUnsafeBufferPointer { tokens -> RuleMatch? in
                             text.words.withUnsafeBufferPointer { words -> RuleMatch? in
                                 var matcher = Matcher(tokens: tokens, words: words, program: program)
                                 guard let end = matcher.match(pattern, at: start, crossLines: rule.crossesLines), end > start else { return nil }
                                 return RuleMatch(tokens: start..<end, captures: matcher.captures)
                             }
                         }
                     })
        }
    }
}

/// The extractors in the order they run: later ones see what earlier ones found.
struct Pipeline: Sendable {
    let stages: [any FieldExtractor]
    let names: NameStage

    init(lexicons: Lexicons, options: Extractor.Options = Extractor.Options()) {
        let vocabulary = PersonVocabulary(lexicons)
        names = NameStage(lexicons: lexicons, vocabulary: vocabulary)
        stages = [
            DatelineExtractor(lexicons: lexicons),
            DecreeExtractor(lexicons: lexicons, namedActs: options.namedActs),
            OfficeExtractor(lexicons: lexicons),
            names,
            OrganizationExtractor(lexicons: lexicons, vocabulary: vocabulary),
            PersonExtractor(lexicons: lexicons, vocabulary: vocabulary),
            TimeExtractor(lexicons: lexicons),
            DateExtractor(lexicons: lexicons),
            TimeDating(lexicons: lexicons),
        ]
    }

    func run(_ analysis: inout Analysis) {
        for stage in stages { stage.run(&analysis) }
    }

    var rules: [RuleInfo] { stages.flatMap(\.rules) }
}
