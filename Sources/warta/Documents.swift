import Warta

/// Extracts the documents of a batch in path order and hands each to `body` in the calling thread;
/// inputs that cannot be read are reported on stderr and counted. For commands that need the
/// documents themselves (eval, review, explain) rather than their JSON.
struct DocumentRun {
    let jobs: Int
    private let workers: WorkerExtractors
    private(set) var failed = 0

    init(extractor: Extractor, jobs: Int) {
        self.jobs = jobs
        workers = WorkerExtractors(first: extractor, workers: jobs)
    }

    mutating func run(paths: [String], _ body: (InputFile, String, Analysis) -> Void) {
        let walker = InputWalker(paths: paths)
        for problem in walker.problems {
            failed += 1
            Console.error("warta: \(problem.path): \(problem.reason)\n")
        }
        for directory in walker.emptyDirectories {
            failed += 1
            Console.error("warta: no .txt files under \(directory)\n")
        }
        var files = walker.files.makeIterator()
        let workers = self.workers
        var failures = 0
        OrderedWork<InputFile, (InputFile, Result<(String, Analysis), ReadFailure>)>(jobs: jobs).run(
            next: { files.next() },
            work: { file, worker in
                let result = FileReader.read(path: file.path).flatMap { bytes in
                    Result { try Decoding.text(fromUTF8: bytes) }
                        .mapError { ReadFailure(($0 as? Decoding.Failure)?.description ?? "\($0)") }
                }.map { text in (text, workers.extractor(for: worker).analyze(text, source: file.path)) }
                return (file, result)
            },
            emit: { file, result in
                switch result {
                case .success(let (text, analysis)): body(file, text, analysis)
                case .failure(let f):
                    failures += 1
                    Console.error("warta: \(file.path): \(f.reason)\n")
                }
            })
        failed += failures
    }
}
