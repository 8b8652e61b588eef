import Synchronization
import Testing
@testable import Warta

/// The rule engine's shortcuts (start index, remembered checks and groups, lexicon first words) must never
/// change what matches: each test compares a shortcut with the plain way or states the exact outcome.
struct MatchingTests {
    /// Rules compiled over fresh lexicons (their vocabulary is the tests' own), and a tokenizer made after them.
    private struct Setup {
        let lexicons: Lexicons
        let rules: RuleSet<String>
        let tokenizer: Tokenizer

        init(_ rules: [Rule<String>]) throws {
            lexicons = try Lexicons(models: .builtIn)
            self.rules = RuleSet(rules, lexicons: lexicons)
            tokenizer = try Tokenizer(abbreviations: lexicons.abbreviations, vocabulary: lexicons.vocabulary)
        }

        /// "rule text" for each candidate, in order.
        func found(_ text: String) -> [String] {
            rules.candidates(in: tokenizer.tokenize(text), lexicons: lexicons).map { "\($0.rule) \($0.value)" }
        }
    }

    private static func rule(_ id: String, _ pattern: [Element], crossesLines: Bool = false) -> Rule<String> {
        Rule(id, "test", pattern: pattern, crossesLines: crossesLines, examples: []) { $0.text }
    }

    @Test func exactTextsMatchOnlyAsWritten() throws {
        let setup = try Setup([MatchingTests.rule("t.exact", [.exact("bin", "van"), .capitalized])])
        #expect(setup.found("Ahmad bin Said dan Bin Laden, van Basten") == ["t.exact bin Said", "t.exact van Basten"])
        // Texts outside plain ASCII are compared as written too (no vocabulary shortcut).
        let accented = try Setup([MatchingTests.rule("t.exact", [.exact("ré"), .capitalized])])
        #expect(accented.found("ré Anna, Ré Anna") == ["t.exact ré Anna"])
    }

    @Test func rulesSharingAStartTestAreAllTried() throws {
        let upper = Element.check("capitalized") { $0.shape.contains(.initialUpper) }
        let setup = try Setup([
            MatchingTests.rule("t.comma", [upper, .word(",")]),
            MatchingTests.rule("t.pair", [upper, upper]),
        ])
        #expect(setup.found("kata Budi Santoso, lalu") == ["t.pair Budi Santoso", "t.comma Santoso,"])
    }

    @Test func rememberedGroupsMatchAsTheFirstTime() throws {
        // The same group in two rules, one within a line and one across lines: what each remembers is its own.
        let name = Element.group(.capitalized, Element.capitalized.optional)
        let rules = [
            MatchingTests.rule("t.line", [name.as("name"), .word("hadir")]),
            MatchingTests.rule("t.lines", [name.as("name"), .word("hadir")], crossesLines: true),
        ]
        let setup = try Setup(rules)
        let text = "Budi Santoso hadir. Anna\nMaria hadir."
        #expect(setup.found(text) == ["t.line Budi Santoso hadir", "t.lines Budi Santoso hadir", "t.line Santoso hadir",
                                      "t.lines Santoso hadir", "t.lines Anna\nMaria hadir", "t.line Maria hadir", "t.lines Maria hadir"])
        // One-off matching remembers nothing and must agree.
        let document = setup.tokenizer.tokenize(text)
        let match = Match(document: document, lexicons: setup.lexicons, tokens: 0..<1, captures: [])
        let starts = document.tokens.indices.filter { !document.tokens[$0].isSpace }
        let compiled = CompiledPattern(setup.rules.program, pattern: 0)
        let plain = starts.map { match.match(rules[0].pattern, at: $0) }
        #expect(match.match(compiled, atEach: starts) == plain)
        #expect(plain.compactMap { $0 }.count == 3)
    }

    @Test func aGroupFailingOnItsFirstTokenFailsWhateverFollows() throws {
        let setup = try Setup([
            MatchingTests.rule("t.group", [.word("oleh"), .group(.capitalized, .word("hadir"))]),
            MatchingTests.rule("t.optional", [.word("oleh"), .group(Element.capitalized.optional, .word("hadir"))]),
        ])
        #expect(setup.found("oleh hadir") == ["t.optional oleh hadir"])
        #expect(setup.found("oleh Budi hadir") == ["t.group oleh Budi hadir", "t.optional oleh Budi hadir"])
    }

    private final class Counter: Sendable {
        let count = Atomic<Int>(0)
    }

    @Test func knownCheckAnswersReplaceTheCheck() throws {
        let calls = Counter()
        let named = Element.check("named") { _ in calls.count.add(1, ordering: .relaxed); return true }
        let setup = try Setup([MatchingTests.rule("t.known", [.word("oleh"), named])])
        let document = setup.tokenizer.tokenize("oleh Budi dan oleh Anna")
        var memo = MatchMemo()
        memo.know(named, tokenCount: document.tokens.count) { document.tokens[$0].text == "Anna" }
        let found = setup.rules.candidates(in: document, lexicons: setup.lexicons, memo: &memo).map(\.value)
        #expect(found == ["oleh Anna"])
        #expect(calls.count.load(ordering: .relaxed) == 0)
        // Without the answers, the check itself decides.
        #expect(setup.rules.candidates(in: document, lexicons: setup.lexicons).map(\.value) == ["oleh Budi", "oleh Anna"])
    }

    @Test func ruleSetsSharingAMemoFindWhatEachFindsAlone() throws {
        let lexicons = try Lexicons(models: .builtIn)
        let name = Element.group(.capitalized, Element.capitalized.optional)
        let first = RuleSet([MatchingTests.rule("t.verb", [name, .word("mengatakan")])], lexicons: lexicons)
        let second = RuleSet([MatchingTests.rule("t.comma", [name, .word(",")])], lexicons: lexicons)
        let tokenizer = try Tokenizer(abbreviations: lexicons.abbreviations, vocabulary: lexicons.vocabulary)
        let document = tokenizer.tokenize("Budi Santoso mengatakan, Anna Maria, dan Budi Santoso, hadir.")
        var memo = MatchMemo()
        let shared = (first.candidates(in: document, lexicons: lexicons, memo: &memo)
            + second.candidates(in: document, lexicons: lexicons, memo: &memo)).map(\.value)
        let alone = (first.candidates(in: document, lexicons: lexicons) + second.candidates(in: document, lexicons: lexicons)).map(\.value)
        #expect(shared == alone)
        #expect(alone == ["Budi Santoso mengatakan", "Santoso mengatakan", "Anna Maria,", "Maria,", "Budi Santoso,", "Santoso,"])
    }

    @Test func lexiconsOpenOnlyAtTheirFirstWords() throws {
        let lexicons = try Lexicons(models: .builtIn)
        let months = lexicons["months"]
        let tokenizer = try Tokenizer(abbreviations: lexicons.abbreviations, vocabulary: lexicons.vocabulary)
        let tokens = tokenizer.tokenize("pada Januari dan rapat").tokens
        #expect(months.longestMatch(in: tokens, at: 0) == nil)
        #expect(months.longestMatch(in: tokens, at: 2)?.entry.text == "Januari")
        #expect(months.entry(forWord: tokens[2].word)?.text == "Januari")
        #expect(months.entry(forWord: tokens[4].word) == nil)
        let ids = Set(months.firstWordIDs)
        #expect(ids == Set(months.firstWords.map { lexicons.vocabulary.id($0) }))
    }
}
