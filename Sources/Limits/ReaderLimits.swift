/// The limits of every reader of participant files: model files, and a submission's folder,
/// manifest, history and predictions file. What a sandboxed child needs to be told.
public struct ReaderLimits: Sendable, Equatable, Codable {
    /// What the model readers accept.
    public var modelFile: ModelFileLimits
    /// What the submission readers accept.
    public var submission: SubmissionLimits

    /// The given limits (the defaults unless named).
    public init(modelFile: ModelFileLimits = ModelFileLimits(), submission: SubmissionLimits = SubmissionLimits()) {
        self.modelFile = modelFile
        self.submission = submission
    }
}
