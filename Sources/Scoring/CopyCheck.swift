import Metrics
import Results

/// Finds what a new entry copies: another team's earlier entry of the same model file, and
/// other teams' scored entries whose scores order the hidden rows almost exactly as its own
/// (a near-copy: a copied model retrained a little, rescaled, saved in another format, or
/// its scores perturbed).
///
/// Only the new entry is compared, with every entry recorded before it: ranking one list of
/// scores is linear in the hidden rows, and a run keeps the ranks it made (`RanksCache`), so
/// an entry costs one ranking and one pass per recorded entry. Labels play no part, so a
/// likeness says nothing about the private rows.
struct CopyCheck {
    let database: ResultsDatabase
    let datasetID: Int64

    /// The likenesses of `entry`, not yet recorded, with its hidden-row `scores` (`nil` when
    /// it failed): the earliest other team's entry of the same model file, and each other
    /// team's scored entry whose rank correlation with it is above `EntryCopyRecord.nearCopyThreshold`.
    func likenesses(of entry: EntryRecord, scores: [Float]?, ranks cache: inout RanksCache) throws(ResultsError)
        -> [EntryCopyRecord]
    {
        let original = try database.firstEntry(modelSHA256: entry.modelSHA256, datasetID: datasetID, otherThan: entry.teamKey)
        var correlations: [Int64: Double] = [:]
        if let scores, let ranks = try? ScoreRanks(scores) {
            for other in try database.entries(datasetID: datasetID) where other.metrics != nil && other.entry.teamKey != entry.teamKey {
                guard let id = other.entry.id, let theirs = try cache.ranks(of: id, in: database),
                    let correlation = try? ranks.spearman(theirs)
                else { continue }
                correlations[id] = correlation
            }
        }
        var found: [EntryCopyRecord] = []
        if let id = original?.id {
            found.append(EntryCopyRecord(otherID: id, identical: true, rankCorrelation: correlations[id]))
        }
        for (id, correlation) in correlations.sorted(by: { $0.key < $1.key })
        where correlation > EntryCopyRecord.nearCopyThreshold && id != original?.id {
            found.append(EntryCopyRecord(otherID: id, identical: false, rankCorrelation: correlation))
        }
        return found
    }

    /// The ranks of recorded entries' scores, made once in a run and kept within a memory
    /// budget (256 MiB: 128 entries at 500,000 hidden rows); past it, ranks are made again
    /// each time they are needed.
    struct RanksCache {
        /// Entry id → its ranks; `nil` for scores that cannot be ranked.
        private var kept: [Int64: ScoreRanks?] = [:]
        private var bytes = 0
        static let budget = 256 << 20

        /// The ranks of the entry `id`'s stored scores; `nil` when they cannot be ranked.
        mutating func ranks(of id: Int64, in database: ResultsDatabase) throws(ResultsError) -> ScoreRanks? {
            if let known = kept[id] { return known }
            let scores = try database.scores(entryID: id)
            let ranks = try? ScoreRanks(scores)
            if bytes + (ranks?.bytes ?? 0) <= Self.budget {
                kept[id] = ranks
                bytes += ranks?.bytes ?? 0
            }
            return ranks
        }
    }
}
