import Foundation
import Testing

/// A workspace that is a git repository, as a competition's repository is: commits made with
/// `/usr/bin/git`, dated and signed by a test identity (no global configuration assumed).
struct GitWorkspace {
    /// The workspace folder, the repository's top.
    let path: String
    /// Seconds after 2026-01-01 of the next commit's date.
    private var clock = 0

    /// Makes `path` (an existing workspace) a repository on branch `main`, its files the first commit.
    init(_ path: String) throws {
        self.path = path
        try git("init", "-q", "-b", "main")
        try commitAll("the competition's repository")
    }

    /// The workspace's submissions folder.
    var submissions: String { path + "/submissions" }

    /// Runs `git arguments…` in the workspace; its standard output. A failure fails the test.
    @discardableResult
    func git(_ arguments: String..., date: Int = 0) throws -> String {
        try Self.run(arguments, in: path, date: date)
    }

    /// Runs `git arguments…` in `folder` with commits dated `date` seconds after 2026-01-01.
    @discardableResult
    static func run(_ arguments: [String], in folder: String, date: Int = 0) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = ["-c", "user.name=Test", "-c", "user.email=test@example.org", "-C", folder] + arguments
        let stamp = "\(1_767_225_600 + date) +0000"
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"]
        ) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments): \(String(decoding: errors, as: UTF8.self))")
        return String(decoding: output, as: UTF8.self)
    }

    /// Commits every change of the working tree, a minute after the previous commit.
    mutating func commitAll(_ message: String) throws {
        clock += 60
        try git("add", "-A")
        try git("commit", "-q", "--allow-empty", "-m", message, date: clock)
    }
}
