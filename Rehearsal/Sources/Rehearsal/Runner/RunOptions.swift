import Foundation

/// What one local run of a job is given: the command line's choices, and where the job's log goes.
public struct RunOptions {
    /// The events a rehearsal can stand in for.
    public enum Event: String, CaseIterable, Sendable {
        case push
        case pullRequest = "pull_request"
        case workflowDispatch = "workflow_dispatch"
    }

    var workflowPath: String
    var job: String
    var event: Event
    /// The git repository the checkout clones (a folder; cloned over `file://`).
    var repository: String
    /// The branch or tag pushed, or the pull request's head branch.
    var ref: String
    /// The pull request's base branch (`pull_request` only).
    var baseRef: String?
    /// The pull request's number, in `refs/pull/<n>/merge`.
    var pullRequestNumber: Int
    /// Holds the workspace, the runner's temporary folder, the command files and the pages artifact.
    var runDirectory: String
    /// The checkout (`GITHUB_WORKSPACE`), emptied when the job starts: the run directory's
    /// `workspace/` unless given. GitHub checks a repository out at the same path every run,
    /// which what a cache restores may depend on (a data file's parse cache is keyed by its path).
    var workspace: String
    /// Holds the `actions/cache` entries, kept between runs.
    var cacheStore: String
    var secrets: [String: String]
    var inputs: [String: String]
    var runNumber: Int
    /// `github.repository` (owner/name).
    var repositoryName: String
    /// Receives the steps' output.
    var output: FileHandle
    /// Receives the runner's own lines (step names, times, notices).
    var log: (String) -> Void

    public init(
        workflowPath: String, job: String, event: Event, repository: String, ref: String, baseRef: String? = nil,
        pullRequestNumber: Int = 1, runDirectory: String, workspace: String? = nil, cacheStore: String,
        secrets: [String: String] = [:],
        inputs: [String: String] = [:], runNumber: Int = 1, repositoryName: String? = nil,
        output: FileHandle = .standardOutput, log: @escaping (String) -> Void
    ) {
        self.workflowPath = workflowPath
        self.job = job
        self.event = event
        self.repository = Folders.absolute(repository, base: FileManager.default.currentDirectoryPath)
        self.ref = ref
        self.baseRef = baseRef
        self.pullRequestNumber = pullRequestNumber
        self.runDirectory = Folders.absolute(runDirectory, base: FileManager.default.currentDirectoryPath)
        self.workspace = Folders.absolute(workspace ?? runDirectory + "/workspace", base: FileManager.default.currentDirectoryPath)
        self.cacheStore = Folders.absolute(cacheStore, base: FileManager.default.currentDirectoryPath)
        self.secrets = secrets
        self.inputs = inputs
        self.runNumber = runNumber
        self.repositoryName = repositoryName ?? "local/" + URL(fileURLWithPath: repository).lastPathComponent
        self.output = output
        self.log = log
    }
}
