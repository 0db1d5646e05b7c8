import Crypto
import Foundation
import HiggsData
import ModelFiles

/// A submission's model file and manifest, each opened once beneath the submissions folder
/// (no link followed at any depth): hashed, size-checked and copied from these descriptors,
/// never from the names again.
struct SubmissionFiles {
    /// The model file.
    let model: Part
    /// The manifest, if the submission has one.
    let manifest: Part?

    /// One opened file, with what its messages and its size limit need.
    struct Part {
        /// The open file.
        let file: SubmittedFile
        /// The file's name as messages give it.
        let name: String
        /// Its size limit, and the setting the limit comes from.
        let maxBytes: Int, limit: Limit

        /// The file `open` opens, named `name` in messages, read within `maxBytes`.
        init(
            name: String, maxBytes: Int, limit: Limit,
            _ open: () throws(SubmissionError.FileReason) -> SubmittedFile
        ) throws(SubmissionError) {
            self.name = name
            self.maxBytes = maxBytes
            self.limit = limit
            do {
                file = try open()
            } catch {
                throw SubmissionError(subject: name, reason: .file(error, limit: limit))
            }
        }

        /// SHA-256 (hex) of the file, read within its limit; `body` sees each chunk too, and
        /// stops the reading by returning `false`.
        func sha256(passing body: (UnsafeRawBufferPointer) -> Bool = { _ in true }) throws(SubmissionError) -> String {
            var hasher = SHA256()
            do {
                try file.read(maxBytes: maxBytes) { chunk in
                    hasher.update(bufferPointer: chunk)
                    return body(chunk)
                }
            } catch {
                throw SubmissionError(subject: name, reason: .file(error, limit: limit))
            }
            return hasher.finalize().hexString
        }
    }

    /// SHA-256 (hex) of the model and of the manifest, each read within its limit.
    func digests() throws(SubmissionError) -> (model: String, manifest: String?) {
        (try model.sha256(), try manifest?.sha256())
    }
}
