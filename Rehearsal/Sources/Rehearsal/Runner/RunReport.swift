/// What a run did, step by step: the `--json` file the rehearsal script checks.
public struct RunReport: Codable, Sendable {
    /// One step as it ran (or was skipped).
    public struct StepReport: Codable, Sendable {
        public let index: Int
        public let id: String?
        public let name: String
        /// `run` or the action's `uses:`.
        public let kind: String
        /// success, failure or skipped, before continue-on-error.
        public let outcome: String
        /// The outcome after continue-on-error (a tolerated failure concludes success).
        public let conclusion: String
        public let seconds: Double
        public let outputs: [String: String]
        /// The script's exit status, or the action's error line.
        public let detail: String?
    }

    public let workflow: String
    public let job: String
    public let event: String
    public let sha: String
    public let ref: String
    /// success or failure.
    public var result: String
    public var seconds: Double
    public var steps: [StepReport]
    /// The job summary (the steps' GITHUB_STEP_SUMMARY files, in order).
    public let summaryPath: String
}
