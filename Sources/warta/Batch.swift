import ArgumentParser
import Warta
#if canImport(Glibc)
import Glibc
#endif

/// Runs extraction over the inputs of one `warta extract` (or `warta decrees`) call and accounts for every
/// one of them: each input is either printed (or written under `--output`, or handed to `collect`) or
/// named on stderr with a reason.
struct Batch {
    let extractor: Extractor
    private let workers: WorkerExtractors
    let pretty: Bool
    let lossy: Bool
    let outputDirectory: String?
    let jobs: Int
    /// The largest document (or `--jsonl` line) accepted, in bytes.
    let maxSize: Int
    /// When set, each document is handed here, in input order, instead of being printed as JSON.
    var collect: ((Document) -> Void)? = nil
    private(set) var processed = 0
    private(set) var failed = 0
    private(set) var skipped = 0
    private var progress: Progress

    init(extractor: Extractor, pretty: Bool, lossy: Bool, outputDirectory: String?, jobs: Int, maxSize: Int) {
        self.extractor = extractor
        workers = WorkerExtractors(first: extractor, workers: jobs)
        self.maxSize = maxSize
        self.pretty = pretty
        self.lossy = lossy
        self.outputDirectory = outputDirectory
        self.jobs = jobs
        progress = Progress(enabled: Console.stderrIsTerminal)
    }

    /// What happened to one input.
    enum Outcome: Sendable {
        case document(source: String, relative: String, json: [UInt8])
        case collected(Document)
        case failed(source: String, reason: String)
        case skipped(source: String, reason: String)
    }

    // MARK: modes

    mutating func runStdinDocument() {
        let bytes: [UInt8]
        switch FileReader.readAll(0, limit: maxSize) {
        case .success(let b): bytes = b
        case .failure(let f): return record(.failed(source: "-", reason: f.reason))
        }
        record(Batch.process(bytes: bytes, source: "-", relative: "stdin.txt", named: true, extractor: extractor, pretty: pretty,
                             lossy: lossy, collecting: collect != nil))
    }

    mutating func runPaths(_ paths: [String]) {
        let walker = InputWalker(paths: paths)
        for problem in walker.problems {
            if problem.reason.hasPrefix("skipped") {
                record(.skipped(source: problem.path, reason: String(problem.reason.dropFirst("skipped: ".count))))
            } else {
                record(.failed(source: problem.path, reason: problem.reason))
            }
        }
        for directory in walker.emptyDirectories {
            failed += 1
            Console.error("warta: no .txt files under \(directory)\n")
        }
        var iterator = walker.files.makeIterator()
        let (workers, pretty, lossy, maxSize, collecting) = (self.workers, self.pretty, self.lossy, self.maxSize, collect != nil)
        progress.total = walker.files.count
        // The sizes of the files in flight, in input order, so that the progress counts the bytes of files done.
        var inFlight: [Int] = []
        OrderedWork<InputFile, Outcome>(jobs: jobs).run(
            next: {
                let file = iterator.next()
                if let file { inFlight.append(file.size) }
                return file
            },
            work: { file, worker in
                switch FileReader.read(path: file.path, limit: maxSize) {
                case .success(let bytes):
                    return Batch.process(bytes: bytes, source: file.path, relative: file.relative, named: file.named,
                                         extractor: workers.extractor(for: worker), pretty: pretty, lossy: lossy, collecting: collecting)
                case .failure(let f):
                    return .failed(source: file.path, reason: f.reason)
                }
            },
            emit: { outcome in
                progress.bytes += inFlight.removeFirst()
                record(outcome)
            })
        finish(batch: walker.files.count + walker.problems.count > 1 || paths.count > 1)
    }

    mutating func runRecords(fd: Int32) {
        var reader = LineReader(fd: fd, limit: maxSize)
        let (workers, pretty, maxSize, collecting) = (self.workers, self.pretty, self.maxSize, collect != nil)
        progress.total = nil
        // The sizes of the records in flight, in input order, so that the progress counts the bytes of records done.
        var inFlight: [Int] = []
        OrderedWork<(Int, LineReader.Line), Outcome>(jobs: jobs).run(
            next: {
                while let line = reader.next() {
                    // Blank lines carry no record.
                    if case .text(let bytes) = line, bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                    if case .text(let bytes) = line { inFlight.append(bytes.count + 1) } else { inFlight.append(maxSize) }
                    return (reader.lineNumber, line)
                }
                return nil
            },
            work: { (item, worker) in
                let (number, line) = item
                guard case .text(let bytes) = line else {
                    return .failed(source: "stdin line \(number)", reason: "record over the --max-size limit of \(ByteSize.describe(maxSize)) (raise it with --max-size)")
                }
                switch Record.parse(bytes) {
                case .failure(let f):
                    return .failed(source: "stdin line \(number)", reason: f.reason)
                case .success(let record):
                    let source = record.id ?? String(number)
                    let text = Decoding.droppingBOM(record.text)
                    let document = workers.extractor(for: worker).extract(text, source: source)
                    if collecting { return .collected(document) }
                    return .document(source: source, relative: source + ".txt", json: JSONWriter.encode(document, pretty: pretty))
                }
            },
            emit: { outcome in
                progress.bytes += inFlight.removeFirst()
                record(outcome)
            })
        finish(batch: true)
    }

    // MARK: one input

    /// Extracts one input. A binary file found in a folder is skipped; one the user named (or stdin) fails,
    /// since an input asked for by name must give output or a reason.
    static func process(bytes: [UInt8], source: String, relative: String, named: Bool, extractor: Extractor, pretty: Bool,
                        lossy: Bool, collecting: Bool) -> Outcome {
        do {
            let text = try Decoding.text(fromUTF8: bytes, lossy: lossy)
            let document = extractor.extract(text, source: source)
            if collecting { return .collected(document) }
            return .document(source: source, relative: relative, json: JSONWriter.encode(document, pretty: pretty))
        } catch .binary(let offset) {
            let reason = "binary file (NUL byte at offset \(offset)), not text"
            return named ? .failed(source: source, reason: reason) : .skipped(source: source, reason: reason)
        } catch {
            return .failed(source: source, reason: error.description)
        }
    }

    private mutating func record(_ outcome: Outcome) {
        switch outcome {
        case .document(let source, let relative, let json):
            if let outputDirectory {
                do {
                    try OutputFiles.write(json + [0x0A], to: outputDirectory, relative: relative)
                    processed += 1
                } catch {
                    failed += 1
                    Console.error("warta: \(source): cannot write output: \(error.reason)\n")
                }
            } else {
                Console.out(json + [0x0A])
                processed += 1
            }
        case .collected(let document):
            collect?(document)
            processed += 1
        case .failed(let source, let reason):
            failed += 1
            progress.clear()
            Console.error("warta: \(source): \(reason)\n")
        case .skipped(let source, let reason):
            skipped += 1
            progress.clear()
            Console.error("warta: \(source): skipped: \(reason)\n")
        }
        progress.step(done: processed + failed + skipped)
    }

    private mutating func finish(batch: Bool) {
        progress.clear()
        if batch {
            Console.flush()
            Console.error("warta: \(processed) processed, \(failed) failed, \(skipped) skipped\n")
        }
    }

    func prepareOutputDirectory(_ directory: String) throws {
        do { try OutputFiles.makeDirectories(directory) } catch {
            Console.error("warta: --output \(directory): \(error.reason)\n")
            throw ExitCode(1)
        }
    }
}


/// Writes one output file under `--output DIR`, creating folders as needed.
enum OutputFiles {
    /// Writes `bytes` to DIR/relative, with a ".txt" suffix replaced by `extension`.
    static func write(_ bytes: [UInt8], to directory: String, relative: String, extension ext: String = ".json") throws(ReadFailure) {
        var name = relative
        if name.hasSuffix(".txt") { name.removeLast(4) }
        name = name.split(separator: "/").filter { $0 != ".." && $0 != "." }.joined(separator: "/") + ext
        let path = (directory.hasSuffix("/") ? directory : directory + "/") + name
        if let slash = path.lastIndex(of: "/") { try makeDirectories(String(path[..<slash])) }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw ReadFailure(Errno.describe(errno)) }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 { if errno == EINTR { continue }; throw ReadFailure(Errno.describe(errno)) }
            offset += n
        }
    }

    static func makeDirectories(_ path: String) throws(ReadFailure) {
        var current = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            current += part + "/"
            if mkdir(current, 0o755) != 0, errno != EEXIST { throw ReadFailure(Errno.describe(errno)) }
        }
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else { throw ReadFailure("not a directory") }
        guard access(path, W_OK) == 0 else { throw ReadFailure("permission denied") }
    }
}

/// A one-line progress counter on a terminal's stderr, redrawn at most a few times a second: the inputs done
/// (of how many, for files) and the throughput in MB/s of what has been read.
struct Progress {
    let enabled: Bool
    /// The number of files when known; nil for a stream of `--jsonl` records.
    var total: Int? = 0
    /// Bytes of the inputs done so far.
    var bytes = 0
    private let started: UInt64
    private var lastDraw: UInt64 = 0
    private var shown = false

    init(enabled: Bool) {
        self.enabled = enabled
        started = Progress.milliseconds()
    }

    static func milliseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1000 + UInt64(now.tv_nsec) / 1_000_000
    }

    mutating func step(done: Int) {
        guard enabled else { return }
        if let total, total <= 1 { return }
        let ms = Progress.milliseconds()
        guard ms - lastDraw >= 200 || done == total else { return }
        lastDraw = ms
        let count = total.map { "\(done)/\($0) files" } ?? "\(done) record\(done == 1 ? "" : "s")"
        let seconds = Double(max(ms - started, 1)) / 1000
        Console.error("\rwarta: \(count), \(Progress.tenths(Double(bytes) / 1_048_576)) MB, \(Progress.tenths(Double(bytes) / 1_048_576 / seconds)) MB/s\u{1B}[K")
        shown = true
    }

    /// A number with one decimal.
    static func tenths(_ x: Double) -> String {
        let t = Int((x * 10).rounded())
        return "\(t / 10).\(t % 10)"
    }

    mutating func clear() {
        guard shown else { return }
        Console.error("\r\u{1B}[K")
        shown = false
    }
}
