import Foundation
import Results

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
/// - symbolic links (other than hidden ones, which are never opened): refused;
/// - files handed in beside the model — notebooks, PDFs, scripts, images, documents,
///   configurations, archives, data (`DeliverableKind`: by extension, and for `.txt`,
///   `.csv` and `.json`, which models share, by their first bytes) — listed in
///   `deliverables`, never the model;
/// - anything else could be the model: the manifest's `model` names it (it may name any
///   file, a deliverable too), otherwise there must be exactly one.
///
/// Nothing outside the folder is ever read: every file is opened beneath the folder through
/// `SubmissionRoot`, so a symbolic link anywhere (the submission itself, an entry, a
/// sub-folder on the manifest's `model` path) is refused rather than followed, and the
/// manifest's `model` may not contain `..` or be absolute. Only the manifest, history and
/// README are read here; the model file is opened (to check that it is a readable regular
/// file) and left to the model readers.
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
    /// The model file's size when it was opened.
    public let modelBytes: Int
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
    /// The files handed in beside the model (notebooks, PDFs, scripts, images…), sorted by
    /// name; only listed here (``SubmittedDeliverables`` reads the notebooks and PDFs).
    public let deliverables: [DeliverableFile]

    /// The notebooks among ``deliverables``, in name order.
    public var notebooks: [DeliverableFile] { deliverables.filter { $0.kind == .notebook } }
    /// The PDFs among ``deliverables``, in name order.
    public var pdfs: [DeliverableFile] { deliverables.filter { $0.kind == .pdf } }
    /// The other files among ``deliverables`` (scripts, images, documents…), in name order.
    public var otherFiles: [DeliverableFile] { deliverables.filter { $0.kind != .notebook && $0.kind != .pdf } }

    /// File names (lowercased) ignored besides hidden files.
    static let systemFiles: Set<String> = ["thumbs.db", "desktop.ini"]

    /// Takes apart the submission at `url`, a folder or a single model file. The folder
    /// holding `url` is the caller's; `url` itself is not followed if it is a link.
    ///
    /// - Parameters:
    ///   - url: The folder or file.
    ///   - displayName: How messages name the submission (e.g. `submissions/team-a`); the
    ///     last path component by default.
    ///   - limits: Bounds on the folder's entries and on the files read.
    /// - Throws: `SubmissionError`: no model, several candidates, a link, an unreadable
    ///   file (about the submission), or an invalid manifest or history (about that file).
    public static func load(
        _ url: URL, displayName: String? = nil, limits: SubmissionLimits = SubmissionLimits()
    ) throws(SubmissionError) -> SubmissionFolder {
        let location = url.standardizedFileURL
        let name = displayName ?? location.lastPathComponent
        let parent: SubmissionRoot
        do {
            parent = try SubmissionRoot(opening: location.deletingLastPathComponent().path)
        } catch {
            throw SubmissionError(
                subject: name,
                reason: .folder(
                    .unreadable(
                        name: location.deletingLastPathComponent().lastPathComponent, detail: error.phrase)))
        }
        return try load(location.lastPathComponent, in: parent, location: location, displayName: name, limits: limits)
    }

    /// Takes apart the submission `relative` beneath `parent` (a `/`-separated path, opened
    /// without following a link at any depth).
    ///
    /// - Parameters:
    ///   - relative: The submission's path beneath `parent`.
    ///   - parent: The folder the submission is opened from (the submissions folder).
    ///   - location: The submission's full path, for `location` and `model`.
    ///   - displayName: How messages name the submission.
    ///   - limits: Bounds on the folder's entries and on the files read.
    public static func load(
        _ relative: String, in parent: SubmissionRoot, location: URL, displayName: String,
        limits: SubmissionLimits = SubmissionLimits()
    ) throws(SubmissionError) -> SubmissionFolder {
        func fail(_ reason: SubmissionError.FolderReason) -> SubmissionError {
            SubmissionError(subject: displayName, reason: .folder(reason))
        }
        let item: SubmissionRoot.Item
        do {
            item = try parent.item(relative)
        } catch {
            switch error {
            case .symbolicLink: throw fail(.submissionIsLink)
            case .missing: throw fail(.unreadable(name: location.lastPathComponent, detail: "no such file or folder"))
            default: throw fail(.file(name: location.lastPathComponent, problem: error))
            }
        }
        switch item {
        case let .folder(root):
            return try loadFolder(root, location: location, fail: fail, displayName: displayName, limits: limits)
        case let .file(file):
            return try loadFile(location, bytes: file.size, fail: fail)
        }
    }

    private static func loadFile(
        _ location: URL, bytes: Int, fail: (SubmissionError.FolderReason) -> SubmissionError
    ) throws(SubmissionError) -> SubmissionFolder {
        let fileName = location.lastPathComponent
        if let kind = kind(of: fileName) ?? DeliverableKind(fileName: fileName)?.phrase {
            throw fail(.notAModel(name: fileName, kind: kind))
        }
        let stem = location.deletingPathExtension().lastPathComponent
        return SubmissionFolder(
            location: location, isSingleFile: true, team: stem.isEmpty ? fileName : stem, entryName: fileName,
            model: location, modelName: fileName, modelBytes: bytes, manifest: nil, manifestName: nil, history: nil,
            historyName: nil, readme: nil, readmeName: nil, ignored: [], deliverables: [])
    }

    /// What a non-model file is, for the refusal of a single file or of a manifest's `model`
    /// naming it; `nil` if it may be a model. `path` may have folders; a hidden one makes it
    /// hidden.
    static func kind(of path: String) -> String? {
        let components = path.split(separator: "/")
        if components.contains(where: { $0.hasPrefix(".") }) { return "a hidden or system file" }
        let lower = components.last.map { $0.lowercased() } ?? ""
        if systemFiles.contains(lower) { return "a hidden or system file" }
        if lower.hasPrefix("readme") { return "a README" }
        if lower.hasPrefix("manifest.") { return "a manifest" }
        if TrainingHistory.isHistoryFileName(lower) { return "a training history" }
        return nil
    }

    private static func loadFolder(
        _ root: SubmissionRoot, location: URL, fail: (SubmissionError.FolderReason) -> SubmissionError,
        displayName: String, limits: SubmissionLimits
    ) throws(SubmissionError) -> SubmissionFolder {
        let entries: [SubmissionRoot.Entry]
        do {
            entries = try root.entries()
        } catch {
            throw fail(.file(name: location.lastPathComponent, problem: error))
        }
        guard entries.count <= limits.maxFolderEntries else {
            throw fail(.tooManyFiles(count: entries.count, limit: limits.maxFolderEntries))
        }
        var ignored: [String] = []
        var readmes: [String] = [], manifests: [String] = [], histories: [String] = [], candidates: [String] = []
        var deliverables: [DeliverableFile] = []
        for entry in entries {
            let lower = entry.name.lowercased()
            if lower.hasPrefix(".") || systemFiles.contains(lower) {
                ignored.append(entry.name)
                continue
            }
            switch entry.kind {
            case .link: throw fail(.file(name: entry.name, problem: .symbolicLink))
            case .folder:
                ignored.append(entry.name + "/")
                continue
            case .other: throw fail(.file(name: entry.name, problem: .notRegular(kind: .other)))
            case .file: break
            }
            if lower.hasPrefix("readme") {
                readmes.append(entry.name)
            } else if lower.hasPrefix("manifest.") {
                guard SubmissionManifest.fileNames.contains(lower) else { throw fail(.unsupportedManifest(name: entry.name)) }
                manifests.append(entry.name)
            } else if TrainingHistory.isHistoryFileName(entry.name) {
                histories.append(entry.name)
            } else if let kind = deliverableKind(entry.name, in: root) {
                deliverables.append(DeliverableFile(name: entry.name, kind: kind, bytes: Int(entry.stamp?.size ?? 0)))
            } else {
                candidates.append(entry.name)
            }
        }
        if manifests.count > 1 { throw fail(.severalManifests(manifests)) }
        if histories.count > 1 { throw fail(.severalHistories(histories)) }

        var manifest: SubmissionManifest?
        if let file = manifests.first {
            manifest = try SubmissionManifest.read(file, in: root, displayName: displayName + "/" + file, limits: limits)
        }
        var history: TrainingHistory?
        if let file = histories.first {
            history = try TrainingHistory.read(file, in: root, displayName: displayName + "/" + file, limits: limits)
        }
        let readmeName = preferredReadme(readmes)
        ignored += readmes.filter { $0 != readmeName }
        let readme = try readmeName.map { (file) throws(SubmissionError) in
            try readText(file, in: root, limits: limits, fail: fail)
        }

        let modelName: String
        if let named = manifest?.model {
            if let kind = kind(of: named) {
                throw fail(.manifestNamesNonModel(manifest: manifests.first ?? "manifest", name: named, kind: kind))
            }
            modelName = named
            ignored += candidates.filter { $0 != named }
            deliverables.removeAll { $0.name == named }
        } else {
            guard !candidates.isEmpty else {
                throw fail(.noModel(found: entries.map(\.name).filter { !$0.hasPrefix(".") }))
            }
            guard candidates.count == 1 else { throw fail(.severalModels(candidates: candidates)) }
            modelName = candidates[0]
        }
        let modelBytes: Int
        do {
            modelBytes = try root.file(modelName).size
        } catch {
            switch error {
            case .missing where manifest?.model != nil, .notRegular(.folder) where manifest?.model != nil:
                throw fail(.namedModelMissing(name: modelName, found: candidates))
            default: throw fail(.file(name: modelName, problem: error))
            }
        }
        let modelURL = location.appendingPathComponent(modelName)
        return SubmissionFolder(
            location: location, isSingleFile: false, team: manifest?.team ?? location.lastPathComponent,
            entryName: manifest?.title ?? modelURL.lastPathComponent, model: modelURL, modelName: modelName,
            modelBytes: modelBytes, manifest: manifest, manifestName: manifests.first, history: history,
            historyName: histories.first, readme: readme, readmeName: readmeName, ignored: ignored.sorted(),
            deliverables: deliverables)
    }

    /// What the file `name` is when it cannot be the model: by its name, or for the
    /// extensions models share with other files, by its first bytes (opened beneath the
    /// folder, at most ``ModelCandidacy/sniffBytes`` read). A file that cannot be opened
    /// stays a candidate, so that the model's checks name its problem.
    private static func deliverableKind(_ name: String, in root: SubmissionRoot) -> DeliverableKind? {
        if let kind = DeliverableKind(fileName: name) { return kind }
        guard ModelCandidacy.needsSniffing(name), let head = try? root.file(name).prefix(ModelCandidacy.sniffBytes) else {
            return nil
        }
        return ModelCandidacy.deliverableKind(fileName: name, head: head)
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
        _ name: String, in root: SubmissionRoot, limits: SubmissionLimits,
        fail: (SubmissionError.FolderReason) -> SubmissionError
    ) throws(SubmissionError) -> String {
        let data: Data
        do {
            data = try root.file(name).contents(maxBytes: limits.maxReadmeBytes)
        } catch {
            switch error {
            case let .tooLarge(bytes, _): throw fail(.readmeTooLarge(name: name, bytes: bytes, limit: limits.maxReadmeBytes))
            default: throw fail(.file(name: name, problem: error))
            }
        }
        guard var text = String(data: data, encoding: .utf8) else { throw fail(.readmeNotText(name: name)) }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }
}
