import Testing
@testable import Warta

/// The hand gold of the corpus (`Tests/Gold`) scored as `warta eval Tests/Gold Corpus/` scores it: no field may
/// fall below its floor in `Tests/quality-floors.tsv`.
struct QualityTests {
    static let floorsFile = repositoryRoot + "/Tests/quality-floors.tsv"

    /// The floors by field, from `Tests/quality-floors.tsv` (`field<TAB>floor` lines, `#` comments).
    static func floors() throws -> [String: Double] {
        let text = try #require(readText(floorsFile), "Tests/quality-floors.tsv is missing")
        var floors: [String: Double] = [:]
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = String(line.prefix { $0 != "#" })
            let fields = content.split(whereSeparator: { $0 == "\t" || $0 == " " || $0 == "\r" }).map(String.init)
            if fields.isEmpty { continue }
            let floor = try #require(fields.count == 2 ? Double(fields[1]) : nil, "quality-floors.tsv:\(n + 1): expected field<TAB>floor, found \(content)")
            #expect(floors.updateValue(floor, forKey: fields[0]) == nil, "quality-floors.tsv:\(n + 1): \(fields[0]) given twice")
        }
        return floors
    }

    /// The corpus scored against its hand gold, through the library (the same code `warta eval` runs).
    static func report() throws -> Evaluation.Report {
        let goldFolder = repositoryRoot + "/Tests/Gold"
        let files = try listDirectory(goldFolder).filter { $0.hasSuffix(".json") }.map { name in
            (name: name, bytes: try #require(readFile(goldFolder + "/" + name)))
        }
        let gold = try Evaluation.loadGold(files)
        var predictions: [String: Document] = [:]
        for name in corpusTextNames() {
            let text = try Decoding.text(fromUTF8: try #require(readFile(repositoryRoot + "/Corpus/" + name)))
            predictions[String(name.dropLast(4))] = warta.extract(text, source: "Corpus/" + name)
        }
        return Evaluation.score(gold: gold, predictions: predictions)
    }

    @Test func everyCorpusDocumentHasHandGold() {
        let gold = Set(listDirectory(repositoryRoot + "/Tests/Gold").filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) })
        let texts = Set(corpusTextNames().map { String($0.dropLast(4)) })
        #expect(texts.count >= 90)
        #expect(texts.subtracting(gold).sorted() == [], "corpus documents without hand gold in Tests/Gold")
        #expect(gold.subtracting(texts).sorted() == [], "gold in Tests/Gold without a corpus document")
    }

    @Test func everyScoredFieldHasAFloor() throws {
        let floors = try Self.floors()
        #expect(Set(floors.keys) == Set(Evaluation.fields), "Tests/quality-floors.tsv must give one floor for each of \(Evaluation.fields)")
        for (field, floor) in floors { #expect(floor > 0 && floor <= 1, "the floor of \(field) must be in (0, 1]") }
    }

    @Test func noFieldFallsBelowItsFloor() throws {
        let floors = try Self.floors()
        let report = try Self.report()
        #expect(report.missing.isEmpty, "gold documents with no corpus text: \(report.missing)")
        let scores = Dictionary(uniqueKeysWithValues: report.scores.map { ($0.field, $0.score) })
        let figures = Evaluation.fields.map { "\($0) \(scores[$0].map { String($0.f1) } ?? "-")" }.joined(separator: ", ")
        for field in Evaluation.fields {
            let score = try #require(scores[field], "Tests/Gold scores nothing for \(field)")
            let floor = try #require(floors[field])
            #expect(score.f1 >= floor, "\(field): F1 \(score.f1) is below its floor \(floor) (tp \(score.tp) fp \(score.fp) fn \(score.fn)); all: \(figures). See the misses with warta eval Tests/Gold Corpus/ --detail")
        }
    }
}
