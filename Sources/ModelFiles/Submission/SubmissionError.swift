import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// What is wrong with a submission: one line that names the file or folder, says what was
/// found and what to submit instead. Every refusal of a participant's folder, manifest,
/// predictions file, training history or submitted file is one of these; its message is
/// written in one place (`SubmissionError+Message.swift`).
public struct SubmissionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file or folder, as messages name it (e.g. `submissions/team-a/manifest.yml`).
    public var subject: String
    /// What was found.
    public var reason: Reason

    /// An error about `subject`.
    public init(subject: String, reason: Reason) {
        self.subject = subject
        self.reason = reason
    }

    /// What was found, grouped by what the subject is.
    public enum Reason: Equatable, Sendable {
        /// A submitted file (the model or the manifest, opened to be hashed and copied) that
        /// could not be opened or read; `limit` is the limit its size is held to.
        case file(FileReason, limit: Limit)
        /// A folder (or single file) that could not be taken apart.
        case folder(FolderReason)
        /// An invalid manifest.
        case manifest(ManifestReason)
        /// An invalid predictions file.
        case predictions(PredictionsReason)
        /// An invalid training history.
        case history(HistoryReason)
        /// A notebook or PDF handed in beside the model that is not shown (the entry is
        /// scored all the same).
        case deliverable(DeliverableReason)
    }

    /// Whether the failure belongs to the submission (recorded as the entry's) rather than
    /// to the moment: a file that changed while it was read is tried again on the next run.
    public var isTheSubmissions: Bool {
        if case .file(.changed, _) = reason { return false }
        return true
    }

    /// Why a submitted file or folder was not opened or read. The reader (`SubmissionRoot`,
    /// `SubmittedFile`) throws it alone, since it does not know how messages name the file;
    /// its callers make it a `SubmissionError` about that name.
    public enum FileReason: Error, Sendable, Equatable {
        /// A symbolic link, at the name or anywhere on the way to it.
        case symbolicLink
        /// A path that leaves the folder (`..`, absolute).
        case outside
        /// Not a regular file or folder (a FIFO, device or socket), or a folder where a file
        /// was expected.
        case notRegular(kind: FileKind)
        /// A regular file with more than one name (a hard link): its other name may be a file
        /// of the organizer's outside the folder, so it is never read.
        case hardLinked(names: Int)
        /// A file where a folder was expected.
        case notFolder
        /// No such file or folder.
        case missing
        /// Larger than the limit, before a byte was read.
        case tooLarge(bytes: Int, limit: Int)
        /// Replaced, grown or rewritten between its opening and the end of its reading.
        case changed
        /// The system's reason.
        case unreadable(detail: String)

        /// The reason for the system's error number `code`.
        init(errno code: Int32) {
            switch code {
            case ELOOP: self = .symbolicLink
            case EXDEV: self = .outside
            case ENOENT: self = .missing
            default: self = .unreadable(detail: String(cString: strerror(code)).lowercased())
            }
        }
    }
}
