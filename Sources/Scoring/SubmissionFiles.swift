import Crypto
import Foundation
import ModelFiles

/// A submission's model file and manifest, each opened once beneath the submissions folder
/// (no link followed at any depth): hashed, size-checked and copied from these descriptors,
/// never from the names again.
struct SubmissionFiles {
    /// The model file, and its name as messages give it.
    let model: SubmittedFile, modelName: String
    /// The manifest, and its name, if the submission has one.
    let manifest: SubmittedFile?, manifestName: String?
    /// The `max_file_bytes` limit on the model and the manifest limit.
    let maxModelBytes: Int, maxManifestBytes: Int

    /// SHA-256 (hex) of the model and of the manifest, each read within its limit.
    func digests() throws(SubmissionFileFailure) -> (model: String, manifest: String?) {
        let model = try Self.sha256(model, name: modelName, maxBytes: maxModelBytes,
                                    limitName: Limit.maxFileBytes.settingName)
        guard let manifest, let manifestName else { return (model, nil) }
        return (model, try Self.sha256(manifest, name: manifestName, maxBytes: maxManifestBytes,
                                       limitName: Limit.maxManifestBytes.settingName))
    }

    private static func sha256(_ file: SubmittedFile, name: String, maxBytes: Int,
                               limitName: String) throws(SubmissionFileFailure) -> String {
        var hasher = SHA256()
        do {
            try file.read(maxBytes: maxBytes) { chunk in
                hasher.update(bufferPointer: chunk)
                return true
            }
        } catch {
            throw SubmissionFileFailure(error, name: name, limitName: limitName)
        }
        return hasher.finalize().hexString
    }
}
