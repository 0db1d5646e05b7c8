import GRDB

/// Whether an entry was scored, failed or held: the `status` column, kept in step with
/// whether the entry has a `failure` line.
public enum EntryStatus: String, Codable, Sendable, DatabaseValueConvertible {
    /// Read and predicted on every hidden row; its figures are stored.
    case scored
    /// Refused or broken; `EntryRecord.failure` says why and what to do.
    case failed
    /// Recorded but never scored: its team had already had `rules.max_per_day` versions
    /// scored on the UTC day of its recorded time. No child ran; there are no figures.
    case held
}
