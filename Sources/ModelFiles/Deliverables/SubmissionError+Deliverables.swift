extension SubmissionError {
    /// Why a notebook or PDF of a submission folder is not shown; the subject is the file.
    /// The entry is scored all the same: these files are what the team hands in, not the model.
    public enum DeliverableReason: Equatable, Sendable {
        /// A notebook of another format version than 4 (`found` as written).
        case notebookVersion(found: String)
        /// Not JSON; `detail` says where.
        case notebookSyntax(detail: String)
        /// JSON, but not a notebook: `detail` says what is missing or wrong.
        case notANotebook(detail: String)
        /// JSON nested deeper than a notebook ever is.
        case notebookTooDeep(limit: Int)
        /// More cells than the limit.
        case tooManyCells(count: Int, limit: Int)
        /// Larger than its limit (`maxNotebookBytes` or `maxPDFBytes`).
        case tooLarge(bytes: Int, limit: Int, setting: Limit)
        /// A `.pdf` that does not start with `%PDF-`.
        case notPDF
        /// The file could not be read.
        case unreadable(detail: String)
        /// Beyond the number of notebooks or PDFs read from a folder.
        case beyondCount(limit: Int, setting: Limit)
    }

    static func message(_ name: String, _ reason: DeliverableReason) -> String {
        let scored = "it is not shown (the entry is scored all the same)"
        switch reason {
        case let .notebookVersion(found):
            return "\(name) is a notebook of nbformat \(found.quotedForMessage(limit: 20)), not 4: \(scored); "
                + "save it again with Jupyter 4 or later (jupyter nbconvert --to notebook)"
        case let .notebookSyntax(detail):
            return "\(name) is not valid JSON (\(detail)): \(scored); save it again from Jupyter"
        case let .notANotebook(detail):
            return "\(name) is not a Jupyter notebook: \(detail); \(scored)"
        case let .notebookTooDeep(limit):
            return "\(name) nests values more than \(limit) levels deep, which no notebook does: \(scored)"
        case let .tooManyCells(count, limit):
            return "\(name) has \(count) cells, more than the \(limit) a notebook may have "
                + "(\(Limit.maxNotebookCells.settingName)): \(scored)"
        case let .tooLarge(bytes, limit, setting):
            return "\(name) is \(bytes) bytes, more than the \(limit) allowed (\(setting.settingName)): \(scored); "
                + "clear large outputs or shrink the figures"
        case .notPDF:
            return "\(name) does not start with %PDF-, so it is not a PDF: \(scored); export the notebook as PDF again"
        case let .unreadable(detail):
            return "\(name) could not be read: \(detail); \(scored)"
        case let .beyondCount(limit, setting):
            return "\(name) is beyond the first \(limit) of its kind in the folder (\(setting.settingName)): \(scored)"
        }
    }
}
