import Foundation

/// The commit a run is for, as GitHub would name it for the event, and where a checkout clones it
/// from. For a pull request that is the merge of the head into the base (GitHub's
/// `refs/pull/<n>/merge`), made in a bare copy of the repository so the original is not touched.
struct Revision {
    let sha: String
    let ref: String
    let refName: String
    let baseRef: String
    let headRef: String
    /// The pull request's base and head commits; empty for other events.
    let baseSHA: String
    let headSHA: String
    /// The commit before `sha` on its branch (a push's `before`); forty zeros for a first commit.
    let parentSHA: String
    /// The repository a checkout clones, and the branch in it.
    let cloneSource: String
    let cloneBranch: String

    static func resolve(_ options: RunOptions) throws(RehearsalError) -> Revision {
        let repository = options.repository
        let branch = options.ref.hasPrefix("refs/heads/") ? String(options.ref.dropFirst("refs/heads/".count)) : options.ref
        let head = try commit(branch, in: repository)
        guard options.event == .pullRequest else {
            let parent = try? commit(head + "^", in: repository)
            return Revision(
                sha: head, ref: "refs/heads/" + branch, refName: branch, baseRef: "", headRef: "", baseSHA: "", headSHA: "",
                parentSHA: parent ?? String(repeating: "0", count: 40), cloneSource: repository, cloneBranch: branch)
        }
        guard let baseRef = options.baseRef else { throw .workflow("a pull_request run needs --base-ref (the branch it targets)") }
        let base = try commit(baseRef, in: repository)
        let copy = options.runDirectory + "/pull-request.git"
        try? FileManager.default.removeItem(atPath: copy)
        try Shell.capture(["git", "clone", "--bare", "--quiet", "file://" + repository, copy], in: options.runDirectory)
        let merged = try Shell.attempt(["git", "merge-tree", "--write-tree", base, head], in: copy)
        guard merged.status == 0, let tree = merged.output.split(separator: "\n").first else {
            throw .workflow("\(branch) does not merge cleanly into \(baseRef): GitHub would not run the pull request's workflows")
        }
        let identity = [
            "GIT_AUTHOR_NAME": "GitHub", "GIT_AUTHOR_EMAIL": "noreply@github.com",
            "GIT_COMMITTER_NAME": "GitHub", "GIT_COMMITTER_EMAIL": "noreply@github.com",
        ]
        let environment = ProcessInfo.processInfo.environment.merging(identity) { $1 }
        let message = "Merge \(head) into \(base)"
        let merge = try Shell.capture(
            ["git", "commit-tree", String(tree), "-p", base, "-p", head, "-m", message], in: copy, environment: environment)
        let mergeBranch = "pull/\(options.pullRequestNumber)/merge"
        try Shell.capture(["git", "update-ref", "refs/heads/" + mergeBranch, merge], in: copy)
        return Revision(
            sha: merge, ref: "refs/" + mergeBranch, refName: "\(options.pullRequestNumber)/merge", baseRef: baseRef,
            headRef: branch, baseSHA: base, headSHA: head, parentSHA: base, cloneSource: copy, cloneBranch: mergeBranch)
    }

    /// The files the event changes: a push's against its parent commit (every file for a first
    /// commit), a pull request's head against its merge base with the base branch.
    func changedFiles(in repository: String) throws(RehearsalError) -> [String] {
        let listing =
            if !baseSHA.isEmpty {
                try Shell.capture(["git", "diff", "--name-only", baseSHA + "..." + headSHA], in: repository)
            } else if parentSHA.allSatisfy({ $0 == "0" }) {
                try Shell.capture(["git", "ls-tree", "-r", "--name-only", sha], in: repository)
            } else {
                try Shell.capture(["git", "diff", "--name-only", parentSHA, sha], in: repository)
            }
        return listing.split(separator: "\n").map(String.init)
    }

    private static func commit(_ name: String, in repository: String) throws(RehearsalError) -> String {
        let result = try Shell.attempt(["git", "rev-parse", "--verify", "--quiet", name + "^{commit}"], in: repository)
        guard result.status == 0 else { throw .workflow("\(repository): no branch, tag or commit '\(name)'") }
        return result.output
    }
}
