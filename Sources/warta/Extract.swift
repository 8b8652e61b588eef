import ArgumentParser
import Warta
#if canImport(Glibc)
import Glibc
#endif

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",  // named here: deriving it from the type name costs ~0.4M instructions a run
        abstract: "Extract structured fields from Indonesian press releases.",
        discussion: """
            With no path (or "-"), stdin is one document and one JSON object is printed. One FILE prints \
            one object; several paths or a folder (searched recursively for *.txt) print JSON Lines ordered \
            by path. With --jsonl, stdin holds {"id": ..., "text": ...} records, one a line, and each gives \
            one output line in input order. Every key of the output is described in docs/output.md.

            Exit status: 0 all inputs processed; 1 some input failed (named on stderr, the rest still \
            printed); 2 usage error.

            Examples:
              warta extract release.txt
              warta extract --pretty < release.txt
              warta extract --jobs 2 Corpus/ > corpus.jsonl
              warta extract --jsonl < records.jsonl > results.jsonl
              warta extract --output results/ Corpus/
            """)

    @OptionGroup var input: InputOptions

    @Flag(help: "Indent the JSON.")
    var pretty = false

    @Option(help: ArgumentHelp("Write one .json per input under DIR, mirroring the input tree, instead of stdout.", valueName: "DIR"))
    var output: String?

    @Flag(help: "Print a first line with the versions of Warta, its lexicons and ICU (schema/meta.schema.json).")
    var meta = false

    func run() throws {
        var batch = try input.batch(pretty: pretty, outputDirectory: output)
        if let output { try batch.prepareOutputDirectory(output) }
        if meta {
            let line = Version.metaLine(models: batch.extractor.models)
            if let output {
                try? OutputFiles.write(line, to: output, relative: "warta-meta.txt")
            } else {
                Console.out(line)
            }
        }
        input.run(&batch)
        Console.flush()
        if batch.failed > 0 { throw ExitCode(1) }
    }
}

/// The inputs and how to read them: shared by `extract` and `decrees`.
struct InputOptions: ParsableArguments {
    @Argument(help: "Files or folders to read; none or \"-\" reads one document from stdin.")
    var paths: [String] = []

    @Flag(help: "Read JSON Lines records {\"id\", \"text\"} from stdin and stream one result a line.")
    var jsonl = false

    @OptionGroup var engine: EngineOptions

    @Flag(help: "Replace invalid UTF-8 with U+FFFD instead of failing the input.")
    var lossy = false

    @Option(name: .customLong("max-size"), help: ArgumentHelp("Largest document (or --jsonl line) to read; larger ones fail with a message.", valueName: "SIZE"))
    var maxSize: String = "64M"

    func validate() throws {
        if ByteSize.parse(maxSize) == nil { throw ValidationError("--max-size takes a size such as 64M, 1G or 500K, not '\(maxSize)'") }
        if jsonl, !paths.isEmpty, paths != ["-"] { throw ValidationError("--jsonl reads stdin; do not give paths with it") }
    }

    /// A batch over these inputs with the built-in or `--models` lexicons.
    func batch(pretty: Bool = false, outputDirectory: String? = nil) throws -> Batch {
        Batch(extractor: try engine.extractor(), pretty: pretty, lossy: lossy,
              outputDirectory: outputDirectory, jobs: engine.workers,
              maxSize: ByteSize.parse(maxSize) ?? 64 << 20)
    }

    /// Runs the batch in the mode the arguments select: `--jsonl` records, one stdin document, or paths.
    func run(_ batch: inout Batch) {
        if jsonl {
            batch.runRecords(fd: 0)
        } else if paths.isEmpty || paths == ["-"] {
            batch.runStdinDocument()
        } else {
            batch.runPaths(paths)
        }
    }
}

/// The lexicons and the parallelism: shared by every command that extracts.
struct EngineOptions: ParsableArguments {
    @Option(help: "Parallel workers (output is identical for every value). Default: the number of CPUs.")
    var jobs: Int?

    @Option(help: ArgumentHelp("Use the lexicons in DIR instead of the built-in ones (files it lacks stay built-in).", valueName: "DIR"))
    var models: String?

    @Flag(name: .customLong("named-acts"),
          help: "Also list acts cited by name without their number (\"UU Tipikor\") as decrees, numbered from Models/named-acts.txt.")
    var namedActs = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    var workers: Int { jobs ?? CommandSupport.processors }

    /// The extractor with the built-in or `--models` lexicons; a broken lexicon is a usage error (exit 2).
    func extractor() throws -> Extractor {
        try CommandSupport.extractor(models: models, options: Extractor.Options(namedActs: namedActs))
    }
}
