import Foundation
import Testing

@testable import Rehearsal

/// A temporary folder holding a git repository, a workflow file, a run folder and a cache store,
/// removed when the test ends.
final class Sandbox {
    let root: String
    var repository: String { root + "/repo" }
    var runDirectory: String { root + "/run" }
    var cacheStore: String { root + "/cache" }
    var workspace: String { runDirectory + "/workspace" }
    private(set) var lines: [String] = []
    private var commits = 0

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("rehearsal-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/repo", withIntermediateDirectories: true)
        try git("init", "--quiet", "--initial-branch=main")
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// Runs git in the repository with a fixed identity and dates one minute apart.
    @discardableResult
    func git(_ arguments: String...) throws -> String {
        let date = "2026-01-01T00:\(String(format: "%02d", commits % 60)):00Z"
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_AUTHOR_DATE"] = date
        environment["GIT_COMMITTER_DATE"] = date
        return try Shell.capture(
            ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com"] + arguments, in: repository,
            environment: environment)
    }

    /// Writes files (path → text) into the repository and commits them.
    func commit(_ files: [String: String], message: String = "change") throws {
        for (path, text) in files { try write(repository + "/" + path, text) }
        try git("add", "--all")
        try git("commit", "--quiet", "-m", message)
        commits += 1
    }

    func write(_ path: String, _ text: String) throws {
        try FileManager.default.createDirectory(
            atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    /// Writes the workflow into the sandbox (not the repository) and runs one of its jobs.
    func run(
        _ workflow: String, job: String = "build", event: RunOptions.Event = .push, ref: String = "main", baseRef: String? = nil,
        secrets: [String: String] = [:], inputs: [String: String] = [:]
    ) throws -> RunReport {
        let path = root + "/workflow.yml"
        try write(path, workflow)
        let handle = try logHandle()
        defer { try? handle.close() }
        let options = RunOptions(
            workflowPath: path, job: job, event: event, repository: repository, ref: ref, baseRef: baseRef,
            runDirectory: runDirectory, cacheStore: cacheStore, secrets: secrets, inputs: inputs, output: handle,
            log: { [weak self] line in self?.lines.append(line) })
        return try JobRunner.run(options)
    }

    /// What the steps printed, across runs.
    func stepOutput() throws -> String { try read(root + "/steps.log") }

    private func logHandle() throws -> FileHandle {
        let path = root + "/steps.log"
        if !FileManager.default.fileExists(atPath: path) {
            #expect(FileManager.default.createFile(atPath: path, contents: nil))
        }
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        return handle
    }
}

/// A workflow with one job, `build`, on `events`, with no token scopes; `steps` is the YAML list
/// of steps written from column 0.
func oneJob(on events: String = "push", _ steps: String) -> String {
    let indented = steps.split(separator: "\n", omittingEmptySubsequences: false).map { "      " + $0 }.joined(separator: "\n")
    return "on: \(events)\npermissions: {}\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n" + indented + "\n"
}

extension RunReport {
    /// The step with this id.
    func step(_ id: String) throws -> StepReport { try #require(steps.first { $0.id == id }) }
}
