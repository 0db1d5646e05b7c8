import ArgumentParser
import Competition
import Foundation
import HiggsData

/// Options every command that works in a workspace takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The workspace folder (default: the one containing the current folder).")
    var workspace: String?

    @Option(name: .long, help: "Where parsed data caches live (default: $LEADERBOARD_CACHE or ~/.cache/leaderboard).")
    var cacheDir: String?

    /// The workspace named or found.
    func openWorkspace() throws -> Workspace {
        if let workspace { return try Workspace(at: workspace) }
        return try Workspace.find()
    }

    /// The workspace if there is one; commands that can run without one use the defaults.
    func workspaceIfAny() throws -> Workspace? {
        if let workspace { return try Workspace(at: workspace) }
        return try? Workspace.find()
    }

    /// The workspace's run lock, saying on standard error when it waits for another run.
    func lock(_ ws: Workspace) throws -> WorkspaceLock {
        try WorkspaceLock(ws) { pid in
            FileHandle.standardError.write(
                Data("waiting for another run in this workspace\(pid.map { " (process \($0))" } ?? "") to finish…\n".utf8))
        }
    }

    /// The session of a command that scores in `ws` (`score`, `train`), holding `lock`: the
    /// data read into the chosen cache folder, showing progress on standard error.
    func session(_ ws: Workspace, holding lock: WorkspaceLock) throws -> CompetitionSession {
        let display = ProgressDisplay(label: "reading data", unit: .bytes)
        return try CompetitionSession(
            workspace: ws, lock: lock, cacheDirectory: cacheDirectory,
            progress: { display.update($0, of: $1) })
    }

    /// The chosen cache folder, else the default one.
    var cacheDirectory: String { cacheDir ?? DataLoader.defaultCacheDirectory }

    /// A data loader using the chosen cache folder, showing progress on standard error.
    func loader(progress label: String? = nil) -> DataLoader {
        var loader = DataLoader(cacheDirectory: cacheDirectory)
        if let label {
            let display = ProgressDisplay(label: label, unit: .bytes)
            loader.progress = { done, total in display.update(done, of: total) }
        }
        return loader
    }
}
