import Foundation
import Metrics
import Results

/// The ranking the leaderboard shows: scored entries by the AUC of the view's rows (public
/// while the competition runs, private for the final board), each compared with the entry
/// above it by a paired DeLong test on the same rows, so that a lead that means nothing is
/// shown as a tie.
struct LeaderboardView {
    /// One ranked entry.
    struct Row {
        var entry: RankedEntry
        /// The figures the view shows of it (`nil` when the public view has none stored yet).
        var shown: ShownFigures?
        /// AUC of the view's rows (public or private) and its interval: the ranking's key.
        var auc: Double, aucLow: Double, aucHigh: Double
        var rank: Int
        /// Its rank on the public view, in the final view only: the shake-up.
        var publicRank: Int?
        /// The paired test's p-value against the entry above, when it is above 0.05.
        var tiePValue: Double?
    }

    /// Significance level below which neighbours count as different.
    static let tieLevel = 0.05

    let rows: [Row]
    let failed: [RankedEntry]
    let final: Bool
    /// The entries' likenesses to other teams' entries.
    let likenesses: Likenesses

    /// Ranks `entries`, reading each one's stored scores once for the paired tests.
    init(
        entries: [RankedEntry], detail: DatasetDetailRecord?, final: Bool, copies: [EntryCopyRecord] = [],
        scores: (Int64) -> [Float]
    ) {
        self.final = final
        likenesses = Likenesses(copies, entries: entries)
        failed = entries.filter { $0.metrics == nil }
        var scored: [Row] = entries.compactMap { e in
            guard let m = e.metrics else { return nil }
            let shown = ShownFigures(e, final: final)
            return final
                ? Row(entry: e, shown: shown, auc: m.privateAUC, aucLow: m.privateAUCLow, aucHigh: m.privateAUCHigh, rank: 0)
                : Row(entry: e, shown: shown, auc: m.publicAUC, aucLow: m.publicAUCLow, aucHigh: m.publicAUCHigh, rank: 0)
        }
        scored.sort { $0.auc != $1.auc ? $0.auc > $1.auc : ($0.entry.entry.id ?? 0) < ($1.entry.entry.id ?? 0) }
        let publicRanks = final ? Self.publicRanks(scored.map(\.entry)) : [:]
        let mask: [Bool]? = detail.map { d in d.testPublic.map { final ? $0 == 0 : $0 == 1 } }
        let labels: [Bool]? = detail.map { d in d.testLabels.map { $0 == 1 } }
        var previous: RankedScores?
        for i in scored.indices {
            scored[i].rank = i + 1
            scored[i].publicRank = scored[i].entry.entry.id.flatMap { publicRanks[$0] }
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

    /// Each entry's rank on the public view: by public AUC, ties in the order recorded.
    static func publicRanks(_ entries: [RankedEntry]) -> [Int64: Int] {
        var ordered: [(id: Int64, auc: Double)] = []
        for e in entries {
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
