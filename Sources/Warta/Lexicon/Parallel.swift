import Dispatch
import Synchronization

/// Start-up work shared by the calling thread and one other (the machines Warta runs on have two cores or
/// more, and a one-line run is mostly start-up).
enum Parallel {
    /// `job(&state, i)` for every `i` in `0..<count`, on up to two threads; jobs are claimed in `order` (longest
    /// first balances best). Each thread makes its own `state` with `makeState` when it claims its first job.
    /// The results come back by index, so they do not depend on which thread ran which job.
    static func map<State, T>(_ count: Int, order: [Int], state makeState: () -> State, _ job: (inout State, Int) -> T) -> [T] {
        precondition(order.count == count)
        let results = UnsafeMutableBufferPointer<T>.allocate(capacity: count)
        defer { results.deallocate() }
        let next = Atomic<Int>(0)
        withoutActuallyEscaping(makeState) { makeState in
            withoutActuallyEscaping(job) { job in
                let work = Work(results: results, order: order, makeState: makeState, job: job)
                DispatchQueue.concurrentPerform(iterations: min(2, count)) { _ in
                    var state: State? = nil
                    while true {
                        let claimed = next.add(1, ordering: .relaxed).oldValue
                        if claimed >= count { break }
                        if state == nil { state = work.makeState() }
                        let index = work.order[claimed]
                        (work.results.baseAddress! + index).initialize(to: work.job(&state!, index))
                    }
                }
            }
        }
        // Every slot was initialized exactly once: move the results out.
        return (0..<count).map { (results.baseAddress! + $0).move() }
    }

    static func map<T>(_ count: Int, order: [Int], _ job: (Int) -> T) -> [T] {
        map(count, order: order, state: { () }) { _, i in job(i) }
    }

    /// What the threads share; each result slot is written by the one thread that claimed its index.
    private struct Work<State, T>: @unchecked Sendable {
        let results: UnsafeMutableBufferPointer<T>
        let order: [Int]
        let makeState: () -> State
        let job: (inout State, Int) -> T
    }
}
