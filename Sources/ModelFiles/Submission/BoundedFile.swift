import Foundation

/// Reads a whole regular file, refusing anything larger than a bound before reading it.
///
/// FIFOs, devices and folders are refused up front: reading `/dev/zero` or a pipe would
/// never end. The size is checked twice (stat, then while reading), because a file may
/// grow in between.
enum BoundedFile {
    /// Why a file was not read.
    enum Failure: Error, Equatable {
        /// Larger than the bound; `bytes` is its size as far as it was seen.
        case tooLarge(bytes: Int)
        /// Not a regular file (a folder, FIFO, device or socket); `kind` names it.
        case notRegular(kind: String)
        /// The operating system's reason.
        case unreadable(String)
    }

    /// The contents of `url`, at most `maxBytes` long.
    static func read(_ url: URL, maxBytes: Int) throws(Failure) -> Data {
        let attributes: [FileAttributeKey: Any]
        do {
            // attributesOfItem follows a final symlink on neither platform, so ask about
            // the resolved path: the caller has already decided whether to follow it.
            attributes = try FileManager.default.attributesOfItem(atPath: url.resolvingSymlinksInPath().path)
        } catch {
            throw .unreadable(describe(error))
        }
        let type = attributes[.type] as? FileAttributeType
        guard type == .typeRegular else { throw .notRegular(kind: kindName(type)) }
        if let size = (attributes[.size] as? NSNumber)?.intValue, size > maxBytes {
            throw .tooLarge(bytes: size)
        }
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw .unreadable(describe(error))
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maxBytes + 1) ?? Data()
        } catch {
            throw .unreadable(describe(error))
        }
        if data.count > maxBytes { throw .tooLarge(bytes: data.count) }
        return data
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

    private static func kindName(_ type: FileAttributeType?) -> String {
        switch type {
        case .typeDirectory?: return "a folder"
        case .typeCharacterSpecial?, .typeBlockSpecial?: return "a device"
        case .typeSocket?: return "a socket"
        case .typeSymbolicLink?: return "a symbolic link"
        default: return "not a regular file (a pipe or special file)"
        }
    }
}
