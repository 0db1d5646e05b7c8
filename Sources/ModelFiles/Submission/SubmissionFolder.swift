import Foundation

/// A submission taken apart: which file is the model, and the manifest, training history
/// and README that came with it.
///
/// A submission is a folder (`submissions/<team>/`) or a single model file. In a folder,
/// top-level files are classified by name (case does not matter):
/// - `README*`: the README (`README.md` preferred; read as UTF-8, at most
///   `maxReadmeBytes`);
/// - `manifest.yml`, `manifest.yaml`, `manifest.json`: the manifest (any other
///   `manifest.*` is an error, so that a misnamed manifest is not silently skipped);
/// - `history.json`, `history.csv`, `training.log`, `*log*.csv`: the training history;
/// - hidden files (`.DS_Store`, `.git`…), `Thumbs.db`, `desktop.ini` and sub-folders:
///   ignored;
/// - anything else could be the model: the manifest's `model` names it, otherwise there
///   must be exactly one.
///
/// Nothing outside the folder is ever read: a symbolic link that resolves outside it is an
/// error, and the manifest's `model` may not contain `..` or be absolute. Only the manifest,
/// history and README are read here; the model file is left to the model readers.
public struct SubmissionFolder: Sendable, Equatable {
    /// The folder or file as given.
    public let location: URL
    /// Whether the submission is a single model file rather than a folder.
    public let isSingleFile: Bool
    /// The team's name: the manifest's `team`, else the folder's name (a single file's
    /// name without its extension).
    public let team: String
    /// The entry's name: the manifest's `title`, else the model's file name.
    public let entryName: String
    /// The model file.
    public let model: URL
    /// The model's path relative to the folder (its file name for a single file).
    public let modelName: String
    /// The manifest, if there is one.
    public let manifest: SubmissionManifest?
    /// The manifest's file name, if there is one.
    public let manifestName: String?
    /// The training history, if there is one.
    public let history: TrainingHistory?
    /// The training history's file name, if there is one.
    public let historyName: String?
    /// The README's text (Markdown), if there is one.
    public let readme: String?
    /// The README's file name, if there is one.
    public let readmeName: String?
    /// Entries that were not used, sorted: hidden files, sub-folders (with a trailing `/`),
    /// other READMEs, and files the manifest's `model` did not name.
    public let ignored: [String]

    /// File names (lowercased) ignored besides hidden files.
    static let systemFiles: Set<String> = ["thumbs.db", "desktop.ini"]

    /// Takes apart the submission at `url`, a folder or a single model file.
    ///
    /// - Parameters:
    ///   - url: The folder or file.
    ///   - displayName: How messages name the submission (e.g. `submissions/team-a`); the
    ///     last path component by default.
    ///   - limits: Bounds on the folder's entries and on the files read.
    /// - Throws: `SubmissionFolderError`: no model, several candidates, a link leading out of
    ///   the folder, an unreadable file, or an invalid manifest or history (wrapped).
    public static func load(
        _ url: URL, displayName: String? = nil, limits: SubmissionLimits = SubmissionLimits()
    ) throws(SubmissionFolderError) -> SubmissionFolder {
        let location = url.standardizedFileURL
        let name = displayName ?? location.lastPathComponent
        func fail(_ reason: SubmissionFolderError.Reason) -> SubmissionFolderError {
            SubmissionFolderError(submission: name, reason: reason)
        }
        guard let resolved = realPath(location.path) else {
            throw fail(.unreadable(name: location.lastPathComponent, detail: "no such file or folder"))
        }
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory)
        if isDirectory.boolValue {
            return try loadFolder(location, resolvedRoot: resolved, fail: fail, displayName: name, limits: limits)
        }
        return try loadFile(location, resolved: resolved, fail: fail)
    }

    private static func loadFile(
        _ location: URL, resolved: String, fail: (SubmissionFolderError.Reason) -> SubmissionFolderError
    ) throws(SubmissionFolderError) -> SubmissionFolder {
        let fileName = location.lastPathComponent
        // A single file may be a link, but only to something beside it.
        if let parent = realPath(location.deletingLastPathComponent().path), !isInside(resolved, parent) {
            throw fail(.linkOutside(name: fileName))
        }
        if let kind = kind(of: fileName) { throw fail(.notAModel(name: fileName, kind: kind)) }
        try checkRegularAndReadable(resolved, name: fileName, fail: fail)
        let stem = location.deletingPathExtension().lastPathComponent
        return SubmissionFolder(
            location: location, isSingleFile: true, team: stem.isEmpty ? fileName : stem, entryName: fileName,
            model: location, modelName: fileName, manifest: nil, manifestName: nil, history: nil,
            historyName: nil, readme: nil, readmeName: nil, ignored: [])
    }

    /// What a non-model file is, for the refusal of a single file; `nil` if it may be a model.
    private static func kind(of fileName: String) -> String? {
        let lower = fileName.lowercased()
        if lower.hasPrefix(".") || systemFiles.contains(lower) { return "a hidden or system file" }
        if lower.hasPrefix("readme") { return "a README" }
        if lower.hasPrefix("manifest.") { return "a manifest" }
        if TrainingHistory.isHistoryFileName(fileName) { return "a training history" }
        return nil
    }

    private static func loadFolder(
        _ location: URL, resolvedRoot: String, fail: (SubmissionFolderError.Reason) -> SubmissionFolderError,
        displayName: String, limits: SubmissionLimits
    ) throws(SubmissionFolderError) -> SubmissionFolder {
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: resolvedRoot).sorted()
        } catch {
            throw fail(.unreadable(name: location.lastPathComponent, detail: BoundedFile.describe(error)))
        }
        guard entries.count <= limits.maxFolderEntries else {
            throw fail(.tooManyFiles(count: entries.count, limit: limits.maxFolderEntries))
        }
        var ignored: [String] = []
        var readmes: [String] = [], manifests: [String] = [], histories: [String] = [], candidates: [String] = []
        for entry in entries {
            let lower = entry.lowercased()
            if lower.hasPrefix(".") || systemFiles.contains(lower) {
                ignored.append(entry)
                continue
            }
            let path = resolvedRoot + "/" + entry
            guard let target = realPath(path), isInside(target, resolvedRoot) else {
                throw fail(.linkOutside(name: entry))
            }
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                ignored.append(entry + "/")
                continue
            }
            try checkRegularAndReadable(target, name: entry, fail: fail)
            if lower.hasPrefix("readme") {
                readmes.append(entry)
            } else if lower.hasPrefix("manifest.") {
                guard SubmissionManifest.fileNames.contains(lower) else { throw fail(.unsupportedManifest(name: entry)) }
                manifests.append(entry)
            } else if TrainingHistory.isHistoryFileName(entry) {
                histories.append(entry)
            } else {
                candidates.append(entry)
            }
        }
        if manifests.count > 1 { throw fail(.severalManifests(manifests)) }
        if histories.count > 1 { throw fail(.severalHistories(histories)) }

        var manifest: SubmissionManifest?
        if let file = manifests.first {
            do {
                manifest = try SubmissionManifest.read(
                    from: location.appendingPathComponent(file), displayName: displayName + "/" + file, limits: limits)
            } catch {
                throw fail(.manifest(error))
            }
        }
        var history: TrainingHistory?
        if let file = histories.first {
            do {
                history = try TrainingHistory.read(
                    from: location.appendingPathComponent(file), displayName: displayName + "/" + file, limits: limits)
            } catch {
                throw fail(.history(error))
            }
        }
        let readmeName = preferredReadme(readmes)
        ignored += readmes.filter { $0 != readmeName }
        let readme = try readmeName.map { (file) throws(SubmissionFolderError) in
            try readText(location.appendingPathComponent(file), name: file, limits: limits, fail: fail)
        }

        let modelName: String
        if let named = manifest?.model {
            let path = resolvedRoot + "/" + named
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                throw fail(.namedModelMissing(name: named, found: candidates))
            }
            guard let target = realPath(path), isInside(target, resolvedRoot) else {
                throw fail(.linkOutside(name: named))
            }
            try checkRegularAndReadable(target, name: named, fail: fail)
            modelName = named
            ignored += candidates.filter { $0 != named }
        } else {
            guard !candidates.isEmpty else {
                throw fail(.noModel(found: entries.filter { !$0.hasPrefix(".") }))
            }
            guard candidates.count == 1 else { throw fail(.severalModels(candidates: candidates)) }
            modelName = candidates[0]
        }
        let modelURL = location.appendingPathComponent(modelName)
        return SubmissionFolder(
            location: location, isSingleFile: false, team: manifest?.team ?? location.lastPathComponent,
            entryName: manifest?.title ?? modelURL.lastPathComponent, model: modelURL, modelName: modelName,
            manifest: manifest, manifestName: manifests.first, history: history, historyName: histories.first,
            readme: readme, readmeName: readmeName, ignored: ignored.sorted())
    }

    /// `README.md` first, then `README.markdown`, `README`, `README.txt`, then the first
    /// other README by name.
    private static func preferredReadme(_ names: [String]) -> String? {
        for preferred in ["readme.md", "readme.markdown", "readme", "readme.txt"] {
            if let match = names.first(where: { $0.lowercased() == preferred }) { return match }
        }
        return names.first
    }

    private static func readText(
        _ url: URL, name: String, limits: SubmissionLimits, fail: (SubmissionFolderError.Reason) -> SubmissionFolderError
    ) throws(SubmissionFolderError) -> String {
        let data: Data
        do {
            data = try BoundedFile.read(url, maxBytes: limits.maxReadmeBytes)
        } catch {
            switch error {
            case let .tooLarge(bytes): throw fail(.readmeTooLarge(name: name, bytes: bytes, limit: limits.maxReadmeBytes))
            case .notRegular: throw fail(.notRegularFile(name: name))
            case let .unreadable(detail): throw fail(.unreadable(name: name, detail: detail))
            }
        }
        guard var text = String(data: data, encoding: .utf8) else { throw fail(.readmeNotText(name: name)) }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }

    private static func checkRegularAndReadable(
        _ path: String, name: String, fail: (SubmissionFolderError.Reason) -> SubmissionFolderError
    ) throws(SubmissionFolderError) {
        let type: FileAttributeType?
        do {
            type = try FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType
        } catch {
            throw fail(.unreadable(name: name, detail: BoundedFile.describe(error)))
        }
        guard type == .typeRegular else { throw fail(.notRegularFile(name: name)) }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw fail(.unreadable(name: name, detail: "permission denied"))
        }
    }

    /// The canonical path of `path` with every link resolved; `nil` if it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether canonical `path` is `root` or inside it.
    static func isInside(_ path: String, _ root: String) -> Bool {
        path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }
}
