import Foundation
import GRDB

/// The competition's SQLite database: every data set seen, and (as later stages add them)
/// every training run and scored entry.
///
/// Opened in WAL mode, so readers (the site build) never block a writer (a `score` run).
/// The schema is versioned by `ResultsSchema`'s migrations, applied on open; a file that is
/// not SQLite, or a SQLite database of another application, is refused and never changed.
public final class ResultsDatabase: Sendable {
    /// SQLite's `application_id` header field marking the file as ours ("LBRD").
    static let applicationID: Int32 = 0x4C42_5244

    let pool: DatabasePool
    /// The database file.
    public let path: String

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    ///
    /// - Throws: `ResultsError` if the file is not a database of this tool, or cannot be opened.
    public init(path: String) throws(ResultsError) {
        self.path = path
        let existed = FileManager.default.fileExists(atPath: path)
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        do {
            if existed, (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0 > 0 {
                try Self.checkOwnership(path)
            }
            pool = try DatabasePool(path: path, configuration: configuration)
            try pool.write { db in
                if try Int.fetchOne(db, sql: "PRAGMA application_id") == 0 {
                    try db.execute(sql: "PRAGMA application_id = \(Self.applicationID)")
                }
            }
            try ResultsSchema.migrator.migrate(pool)
        } catch let error as ResultsError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
            throw ResultsError(path: path, reason: .notADatabase)
        } catch {
            throw ResultsError(path: path, error: error)
        }
    }

    /// Refuses, before anything is written to it, a file that is not SQLite or is another
    /// application's database (a non-empty database without our `application_id`).
    private static func checkOwnership(_ path: String) throws(ResultsError) {
        try checkHeader(path)
        do {
            var readOnly = Configuration()
            readOnly.readonly = true
            let queue = try DatabaseQueue(path: path, configuration: readOnly)
            defer { try? queue.close() }
            let (id, tables) = try queue.read { db in
                (
                    try Int32(Int.fetchOne(db, sql: "PRAGMA application_id") ?? 0),
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                )
            }
            guard id == applicationID || (id == 0 && tables == 0) else {
                throw ResultsError(path: path, reason: .foreign)
            }
        } catch let error as ResultsError {
            throw error
        } catch {
            throw ResultsError(path: path, reason: .notADatabase)
        }
    }

    /// Refuses a file that does not start with SQLite's header.
    private static func checkHeader(_ path: String) throws(ResultsError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ResultsError(path: path, reason: .sqlite("cannot open the file for reading"))
        }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 16)) ?? Data()
        if head.isEmpty { return }
        guard head == Data("SQLite format 3\u{0}".utf8) else {
            throw ResultsError(path: path, reason: .notADatabase)
        }
    }

    /// The schema version: the number of migrations applied.
    public func schemaVersion() throws(ResultsError) -> Int {
        try read { db in try ResultsSchema.migrator.appliedIdentifiers(db).count }
    }

    /// Runs `body` in a read transaction.
    func read<T>(_ body: (Database) throws -> T) throws(ResultsError) -> T {
        do { return try pool.read(body) } catch { throw ResultsError(path: path, error: error) }
    }

    /// Runs `body` in one write transaction: all of it is recorded, or nothing.
    func write<T>(_ body: (Database) throws -> T) throws(ResultsError) -> T {
        do { return try pool.write(body) } catch { throw ResultsError(path: path, error: error) }
    }

    /// SQLite's own integrity check: `true` when it answers "ok".
    func integrityCheck() throws(ResultsError) -> Bool {
        try read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok" }
    }
}

/// Why the results database could not be used; one line naming the file and what to do.
public struct ResultsError: Error, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Sendable, Equatable {
        /// The file is not an SQLite database (or is damaged).
        case notADatabase
        /// An SQLite database of some other application.
        case foreign
        /// The disk (or the file system's quota) is full.
        case diskFull
        /// SQLite reported an error.
        case sqlite(String)
        /// An entry of the same content was recorded first (by another submission scored at
        /// the same time).
        case alreadyRecorded
    }

    /// The database file.
    public var path: String
    /// What went wrong.
    public var reason: Reason

    /// An error about the database at `path`.
    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    /// An error from SQLite about the database at `path`, a full disk told apart.
    init(path: String, error: any Error) {
        self.path = path
        if let known = error as? ResultsError {
            reason = known.reason
        } else if let sqlite = error as? DatabaseError, sqlite.resultCode == .SQLITE_FULL {
            reason = .diskFull
        } else {
            reason = .sqlite("\(error)")
        }
    }

    /// One line naming the file and what to do.
    public var description: String {
        switch reason {
        case .notADatabase:
            "\(path): not a leaderboard database (not SQLite, or damaged); it was left untouched. Move it away or set another "
                + "database path."
        case .foreign:
            "\(path): an SQLite database of another application; it was left untouched. Move it away or set another database path."
        case .diskFull:
            "\(path): the disk is full (everything recorded before is intact); free some space and run again"
        case .sqlite(let message):
            "\(path): database error: \(message)"
        case .alreadyRecorded:
            "\(path): an entry of the same content is already recorded"
        }
    }
}
