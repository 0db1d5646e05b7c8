import Crypto
import Foundation
import HiggsData
import ModelFiles

/// A submission found under a submissions folder, taken apart (by `SubmissionFolder`) into
/// what `score` needs. A submission that cannot be taken apart is still a submission: its
/// `problem` is recorded as its failure, so the team sees why.
public struct Submission: Sendable {
    /// The folder or single file.
    public let root: String
    /// The team: the manifest's, else the folder's name (or the file's name without extension).
    public let team: String
    /// The entry's title: the manifest's, else the model file's name.
    public let title: String
    /// Team members from the manifest.
    public let members: [String]
    /// The model (or predictions) file; empty when there is none.
    public let modelPath: String
    /// The model file's name.
    public let modelName: String
    /// The manifest's path, if there is one.
    public let manifestPath: String?
    /// The README's Markdown text.
    public let readme: String?
    /// The training history as JSON (`{"epoch": [...], "loss": [...], ...}`).
    public let historyJSON: String?
    /// The model file's size.
    public let modelBytes: Int
    /// The model file's modification time, ISO 8601 in UTC.
    public let submittedAt: String
    /// The format guessed from the file name, for failures that never reached a reader.
    public let formatGuess: String
    /// Why the submission cannot be scored, before any model is read.
    public let problem: String?
    /// Whether it is one of the organizers' baselines (shown as such on the leaderboard).
    public var isBaseline = false

    /// The submission at `url`, named `displayName` in messages, read within `limits`.
    public init(at url: URL, displayName: String, limits: SubmissionLimits = SubmissionLimits()) {
        root = url.standardizedFileURL.path
        do {
            let folder = try SubmissionFolder.load(url, displayName: displayName, limits: limits)
            team = folder.manifest?.team ?? folder.team
            title = folder.manifest?.title ?? folder.entryName
            members = folder.manifest?.members ?? []
            modelPath = folder.model.path
            modelName = folder.modelName
            manifestPath = folder.manifestName.map { url.appendingPathComponent($0).path }
            readme = folder.readme
            historyJSON = folder.history.map(Self.json)
            problem = nil
        } catch {
            let isFile = !Self.isDirectory(root)
            team = isFile ? url.deletingPathExtension().lastPathComponent : url.lastPathComponent
            title = url.lastPathComponent
            members = []
            modelPath = isFile ? root : ""
            modelName = isFile ? url.lastPathComponent : ""
            manifestPath = nil
            readme = nil
            historyJSON = nil
            problem = "\(error)"
        }
        let attributes = modelPath.isEmpty ? nil : try? FileManager.default.attributesOfItem(atPath: modelPath)
        modelBytes = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        let modified = (attributes?[.modificationDate] as? Date) ?? Date(timeIntervalSince1970: 0)
        submittedAt = ISO8601DateFormatter().string(from: modified)
        formatGuess = modelName.isEmpty ? "none" : URL(fileURLWithPath: modelName).pathExtension.lowercased()
    }

    /// Every submission under `paths`: a submissions folder gives one submission per
    /// subfolder and per top-level file (README and hidden files aside); a folder without
    /// subfolders given directly, a file, or a folder that cannot be listed is one submission
    /// (the last one failing with the reason). Sorted by path.
    /// `displayName` turns a path into the name messages use (e.g. relative to the workspace).
    public static func discover(
        in paths: [String], submissionsFolder: String? = nil, limits: SubmissionLimits = SubmissionLimits(),
        displayName: (String) -> String = { $0 }
    ) -> [Submission] {
        var found: [Submission] = []
        let fm = FileManager.default
        for path in paths {
            let url = URL(fileURLWithPath: path).standardizedFileURL
            guard isDirectory(url.path), let listed = try? fm.contentsOfDirectory(atPath: url.path) else {
                found.append(Submission(at: url, displayName: displayName(path), limits: limits))
                continue
            }
            let entries = listed.sorted()
            let hasFolders = entries.contains { isDirectory(url.appendingPathComponent($0).path) }
            let isRoot = hasFolders || url.path == submissionsFolder.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
            guard isRoot else {
                found.append(Submission(at: url, displayName: displayName(path), limits: limits))
                continue
            }
            for name in entries where !name.hasPrefix(".") && !name.lowercased().hasPrefix("readme") {
                let child = url.appendingPathComponent(name)
                found.append(Submission(at: child, displayName: displayName((path as NSString).appendingPathComponent(name)),
                                        limits: limits))
            }
        }
        return found
    }

    /// SHA-256 of the model file, and of the model and manifest together (the entry's
    /// identity: a new model or a new manifest is a new entry). A submission that could not
    /// be taken apart is identified by all its files.
    public func contentHashes() throws -> (model: String, all: String) {
        let model = modelPath.isEmpty ? "" : try Self.sha256(ofFile: modelPath)
        let manifest = try manifestPath.map { try Self.sha256(ofFile: $0) }
        guard problem != nil else { return (model, Self.identity(modelSHA256: model, manifestSHA256: manifest)) }
        var all = SHA256()
        if !modelPath.isEmpty { all.update(data: Data(model.utf8)) }
        if let manifest { all.update(data: Data(manifest.utf8)) }
        all.update(data: Data(root.utf8))
        all.update(data: Data((problem ?? "").utf8))
        if Self.isDirectory(root) {
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted().prefix(1_000) {
                let path = root + "/" + name
                guard !Self.isDirectory(path) else { continue }
                all.update(data: Data(name.utf8))
                all.update(data: Data(((try? Self.sha256(ofFile: path)) ?? "unreadable").utf8))
            }
        }
        return (model, all.finalize().hexString)
    }

    /// The identity of an entry whose model and manifest have these digests (hex).
    static func identity(modelSHA256: String, manifestSHA256: String?) -> String {
        var all = SHA256()
        all.update(data: Data(modelSHA256.utf8))
        if let manifestSHA256 { all.update(data: Data(manifestSHA256.utf8)) }
        return all.finalize().hexString
    }

    /// SHA-256 (hex) of the regular file at `path`, read once, at most 4 GiB.
    static func sha256(ofFile path: String) throws -> String {
        var hasher = SHA256()
        _ = try RegularFileStream.read(path, maxBytes: 4 << 30) { hasher.update(bufferPointer: $0) }
        return hasher.finalize().hexString
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    static func json(_ history: TrainingHistory) -> String {
        func column(_ values: [Double?]?) -> Any {
            values.map { $0.map { $0.map { $0 as Any } ?? NSNull() } } ?? NSNull()
        }
        let object: [String: Any] = [
            "epoch": history.epochs, "loss": column(history.loss), "accuracy": column(history.accuracy),
            "val_loss": column(history.validationLoss), "val_accuracy": column(history.validationAccuracy),
        ]
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
