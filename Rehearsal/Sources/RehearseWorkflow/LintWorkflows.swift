import ArgumentParser
import Foundation
import Rehearsal

/// `rehearse-workflow lint FILE…`: one line per problem, exit 1 when there is any.
struct LintWorkflows: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check workflow files' structure: permissions, pinning, pull_request safety, script injection.")

    @Argument(help: "The workflow files.") var files: [String]

    func run() throws {
        let problems = files.flatMap(WorkflowLint.problems(ofFile:))
        for problem in problems { print(problem) }
        if !problems.isEmpty { throw ExitCode.failure }
    }
}
