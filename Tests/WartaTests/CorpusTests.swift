import Testing
@testable import Warta

/// The regression corpus: every `Corpus/*.txt` must give exactly its `Corpus/*.json`. After an intended
/// change, regenerate with `scripts/regenerate-corpus` and review the diff.
struct CorpusTests {
    static let names = listDirectory(repositoryRoot + "/Corpus").filter { $0.hasSuffix(".txt") }

    @Test func corpusHasDocuments() { #expect(Self.names.count >= 11) }

    @Test(arguments: names)
    func matchesExpected(_ name: String) throws {
        let base = repositoryRoot + "/Corpus/"
        let bytes = try #require(readFile(base + name))
        let text = try Decoding.text(fromUTF8: bytes)
        let expected = try #require(readText(base + name.dropLast(4) + ".json"), "Corpus/\(name) has no expected .json")
        let actual = String(decoding: JSONWriter.encode(warta.extract(text, source: "Corpus/" + name), pretty: true), as: UTF8.self) + "\n"
        #expect(actual == expected, "Corpus/\(name) differs from its expected JSON; if intended, run scripts/regenerate-corpus and review the diff")
    }
}
