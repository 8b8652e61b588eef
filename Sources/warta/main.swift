import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// The `warta` command: argument parsing and I/O only; the work is in the Warta library.
struct WartaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "warta",
        abstract: "Extract datelines, dates, persons, offices and decrees from Indonesian press releases as JSON.",
        discussion: """
            Examples:
              warta extract release.txt                 one document, one JSON object
              cat release.txt | warta extract           stdin is one document
              warta extract Corpus/ > out.jsonl         a folder: JSON Lines ordered by path
              warta extract --jsonl < records.jsonl     {"id", "text"} records, streamed
              warta extract --output out/ Corpus/       one .json per input
              warta decrees Corpus/                     the acts cited across a batch, with counts
              warta regions --by province Corpus/       the provinces of the batch's offices and datelines
            """,
        version: Version.text,
        subcommands: [Extract.self, Decrees.self, Regions.self, Eval.self, Explain.self, Review.self, NameFeaturesCommand.self],
        defaultSubcommand: nil
    )
}

/// Usage errors exit 2 (the contract); ArgumentParser's default for them is 64.
func runMain() -> Never {
    do {
        var command = try WartaCommand.parseAsRoot()
        try command.run()
        exit(0)
    } catch {
        if WartaCommand.exitCode(for: error) == .validationFailure {
            var message = WartaCommand.fullMessage(for: error)
            if !message.hasSuffix("\n") { message += "\n" }
            Console.error(message)
            exit(2)
        }
        WartaCommand.exit(withError: error)
    }
}

runMain()
