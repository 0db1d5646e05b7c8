import Foundation

extension SubmissionError {
    /// The bytes of a manifest, history or predictions file that `load` reads, or the error
    /// about `subject` that says why they could not be read: over the size limit
    /// (`tooLarge`, given the file's size) or otherwise (`unreadable`, given the reason).
    static func reading(
        _ subject: String, _ load: () throws(FileReason) -> Data, tooLarge: (Int) -> Reason,
        unreadable: (String) -> Reason
    ) throws(SubmissionError) -> Data {
        do {
            return try load()
        } catch {
            if case let .tooLarge(bytes, _) = error { throw SubmissionError(subject: subject, reason: tooLarge(bytes)) }
            throw SubmissionError(subject: subject, reason: unreadable(error.unreadableDetail))
        }
    }
}
