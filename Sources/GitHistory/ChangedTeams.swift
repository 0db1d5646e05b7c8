import Foundation

/// The team entries a pull request changes: every entry beneath the submissions folder (a
/// team's folder, or a single top-level model file, as `Submission.discover` takes them) that
/// the commits between the merge base of a revision and `HEAD` touched, read from git.
///
/// The change set is `git diff --name-only -z --no-renames <merge base> HEAD -- <submissions>`:
/// what the branch's own commits changed, not what reached the base branch since it forked.
/// A renamed team folder is its old name removed and its new name touched.
public struct ChangedTeams: Sendable {
    /// One team entry the commits changed.
    public struct Entry: Sendable, Equatable {
        /// Its name at the top of the submissions folder: a team's folder, or a single model file.
        public var name: String
        /// What became of it.
        public var change: Change
    }

    /// What the commits did to a team entry.
    public enum Change: Sendable, Equatable {
        /// It is there after the commits (added or changed): `check` reads it.
        case touched
        /// Nothing of that name is left in the working tree.
        case removed
        /// git names it in bytes that are not UTF-8, which no file path here can reach.
        case unreadableName
    }

    /// The revision as given.
    public let revision: String
    /// The merge base of `revision` and `HEAD` (a commit id).
    public let mergeBase: String
    /// The entries changed, sorted by name.
    public let entries: [Entry]

    /// The entries of `submissionsFolder` that the commits since the merge base of `revision`
    /// and `HEAD` changed, in the git repository holding `folder`; `isSubmission` says which
    /// names at the top of the submissions folder are teams' (not a README, not hidden).
    public init(
        since revision: String, in folder: String, submissionsFolder: String, isSubmission: (String) -> Bool
    ) throws(ChangedTeamsError) {
        guard !revision.isEmpty, !revision.hasPrefix("-"), !revision.contains("\0") else { throw .badRevision(revision) }
        do {
            try self.init(revision, folder: folder, submissionsFolder: submissionsFolder, isSubmission: isSubmission)
        } catch let error as ChangedTeamsError {
            throw error
        } catch {
            throw .gitMissing(GitCommand.defaultExecutable)
        }
    }

    /// Reads the change set; a `GitError` (git cannot be started) is the caller's to name.
    private init(_ revision: String, folder: String, submissionsFolder: String, isSubmission: (String) -> Bool) throws {
        let git = GitCommand(repository: folder)
        guard let top = try git.line(["rev-parse", "--show-toplevel"]), !top.isEmpty else { throw ChangedTeamsError.notARepository(folder) }
        guard let head = try git.line(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]) else { throw ChangedTeamsError.noCommit }
        let shallow = try git.line(["rev-parse", "--is-shallow-repository"]) == "true"
        guard let base = try git.line(["rev-parse", "--verify", "--quiet", revision + "^{commit}"]) else {
            throw ChangedTeamsError.unknownRevision(revision, shallow: shallow)
        }
        guard let mergeBase = try git.line(["merge-base", base, head]), !mergeBase.isEmpty else {
            throw shallow ? ChangedTeamsError.shallowClone(revision) : ChangedTeamsError.unrelatedHistories(revision)
        }
        let submissions = Self.realPath(submissionsFolder)
        let root = Self.realPath(top)
        let inside: String
        if submissions == root {
            inside = ""
        } else if submissions.hasPrefix(root + "/") {
            inside = String(submissions.dropFirst(root.count + 1))
        } else {
            throw ChangedTeamsError.outsideRepository(submissionsFolder, repository: top)
        }
        let diff = try GitCommand(repository: root).run(
            ["diff", "--name-only", "-z", "--no-renames", mergeBase, head, "--", inside.isEmpty ? "." : inside])
        guard diff.status == 0 else { throw ChangedTeamsError.gitFailed("diff", diff.message) }
        self.revision = revision
        self.mergeBase = mergeBase
        entries = Self.entries(changedPaths: diff.output, beneath: inside, submissionsFolder: submissions, isSubmission: isSubmission)
    }

    /// The team entries of `paths` (NUL-separated, relative to the repository's top), which lie
    /// beneath `inside` (relative to it; empty for the top itself).
    static func entries(
        changedPaths paths: Data, beneath inside: String, submissionsFolder: String, isSubmission: (String) -> Bool
    ) -> [Entry] {
        let prefix = inside.isEmpty ? [] : Array((inside + "/").utf8)
        var seen: [[UInt8]: Bool] = [:]
        for path in paths.split(separator: 0) where path.starts(with: prefix) {
            let name = path.dropFirst(prefix.count).split(separator: UInt8(ascii: "/"), maxSplits: 1).first.map(Array.init) ?? []
            guard !name.isEmpty, seen[name] == nil else { continue }
            seen[name] = true
        }
        var found: [Entry] = []
        for bytes in seen.keys {
            guard let name = String(validating: bytes, as: UTF8.self) else {
                found.append(Entry(name: String(decoding: bytes, as: UTF8.self), change: .unreadableName))
                continue
            }
            guard isSubmission(name) else { continue }
            var status = stat()
            let exists = lstat(submissionsFolder + "/" + name, &status) == 0
            found.append(Entry(name: name, change: exists ? .touched : .removed))
        }
        return found.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    }

    /// `path` with its links resolved, as git names its top folder.
    private static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return URL(fileURLWithPath: path).standardizedFileURL.path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// Why the change set of a pull request cannot be read: one line saying what to do.
public enum ChangedTeamsError: Error, CustomStringConvertible, Equatable {
    /// git cannot be started (its expected path).
    case gitMissing(String)
    /// The folder is in no git repository.
    case notARepository(String)
    /// The repository has no commit.
    case noCommit
    /// The revision is empty or looks like an option.
    case badRevision(String)
    /// No commit of that name is here (`shallow`: in a shallow clone).
    case unknownRevision(String, shallow: Bool)
    /// The merge base is beyond the history of a shallow clone.
    case shallowClone(String)
    /// The revision and `HEAD` share no commit.
    case unrelatedHistories(String)
    /// The submissions folder is not inside the repository.
    case outsideRepository(String, repository: String)
    /// A git command failed (the command, the first line git said).
    case gitFailed(String, String)

    public var description: String {
        switch self {
        case .gitMissing(let path):
            "git cannot be started (\(path)); install git, which --changed-since reads the pull request's commits with"
        case .notARepository(let folder):
            "\(folder) is not in a git repository; --changed-since reads the commits of a clone (give a team folder instead)"
        case .noCommit:
            "the repository has no commit yet; commit the submissions, then check what a branch changes"
        case .badRevision(let revision):
            "'\(revision)' is not a revision; give the branch the pull request is based on, e.g. --changed-since origin/main"
        case .unknownRevision(let revision, let shallow):
            "\(revision): no such commit in this clone\(shallow ? " (a shallow one)" : ""); fetch it first "
                + "(git fetch origin; in a workflow, actions/checkout with fetch-depth: 0)"
        case .shallowClone(let revision):
            "this shallow clone does not reach the merge base of \(revision) and HEAD; fetch the whole history: "
                + "actions/checkout with fetch-depth: 0 (or git fetch --unshallow)"
        case .unrelatedHistories(let revision):
            "\(revision) and HEAD share no commit; give the branch the pull request is based on, e.g. origin/main"
        case .outsideRepository(let folder, let repository):
            "the submissions folder \(folder) is outside the git repository \(repository); keep it inside the repository"
        case .gitFailed(let command, let message):
            "git \(command) failed: \(message.isEmpty ? "no message" : message); fix the clone and run again"
        }
    }
}
