import Testing
@testable import Warta
#if canImport(Glibc)
import Glibc
#endif

/// What a newcomer runs into first: every failure says what is wrong in one line, with the right status.
@Suite(.serialized)
struct RoughEdgeTests {
    @Test func aModelsDirectoryThatDoesNotExistIsNamed() throws {
        let s = Scratch(["file.txt": "x"])
        defer { s.remove() }
        let missing = runWarta(["extract", "--models", "nodir"], stdin: release, cwd: s.path)
        #expect(missing.status == 2)
        #expect(missing.stderr == "warta: --models nodir: no such directory\n")
        #expect(missing.stdout == "")
        let file = runWarta(["extract", "--models", "file.txt"], stdin: release, cwd: s.path)
        #expect(file.status == 2)
        #expect(file.stderr == "warta: --models file.txt: not a directory\n")
        for command in [["decrees"], ["explain"], ["eval", repositoryRoot + "/Tests/Gold"]] {
            let run = runWarta(command + ["--models", "nodir"], stdin: release, cwd: s.path)
            #expect(run.status == 2, "\(command)")
            #expect(run.stderr == "warta: --models nodir: no such directory\n", "\(command)")
        }
        // The library says it in a few words too, not with Foundation's error.
        #expect(throws: ModelError(file: s.path + "/nodir", line: nil, message: "no such directory")) {
            try Models(directory: s.path + "/nodir")
        }
    }

    @Test func aFolderWithoutTextFilesIsAFailure() {
        let s = Scratch(["notes.md": "x", "sub/data.json": "{}"])
        defer { s.remove() }
        let run = runWarta(["extract", s.path])
        #expect(run.status == 1)
        #expect(run.stdout == "")
        #expect(run.stderr == "warta: no .txt files under \(s.path)\n")
        // Beside other inputs it is one failure among them.
        let ok = Scratch(["a.txt": release])
        defer { ok.remove() }
        let mixed = runWarta(["extract", s.path, ok.path + "/a.txt"])
        #expect(mixed.status == 1)
        #expect(mixed.lines.count == 1)
        #expect(mixed.stderr == "warta: no .txt files under \(s.path)\nwarta: 1 processed, 1 failed, 0 skipped\n")
        let decrees = runWarta(["decrees", s.path])
        #expect(decrees.status == 1)
        #expect(decrees.stderr == "warta: no .txt files under \(s.path)\n")
        let review = runWarta(["review", s.path, "--output", s.path + "/out"])
        #expect(review.status == 1)
        #expect(review.stderr.hasPrefix("warta: no .txt files under \(s.path)\n"))
    }

    @Test func aBinaryFileNamedOnTheCommandLineFailsWithItsReason() {
        let s = Scratch(["a.txt": release])
        defer { s.remove() }
        runShell("printf 'PK\\003\\004\\000\\000binary' > '\(s.path)/m.txt'")
        let named = runWarta(["extract", s.path + "/m.txt"])
        #expect(named.status == 1)
        #expect(named.stdout == "")
        #expect(named.stderr == "warta: \(s.path)/m.txt: binary file (NUL byte at offset 4), not text\n")
        let withOthers = runWarta(["extract", s.path + "/m.txt", s.path + "/a.txt"])
        #expect(withOthers.status == 1)
        #expect(withOthers.lines.count == 1)
        #expect(withOthers.stderr.hasSuffix("warta: 1 processed, 1 failed, 0 skipped\n"))
        // Found inside a folder, it stays a skip.
        let folder = runWarta(["extract", s.path])
        #expect(folder.status == 0)
        #expect(folder.stderr.hasSuffix("warta: 1 processed, 0 failed, 1 skipped\n"))
        let stdin = shellOutput("printf 'A\\000B' | '\(wartaBinary)' extract")
        #expect(stdin.status == 1)
    }

    @Test func evalSaysWhenNoInputMatchesAGoldIdOrTheGoldIsMissing() {
        let s = Scratch(["other.txt": release])
        defer { s.remove() }
        let gold = repositoryRoot + "/Tests/Gold"
        let none = runWarta(["eval", gold, s.path])
        #expect(none.status == 1)
        #expect(none.stdout == "")
        #expect(none.stderr.hasPrefix("warta: no input matched a gold id: 1 input(s) read, "))
        #expect(none.stderr.hasSuffix(" annotation(s) in \(gold) (an input's id is its file name without .txt)\n"))
        let missing = runWarta(["eval", s.path + "/missing"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "warta: \(s.path)/missing: no such file or directory\n")
        // A real match still scores.
        let one = runWarta(["eval", gold + "/seed-000.json", repositoryRoot + "/Corpus/seed-000.txt"])
        #expect(one.status == 0)
        #expect(one.stdout.hasPrefix("dateline    P=1.000 R=1.000 F1=1.000  (tp 1 fp 0 fn 0)\n"))
    }

    /// Help paragraphs are single lines in the source, wrapped by the argument parser to the terminal's width:
    /// at 1000 columns every prose line ends a sentence, at 80 none is longer.
    @Test(arguments: ["", "extract", "decrees", "eval", "explain", "review"])
    func helpTextsLetTheParserWrap(_ command: String) {
        let wide = shellOutput("COLUMNS=1000 '\(wartaBinary)' \(command) --help")
        #expect(wide.status == 0)
        let prose = wide.output.split(separator: "\n").filter { !$0.hasPrefix(" ") && !$0.hasPrefix("USAGE:") }
        #expect(prose.count >= 2)
        for line in prose {
            #expect(line.last.map { ".:)".contains($0) } == true, "a help line breaks inside a sentence: \(line)")
        }
        let narrow = shellOutput("COLUMNS=80 '\(wartaBinary)' \(command) --help")
        for line in narrow.output.split(separator: "\n") where !line.hasPrefix("USAGE:") {
            #expect(line.count <= 80, "wider than 80 columns: \(line)")
        }
    }

    /// Progress goes to stderr only when it is a terminal (here a pseudo-terminal from `script`), for
    /// `--jsonl` records as for files: inputs done and MB/s, then cleared before the summary.
    @Test func progressOnATerminalForRecordsAndFiles() throws {
        try #require(shellOutput("command -v script").status == 0, "the test needs script(1) from util-linux (bsdutils)")
        let s = Scratch(["in.jsonl": "{\"id\": \"a\", \"text\": \"Medan, 19 September 2024 – Rapat.\"}\n{\"id\": \"b\", \"text\": \"Rapat.\"}\n"])
        defer { s.remove() }
        let records = shellOutput("script -qec \"'\(wartaBinary)' extract --jsonl < '\(s.path)/in.jsonl' > '\(s.path)/out.jsonl'\" /dev/null")
        #expect(records.status == 0)
        #expect(records.output.contains("\rwarta: 1 record, "))
        #expect(records.output.contains(" MB/s"))
        #expect(records.output.hasSuffix("\r\u{1B}[Kwarta: 2 processed, 0 failed, 0 skipped\r\n"))
        #expect(readText(s.path + "/out.jsonl")?.split(separator: "\n").count == 2)
        let files = shellOutput("script -qec \"'\(wartaBinary)' extract '\(repositoryRoot)/Corpus' > /dev/null\" /dev/null")
        #expect(files.status == 0)
        #expect(files.output.contains("/\(corpusTextNames().count) files, "))
        #expect(files.output.contains(" MB/s"))
        // Piped, stderr carries the summary alone.
        let piped = runWarta(["extract", "--jsonl"], stdin: readText(s.path + "/in.jsonl") ?? "")
        #expect(piped.stderr == "warta: 2 processed, 0 failed, 0 skipped\n")
    }

    @Test func explainCountsItemsAsTheJSONDoesAndGroupsRepeatedNonMatches() throws {
        let text = "Judul Rapat Koordinasi Pengawasan Orang Asing\n\nMedan, 19 September 2024 – Kepala Kantor Imigrasi Kelas II TPI Sibolga, Bapak Akbar Drajat Bogitara, hadir bersama Kepala Seksi, Rina Kartikasari. Ujar Akbar, rapat berjalan lancar.\n"
        let run = runWarta(["explain"], stdin: text)
        #expect(run.status == 0)
        let document = warta.extract(text)
        #expect(document.persons.count == 2)
        #expect(run.lines.first == "-: dateline 1, headline 1, dates \(document.dates.count), persons 2, titles \(document.titles.count), offices \(document.offices.count), decrees 0, organizations 0, times 0")
        let explanation = Explanation(text, extractor: warta)
        #expect(explanation.counts.map(\.count) == [1, 1, document.dates.count, 2, document.titles.count, document.offices.count, 0, 0, 0])
        // One line per rule and reason: no two lines of non-matches say the same rule for the same reason.
        let groups = explanation.loserGroups
        #expect(groups.contains { $0.spans.count > 1 })
        #expect(Set(groups.map { $0.rule + " " + $0.reason }).count == groups.count)
        #expect(groups.map(\.spans.count).reduce(0, +) == explanation.losers.count)
        let losers = run.stdout.split(separator: "\n").drop { !$0.hasPrefix("Matches that did not become items") }
        #expect(losers.first == "Matches that did not become items (\(explanation.losers.count), in \(groups.count) lines):")
        #expect(losers.filter { $0.hasPrefix("  ") && !$0.hasPrefix("    ") }.count == groups.count)
        #expect(losers.contains { $0.contains("  ×") && $0.contains(", first [") })
    }
}
