import Dispatch
import Foundation
import Synchronization

extension ScoreRun {
    /// Scores `submissions` with `concurrency` of them in flight at once, so that one's
    /// sandboxed prediction overlaps another's evaluation and recording. One team's versions
    /// are scored one after another, in the order of their own times (`submittedAt`, else as
    /// given), so that they are numbered and counted against the daily limit in that order.
    /// Outcomes come back in the order of `submissions`; `progress` sees how many are done.
    public func score(
        _ submissions: [Submission], concurrency: Int = 2,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) -> [Outcome] {
        let groups = Self.byTeam(submissions)
        let state = Mutex((next: 0, done: 0, outcomes: [Outcome?](repeating: nil, count: submissions.count)))
        DispatchQueue.concurrentPerform(iterations: max(1, min(concurrency, groups.count))) { _ in
            while true {
                let group: Int = state.withLock { s in
                    defer { s.next += 1 }
                    return s.next
                }
                guard group < groups.count else { return }
                for index in groups[group] {
                    let outcome = score(submissions[index])
                    let done: Int = state.withLock { s in
                        s.outcomes[index] = outcome
                        s.done += 1
                        return s.done
                    }
                    progress?(done, submissions.count)
                }
            }
        }
        return state.withLock { $0.outcomes.compactMap { $0 } }
    }

    /// The indices of `submissions` by team, teams in order of their first submission, each
    /// team's in order of their own times (those without one first, as given).
    static func byTeam(_ submissions: [Submission]) -> [[Int]] {
        var groups: [String: [Int]] = [:]
        var order: [String] = []
        for (index, submission) in submissions.enumerated() {
            let key = submission.teamKey
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(index)
        }
        return order.map { key in
            (groups[key] ?? []).sorted {
                let (a, b) = (submissions[$0].submittedAt ?? .distantPast, submissions[$1].submittedAt ?? .distantPast)
                return a != b ? a < b : $0 < $1
            }
        }
    }
}
