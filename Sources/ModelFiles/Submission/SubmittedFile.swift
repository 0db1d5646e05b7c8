import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A regular file opened beneath a `SubmissionRoot`: read, hashed and copied from this one
/// descriptor, with its size checked against a limit before a byte is read.
public final class SubmittedFile {
    /// Its path beneath the root it was opened from.
    public let name: String
    /// The file as it was when opened.
    public let stamp: FileStamp
    private let descriptor: Int32
    private let counter: ReadCounter

    init(descriptor: Int32, name: String, status: stat, counter: ReadCounter) {
        self.descriptor = descriptor
        self.name = name
        stamp = FileStamp(status)
        self.counter = counter
    }

    deinit { close(descriptor) }

    /// Its size when opened.
    public var size: Int { Int(stamp.size) }

    /// Calls `body` with each chunk of the file, from its start, in chunks of at most 1 MiB;
    /// `body` returns `false` to stop. Refuses a file over `maxBytes` before reading, and one
    /// that grows or changes while it is read.
    public func read(maxBytes: Int, _ body: (UnsafeRawBufferPointer) -> Bool) throws(SubmissionError.FileReason) {
        guard size <= maxBytes else { throw .tooLarge(bytes: size, limit: maxBytes) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        var total = 0
        while true {
            let count = pread(descriptor, buffer.baseAddress, buffer.count, off_t(total))
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw SubmissionError.FileReason(errno: errno) }
            if count == 0 { break }
            total += count
            counter.bytes.add(count, ordering: .relaxed)
            guard total <= maxBytes else { throw .changed }
            guard body(UnsafeRawBufferPointer(rebasing: buffer[0..<count])) else { return }
        }
        var after = stat()
        guard fstat(descriptor, &after) == 0, FileStamp(after) == stamp, total == size else { throw .changed }
    }

    /// The file's first `count` bytes (fewer when it is shorter), read with one `pread`
    /// loop whatever its size: enough to tell what a file is without reading it all.
    public func prefix(_ count: Int) throws(SubmissionError.FileReason) -> Data {
        var data = Data(count: count)
        var total = 0
        while total < count {
            let read = data.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress.map { $0 + total }, count - total, off_t(total))
            }
            if read < 0, errno == EINTR { continue }
            guard read >= 0 else { throw SubmissionError.FileReason(errno: errno) }
            if read == 0 { break }
            total += read
        }
        counter.bytes.add(total, ordering: .relaxed)
        return data.prefix(total)
    }

    /// The whole file, at most `maxBytes`.
    public func contents(maxBytes: Int) throws(SubmissionError.FileReason) -> Data {
        var data = Data()
        try read(maxBytes: maxBytes) { chunk in
            data.append(contentsOf: chunk)
            return true
        }
        return data
    }
}

/// Bytes read beneath one submissions folder, shared by the roots opened from it.
final class ReadCounter: Sendable {
    let bytes = Atomic<Int>(0)
}
