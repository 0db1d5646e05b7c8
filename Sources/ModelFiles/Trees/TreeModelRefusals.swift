/// The refusals the tree-model readers share: a damaged file gets the reader's own advice
/// on saving it again, an unsupported model the advice given with it.
protocol TreeModelRefusals {
    /// How to save a readable file again.
    static var advice: String { get }
}

extension TreeModelRefusals {
    /// The file cannot be read as this format: `detail`, and how to save it again.
    static func damaged(_ detail: String) -> ReasonError {
        ReasonError(.damagedModel(detail: detail, advice: advice))
    }

    /// The model is of a kind this tool does not score: `detail`, and what to do instead.
    static func unsupported(_ detail: String, _ advice: String) -> ReasonError {
        ReasonError(.unsupportedModel(detail: detail, advice: advice))
    }
}
