import ModelFiles

/// Why a submission's model or manifest could not be hashed or copied: the file's own fault
/// (a link, not a regular file, over a limit — recorded as the entry's failure), or a
/// passing one such as a change mid-read or a full disk (the next run tries again).
struct SubmissionFileFailure: Error, CustomStringConvertible {
    /// The one-line reason.
    let description: String
    /// Whether the failure belongs to the file, so that it is recorded as the entry's.
    let isRecorded: Bool

    init(description: String, isRecorded: Bool) {
        self.description = description
        self.isRecorded = isRecorded
    }

    /// `error` about the file `name`; `limitName` is the setting a size limit comes from.
    init(_ error: SubmittedFileError, name: String, limitName: String) {
        var text = "'\(name)' \(error.phrase)"
        switch error {
        case .tooLarge: text += " (\(limitName))"
        case .changed: text += ": it was not scored; run score again once it is complete"
        case .symbolicLink: text += ": links are never followed in submissions; submit the file itself"
        case .notRegular: text += ": submit the file itself"
        case .hardLinked: text += "; submit a copy of the file (cp, not ln)"
        default: break
        }
        self.init(description: text, isRecorded: error.isTheFiles)
    }
}
