/// The limits of every reader of participant files: model files, and a submission's folder,
/// manifest, history and predictions file. What a sandboxed child needs to be told.
public struct ReaderLimits: Sendable, Equatable {
    /// What the model readers accept.
    public var modelFile: ModelFileLimits
    /// What the submission readers accept.
    public var submission: SubmissionLimits

    /// The given limits (the defaults unless named).
    public init(modelFile: ModelFileLimits = ModelFileLimits(), submission: SubmissionLimits = SubmissionLimits()) {
        self.modelFile = modelFile
        self.submission = submission
    }

    /// The values that differ from the defaults, by key.
    public var overrides: [String: Double] {
        modelFile.overrides.merging(submission.overrides) { a, _ in a }
    }

    /// These limits with `values` applied; returns the keys that are neither kind's.
    public mutating func apply(_ values: [String: Double]) -> [String: Double] {
        var rest = values
        (modelFile, rest) = modelFile.applying(rest)
        (submission, rest) = submission.applying(rest)
        return rest
    }
}
