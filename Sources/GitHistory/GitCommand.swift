import Foundation

/// One git command in a repository, run without a shell: arguments are passed as they are,
/// so no file or folder name can become part of a command line.
struct GitCommand {
    /// The repository's top folder (`git -C`).
    let repository: String
    /// The executable; `git` on the PATH unless a test names another.
    var executable = GitCommand.defaultExecutable

    /// `git` found on PATH, else the usual place.
    static let defaultExecutable: String = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: folder + "/git") {
            return folder + "/git"
        }
        return "/usr/bin/git"
    }()

    /// Runs `git arguments…`, feeding `input`, and returns everything it wrote to standard
    /// output; a non-zero exit is `GitError.failed` with git's first line of complaint.
    /// For answers of a bounded size (lists of commits, a tree's oid per commit).
    func output(_ arguments: [String], input: Data? = nil) throws(GitError) -> Data {
        let process = try started(arguments, input: input != nil)
        if let input, let stdin = process.standardInput as? Pipe {
            // Written from another thread: git may answer before it has read everything, and
            // a full pipe either way would stall both sides.
            let writer = Thread {
                stdin.fileHandleForWriting.write(input)
                try? stdin.fileHandleForWriting.close()
            }
            writer.start()
        }
        let out = (process.standardOutput as? Pipe)?.fileHandleForReading.readDataToEndOfFile() ?? Data()
        let err = (process.standardError as? Pipe)?.fileHandleForReading.readDataToEndOfFile() ?? Data()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Self.failure(arguments, err) }
        return out
    }

    /// `git arguments…` started with pipes on its standard input (when `input`), output and
    /// error; the caller reads and waits.
    func started(_ arguments: [String], input: Bool) throws(GitError) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        // The workspace is the organizer's, even when another user owns the checkout (a CI
        // container's mounted workspace, which git would otherwise refuse as "dubious"); and
        // nothing the repository's settings name (an fsmonitor hook) is run.
        process.arguments =
            ["-C", repository, "-c", "safe.directory=" + repository, "-c", "core.fsmonitor=false", "-c", "core.quotePath=false"]
            + arguments
        var environment = ProcessInfo.processInfo.environment
        // The repository's own answers only: no pager, no prompt, no replacement objects.
        environment["GIT_PAGER"] = "cat"
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["GIT_NO_REPLACE_OBJECTS"] = "1"
        process.environment = environment
        if input { process.standardInput = Pipe() } else { process.standardInput = FileHandle.nullDevice }
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        do {
            try process.run()
        } catch {
            throw .gitMissing("\(executable): \(error.localizedDescription)")
        }
        return process
    }

    /// The failure of `arguments` with git's standard error `err`: its first line.
    static func failure(_ arguments: [String], _ err: Data) -> GitError {
        let message = String(decoding: err, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init)
        return .failed(command: arguments.first ?? "", message: message ?? "no message")
    }
}
