import Dispatch
import Synchronization

extension ScoreRun {
    /// Scores `submissions` with `concurrency` of them in flight at once, so that one's
    /// sandboxed prediction overlaps another's evaluation and recording. Outcomes come back
    /// in the order of `submissions`; `progress` sees how many are done.
    public func score(
        _ submissions: [Submission], concurrency: Int = 2,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) -> [Outcome] {
        let state = Mutex((next: 0, done: 0, outcomes: [Outcome?](repeating: nil, count: submissions.count)))
        DispatchQueue.concurrentPerform(iterations: max(1, min(concurrency, submissions.count))) { _ in
            while true {
                let index: Int = state.withLock { s in
                    defer { s.next += 1 }
                    return s.next
                }
                guard index < submissions.count else { return }
                let outcome = score(submissions[index])
                let done: Int = state.withLock { s in
                    s.outcomes[index] = outcome
                    s.done += 1
                    return s.done
                }
                progress?(done, submissions.count)
            }
        }
        return state.withLock { $0.outcomes.compactMap { $0 } }
    }
}
