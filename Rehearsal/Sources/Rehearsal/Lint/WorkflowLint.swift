/// The structure checks a workflow must pass before it is trusted with the repository: each
/// problem is one line naming the file and, where it lies in one, the job and step.
public enum WorkflowLint {
    /// The problems of one decoded workflow; `path` names it in each line.
    static func problems(in workflow: Workflow, path: String) -> [String] {
        var problems: [String] = []
        let events = workflow.triggers.events
        if events.contains("pull_request_target") {
            problems.append("\(path): runs on pull_request_target, which gives a fork's code a write token and secrets; use pull_request")
        }
        if workflow.permissions == nil {
            problems.append("\(path): no top-level permissions: block (the token would get the repository's default scopes)")
        }
        let jobs = workflow.jobOrder.compactMap { name in workflow.jobs[name].map { (name, $0) } }
        if events.contains("pull_request") {
            let granted = [(path, workflow.permissions)] + jobs.map { ("\(path): job \($0.0)", $0.1.permissions) }
            for (place, permissions) in granted {
                guard let scopes = permissions?.writeScopes, !scopes.isEmpty else { continue }
                problems.append("\(place): a pull_request workflow grants write permission (\(scopes.joined(separator: ", ")))")
            }
        }
        for (name, job) in jobs {
            if let image = job.containerImage, !Pinning.isPinnedImage(image) {
                problems.append("\(path): job \(name): container image '\(image)' is not pinned to an exact version")
            }
            for (index, step) in job.steps.enumerated() {
                let place = "\(path): job \(name) step \(index + 1) '\(step.displayName)'"
                if let uses = step.uses, let problem = Pinning.actionProblem(uses) { problems.append("\(place): \(problem)") }
                if let run = step.run { problems += ScriptInjection.problems(in: run).map { "\(place): \($0)" } }
            }
        }
        return problems
    }

    /// The problems of the file at `path`, a file that cannot be decoded being one.
    public static func problems(ofFile path: String) -> [String] {
        do {
            return problems(in: try WorkflowFile.load(path), path: path)
        } catch {
            return [error.description]
        }
    }
}
