import Foundation

/// The versions of every team that reached a branch: the first-parent history of `HEAD`
/// (each commit made on the branch, or merged into it), read for the submissions folder.
///
/// A team is a top-level entry of the submissions folder. A commit whose entry for a team
/// differs from the one before it on the branch brings a new version of that team, dated by
/// that commit's committer time. First-parent history means the commits of a merged pull
/// request do not count, only the merge: their dates are their authors' to set. A commit
/// dated before the one preceding it on the branch is taken at that earlier commit's time,
/// so the times of versions never run backwards along the branch.
public struct BranchHistory: Sendable {
    /// One version of one team: the team's top-level entry at a commit that changed it.
    public struct Version: Sendable {
        /// The commit that brought the version to the branch.
        public var commit: String
        /// Its time on the branch (the committer time, never before an earlier commit's).
        public var time: Date
        /// The team's top-level entry in the submissions folder, at that commit.
        var entry: TreeEntry
        /// The names of the top-level folders beside it at that commit (a single file named
        /// like one of them is refused, as in the working tree).
        public var folders: [String]
        /// The entry's name beneath the submissions folder.
        public var name: String { entry.name }
        /// Whether the entry is a folder (else a single file, a link or a submodule).
        public var isFolder: Bool { entry.kind == .folder }
        /// The entry's object id: the same id is the same content, whatever the commit.
        public var oid: String { entry.oid }
    }

    /// The repository's top folder.
    public let repository: String
    /// The submissions folder's path in the repository (`submissions`).
    public let submissionsPath: String
    /// The branch (or `HEAD` when detached), for messages.
    public let branch: String
    /// The commits of the first-parent history, oldest first.
    public let commitCount: Int
    /// The time of the branch's latest commit (the latest of all, times never running
    /// backwards): a time after the run's clock is a commit dated in the future, which
    /// dates every later version no earlier (see `futureDated(now:)`).
    public let latestTime: Date?
    /// Every version, in the order they reached the branch (teams of one commit by name).
    public let versions: [Version]

    /// Whether `folder` is the top folder of a git work tree: its history is then the
    /// record of what was submitted when. A folder holding `.git` that git cannot read (git
    /// missing, or a repository git refuses, such as one owned by another user) is an error,
    /// not a folder without history: else every version would silently take the run's time.
    public static func isRepositoryTop(_ folder: String) throws(GitError) -> Bool {
        let git = GitCommand(repository: folder)
        let hasGit = FileManager.default.fileExists(atPath: URL(fileURLWithPath: folder).appendingPathComponent(".git").path)
        let out: Data
        do throws(GitError) {
            out = try git.output(["rev-parse", "--show-toplevel"])
        } catch {
            if hasGit { throw error }
            return false
        }
        let top = String(decoding: out, as: UTF8.self).trimmingCharacters(in: .newlines)
        return URL(fileURLWithPath: top).resolvingSymlinksInPath().path
            == URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
    }

    /// The warning to give when the branch holds a commit dated after `now` (beyond a few
    /// minutes of clock skew), else `nil`. A commit's time is its committer's to set: one
    /// dated in the future (a participant's commit fast-forwarded or pushed to the branch)
    /// dates every version after it no earlier, late if past the deadline.
    public func futureDated(now: Date) -> String? {
        guard let latestTime, latestTime > now.addingTimeInterval(Self.allowedSkew) else { return nil }
        return "the branch holds a commit dated \(ISO8601DateFormatter().string(from: latestTime)), in the future, so every "
            + "later version is dated no earlier; only commits made by the organizers or the forge (merge commits, squash "
            + "or rebase merges) should reach the branch, never a participant's own commits fast-forwarded or pushed"
    }

    /// How far a commit may be dated ahead of the run's clock (clocks that disagree).
    static let allowedSkew: TimeInterval = 600

    /// How many paths beneath the submissions folder differ from the last commit (changed,
    /// added, deleted or untracked): not versions until they are committed.
    public func uncommittedChanges() -> Int {
        let git = GitCommand(repository: repository)
        guard let out = try? git.output(["status", "--porcelain", "-z", "--untracked-files=all", "--", submissionsPath]) else {
            return 0
        }
        return out.split(separator: 0).filter { $0.count > 3 }.count
    }

    /// Reads the versions beneath `submissionsPath` (relative to the repository's top) in
    /// the first-parent history of `HEAD`, taking entries that `isSubmission` accepts by name.
    public init(
        repository: String, submissionsPath: String, isSubmission: (String) -> Bool
    ) throws(GitError) {
        let git = GitCommand(repository: repository)
        self.repository = repository
        self.submissionsPath = submissionsPath
        let shallow = String(decoding: try git.output(["rev-parse", "--is-shallow-repository"]), as: UTF8.self)
        guard shallow.hasPrefix("false") else { throw .shallow }
        let branchName = try? git.output(["symbolic-ref", "--quiet", "--short", "HEAD"])
        branch = branchName.map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .newlines) } ?? "HEAD"
        let commits = try Self.firstParentCommits(git)
        commitCount = commits.count
        latestTime = commits.last?.time
        let trees = try Self.submissionsTrees(git, commits: commits.map(\.oid), path: submissionsPath)
        versions = try Self.versions(git, commits: commits, trees: trees, isSubmission: isSubmission)
    }

    /// The first-parent commits of `HEAD`, oldest first, with their times made monotonic.
    static func firstParentCommits(_ git: GitCommand) throws(GitError) -> [(oid: String, time: Date)] {
        let text = String(
            decoding: try git.output(["rev-list", "--first-parent", "--reverse", "--timestamp", "HEAD"]), as: UTF8.self)
        var commits: [(oid: String, time: Date)] = []
        var latest = -Double.infinity
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count == 2, let seconds = Double(parts[0]) else { throw .unexpected("rev-list line '\(line)'") }
            latest = max(latest, seconds)
            commits.append((String(parts[1]), Date(timeIntervalSince1970: latest)))
        }
        return commits
    }

    /// The submissions folder's tree id at each commit (`nil` where it does not exist).
    static func submissionsTrees(_ git: GitCommand, commits: [String], path: String) throws(GitError) -> [String?] {
        guard !commits.isEmpty else { return [] }
        let request = commits.map { $0 + ":" + path }.joined(separator: "\n") + "\n"
        let text = String(decoding: try git.output(["cat-file", "--batch-check"], input: Data(request.utf8)), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        guard lines.count == commits.count else { throw .unexpected("\(lines.count) answers for \(commits.count) commits") }
        return lines.map { line in
            let parts = line.split(separator: " ")
            return parts.count == 3 && parts[1] == "tree" ? String(parts[0]) : nil
        }
    }

    /// The versions: at each commit whose submissions tree differs from the one before it,
    /// every accepted entry that is new or changed.
    static func versions(
        _ git: GitCommand, commits: [(oid: String, time: Date)], trees: [String?], isSubmission: (String) -> Bool
    ) throws(GitError) -> [Version] {
        let reader = try ObjectReader(git)
        let oidBytes = commits.first.map { $0.oid.count / 2 } ?? 20
        // Keyed by the name's bytes: a folder named like another in another Unicode form is another team.
        var previous: [[UInt8]: TreeEntry] = [:]
        var previousTree: String?
        var versions: [Version] = []
        for (commit, tree) in zip(commits, trees) where tree != previousTree {
            previousTree = tree
            let named: [TreeEntry]
            if let tree {
                // A submissions tree git could not read (a crafted object) brings nothing: the
                // teams stand as they were, and the history reads on.
                let content = try reader.read(tree).content
                guard let entries = try? TreeEntry.parse(content, oidBytes: oidBytes) else { continue }
                named = entries
            } else {
                named = []
            }
            let teams = named.filter { isSubmission($0.name) }
            let folders = named.filter { $0.kind == .folder }.map(\.name)
            for entry in teams.sorted(by: { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) })
            where previous[Array(entry.name.utf8)] != entry {
                versions.append(Version(commit: commit.oid, time: commit.time, entry: entry, folders: folders))
            }
            previous = Dictionary(teams.map { (Array($0.name.utf8), $0) }, uniquingKeysWith: { a, _ in a })
        }
        return versions
    }
}
