import Crypto
import Foundation

/// The bytes of a download so far, on disk, with the SHA-256 of what they hold.
struct PartialFile {
    let path: String
    let handle: FileHandle
    /// Bytes in the file.
    private(set) var offset: Int
    private(set) var hasher = SHA256()

    /// Opens (creating if missing) the partial file at `path`, locks it against another fetch
    /// of the same file, and hashes what it holds, in blocks; with `discarding`, empties it first.
    init(path: String, discarding: Bool = false) throws(DownloadError) {
        self.path = path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .file(path: path, why: String(cString: strerror(errno))) }
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            try? handle.close()
            throw .busy(path: path)
        }
        do {
            if discarding { try handle.truncate(atOffset: 0) }
            offset = 0
            while let block = try handle.read(upToCount: 1 << 20), !block.isEmpty {
                hasher.update(data: block)
                offset += block.count
            }
        } catch {
            throw .file(path: path, why: error.localizedDescription)
        }
    }

    /// Empties the file, for a server that sends the whole file again.
    mutating func restart() throws {
        try handle.truncate(atOffset: 0)
        offset = 0
        hasher = SHA256()
    }

    /// Appends `data` and hashes it.
    mutating func append(_ data: Data) throws {
        try handle.write(contentsOf: data)
        hasher.update(data: data)
        offset += data.count
    }

    /// Closes the file (and its lock) when a transfer ends without a digest.
    func close() {
        try? handle.close()
    }

    /// The digest of the whole file, in lowercase hexadecimal; closes it.
    func finish() throws -> String {
        try handle.synchronize()
        try handle.close()
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
