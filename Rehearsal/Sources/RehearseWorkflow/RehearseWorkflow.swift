import ArgumentParser

/// `rehearse-workflow`: runs one job of a workflow file here (the default subcommand), or checks
/// workflow files' structure (`lint`).
@main
struct RehearseWorkflow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rehearse-workflow",
        abstract: "Run a GitHub Actions job locally, or check workflow files' structure.",
        subcommands: [RunJob.self, LintWorkflows.self, PutCache.self],
        defaultSubcommand: RunJob.self)
}
