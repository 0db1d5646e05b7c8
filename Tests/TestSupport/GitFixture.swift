import Foundation

/// A real git repository in a folder, for tests of what the tool reads from history: commits
/// and merges at the times a test sets, made with the system's git and no global settings.
public struct GitFixture: Sendable {
    /// The repository's top folder.
    public let path: String

    /// A new repository on branch `main` in `path` (made if missing).
    public init(at path: String) throws {
        self.path = path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try git(["init", "-q", "-b", "main"])
    }

    /// An existing repository (a clone).
    public init(existing path: String) { self.path = path }

    /// Runs `git arguments…` in the repository, as both author and committer at `date`
    /// (`authorDate` for the author when given), feeding it `input`; returns standard output.
    /// Throws with git's message when it fails.
    @discardableResult
    public func git(_ arguments: [String], at date: String? = nil, authorDate: String? = nil, input: Data? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = ["-C", path, "-c", "user.name=Test", "-c", "user.email=test@example.org"] + arguments
        // No settings but the test's own: not the machine's, not the user's.
        var environment = ProcessInfo.processInfo.environment.merging(
            ["GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"]) { $1 }
        if let date {
            environment["GIT_COMMITTER_DATE"] = date
            environment["GIT_AUTHOR_DATE"] = authorDate ?? date
        }
        process.environment = environment
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        if let input {
            // Small inputs (tree objects): written whole before the answer is read.
            stdin.fileHandleForWriting.write(input)
            try stdin.fileHandleForWriting.close()
        }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let error = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw FixtureError("git \(arguments.joined(separator: " ")): " + String(decoding: error, as: UTF8.self))
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Commits everything in the work tree at `date` (ISO 8601), `authorDate` for the author.
    public func commitAll(_ message: String, at date: String, authorDate: String? = nil) throws {
        try git(["add", "-A"])
        try git(["commit", "-q", "--allow-empty", "-m", message], at: date, authorDate: authorDate)
    }

    /// Merges `branch` into the current one with a merge commit at `date`.
    public func merge(_ branch: String, at date: String) throws {
        try git(["merge", "-q", "--no-ff", "-m", "Merge " + branch, branch], at: date)
    }

    /// Stores `data` as an object of `type` without git's checks on it (a crafted tree, as a
    /// participant can push one) and returns its id.
    public func writeObject(_ type: String, _ data: Data) throws -> String {
        try git(["hash-object", "-w", "--literally", "-t", type, "--stdin"], input: data).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A tree object of `entries` (mode, name as bytes, object id in hex) exactly as given:
    /// unsorted, repeated or unreadable names and modes included.
    public func writeTree(_ entries: [(mode: String, name: [UInt8], oid: String)]) throws -> String {
        var data = Data()
        for entry in entries {
            data.append(contentsOf: Array((entry.mode + " ").utf8) + entry.name + [0])
            var hex = Substring(entry.oid)
            while hex.count >= 2, let byte = UInt8(hex.prefix(2), radix: 16) {
                data.append(byte)
                hex = hex.dropFirst(2)
            }
        }
        return try writeObject("tree", data)
    }

    /// Commits, at `date`, the last commit's tree with its `submissions` folder replaced by
    /// tree `submissions`, and moves the branch to it (the work tree is left as it was).
    public func commitSubmissions(_ submissions: String, at date: String) throws {
        let others = try git(["ls-tree", "HEAD"]).split(separator: "\n").filter { !$0.hasSuffix("\tsubmissions") }
        let listing = (others.map(String.init) + ["040000 tree \(submissions)\tsubmissions"]).joined(separator: "\n") + "\n"
        let root = try git(["mktree"], input: Data(listing.utf8)).trimmingCharacters(in: .whitespacesAndNewlines)
        let commit = try git(["commit-tree", root, "-p", "HEAD", "-m", "crafted"], at: date).trimmingCharacters(in: .whitespacesAndNewlines)
        try git(["reset", "-q", "--soft", commit])
    }

    /// A clone of this repository at `target` (`depth` for a shallow one).
    public func clone(to target: String, depth: Int? = nil) throws -> GitFixture {
        var arguments = ["clone", "-q"]
        if let depth { arguments += ["--depth", "\(depth)"] }
        try GitFixture(existing: "/").git(arguments + ["file://" + path, target])
        return GitFixture(existing: target)
    }

    /// A failed git command.
    public struct FixtureError: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }
}
