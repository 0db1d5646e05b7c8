#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A stream of bytes read front to back into a caller's buffer: a plain file or a gzip
/// file inflated on the fly. Nothing is ever decompressed to disk.
protocol ByteSource: AnyObject {
    /// Fills up to `buffer.count` bytes; returns how many, 0 at the end of the stream.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(DataError) -> Int
    /// Bytes of the underlying file consumed so far (compressed bytes for gzip), for progress.
    var consumedFileBytes: Int { get }
}

/// An open file descriptor that closes itself.
final class FileDescriptor {
    let fd: Int32
    let path: String

    /// Opens `path` for reading, refusing anything but a regular file. The open does not
    /// block (`O_NONBLOCK`, so a FIFO with no writer cannot hold it) and the kind is checked
    /// with `fstat` on what was opened, before any byte is read.
    init(readingFrom path: String) throws(DataError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw DataError(path: path, reason: .unreadable(String(cString: strerror(errno)))) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else {
            let kind = Self.kindName(st.st_mode & S_IFMT)
            close(fd)
            throw DataError(path: path, reason: .notARegularFile(kind))
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        self.fd = fd
        self.path = path
    }

    /// The kind of file a `st_mode & S_IFMT` names, for messages.
    static func kindName(_ type: mode_t) -> String {
        switch type {
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFDIR: "a folder"
        case S_IFSOCK: "a socket"
        default: "not a file"
        }
    }

    deinit { close(fd) }

    /// `read(2)` that retries on interruption and reports errors as `DataError`.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(DataError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let n = Glibc.read(fd, base, buffer.count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw DataError(path: path, reason: .unreadable(String(cString: strerror(errno))))
        }
    }

    /// Size and modification time (nanoseconds since 1970) from `fstat`.
    func identity() throws(DataError) -> (size: Int, modified: Int64) {
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            throw DataError(path: path, reason: .unreadable(String(cString: strerror(errno))))
        }
        return (Int(st.st_size), Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec))
    }
}

/// The bytes of a plain file.
final class PlainFileSource: ByteSource {
    let file: FileDescriptor
    private(set) var consumedFileBytes = 0

    init(_ file: FileDescriptor) { self.file = file }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(DataError) -> Int {
        let n = try file.read(into: buffer)
        consumedFileBytes += n
        return n
    }
}
