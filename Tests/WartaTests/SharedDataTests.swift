import Testing
@testable import Warta
#if canImport(Glibc)
import Glibc
#endif

/// Checks against the development data beside the checkout (`../shared`: the dev texts, their gold and
/// `score.py`). A clone on its own has none of it: the suite then reports itself skipped with the reason.
/// CI has it and sets `WARTA_REQUIRE_SHARED=1`, under which its absence fails `sharedDataIsThereWhenRequired`.
@Suite(.serialized, .enabled(if: SharedData.available, SharedData.skipReason))
struct SharedDataTests {
    static let devTexts = sharedRoot + "/dev/texts"

    static var devTextNames: [String] { listDirectory(devTexts).filter { $0.hasSuffix(".txt") } }

    @Test func offsetsRoundTripOnEveryDevText() throws {
        let names = Self.devTextNames
        #expect(names.count >= 398)
        for name in names {
            let text = try #require(readText(Self.devTexts + "/" + name))
            TokenizerTests().assertRoundTrip(text)
        }
    }

    @Test func sentenceShortcutAgreesWithICUOnEveryDevText() throws {
        let names = Self.devTextNames
        #expect(names.count >= 398)
        let check = try SentenceShortcutCheck()
        for name in names {
            let text = try #require(readText(Self.devTexts + "/" + name))
            check.expectAgreement(text, name: name)
        }
    }

    /// `warta eval` prints the same figures as score.py on the same output.
    func compare(gold: String, inputs: [String]) throws {
        let score = sharedRoot + "/dev/score.py"
        let jsonl = "/tmp/warta-eval-\(getpid()).jsonl"
        defer { unlink(jsonl) }
        let quoted = inputs.map { "'\($0)'" }.joined(separator: " ")
        #expect(runShell("'\(wartaBinary)' extract \(quoted) > \(jsonl) 2>/dev/null") == 0)
        let python = shellOutput("python3 '\(score)' '\(gold)' \(jsonl)")
        #expect(python.status == 0)
        let warta = runWarta(["eval", gold] + inputs)
        #expect(warta.status == 0, "\(warta.stderr)")
        #expect(!python.output.isEmpty)
        #expect(warta.stdout == python.output)
    }

    @Test func agreesWithScorePyOnTheDevGold() throws {
        let gold = sharedRoot + "/dev/gold"
        let ids = listDirectory(gold).filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }
        #expect(ids.count >= 71)
        try compare(gold: gold, inputs: ids.map { Self.devTexts + "/\($0).txt" })
    }

    @Test func agreesWithScorePyOnTheProjectGold() throws {
        try compare(gold: repositoryRoot + "/Tests/Gold", inputs: [repositoryRoot + "/Corpus"])
    }

    /// `scripts/train-names` rebuilds the name tagger's three files byte for byte from the training data and the
    /// current lexicons: after a lexicon edit that changes the tagger's facts, rerun it (the test says which file).
    @Test func theNameModelIsWhatItsTrainerWrites() throws {
        let out = "/tmp/warta-train-names-\(getpid())"
        defer { _ = runShell("rm -rf '\(out)'") }
        let run = shellOutput("python3 '\(repositoryRoot)/scripts/train-names' --warta '\(wartaBinary)' --out '\(out)' 2>&1")
        #expect(run.status == 0, "\(run.output)")
        for file in ["name-model.txt", "common-words.txt", "person-words.txt"] {
            let trained = readText(out + "/" + file), committed = readText(repositoryRoot + "/Models/" + file)
            #expect(trained != nil && trained == committed, "Models/\(file) is not what scripts/train-names writes: rerun it")
        }
    }
}

/// Where `../shared` must be present (CI), a missing one is a failure rather than a skipped suite.
struct SharedDataPresenceTests {
    @Test(.enabled(if: SharedData.required, "WARTA_REQUIRE_SHARED is not set: ../shared may be absent (only CI requires it)"))
    func sharedDataIsThereWhenRequired() {
        #expect(SharedData.missing.isEmpty, "WARTA_REQUIRE_SHARED=1 but ../shared lacks \(SharedData.missing)")
    }
}
