import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Fetches pinned files into a download folder: resumes what an earlier run left, hashes the
/// bytes as they arrive (the file is never held in memory), and keeps the file only when its
/// digest is the expected one.
public struct Downloader: Sendable {
    /// What a fetch did.
    public struct Outcome: Sendable, Equatable, Codable {
        /// The verified file.
        public var path: String
        /// Its size in bytes.
        public var bytes: Int
        /// Whether it was already there (nothing fetched).
        public var alreadyPresent: Bool
        /// Bytes kept from an earlier, interrupted run (0 when the download started afresh).
        public var resumedFrom: Int
        /// Bytes received over the network in this run.
        public var fetchedBytes: Int
    }

    /// The folder files are kept in.
    public let folder: DownloadFolder
    /// Called with (bytes on disk, bytes in all when known) as the file arrives.
    public var progress: (@Sendable (Int, Int?) -> Void)?

    /// A downloader keeping its files in `folder`.
    public init(folder: DownloadFolder) {
        self.folder = folder
    }

    /// Makes sure `file` is in the folder and verified; returns where it is.
    ///
    /// A partial file from an earlier run is resumed with an HTTP range request; a server that
    /// answers with the whole file instead starts it afresh. A digest that differs removes
    /// what arrived, partial included.
    public func fetch(_ file: PinnedFile) throws(DownloadError) -> Outcome {
        let target = folder.verifiedPath(of: file), partial = folder.partialPath(of: file)
        if let size = Self.size(of: target) {
            return Outcome(path: target, bytes: size, alreadyPresent: true, resumedFrom: 0, fetchedBytes: 0)
        }
        do {
            try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        } catch {
            throw .file(path: folder.path, why: "\(error.localizedDescription)")
        }
        let earlier = try PartialFile(path: partial)
        let resumedFrom = earlier.offset
        var result = HTTPTransfer.run(url: file.url, partial: earlier, progress: progress)
        if case .rangeRefused = result.ending {
            // The partial file is longer than the file on the server: it cannot be ours.
            result = HTTPTransfer.run(url: file.url, partial: try PartialFile(path: partial, discarding: true), progress: progress)
        }
        switch result.ending {
        case .complete(let digest):
            guard digest == file.sha256 else {
                try? FileManager.default.removeItem(atPath: partial)
                throw .digestMismatch(url: file.url.absoluteString, expected: file.sha256, actual: digest)
            }
        case .status(let status), .rangeRefused(let status):
            if result.written == 0 { try? FileManager.default.removeItem(atPath: partial) }
            throw .httpStatus(url: file.url.absoluteString, status: status)
        case .failed(let why) where result.written == 0:
            try? FileManager.default.removeItem(atPath: partial)
            throw .unreachable(url: file.url.absoluteString, why: why)
        case .failed(let why):
            throw .interrupted(url: file.url.absoluteString, received: result.written, expected: result.expected, why: why)
        case .unwritable(let why):
            throw .file(path: partial, why: why)
        }
        guard rename(partial, target) == 0 else {
            throw .file(path: target, why: String(cString: strerror(errno)))
        }
        return Outcome(
            path: target, bytes: result.written, alreadyPresent: false, resumedFrom: result.resumed ? resumedFrom : 0,
            fetchedBytes: result.fetched)
    }

    /// The size of the regular file at `path`, or nil when there is none.
    static func size(of path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(info.st_size)
    }
}
