import Crypto
import Foundation

/// The bytes of a download so far, on disk, with the SHA-256 of what they hold.
struct PartialFile {
    let path: String
    let handle: FileHandle
    /// Bytes in the file.
    private(set) var offset: Int
    private(set) var hasher = SHA256()

    /// Opens (creating if missing) the partial file at `path` and hashes what it holds, in
    /// blocks; with `discarding`, empties it first.
    init(path: String, discarding: Bool = false) throws(DownloadError) {
        self.path = path
        if discarding || !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw .file(path: path, why: "cannot create it")
            }
        }
        do {
            handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
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

    /// The digest of the whole file, in lowercase hexadecimal; closes it.
    func finish() throws -> String {
        try handle.synchronize()
        try handle.close()
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
