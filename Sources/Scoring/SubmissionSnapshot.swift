import Foundation
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

    /// Why no snapshot could be taken.
    enum Failure: Error, CustomStringConvertible {
        /// A file of the submission could not be read: recorded as the entry's failure,
        /// unless it changed while it was read (the next run tries again).
        case submission(SubmissionError)
        /// The copy could not be made (a full disk…): the next run tries again.
        case scratch(String)

        var description: String {
            switch self {
            case let .submission(error): error.description
            case let .scratch(reason): reason
            }
        }

        /// Whether the failure is recorded as the entry's.
        var isRecorded: Bool {
            if case let .submission(error) = self { return error.isTheSubmissions }
            return false
        }
    }

    /// Copies the model (at most `max_file_bytes`) and the manifest (at most its limit) of
    /// `files` into a new temporary folder.
    init(_ files: SubmissionFiles) throws(Failure) {
        let folder: URL
        do {
            folder = try ScratchFolders.make("snapshot")
        } catch {
            throw .scratch("cannot make a temporary folder (\(error)); free some disk space and run again")
        }
        self.folder = folder
        do {
            let model = try Self.copy(files.model, into: folder)
            let manifest = try files.manifest.map { (part) throws(Failure) in try Self.copy(part, into: folder) }
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
        var safe = String(
            last.unicodeScalars.map { scalar -> Character in
                switch scalar {
                case "a"..."z", "A"..."Z", "0"..."9", ".", "_", "-": Character(scalar)
                default: "_"
                }
            })
        while safe.hasPrefix(".") { safe.removeFirst() }
        if safe.count > 120 { safe = String(safe.suffix(120)) }
        return safe.isEmpty ? "file" : safe
    }

    private static func copy(_ part: SubmissionFiles.Part, into folder: URL) throws(Failure) -> (path: String, sha256: String) {
        let target = folder.appendingPathComponent(safeFileName(part.name)).path
        let output = open(target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard output >= 0 else { throw .scratch(cannotCopy(part.name)) }
        defer { close(output) }
        var writeFailed = false
        let sha256: String
        do {
            sha256 = try part.sha256 { chunk in
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
            // Messages name the copy's file by its last component, as the copy does.
            throw .submission(SubmissionError(subject: (part.name as NSString).lastPathComponent, reason: error.reason))
        }
        guard !writeFailed else { throw .scratch(cannotCopy(part.name)) }
        return (target, sha256)
    }

    private static func cannotCopy(_ name: String) -> String {
        let reason = String(cString: strerror(errno)).lowercased()
        return "cannot copy '\((name as NSString).lastPathComponent)' for scoring: \(reason); free some disk space and run again"
    }
}
