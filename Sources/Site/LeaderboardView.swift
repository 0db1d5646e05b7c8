import Foundation
import Metrics
import Results

/// The ranking the leaderboard shows: one row per team, by the AUC of the view's rows
/// (public while the competition runs, private for the final board) of the version that
/// counts for it (`Standings`), each compared with the team above it by a paired DeLong test
/// on the same rows, so that a lead that means nothing is shown as a tie. The baselines are
/// shown where their AUC places them, as references: rank numbers, ties and the shake-up
/// count teams only.
struct LeaderboardView {
    /// One ranked team.
    struct Row {
        /// The team, all its versions.
        var team: Standings.Team
        /// The version the row shows: the one that counts in this view.
        var version: Standings.Version
        /// That version's entry and figures.
        var entry: RankedEntry
        /// The figures the view shows of it (`nil` when the public view has none stored yet).
        var shown: ShownFigures?
        /// AUC of the view's rows (public or private) and its interval: the ranking's key.
        var auc: Double, aucLow: Double, aucHigh: Double
        /// The team's rank among teams; `nil` for a baseline, a reference that takes no rank.
        var rank: Int?
        /// Its rank on the public view, in the final view only: the shake-up.
        var publicRank: Int?
        /// The paired test's p-value against the entry above, when it is above 0.05.
        var tiePValue: Double?
    }

    /// Significance level below which neighbours count as different.
    static let tieLevel = 0.05

    /// A team without a version that counts, and its latest version (which says why).
    struct Unranked {
        var team: Standings.Team
        var version: Standings.Version
        var entry: RankedEntry { version.entry }
        /// Whether that version was scored in time but for the deadline: it arrived late,
        /// rather than failing, being held or ruled out.
        var isLate: Bool { version.late && version.scored && version.ruling == nil }
    }

    let rows: [Row]
    /// Teams with no version that counts, but for those ruled out.
    let failed: [Unranked]
    /// Of `failed`, those whose latest version failed, was held or ruled out: not scored.
    var notScored: [Unranked] { failed.filter { !$0.isLate } }
    /// Of `failed`, those whose latest version arrived after the deadline: scored, never ranked.
    var late: [Unranked] { failed.filter(\.isLate) }
    /// The deadline of the rules the view was ranked under, if any.
    let deadline: Date?
    /// Teams whose every version is withdrawn or disqualified.
    let ruledOut: [Unranked]
    /// Every team's versions and what counts.
    let standings: Standings
    let final: Bool
    /// The entries' likenesses to other teams' entries.
    let likenesses: Likenesses

    /// Ranks the teams of `entries` under `rulings` and `rules`, reading each row's stored
    /// scores once for the paired tests.
    init(
        entries: [RankedEntry], detail: DatasetDetailRecord?, final: Bool, copies: [EntryCopyRecord] = [],
        rulings: [RulingRecord] = [], rules: CompetitionRules = CompetitionRules(), scores: (Int64) -> [Float]
    ) {
        self.final = final
        deadline = rules.deadline
        likenesses = Likenesses(copies, entries: entries)
        standings = Standings(versions: entries, rulings: rulings, rules: rules)
        var failed: [Unranked] = [], ruledOut: [Unranked] = []
        var scored: [Row] = []
        for team in standings.teams {
            guard let version = team.choice(final: final), let m = version.entry.metrics else {
                guard let latest = team.versions.last else { continue }
                if team.ruledOut {
                    ruledOut.append(Unranked(team: team, version: latest))
                } else {
                    failed.append(Unranked(team: team, version: latest))
                }
                continue
            }
            let e = version.entry, shown = ShownFigures(e, final: final)
            scored.append(
                final
                    ? Row(
                        team: team, version: version, entry: e, shown: shown, auc: m.privateAUC, aucLow: m.privateAUCLow,
                        aucHigh: m.privateAUCHigh, rank: nil)
                    : Row(
                        team: team, version: version, entry: e, shown: shown, auc: m.publicAUC, aucLow: m.publicAUCLow,
                        aucHigh: m.publicAUCHigh, rank: nil))
        }
        self.failed = failed
        self.ruledOut = ruledOut
        scored.sort { $0.auc != $1.auc ? $0.auc > $1.auc : ($0.entry.entry.id ?? 0) < ($1.entry.entry.id ?? 0) }
        let publicRanks = final ? Self.publicRanks(standings.teams.compactMap(\.publicChoice?.entry)) : [:]
        let mask: [Bool]? = detail.map { d in d.testPublic.map { final ? $0 == 0 : $0 == 1 } }
        let labels: [Bool]? = detail.map { d in d.testLabels.map { $0 == 1 } }
        var previous: RankedScores?
        var teams = 0
        for i in scored.indices where !scored[i].entry.entry.isBaseline {
            teams += 1
            scored[i].rank = teams
            scored[i].publicRank = scored[i].team.publicChoice?.entry.entry.id.flatMap { publicRanks[$0] }
            guard let mask, let labels, let id = scored[i].entry.entry.id else { continue }
            let values = scores(id)
            guard values.count == mask.count else { previous = nil; continue }
            let view = Self.view(values, labels: labels, mask: mask)
            if let previous, let view, let test = try? PairedDeLongTest(previous, view), test.pValue > Self.tieLevel {
                scored[i].tiePValue = test.pValue
            }
            previous = view
        }
        rows = scored
    }

    /// Each team's entry's rank on the public view (given each team's public choice): by
    /// public AUC, ties in the order recorded; baselines take no rank.
    static func publicRanks(_ entries: [RankedEntry]) -> [Int64: Int] {
        var ordered: [(id: Int64, auc: Double)] = []
        for e in entries where !e.entry.isBaseline {
            guard let m = e.metrics, let id = e.entry.id else { continue }
            ordered.append((id, m.publicAUC))
        }
        ordered.sort { $0.auc != $1.auc ? $0.auc > $1.auc : $0.id < $1.id }
        var ranks: [Int64: Int] = [:]
        for (index, entry) in ordered.enumerated() { ranks[entry.id] = index + 1 }
        return ranks
    }

    /// The ranking of the view's rows of one entry's scores.
    static func view(_ scores: [Float], labels: [Bool], mask: [Bool]) -> RankedScores? {
        var s: [Double] = [], l: [Bool] = []
        for i in scores.indices where mask[i] {
            s.append(Double(scores[i]))
            l.append(labels[i])
        }
        return try? RankedScores(scores: s, labels: l)
    }
}
