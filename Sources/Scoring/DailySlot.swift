import Foundation
import Results
import Synchronization

/// A version's place under its team's daily limit (`rules.max_per_day`): taken before the
/// child runs, counted with the team's versions scored that UTC day, and given back when the
/// version is recorded (then the database counts it) or is not scored after all. Two
/// versions of one team scored at once both count, so neither slips under the limit the
/// other filled.
final class DailySlot: Sendable {
    /// The team and the UTC day of the version's recorded time.
    let teamKey: String, day: String
    /// The limit.
    let limit: Int
    /// Whether the place is taken and not yet given back.
    private let taken = Mutex(false)

    /// The slot of `submission` under `rules`; `nil` when no limit applies (none set, or a baseline).
    init?(_ submission: Submission, rules: CompetitionRules) {
        guard let limit = rules.maxPerDay, !submission.isBaseline else { return nil }
        teamKey = submission.teamKey
        day = CompetitionRules.day(CompetitionRules.recordedText(submission.submittedAt ?? Date()))
        self.limit = limit
    }

    /// The key of the versions in flight it counts with.
    private var key: String { teamKey + "\u{0}" + day }

    /// Takes the place if the team's `scored` versions that day and those in flight in
    /// `state` leave one; whether it did.
    func take(in state: inout ScoreRun.Recording, scored: Int) -> Bool {
        guard scored + state.inFlight[key, default: 0] < limit else { return false }
        state.inFlight[key, default: 0] += 1
        taken.withLock { $0 = true }
        return true
    }

    /// Gives the place back (once; later calls do nothing).
    func release(in state: inout ScoreRun.Recording) {
        guard
            taken.withLock({ t in
                defer { t = false }; return t
            })
        else { return }
        state.inFlight[key, default: 1] -= 1
        if state.inFlight[key] == 0 { state.inFlight[key] = nil }
    }
}

extension ScoreRun {
    /// Takes `slot` under the recording lock, counting the team's versions recorded as scored
    /// that day; whether the version may be scored. When the database cannot say, it may:
    /// recording it will fail the same way, and say so.
    func take(_ slot: DailySlot) -> Bool {
        recording.mutex.withLock { state in
            let scored = (try? session.database.scoredVersions(teamKey: slot.teamKey, day: slot.day, datasetID: session.datasetID)) ?? 0
            return slot.take(in: &state, scored: scored)
        }
    }

    /// Gives `slot` back, if the version's recording has not already.
    func release(_ slot: DailySlot) {
        recording.mutex.withLock { slot.release(in: &$0) }
    }
}
