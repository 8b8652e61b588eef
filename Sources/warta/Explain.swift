import ArgumentParser
import Warta

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",  // named here: deriving it from the type name costs ~0.4M instructions a run
        abstract: "Show, for one document, the rule behind each item and what each pattern element matched.",
        discussion: """
            Also lists every place where a rule's pattern matched without producing an item, and why \
            (it lost an overlap, or its production rejected it); repeats of the same rule for the same \
            reason are one line with a count. For people writing rules.

            Examples:
              warta explain Corpus/seed-000.txt
              echo 'Lapas Kelas II A Ambon' | warta explain
            """)

    @Argument(help: "The document to explain; none or \"-\" reads stdin.")
    var path: String?

    @Option(help: ArgumentHelp("Use the lexicons in DIR.", valueName: "DIR"))
    var models: String?

    @Flag(name: .customLong("named-acts"), help: "Also list acts cited by name without their number, as extract --named-acts does.")
    var namedActs = false

    func run() throws {
        let extractor = try CommandSupport.extractor(models: models, options: Extractor.Options(namedActs: namedActs))
        let source = path ?? "-"
        let read = source == "-" ? FileReader.readAll(0) : FileReader.read(path: source)
        let text: String
        do {
            text = try Decoding.text(fromUTF8: read.get())
        } catch let failure as ReadFailure {
            Console.error("warta: \(source): \(failure.reason)\n")
            throw ExitCode(1)
        } catch {
            Console.error("warta: \(source): \(error)\n")
            throw ExitCode(1)
        }
        Console.out(Array(Explanation(text, source: source, extractor: extractor).text.utf8))
        Console.flush()
    }
}
