import Foundation

/// Reads a whole regular file through `SubmissionRoot`, refusing anything larger than a
/// bound before reading it, and anything that is a link, a FIFO, a device or a folder.
enum BoundedFile {
    /// Why a file was not read.
    enum Failure: Error, Equatable {
        /// Larger than the bound; `bytes` is its size as far as it was seen.
        case tooLarge(bytes: Int)
        /// Not a regular file (a link, folder, FIFO, device or socket); `kind` names it.
        case notRegular(kind: String)
        /// The operating system's reason, or a change while it was read.
        case unreadable(String)

        init(_ error: SubmittedFileError) {
            switch error {
            case let .tooLarge(bytes, _): self = .tooLarge(bytes: bytes)
            case .symbolicLink: self = .notRegular(kind: "a symbolic link")
            case .notRegular(.folder): self = .notRegular(kind: "a folder")
            case .notRegular, .notFolder: self = .notRegular(kind: "not a regular file (a pipe, device or socket)")
            case .missing: self = .unreadable("no such file")
            case let .unreadable(detail): self = .unreadable(detail)
            case .outside, .changed: self = .unreadable(String(error.phrase.trimmingPrefix("is ")))
            case .hardLinked: self = .notRegular(kind: "a hard link to another name")
            }
        }
    }

    /// The contents of the file at `url`, at most `maxBytes` long. The folder holding it is
    /// the caller's; the file's own name is not followed if it is a link.
    static func read(_ url: URL, maxBytes: Int) throws(Failure) -> Data {
        let root: SubmissionRoot
        do {
            root = try SubmissionRoot(opening: url.deletingLastPathComponent().path)
        } catch {
            throw Failure(error)
        }
        return try read(url.lastPathComponent, in: root, maxBytes: maxBytes)
    }

    /// The contents of `name` beneath `root`, at most `maxBytes` long.
    static func read(_ name: String, in root: SubmissionRoot, maxBytes: Int) throws(Failure) -> Data {
        do {
            return try root.file(name).contents(maxBytes: maxBytes)
        } catch {
            throw Failure(error)
        }
    }

    /// A short, one-line description of a Foundation or POSIX error.
    static func describe(_ error: any Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
           let message = strerror(Int32(underlying.code)) {
            return String(cString: message).lowercased()
        }
        if ns.domain == NSPOSIXErrorDomain, let message = strerror(Int32(ns.code)) {
            return String(cString: message).lowercased()
        }
        switch ns.code {
        case NSFileReadNoSuchFileError, NSFileNoSuchFileError: return "no such file"
        case NSFileReadNoPermissionError: return "permission denied"
        default: return ns.localizedDescription.split(whereSeparator: \.isNewline).first.map(String.init) ?? "\(ns.code)"
        }
    }
}
