import Foundation

/// Runs one job of a workflow file on this machine, step by step, as a GitHub-hosted runner would.
public enum JobRunner {
    /// Runs the job `options.job`; the report says how each step went. Throws (one line) when the
    /// workflow cannot be run here at all: the event is not among its triggers, a step uses an
    /// action or an expression the rehearsal does not emulate, or the commit cannot be found.
    public static func run(_ options: RunOptions) throws(RehearsalError) -> RunReport {
        let workflow = try WorkflowFile.load(options.workflowPath)
        guard let job = workflow.jobs[options.job] else {
            throw .workflow("\(options.workflowPath): no job '\(options.job)' (it has: \(workflow.jobOrder.joined(separator: ", ")))")
        }
        let events = workflow.triggers.events
        guard events.contains(options.event.rawValue) else {
            throw .workflow(
                "\(options.workflowPath) does not run on \(options.event.rawValue) (on: \(events.joined(separator: ", ")))")
        }
        try validateActions(job)
        var run = try JobRun(options: options, workflow: workflow, job: job)
        return try run.execute()
    }

    /// Every `uses:` is emulated and given only inputs its emulation reads, checked before any
    /// step runs so a long job does not fail late on what could be seen at once.
    static func validateActions(_ job: Job) throws(RehearsalError) {
        for (index, step) in job.steps.enumerated() {
            // A local composite action is read from the checkout when its step runs.
            guard let uses = step.uses, !CompositeAction.isLocal(uses) else { continue }
            try JobRun.validate(step, uses: uses, index: index)
        }
    }
}
