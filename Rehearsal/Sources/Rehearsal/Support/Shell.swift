import Foundation

/// Starts the programs the runner needs: step scripts (their output streamed to the job's log)
/// and git or tar (their output captured).
enum Shell {
    /// Runs `arguments` (the first looked up on PATH) and gives its exit status; output goes to
    /// `output`, both streams, through `mask` when it has secrets.
    static func run(
        _ arguments: [String], in directory: String, environment: [String: String]? = nil, output: FileHandle,
        mask: SecretMask = SecretMask([])
    ) throws(RehearsalError) -> Int32 {
        let process: Process
        if mask.isEmpty {
            process = try start(arguments, in: directory, environment: environment, output: output, error: output)
        } else {
            let pipe = Pipe()
            process = try start(arguments, in: directory, environment: environment, output: pipe, error: pipe)
            try? pipe.fileHandleForWriting.close()
            mask.copy(from: pipe.fileHandleForReading, to: output)
        }
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    }

    /// Runs a command that must succeed and gives its standard output, trimmed; a failure throws
    /// with the command's own message.
    @discardableResult
    static func capture(_ arguments: [String], in directory: String, environment: [String: String]? = nil)
        throws(RehearsalError) -> String
    {
        let result = try attempt(arguments, in: directory, environment: environment)
        guard result.status == 0 else {
            let message = result.error.split(separator: "\n").last.map(String.init) ?? "exit status \(result.status)"
            throw .command("\(arguments.joined(separator: " ")): \(message)")
        }
        return result.output
    }

    /// Runs a command and gives its status, standard output (trimmed) and standard error.
    static func attempt(_ arguments: [String], in directory: String, environment: [String: String]? = nil)
        throws(RehearsalError) -> (status: Int32, output: String, error: String)
    {
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-\(UUID().uuidString).err")
        guard FileManager.default.createFile(atPath: errorFile.path, contents: nil),
            let errorHandle = try? FileHandle(forWritingTo: errorFile)
        else { throw .command("cannot create a temporary file in \(FileManager.default.temporaryDirectory.path)") }
        defer {
            try? errorHandle.close()
            try? FileManager.default.removeItem(at: errorFile)
        }
        let pipe = Pipe()
        let process = try start(arguments, in: directory, environment: environment, output: pipe, error: errorHandle)
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let error = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        let output = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return (process.terminationStatus, output, error)
    }

    /// Starts `arguments` through `/usr/bin/env` (so the first is looked up on PATH) with no input.
    private static func start(
        _ arguments: [String], in directory: String, environment: [String: String]?, output: Any, error: Any
    ) throws(RehearsalError) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        if let environment { process.environment = environment }
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw .command("cannot start \(arguments.first ?? ""): \(error.localizedDescription)")
        }
        return process
    }
}
