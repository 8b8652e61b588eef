import ArgumentParser
import Warta
#if canImport(Glibc)
import Glibc
#endif

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",  // named here: deriving it from the type name costs ~0.4M instructions a run
        abstract: "Score extraction against gold annotations (per-field precision, recall, F1).",
        discussion: """
            GOLD is a folder of ID.json files or one JSON list of cases, in the format of the gold guidelines. \
            Each input's id is its file name without ".txt". With a list of cases that carry their "text", \
            the inputs may be omitted. The figures are micro-averaged over documents, as score.py computes them.

            Exit status: 0 scored; 1 an input failed, no input matched a gold id, or the mean F1 is below \
            --min-f1; 2 usage error, or gold annotations that do not exist or cannot be read.

            Examples:
              warta eval ../shared/dev/gold ../shared/dev/texts/
              warta eval ../shared/dev/cases.json --detail
              warta eval Tests/Gold Corpus/ --min-f1 0.9 --json
            """)

    @Argument(help: "Gold annotations: a folder of ID.json files or a JSON list of cases.")
    var gold: String

    @Argument(help: "Text files or folders to extract and score (those without gold are ignored).")
    var inputs: [String] = []

    @Flag(help: "List every false positive and false negative.")
    var detail = false

    @Flag(help: "Print the results as one JSON object.")
    var json = false

    @Option(help: ArgumentHelp("Score only these fields (comma-separated); times are scored only when named.", valueName: "a,b"))
    var fields: String?

    @Option(name: .customLong("min-f1"), help: ArgumentHelp("Exit with status 1 when the mean F1 is below X.", valueName: "X"))
    var minF1: Double?

    @OptionGroup var engine: EngineOptions

    func validate() throws {
        if let fields {
            let known = Evaluation.fields + Evaluation.extraFields
            let unknown = fields.split(separator: ",").map(String.init).filter { !known.contains($0) }
            if !unknown.isEmpty {
                throw ValidationError("unknown field(s) \(unknown.joined(separator: ", ")); known: \(known.joined(separator: ","))")
            }
        }
    }

    func run() throws {
        let extractor = try engine.extractor()
        if access(gold, F_OK) != 0 {
            Console.error("warta: \(gold): \(errno == ENOENT ? "no such file or directory" : Errno.describe(errno))\n")
            throw ExitCode(2)
        }
        let goldFiles = CommandSupport.jsonFiles(at: gold)
        guard !goldFiles.isEmpty else {
            Console.error("warta: \(gold): no gold annotations found (a folder of ID.json files or a JSON list)\n")
            throw ExitCode(2)
        }
        let annotations: [Evaluation.Gold]
        do { annotations = try Evaluation.loadGold(goldFiles) } catch {
            Console.error("warta: \(error)\n")
            throw ExitCode(2)
        }
        let wanted = Set(annotations.map(\.id))
        var predictions: [String: Document] = [:]
        var run = DocumentRun(extractor: extractor, jobs: engine.workers)
        if inputs.isEmpty {
            let texts = annotations.compactMap { g in g.text.map { (g.id, $0) } }
            guard !texts.isEmpty else {
                Console.error("warta: \(gold) holds no texts: give the input files or folders to score\n")
                throw ExitCode(2)
            }
            for (id, text) in texts { predictions[id] = extractor.extract(text, source: id) }
        } else {
            var read = 0
            run.run(paths: inputs) { file, _, analysis in
                read += 1
                let id = CommandSupport.documentID(file.path)
                if wanted.contains(id) { predictions[id] = analysis.document }
            }
            // Scores over no document at all would be zeros that look like a result.
            if predictions.isEmpty {
                Console.error("warta: no input matched a gold id: \(read) input(s) read, \(annotations.count) annotation(s) in \(gold) (an input's id is its file name without .txt)\n")
                throw ExitCode(1)
            }
        }
        let selected = fields.map { $0.split(separator: ",").map(String.init) } ?? Evaluation.fields
        let report = Evaluation.score(gold: annotations, predictions: predictions, fields: selected)
        Console.out(Array((json ? EvalOutput.json(report) : EvalOutput.text(report, detail: detail)).utf8))
        Console.flush()
        if run.failed > 0 { throw ExitCode(1) }
        if let minF1, report.meanF1 < minF1 {
            Console.error("warta: mean F1 \(report.meanF1) is below --min-f1 \(minF1)\n")
            throw ExitCode(1)
        }
    }
}

/// The text and JSON forms of an evaluation report (the text form matches score.py's lines).
enum EvalOutput {
    static func text(_ report: Evaluation.Report, detail: Bool) -> String {
        var out = ""
        if detail {
            for m in report.misses {
                out += "\(m.document)\t\(m.field)\t\(m.falsePositive ? "fp" : "fn")\t\(m.item)\n"
            }
        }
        for (field, s) in report.scores {
            out += field.padding(11) + " P=\(fixed3(s.precision)) R=\(fixed3(s.recall)) F1=\(fixed3(s.f1))  (tp \(s.tp) fp \(s.fp) fn \(s.fn))\n"
        }
        if !report.missing.isEmpty { out += "documents with no output: \(report.missing.count)\n" }
        out += "mean F1 over fields: \(report.meanF1)\n"
        return out
    }

    static func json(_ report: Evaluation.Report) -> String {
        var w = JSONWriter()
        w.open("{")
        w.key("fields"); w.open("{")
        for (field, s) in report.scores {
            w.key(field); w.open("{")
            w.key("p"); w.raw("\(s.precision)")
            w.key("r"); w.raw("\(s.recall)")
            w.key("f1"); w.raw("\(s.f1)")
            w.key("tp"); w.int(s.tp)
            w.key("fp"); w.int(s.fp)
            w.key("fn"); w.int(s.fn)
            w.close("}")
        }
        w.close("}")
        w.key("mean_f1"); w.raw("\(report.meanF1)")
        w.key("missing"); w.strings(report.missing)
        w.key("misses"); w.open("[")
        for m in report.misses {
            w.item(); w.open("{")
            w.key("document"); w.string(m.document)
            w.key("field"); w.string(m.field)
            w.key("kind"); w.string(m.falsePositive ? "fp" : "fn")
            w.key("item"); w.string(m.item)
            w.close("}")
        }
        w.close("]")
        w.close("}")
        return String(decoding: w.bytes, as: UTF8.self) + "\n"
    }

    /// A number with exactly three decimals, as Python's "{:.3f}" prints an already rounded figure.
    static func fixed3(_ x: Double) -> String {
        let thousandths = Int((x * 1000).rounded())
        let whole = thousandths / 1000, frac = thousandths % 1000
        return "\(whole)." + String(repeating: "0", count: 3 - String(frac).count) + String(frac)
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
