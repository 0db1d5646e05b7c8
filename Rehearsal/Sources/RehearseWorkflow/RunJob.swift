import ArgumentParser
import Foundation
import Rehearsal

/// `rehearse-workflow run`: one job of one workflow, its steps on this machine.
struct RunJob: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run one job of a workflow file on this machine, as a GitHub-hosted runner would.")

    @Option(help: "The workflow file.") var workflow: String
    @Option(help: "The job to run (its key under jobs:).") var job: String
    @Option(help: "push, pull_request or workflow_dispatch.") var event: String
    @Option(help: "The git repository to check out (a folder).") var repository: String
    @Option(help: "The branch pushed or dispatched on, or the pull request's head branch.") var ref: String
    @Option(help: "The pull request's base branch.") var baseRef: String?
    @Option(help: "The pull request's number (refs/pull/<n>/merge).") var pullRequestNumber: Int = 1
    @Option(help: "Holds the workspace, temp, command files, summary and pages artifact.") var runDir: String
    @Option(help: "The checkout, the same for every run as on GitHub (default: RUN_DIR/workspace).") var workspace: String?
    @Option(help: "The actions/cache store, kept between runs.") var cacheStore: String
    @Option(help: "A secret, NAME=VALUE (repeatable); a secret not given is empty.") var secret: [String] = []
    @Option(help: "A workflow_dispatch input, NAME=VALUE (repeatable).") var input: [String] = []
    @Option(help: "github.run_number and github.run_id.") var runNumber: Int = 1
    @Option(help: "github.repository (owner/name); default local/<folder>.") var repositoryName: String?
    @Option(help: "Write the steps, times, outcomes and outputs to this JSON file.") var json: String?

    func run() throws {
        guard let event = RunOptions.Event(rawValue: event) else {
            throw ValidationError("--event must be one of push, pull_request, workflow_dispatch")
        }
        let log: (String) -> Void = { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) }
        let options = RunOptions(
            workflowPath: workflow, job: job, event: event, repository: repository, ref: ref, baseRef: baseRef,
            pullRequestNumber: pullRequestNumber, runDirectory: runDir, workspace: workspace, cacheStore: cacheStore,
            secrets: try pairs(secret, "--secret"),
            inputs: try pairs(input, "--input"), runNumber: runNumber, repositoryName: repositoryName, log: log)
        let report: RunReport
        do {
            report = try JobRunner.run(options)
        } catch {
            FileHandle.standardError.write(Data("rehearse-workflow: \(error.description)\n".utf8))
            throw ExitCode.failure
        }
        if let json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try encoder.encode(report).write(to: URL(fileURLWithPath: json))
        }
        if report.result == "failure" { throw ExitCode.failure }
    }

    /// NAME=VALUE options as a dictionary (the value may hold '=').
    private func pairs(_ values: [String], _ option: String) throws -> [String: String] {
        var result: [String: String] = [:]
        for value in values {
            guard let equals = value.firstIndex(of: "="), equals != value.startIndex else {
                throw ValidationError("\(option) takes NAME=VALUE, not '\(value)'")
            }
            result[String(value[..<equals])] = String(value[value.index(after: equals)...])
        }
        return result
    }
}
