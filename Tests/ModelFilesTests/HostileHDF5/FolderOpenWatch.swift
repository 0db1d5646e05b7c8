import Foundation
import Glibc

/// Watches a folder with the kernel's inotify for any open or read of the folder itself
/// or of a file in it, by any code in this process (libhdf5 included).
final class FolderOpenWatch {
    private let descriptor: Int32

    /// Starts watching `folder`.
    init(_ folder: String) throws {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { throw WatchError("inotify_init1 failed: errno \(errno)") }
        guard inotify_add_watch(descriptor, folder, UInt32(IN_OPEN | IN_ACCESS)) >= 0 else {
            close(descriptor)
            throw WatchError("inotify_add_watch failed: errno \(errno)")
        }
    }

    deinit { close(descriptor) }

    /// What was opened or read since the watch started (or since the last call): a file's
    /// name, or "." for the folder itself.
    func touched() -> [String] {
        var names: [String] = []
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return names }
            var offset = 0
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= count {
                let event = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: inotify_event.self) }
                let nameBytes = buffer[(offset + header)..<min(count, offset + header + Int(event.len))]
                let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                names.append(name.isEmpty ? "." : name)
                offset += header + Int(event.len)
            }
        }
    }

    struct WatchError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
