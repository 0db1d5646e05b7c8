import Foundation

/// One run of `git` in a folder: its arguments handed to the process as they are (no shell,
/// so a path may hold spaces, newlines or any other character), its output read whole.
struct GitProcess {
    /// What a run gave.
    struct Outcome {
        var status: Int32
        var output: Data
        /// The first line of what git said on standard error, for messages.
        var message: String
    }

    /// The folder git runs in (`git -C`).
    let folder: String

    /// The `git` executable: the first one on `PATH`, else `/usr/bin/git`.
    static let executable: String = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let candidate = String(dir) + "/git"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return "/usr/bin/git"
    }()

    /// Runs `git -C folder arguments…`, its standard input empty and its prompts off.
    ///
    /// - Throws: `ChangedTeamsError.gitMissing` when git cannot be started.
    func run(_ arguments: [String]) throws(ChangedTeamsError) -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = ["-C", folder, "--literal-pathspecs"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["LC_ALL"] = "C"
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do {
            try process.run()
        } catch {
            throw .gitMissing(Self.executable)
        }
        // Standard error is read beside standard output, so that neither pipe fills and stalls git.
        let errors = ErrorText()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errors.data = err.fileHandleForReading.readDataToEndOfFile() }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        let said = String(decoding: errors.data, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
        return Outcome(status: process.terminationStatus, output: output, message: said)
    }

    /// Runs `arguments` and returns its output as one trimmed line; `nil` when git fails.
    func line(_ arguments: [String]) throws(ChangedTeamsError) -> String? {
        let outcome = try run(arguments)
        guard outcome.status == 0 else { return nil }
        return String(decoding: outcome.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The bytes git wrote on standard error, filled by the reading thread before `wait` returns.
    private final class ErrorText: @unchecked Sendable {
        var data = Data()
    }
}
