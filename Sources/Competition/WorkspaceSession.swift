import Results

/// A workspace opened for one command, with its database open and, when the command writes
/// results or the site, the workspace's lock held for as long as the session lives. `build`
/// needs no more; the commands that score open a `CompetitionSession`, which adds the data.
public struct WorkspaceSession: Sendable {
    /// The workspace.
    let workspace: Workspace
    /// Its database, opened (created and migrated as needed) once for the command.
    public let database: ResultsDatabase
    /// The lock taken before the session was opened; `nil` for a command that works unlocked
    /// (`demo`, in the workspace it has just made). Released when the last copy of the
    /// session goes, so a command keeps its session alive to its end.
    private let lock: WorkspaceLock?

    /// Opens `workspace`'s database, holding `lock`.
    public init(workspace: Workspace, lock: WorkspaceLock?) throws(ResultsError) {
        self.workspace = workspace
        self.lock = lock
        database = try workspace.openDatabase()
    }
}
