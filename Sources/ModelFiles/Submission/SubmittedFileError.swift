import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why a submitted file or folder was not opened or read; callers name the file.
public enum SubmittedFileError: Error, Sendable, Equatable {
    /// A symbolic link, at the name or anywhere on the way to it.
    case symbolicLink
    /// A path that leaves the folder (`..`, absolute).
    case outside
    /// Not a regular file or folder (a FIFO, device or socket), or a folder where a file was
    /// expected.
    case notRegular(kind: FileKind)
    /// A regular file with more than one name (a hard link): its other name may be a file of
    /// the organizer's outside the folder, so it is never read.
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

    init(errno code: Int32) {
        switch code {
        case ELOOP: self = .symbolicLink
        case EXDEV: self = .outside
        case ENOENT: self = .missing
        default: self = .unreadable(detail: String(cString: strerror(code)).lowercased())
        }
    }

    /// What the file is or what happened to it, after its name: "is a symbolic link".
    public var phrase: String {
        switch self {
        case .symbolicLink: "is a symbolic link (or is reached through one)"
        case .outside: "is not inside the submission folder"
        case .notRegular(.folder): "is a folder, not a file"
        case .notRegular: "is not a regular file (a pipe, device or socket)"
        case let .hardLinked(names): "has \(names) names (hard links), so it may be a file from outside the folder"
        case .notFolder: "is a file, not a folder"
        case .missing: "does not exist"
        case let .tooLarge(bytes, limit): "is too large: \(bytes) bytes, over the limit of \(limit) bytes"
        case .changed: "changed while it was being read (an upload in progress?)"
        case let .unreadable(detail): "could not be read: \(detail)"
        }
    }

    /// Whether the failure belongs to the file (recorded as the entry's) rather than to the
    /// moment (a file changing mid-read: the next run tries again).
    public var isTheFiles: Bool { self != .changed }
}
