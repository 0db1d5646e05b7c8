import Crypto
import Foundation
import HiggsData
import ModelFiles
#if canImport(Glibc)
import Glibc
#endif

/// A private copy of a submission's model file and manifest, taken before it is scored, in
/// a temporary folder the tool owns.
///
/// The sandboxed child reads the copy, and the entry's identity is the copy's digest, so
/// what is recorded is exactly what was scored even when a participant replaces the file
/// mid-run: the next run sees the new content and scores it. A file that changes while it
/// is being copied (an upload in progress) is not scored at all. The copy keeps the file's
/// name, made safe (letters, digits, `.`, `_` and `-` only), because readers use the
/// extension and name the file in their messages; nothing else from the submission becomes
/// part of a path.
struct SubmissionSnapshot {
    /// The temporary folder holding the copies.
    let folder: URL
    /// The copy of the model file.
    let modelPath: String
    /// The copy of the manifest, if the submission has one.
    let manifestPath: String?
    /// SHA-256 of the model file and of the manifest, hex.
    let modelSHA256: String, manifestSHA256: String?
    /// The model file as it was when copied.
    private let stamp: FileStamp

    /// Why no snapshot could be taken: the file's own fault (recorded), or a passing one
    /// such as a change mid-read or a full disk (the next run tries again).
    typealias Failure = RegularFileStream.Failure

    /// Copies `modelPath` and `manifestPath` (each at most `maxBytes`, the `max_file_bytes`
    /// setting) into a new temporary folder.
    init(modelPath: String, manifestPath: String?, maxBytes: Int) throws(Failure) {
        let folder: URL
        do {
            folder = try ScratchFolders.make("snapshot")
        } catch {
            throw Failure(description: "cannot make a temporary folder (\(error)); free some disk space and run again",
                          isRecorded: false)
        }
        self.folder = folder
        do {
            let model = try Self.copy(modelPath, into: folder, maxBytes: maxBytes)
            var manifest: (path: String, sha256: String, stamp: FileStamp)?
            if let manifestPath { manifest = try Self.copy(manifestPath, into: folder, maxBytes: maxBytes) }
            self.modelPath = model.path
            modelSHA256 = model.sha256
            stamp = model.stamp
            self.manifestPath = manifest?.path
            manifestSHA256 = manifest?.sha256
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
    }

    /// Whether the original model file has changed since it was copied.
    func originalChanged(_ originalPath: String) -> Bool {
        FileStamp(path: originalPath) != stamp
    }

    /// Deletes the copies.
    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// `name` with every character outside `[A-Za-z0-9._-]` replaced by `_`, no leading dot,
    /// at most 120 characters: safe as one path component.
    static func safeFileName(_ name: String) -> String {
        let last = name.split(separator: "/").last.map(String.init) ?? ""
        var safe = String(last.unicodeScalars.map { scalar -> Character in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", ".", "_", "-": Character(scalar)
            default: "_"
            }
        })
        while safe.hasPrefix(".") { safe.removeFirst() }
        if safe.count > 120 { safe = String(safe.suffix(120)) }
        return safe.isEmpty ? "file" : safe
    }

    private static func copy(_ path: String, into folder: URL, maxBytes: Int) throws(Failure) -> (path: String, sha256: String, stamp: FileStamp) {
        let name = (path as NSString).lastPathComponent
        let target = folder.appendingPathComponent(safeFileName(name)).path
        let output = open(target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard output >= 0 else { throw Failure(description: cannotCopy(name), isRecorded: false) }
        defer { close(output) }
        var hasher = SHA256()
        let stamp = try RegularFileStream.read(path, maxBytes: maxBytes,
                                               limitName: ModelFileLimits.settingName(\.maxFileBytes)) { (chunk) throws(Failure) in
            hasher.update(bufferPointer: chunk)
            var written = 0
            while written < chunk.count {
                let n = write(output, chunk.baseAddress! + written, chunk.count - written)
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { throw Failure(description: cannotCopy(name), isRecorded: false) }
                written += n
            }
        }
        return (target, hasher.finalize().hexString, stamp)
    }

    private static func cannotCopy(_ name: String) -> String {
        "cannot copy '\(name)' for scoring: \(RegularFileStream.errnoText()); free some disk space and run again"
    }
}
