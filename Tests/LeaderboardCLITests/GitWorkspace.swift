import Foundation
import TestSupport

/// A workspace that is a git repository, as a competition's repository is (`GitFixture`),
/// with commits a minute apart from 2026-01-01.
struct GitWorkspace {
    /// The workspace folder, the repository's top.
    let path: String
    /// Seconds after 2026-01-01 of the next commit's date.
    private var clock = 0

    /// Makes `path` (an existing workspace) a repository on branch `main`, its files the first commit.
    init(_ path: String) throws {
        self.path = path
        _ = try GitFixture(at: path)
        try commitAll("the competition's repository")
    }

    /// The workspace's submissions folder.
    var submissions: String { path + "/submissions" }

    /// Runs `git arguments…` in the workspace; its standard output. Throws with git's message.
    @discardableResult
    func git(_ arguments: String..., date: Int = 0) throws -> String {
        try Self.run(arguments, in: path, date: date)
    }

    /// Runs `git arguments…` in `folder` with commits dated `date` seconds after 2026-01-01.
    @discardableResult
    static func run(_ arguments: [String], in folder: String, date: Int = 0) throws -> String {
        try GitFixture(existing: folder).git(arguments, at: "\(1_767_225_600 + date) +0000")
    }

    /// Commits every change of the working tree, a minute after the previous commit.
    mutating func commitAll(_ message: String) throws {
        clock += 60
        try git("add", "-A")
        try git("commit", "-q", "--allow-empty", "-m", message, date: clock)
    }
}
