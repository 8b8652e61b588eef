import ArgumentParser
import Warta

struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",  // named here: deriving it from the type name costs ~0.4M instructions a run
        abstract: "Write self-contained HTML pages that highlight what Warta found in each document.",
        discussion: """
            Each page shows the text with every extracted span highlighted by field, the structured result \
            beside it, and a span's rule and values on click. Pages need no network. With --output DIR, one \
            page per input (mirroring the input tree) and DIR/index.html; with one input and no --output, the \
            page goes to stdout.

            Examples:
              warta review Corpus/ --output review/ && xdg-open review/index.html
              warta review release.txt > release.html
            """)

    @Argument(help: "Files or folders (*.txt) to review.")
    var paths: [String]

    @Option(help: ArgumentHelp("Write the pages and index.html under DIR.", valueName: "DIR"))
    var output: String?

    @OptionGroup var engine: EngineOptions

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give the files or folders to review") }
    }

    func run() throws {
        let extractor = try engine.extractor()
        var run = DocumentRun(extractor: extractor, jobs: engine.workers)
        guard let output else {
            var pages: [String] = []
            run.run(paths: paths) { _, _, analysis in pages.append(ReviewPage.page(analysis)) }
            guard pages.count <= 1 else {
                Console.error("warta: several documents need --output DIR (one page each, with an index)\n")
                throw ExitCode(2)
            }
            pages.first.map { Console.out(Array($0.utf8)) }
            Console.flush()
            if run.failed > 0 { throw ExitCode(1) }
            return
        }
        var rows: [(link: String, source: String, document: Document)] = []
        var failed = 0
        run.run(paths: paths) { file, _, analysis in
            var name = file.relative
            if name.hasSuffix(".txt") { name.removeLast(4) }
            let depth = name.split(separator: "/").count - 1
            let page = ReviewPage.page(analysis, indexLink: String(repeating: "../", count: depth) + "index.html")
            do {
                try OutputFiles.write(Array(page.utf8), to: output, relative: name + ".html", extension: "")
                rows.append((name + ".html", file.path, analysis.document))
            } catch let failure as ReadFailure {
                failed += 1
                Console.error("warta: \(file.path): cannot write its page: \(failure.reason)\n")
            } catch {
                failed += 1
                Console.error("warta: \(file.path): cannot write its page: \(error)\n")
            }
        }
        do {
            try OutputFiles.write(Array(ReviewPage.index(rows).utf8), to: output, relative: "index.html", extension: "")
        } catch {
            Console.error("warta: --output \(output): \(error.reason)\n")
            throw ExitCode(1)
        }
        Console.error("warta: \(rows.count) pages and index.html written to \(output)\n")
        if run.failed + failed > 0 { throw ExitCode(1) }
    }
}
