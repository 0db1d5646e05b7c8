import Foundation

/// The `github` and `runner` contexts and the GITHUB_* / RUNNER_* variables for a run, built once.
/// The event payload holds the fields workflows read; another event's fields (`pull_request` on
/// a push) are null, as on GitHub, so one workflow on several events reads them safely.
struct GitHubContext {
    let github: ExpressionValue
    let runner: ExpressionValue
    let variables: [String: String]
    /// The event payload, also written to GITHUB_EVENT_PATH.
    let event: ExpressionValue

    init(options: RunOptions, revision: Revision, jobName: String, workflowName: String, workspace: String, temp: String) {
        let runID = String(options.runNumber)
        let eventFields: [String: ExpressionValue]
        switch options.event {
        case .pullRequest:
            let side = { (name: String, sha: String, ref: String) in
                ExpressionValue.object(
                    ExpressionObject(["sha": .string(sha), "ref": .string(ref)], closedName: "github.event.pull_request." + name))
            }
            let pullRequest = ExpressionObject(
                [
                    "number": .number(Double(options.pullRequestNumber)),
                    "base": side("base", revision.baseSHA, revision.baseRef),
                    "head": side("head", revision.headSHA, revision.headRef),
                ], closedName: "github.event.pull_request")
            eventFields = [
                "number": .number(Double(options.pullRequestNumber)), "pull_request": .object(pullRequest), "inputs": .null,
                "before": .null, "after": .null,
            ]
        case .push:
            eventFields = [
                "ref": .string(revision.ref), "before": .string(revision.parentSHA), "after": .string(revision.sha),
                "pull_request": .null, "inputs": .null,
            ]
        case .workflowDispatch:
            eventFields = ["ref": .string(revision.ref), "inputs": .strings(options.inputs), "pull_request": .null]
        }
        event = .object(ExpressionObject(eventFields, closedName: "github.event"))
        let owner = String(options.repositoryName.split(separator: "/").first ?? "local")
        let strings: [String: String] = [
            "event_name": options.event.rawValue, "sha": revision.sha, "ref": revision.ref, "ref_name": revision.refName,
            "ref_type": "branch", "base_ref": revision.baseRef, "head_ref": revision.headRef, "workspace": workspace,
            "run_id": runID, "run_number": String(options.runNumber), "run_attempt": "1", "repository": options.repositoryName,
            "repository_owner": owner, "actor": owner, "triggering_actor": owner, "job": jobName, "workflow": workflowName,
            "server_url": "https://github.com", "api_url": "https://api.github.com", "action": "",
        ]
        var githubFields = strings.mapValues { ExpressionValue.string($0) }
        githubFields["event"] = event
        githubFields["token"] = .string(options.secrets["GITHUB_TOKEN"] ?? "")
        github = .object(ExpressionObject(githubFields, closedName: "github"))
        runner = .object(
            ExpressionObject(
                [
                    "os": .string("Linux"), "arch": .string("X64"), "temp": .string(temp), "name": .string("rehearsal"),
                    "environment": .string("github-hosted"),
                ],
                closedName: "runner"))
        var variables = ["CI": "true", "GITHUB_ACTIONS": "true", "RUNNER_OS": "Linux", "RUNNER_ARCH": "X64", "RUNNER_TEMP": temp]
        for (name, value) in strings where !["action", "token"].contains(name) { variables["GITHUB_" + name.uppercased()] = value }
        variables["GITHUB_WORKSPACE"] = workspace
        variables["GITHUB_EVENT_NAME"] = options.event.rawValue
        self.variables = variables
    }
}
