import Foundation
import GRDB

/// What an entry's submission folder held beside its model (``EntryDeliverables``: the
/// notebooks as read and checked, the PDFs' names, the other files by name), one row per
/// entry that held any. Entries recorded before migration v9, and single-file submissions,
/// have none.
struct EntryDeliverablesRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "entry_deliverables"
    var entryID: Int64
    var deliverables: EntryDeliverables

    enum CodingKeys: String, CodingKey {
        case entryID = "entry_id", deliverables
    }
}

/// A PDF an entry's folder held, its bytes stored so that the site is built from the
/// database alone.
struct EntryPDFRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "entry_pdf"
    var entryID: Int64
    var name: String
    var bytes: Data

    enum CodingKeys: String, CodingKey {
        case entryID = "entry_id", name, bytes
    }
}

extension ResultsDatabase {
    /// Stores `deliverables` and `pdfs` for the entry `entryID` in the transaction `db`.
    static func insert(_ deliverables: EntryDeliverables, pdfs: [DeliverablePDF], entryID: Int64, in db: Database) throws {
        try EntryDeliverablesRecord(entryID: entryID, deliverables: deliverables).insert(db)
        for pdf in pdfs { try EntryPDFRecord(entryID: entryID, name: pdf.name, bytes: pdf.bytes).insert(db) }
    }

    /// What `entryID`'s folder held beside its model; `nil` when nothing was recorded (or a
    /// stored value no longer decodes: it costs the section, never the page).
    public func deliverables(entryID: Int64) throws(ResultsError) -> EntryDeliverables? {
        try read { db in
            try? EntryDeliverablesRecord.fetchOne(db, key: entryID)?.deliverables
        }
    }

    /// The PDFs stored for `entryID`, in name order.
    public func pdfs(entryID: Int64) throws(ResultsError) -> [DeliverablePDF] {
        try read { db in
            try EntryPDFRecord.filter(Column("entry_id") == entryID).order(Column("name")).fetchAll(db).map {
                DeliverablePDF(name: $0.name, bytes: $0.bytes)
            }
        }
    }
}
