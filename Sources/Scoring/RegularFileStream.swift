import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a submitted file in 1 MiB chunks, refusing anything that is not a regular file
/// before reading a byte: opening never blocks (a FIFO put in place of a file would wait
/// for a writer forever), and `/dev/zero` behind a link is refused rather than read
/// without end. The one way the scorer reads a participant's bytes in the parent process.
enum RegularFileStream {
    /// Why a file was not read.
    struct Failure: Error, CustomStringConvertible {
        /// The one-line reason.
        let description: String
        /// Whether the failure belongs to the file (unreadable, not a regular file, too large),
        /// so that it is recorded as the entry's; otherwise the next run tries again.
        let isRecorded: Bool
    }

    /// Calls `body` with each chunk of the regular file at `path` (at most `maxBytes`, the
    /// setting `limitName` when it is one), and returns the file's stamp. Throws when the file
    /// changes while it is read.
    static func read(
        _ path: String, maxBytes: Int, limitName: String? = nil, _ body: (UnsafeRawBufferPointer) throws(Failure) -> Void
    ) throws(Failure) -> FileStamp {
        let name = (path as NSString).lastPathComponent
        let input = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard input >= 0 else { throw Failure(description: "'\(name)' cannot be read: \(errnoText())", isRecorded: true) }
        defer { close(input) }
        var before = stat()
        guard fstat(input, &before) == 0, (before.st_mode & S_IFMT) == S_IFREG else {
            throw Failure(description: "'\(name)' is not a regular file (a pipe, device or folder): submit the file itself",
                          isRecorded: true)
        }
        guard Int(before.st_size) <= maxBytes else {
            throw Failure(description: "'\(name)' is too large: \(before.st_size) bytes, over the limit of \(maxBytes) bytes"
                + (limitName.map { " (\($0))" } ?? ""), isRecorded: true)
        }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        var total = 0
        while true {
            let count = Glibc.read(input, buffer.baseAddress, buffer.count)
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw Failure(description: "'\(name)' cannot be read: \(errnoText())", isRecorded: true) }
            if count == 0 { break }
            total += count
            guard total <= maxBytes else {
                throw Failure(description: "'\(name)' grew past \(maxBytes) bytes while it was read: it was not scored; "
                    + "run score again once it is complete", isRecorded: false)
            }
            try body(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
        guard FileStamp(path: path) == FileStamp(before), total == Int(before.st_size) else {
            throw Failure(description: "'\(name)' changed while it was being read (an upload in progress?): it was not "
                + "scored; run score again once it is complete", isRecorded: false)
        }
        return FileStamp(before)
    }

    /// The current `errno`, in words.
    static func errnoText() -> String { String(cString: strerror(errno)).lowercased() }
}

/// What tells two versions of a file apart without reading it: device, inode, size and
/// modification time to the nanosecond.
struct FileStamp: Equatable {
    let device: UInt64, inode: UInt64, size: Int64, seconds: Int, nanoseconds: Int

    init(_ s: stat) {
        device = UInt64(s.st_dev)
        inode = UInt64(s.st_ino)
        size = Int64(s.st_size)
        seconds = Int(s.st_mtim.tv_sec)
        nanoseconds = Int(s.st_mtim.tv_nsec)
    }

    /// The stamp of the file at `path`; `nil` if it cannot be stat'ed.
    init?(path: String) {
        var s = stat()
        guard stat(path, &s) == 0 else { return nil }
        self.init(s)
    }
}
