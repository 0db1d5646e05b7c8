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

    /// What a finished command gave.
    struct Outcome {
        var status: Int32
        var output: Data
        /// The first line git wrote on standard error, for messages.
        var message: String
    }

    /// Runs `git arguments…`, feeding `input`, and returns everything it wrote to standard
    /// output; a non-zero exit is `GitError.failed` with git's first line of complaint.
    /// For answers of a bounded size (lists of commits, a tree's oid per commit).
    func output(_ arguments: [String], input: Data? = nil) throws(GitError) -> Data {
        let outcome = try run(arguments, input: input)
        guard outcome.status == 0 else {
            throw .failed(command: arguments.first ?? "", message: outcome.message.isEmpty ? "no message" : outcome.message)
        }
        return outcome.output
    }

    /// Runs `arguments` and gives its output as one trimmed line; `nil` when git fails.
    func line(_ arguments: [String]) throws(GitError) -> String? {
        let outcome = try run(arguments)
        guard outcome.status == 0 else { return nil }
        return String(decoding: outcome.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs `git arguments…` to its end, feeding `input`. Standard input is written and
    /// standard error read on threads of their own beside standard output, so that no full
    /// pipe stalls git (which may answer before it has read everything).
    func run(_ arguments: [String], input: Data? = nil) throws(GitError) -> Outcome {
        let process = try started(arguments, input: input != nil)
        let group = DispatchGroup()
        if let input, let stdin = process.standardInput as? Pipe {
            DispatchQueue.global().async(group: group) {
                stdin.fileHandleForWriting.write(input)
                try? stdin.fileHandleForWriting.close()
            }
        }
        let errors = ErrorText()
        if let stderr = process.standardError as? Pipe {
            DispatchQueue.global().async(group: group) { errors.data = stderr.fileHandleForReading.readDataToEndOfFile() }
        }
        let output = (process.standardOutput as? Pipe)?.fileHandleForReading.readDataToEndOfFile() ?? Data()
        group.wait()
        process.waitUntilExit()
        let message = String(decoding: errors.data, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init)
        return Outcome(status: process.terminationStatus, output: output, message: message ?? "")
    }

    /// The bytes git wrote on standard error, filled by the reading thread before `wait` returns.
    private final class ErrorText: @unchecked Sendable {
        var data = Data()
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
            ["-C", repository, "--literal-pathspecs", "-c", "safe.directory=" + repository, "-c", "core.fsmonitor=false"]
            + ["-c", "core.quotePath=false"] + arguments
        var environment = ProcessInfo.processInfo.environment
        // The repository's own answers only: no pager, no prompt, no replacement objects.
        environment["GIT_PAGER"] = "cat"
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["GIT_NO_REPLACE_OBJECTS"] = "1"
        environment["LC_ALL"] = "C"
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

}
