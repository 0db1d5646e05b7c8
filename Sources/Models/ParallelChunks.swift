import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Runs `work(0)`, …, `work(iterations − 1)` on the calling thread and on up to one thread
/// per further core, each taking the next index until none is left, and returns when all
/// are done: what `DispatchQueue.concurrentPerform` does, on threads of its own.
///
/// Prediction runs inside the contained child of `score`, where Landlock lets the process
/// read only its own snapshot files. libdispatch's worker pool watches its threads by
/// opening `/proc/<thread id>/stat`; refused there, it aborts the process, so a model that
/// predicted through Dispatch's pool failed at random (about one child in twenty on the
/// sample with the memorization check's copies). Plain threads need no such file. A thread
/// that cannot be started leaves its share to the others, the calling thread included.
public func performInParallel(iterations: Int, _ work: (Int) -> Void) {
    guard iterations > 1 else {
        if iterations == 1 { work(0) }
        return
    }
    let helpers = min(iterations, ProcessInfo.processInfo.activeProcessorCount) - 1
    withoutActuallyEscaping(work) { work in
        let shared = SharedIndices(work: work, iterations: iterations)
        var threads: [pthread_t] = []
        for _ in 0..<helpers {
            var thread = pthread_t()
            let context = Unmanaged.passRetained(shared).toOpaque()
            let started = pthread_create(
                &thread, nil,
                { context in
                    guard let context else { return nil }
                    Unmanaged<SharedIndices>.fromOpaque(context).takeRetainedValue().run()
                    return nil
                }, context)
            if started == 0 {
                threads.append(thread)
            } else {
                Unmanaged<SharedIndices>.fromOpaque(context).release()
            }
        }
        shared.run()
        for thread in threads { pthread_join(thread, nil) }
    }
}

/// The work and the next index to take, shared by the threads of one
/// ``performInParallel(iterations:_:)``; it lives no longer than that call.
private final class SharedIndices: @unchecked Sendable {
    let work: (Int) -> Void
    let iterations: Int
    let next = Atomic<Int>(0)

    init(work: @escaping (Int) -> Void, iterations: Int) {
        self.work = work
        self.iterations = iterations
    }

    /// Takes indices until none is left.
    func run() {
        while true {
            let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
            guard index < iterations else { return }
            work(index)
        }
    }
}
