import Foundation
import GRDB

/// An organizer's ruling on a team (all its versions, those recorded later included) or on
/// one version: withdrawn, disqualified, or restored (which undoes what was ruled before on
/// the same team or version). Rulings are kept, never edited: the latest one that applies
/// decides (`Standings`), and the list is the record of who ruled what, why and when.
public struct RulingRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "ruling"

    /// What was ruled.
    public enum Action: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
        /// Taken out at the organizer's or the team's wish: shown, never counted.
        case withdraw
        /// Taken out for breaking the rules: shown with the reason, never counted.
        case disqualify
        /// Undoes the rulings before it on the same team or version.
        case restore
    }

    /// Row id; `nil` before it is stored.
    public var id: Int64?
    /// The team (`TeamKey`).
    public var teamKey: String
    /// The version, or `nil` for the whole team.
    public var entryID: Int64?
    /// What was ruled.
    public var action: Action
    /// Why, as the site shows it.
    public var reason: String
    /// Who ruled (the organizer's login name unless given).
    public var ruledBy: String
    /// When (ISO 8601, UTC).
    public var ruledAt: String

    enum CodingKeys: String, CodingKey {
        case id, action, reason
        case teamKey = "team_key", entryID = "entry_id", ruledBy = "ruled_by", ruledAt = "ruled_at"
    }

    /// A ruling of the given values.
    public init(teamKey: String, entryID: Int64?, action: Action, reason: String, ruledBy: String, ruledAt: String) {
        self.teamKey = teamKey
        self.entryID = entryID
        self.action = action
        self.reason = reason
        self.ruledBy = ruledBy
        self.ruledAt = ruledAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension ResultsDatabase {
    /// Every ruling, in the order given.
    public func rulings() throws(ResultsError) -> [RulingRecord] {
        try read { db in try RulingRecord.order(Column("id")).fetchAll(db) }
    }

    /// Records `ruling`; returns it with its id.
    public func record(_ ruling: RulingRecord) throws(ResultsError) -> RulingRecord {
        try write { db in
            var stored = ruling
            try stored.insert(db)
            return stored
        }
    }

    /// How many of team `teamKey`'s versions on `datasetID` were scored on the UTC day `day`
    /// (`yyyy-MM-dd`) of their recorded time: what the daily limit counts (failed and held
    /// versions do not).
    public func scoredVersions(teamKey: String, day: String, datasetID: Int64) throws(ResultsError) -> Int {
        try read { db in
            try EntryRecord.filter(
                Column("team_key") == teamKey && Column("dataset_id") == datasetID && Column("status") == EntryStatus.scored.rawValue
                    && Column("submitted_at").like(day + "%")
            ).fetchCount(db)
        }
    }
}
