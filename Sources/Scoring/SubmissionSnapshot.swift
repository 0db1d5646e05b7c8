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
/// The copy is read from the descriptors `SubmissionFiles` opened (beneath the submissions
/// folder, no link followed), never from the names again: a file swapped for a link after it
/// was found is refused when opened, and one swapped after it was opened is not what is
/// copied. The sandboxed child reads the copy, and the entry's identity is the copy's digest,
/// so what is recorded is exactly what was scored even when a participant replaces the file
/// mid-run: the next run sees the new content and scores it. A file that changes while it is
/// being copied (an upload in progress) is not scored at all. The copy keeps the file's name,
/// made safe (letters, digits, `.`, `_` and `-` only), because readers use the extension and
/// name the file in their messages; nothing else from the submission becomes part of a path.
struct SubmissionSnapshot {
    /// The temporary folder holding the copies.
    let folder: URL
    /// The copy of the model file.
    let modelPath: String
    /// The copy of the manifest, if the submission has one.
    let manifestPath: String?
    /// SHA-256 of the model file and of the manifest, hex.
    let modelSHA256: String, manifestSHA256: String?

    /// Why no snapshot could be taken: the file's own fault (recorded), or a passing one
    /// such as a change mid-read or a full disk (the next run tries again).
    typealias Failure = SubmissionFileFailure

    /// Copies the model (at most `max_file_bytes`) and the manifest (at most its limit) of
    /// `files` into a new temporary folder.
    init(_ files: SubmissionFiles) throws(Failure) {
        let folder: URL
        do {
            folder = try ScratchFolders.make("snapshot")
        } catch {
            throw Failure(description: "cannot make a temporary folder (\(error)); free some disk space and run again",
                          isRecorded: false)
        }
        self.folder = folder
        do {
            let model = try Self.copy(files.model, name: files.modelName, into: folder, maxBytes: files.maxModelBytes,
                                      limitName: Limit.maxFileBytes.settingName)
            var manifest: (path: String, sha256: String)?
            if let file = files.manifest, let name = files.manifestName {
                manifest = try Self.copy(file, name: name, into: folder, maxBytes: files.maxManifestBytes,
                                         limitName: Limit.maxManifestBytes.settingName)
            }
            modelPath = model.path
            modelSHA256 = model.sha256
            manifestPath = manifest?.path
            manifestSHA256 = manifest?.sha256
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
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

    private static func copy(_ file: SubmittedFile, name: String, into folder: URL, maxBytes: Int,
                             limitName: String) throws(Failure) -> (path: String, sha256: String) {
        let target = folder.appendingPathComponent(safeFileName(name)).path
        let output = open(target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard output >= 0 else { throw Failure(description: cannotCopy(name), isRecorded: false) }
        defer { close(output) }
        var hasher = SHA256()
        var writeFailed = false
        do {
            try file.read(maxBytes: maxBytes) { chunk in
                hasher.update(bufferPointer: chunk)
                var written = 0
                while written < chunk.count, let base = chunk.baseAddress {
                    let n = write(output, base + written, chunk.count - written)
                    if n < 0, errno == EINTR { continue }
                    guard n > 0 else {
                        writeFailed = true
                        return false
                    }
                    written += n
                }
                return true
            }
        } catch {
            throw Failure(error, name: (name as NSString).lastPathComponent, limitName: limitName)
        }
        guard !writeFailed else { throw Failure(description: cannotCopy(name), isRecorded: false) }
        return (target, hasher.finalize().hexString)
    }

    private static func cannotCopy(_ name: String) -> String {
        let reason = String(cString: strerror(errno)).lowercased()
        return "cannot copy '\((name as NSString).lastPathComponent)' for scoring: \(reason); free some disk space and run again"
    }
}
