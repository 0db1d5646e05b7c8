import Foundation

/// `actions/checkout`: clones the run's commit into the workspace over `file://`, so that
/// `fetch-depth: 1` (the default) gives the same one-commit shallow history as on GitHub and a
/// step that needs more fails the same way; `fetch-depth: 0` gives every branch's history.
struct Checkout: EmulatedAction {
    let inputNames: Set<String> = [
        "fetch-depth", "path", "ref", "persist-credentials", "clean", "fetch-tags", "submodules", "lfs", "show-progress",
        "repository", "token",
    ]

    func run(_ inputs: ActionInputs, _ environment: ActionEnvironment) throws(RehearsalError) -> ActionOutcome {
        guard let depth = Int(inputs.optional("fetch-depth", default: "1")), depth >= 0 else {
            throw .workflow("actions/checkout: fetch-depth '\(inputs.optional("fetch-depth"))' is not a whole number")
        }
        for flag in ["submodules", "lfs"] where !["", "false"].contains(inputs.optional(flag)) {
            throw .workflow("actions/checkout: '\(flag)' is not emulated by the rehearsal")
        }
        if !inputs.optional("repository").isEmpty {
            throw .workflow("actions/checkout: checking out another repository is not emulated by the rehearsal")
        }
        let revision = environment.revision
        let branch = inputs.optional("ref", default: revision.cloneBranch)
        let destination = Folders.absolute(inputs.optional("path", default: "."), base: environment.workspace)
        try Folders.empty(destination)
        var clone = ["git", "clone", "--quiet", "--branch", branch]
        if depth > 0 { clone += ["--depth", String(depth)] }
        clone += ["file://" + revision.cloneSource, destination]
        try Shell.capture(clone, in: environment.workspace)
        if depth == 0 && inputs.optional("fetch-tags", default: "true") == "false" {
            environment.log("  fetch-depth 0 fetches tags here whatever fetch-tags says")
        }
        let commit = try Shell.capture(["git", "rev-parse", "HEAD"], in: destination)
        let history = try Shell.capture(["git", "rev-list", "--count", "HEAD"], in: destination)
        environment.log("  checked out \(branch) at \(commit.prefix(12)) (\(history) commit\(history == "1" ? "" : "s") of history)")
        return ActionOutcome(outputs: ["ref": branch, "commit": commit])
    }
}
