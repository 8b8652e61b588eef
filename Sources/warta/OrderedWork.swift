import Dispatch
import Synchronization
import Warta

/// Runs `work` over a stream of inputs on `jobs` worker threads and hands the results to `emit` in input
/// order. At most `window` inputs are in flight, so memory stays bounded however long the stream is.
/// With one job everything runs on the calling thread.
struct OrderedWork<Input: Sendable, Output: Sendable> {
    let jobs: Int
    let window: Int

    init(jobs: Int) {
        self.jobs = max(1, jobs)
        window = self.jobs * 8
    }

    func run(next: () -> Input?, work: @escaping @Sendable (Input, _ worker: Int) -> Output, emit: (Output) -> Void) {
        if jobs == 1 {
            while let input = next() { emit(work(input, 0)) }
            return
        }
        let queue = Mutex<(items: [(Int, Input)], head: Int, closed: Bool)>(([], 0, false))
        let available = DispatchSemaphore(value: 0)
        let results = Mutex<[Int: Output]>([:])
        let finished = DispatchSemaphore(value: 0)
        let workersDone = DispatchGroup()

        for worker in 0..<jobs {
            workersDone.enter()
            DispatchQueue.global().async {
                while true {
                    available.wait()
                    let item: (Int, Input)? = queue.withLock { q in
                        guard q.head < q.items.count else { return nil }
                        defer { q.head += 1 }
                        return q.items[q.head]
                    }
                    guard let (index, input) = item else { break }  // closed and drained
                    let output = work(input, worker)
                    results.withLock { $0[index] = output }
                    finished.signal()
                }
                workersDone.leave()
            }
        }

        var submitted = 0, emitted = 0
        var exhausted = false
        while true {
            while !exhausted, submitted - emitted < window {
                guard let input = next() else { exhausted = true; break }
                queue.withLock { q in
                    if q.head > 1024 { q.items.removeFirst(q.head); q.head = 0 }
                    q.items.append((submitted, input))
                }
                submitted += 1
                available.signal()
            }
            if emitted == submitted { break }
            var output: Output? = nil
            while output == nil {
                output = results.withLock { $0.removeValue(forKey: emitted) }
                if output == nil { finished.wait() }
            }
            emit(output!)
            emitted += 1
        }
        queue.withLock { $0.closed = true }
        for _ in 0..<jobs { available.signal() }
        workersDone.wait()
    }
}

/// One extractor per worker thread. An `Extractor` is safe to share, but threads that share one keep
/// retaining and releasing the same compiled rule objects, and the reference counts bounce between the
/// cores' caches; a copy per worker (built on its first document) keeps `--jobs 2` near twice as fast.
final class WorkerExtractors: Sendable {
    /// By worker; the first extractor goes to whichever worker asks first, so a batch that keeps one worker busy
    /// (a single file) builds no second one.
    private let slots: Mutex<(spare: Extractor?, byWorker: [Int: Extractor])>
    private let models: Models
    private let options: Extractor.Options

    init(first: Extractor, workers: Int) {
        models = first.models
        options = first.options
        slots = Mutex((first, [:]))
    }

    func extractor(for worker: Int) -> Extractor {
        let ready: Extractor? = slots.withLock { slots in
            if let mine = slots.byWorker[worker] { return mine }
            guard let spare = slots.spare else { return nil }
            slots.spare = nil
            slots.byWorker[worker] = spare
            return spare
        }
        if let ready { return ready }
        // A failure here would have failed the first extractor already; fall back to sharing one.
        let made = (try? Extractor(models: models, options: options)).map(CommandSupport.keep) ?? slots.withLock { $0.byWorker.values.first! }
        slots.withLock { $0.byWorker[worker] = made }
        return made
    }
}
