import GRDB

/// Whether an entry was scored or failed: the `status` column, kept in step with whether
/// the entry has a `failure` line.
public enum EntryStatus: String, Codable, Sendable, DatabaseValueConvertible {
    /// Read and predicted on every hidden row; its figures are stored.
    case scored
    /// Refused or broken; `EntryRecord.failure` says why and what to do.
    case failed
}
