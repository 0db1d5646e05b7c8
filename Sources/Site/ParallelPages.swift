import Dispatch
import Foundation
import Synchronization

/// The pages of a site made on every core. Each entry's page depends on its entry alone and is
/// written to a file of its own, so the site's bytes do not depend on which core made which
/// page, nor in what order (a build of 1,000 entries spends most of its time on them).
enum ParallelPages {
    /// `make` of each index below `count`, each core taking the next index as it finishes one;
    /// the results in index order, or the error of the lowest index that failed.
    ///
    /// `make` is called from several threads at once: it may read what it shares with the
    /// other calls (values, the templates, the database's pool of readers, the Markdown
    /// child behind its lock) and write only what is its index's own.
    static func make<T: Sendable>(_ count: Int, _ make: (Int) throws -> T) throws -> [T] {
        let state = Mutex((next: 0, results: [Result<T, any Error>?](repeating: nil, count: count)))
        withoutActuallyEscaping(make) { make in
            let shared = Shared(make: make)
            DispatchQueue.concurrentPerform(iterations: max(1, min(count, ProcessInfo.processInfo.activeProcessorCount))) { _ in
                while true {
                    let index: Int = state.withLock { s in
                        defer { s.next += 1 }
                        return s.next
                    }
                    guard index < count else { return }
                    let result = Result { try shared.make(index) }
                    state.withLock { $0.results[index] = result }
                }
            }
        }
        return try state.withLock { $0.results }.map { try $0!.get() }
    }

    /// `make`, handed to the threads (see ``make(_:_:)`` for what makes that safe).
    private struct Shared<T>: @unchecked Sendable {
        let make: (Int) throws -> T
    }
}
