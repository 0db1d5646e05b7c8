import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// What tells two versions of a file apart without reading it: device, inode, size and
/// modification time to the nanosecond.
public struct FileStamp: Sendable, Equatable {
    let device: UInt64, inode: UInt64, size: Int64, seconds: Int, nanoseconds: Int

    init(_ s: stat) {
        device = UInt64(s.st_dev)
        inode = UInt64(s.st_ino)
        size = Int64(s.st_size)
        seconds = Int(s.st_mtim.tv_sec)
        nanoseconds = Int(s.st_mtim.tv_nsec)
    }

    /// The stamp as text, for a digest.
    public var text: String { "\(device):\(inode):\(size):\(seconds).\(nanoseconds)" }
}
