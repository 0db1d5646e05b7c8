import Metrics
import Results

/// Finds what a new entry copies: another team's earlier entry of the same model file, and
/// other teams' scored entries whose scores order the hidden rows almost exactly as its own
/// (a near-copy: a copied model retrained a little, rescaled, saved in another format, or
/// its scores perturbed).
///
/// Only the new entry is compared, with every entry recorded before it: ranking one list of
/// scores is linear in the hidden rows, so an entry costs one ranking per recorded entry.
/// Labels play no part, so a likeness says nothing about the private rows.
struct CopyCheck {
    let database: ResultsDatabase
    let datasetID: Int64

    /// The likenesses of `entry`, not yet recorded, with its hidden-row `scores` (`nil` when
    /// it failed): the earliest other team's entry of the same model file, and each other
    /// team's scored entry whose rank correlation with it is above `EntryCopyRecord.nearCopyThreshold`.
    func likenesses(of entry: EntryRecord, scores: [Float]?) throws(ResultsError) -> [EntryCopyRecord] {
        let original = try database.firstEntry(modelSHA256: entry.modelSHA256, datasetID: datasetID, otherThan: entry.team)
        var correlations: [Int64: Double] = [:]
        if let scores, let ranks = try? ScoreRanks(scores) {
            for other in try database.entries(datasetID: datasetID) where other.metrics != nil && other.entry.team != entry.team {
                guard let id = other.entry.id, let theirs = try? ScoreRanks(try database.scores(entryID: id)),
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
}
