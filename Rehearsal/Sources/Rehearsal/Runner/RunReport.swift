/// What a run did, step by step: the `--json` file the rehearsal script checks.
public struct RunReport: Codable, Sendable {
    /// One step as it ran (or was skipped).
    public struct StepReport: Codable, Sendable {
        let index: Int
        let id: String?
        let name: String
        /// `run` or the action's `uses:`.
        let kind: String
        /// success, failure or skipped, before continue-on-error.
        let outcome: String
        /// The outcome after continue-on-error (a tolerated failure concludes success).
        let conclusion: String
        let seconds: Double
        let outputs: [String: String]
        /// The script's exit status, or the action's error line.
        let detail: String?
    }

    let workflow: String
    let job: String
    let event: String
    let sha: String
    let ref: String
    /// success or failure.
    public let result: String
    let seconds: Double
    let steps: [StepReport]
    /// The job summary (the steps' GITHUB_STEP_SUMMARY files, in order).
    let summaryPath: String
}
