import Crypto
import Foundation
import HiggsData
import ModelFiles
import Results

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
    let modelName: String
    /// The manifest's path, if there is one.
    public let manifestPath: String?
    /// The README's Markdown text.
    public let readme: String?
    /// The training history the submission came with.
    public let history: TrainingHistory?
    /// The submission taken apart (which file is the model and why, the other files); `nil`
    /// when it could not be (`failure` says why).
    public let folder: SubmissionFolder?
    /// The files the folder holds beside the model (notebooks, PDFs, scripts…), listed only:
    /// ``deliverableContents()`` reads the notebooks and PDFs when the entry is recorded.
    public let deliverables: [DeliverableFile]
    /// The model file's size when it was found.
    let modelBytes: Int
    /// The format guessed from the file name, for failures that never reached a reader.
    let formatGuess: String
    /// Why the submission cannot be scored, before any model is read.
    public private(set) var failure: SubmissionError?
    /// `failure`'s one-line message.
    var problem: String? { failure?.description }
    /// Whether it is one of the organizers' baselines (shown as such on the leaderboard).
    public var isBaseline = false
    /// Whether the manifest selects this version for the final ranking (`final: true`).
    public let selected: Bool
    /// When the submission was made, if it carries its own time (a commit's, say); `nil`
    /// for the run's clock. The deadline and the daily limit are enforced on it.
    public var submittedAt: Date?

    /// The team's key (`TeamKey`): the path beneath the submissions folder (a single file's
    /// without extension), or a baseline's name. Every submission of one folder is a version
    /// of one team's entry, whatever its manifest calls the team.
    public var teamKey: String {
        if isBaseline { return TeamKey.baseline(URL(fileURLWithPath: root).lastPathComponent) }
        if isFolderTwin { return relative }
        return TeamKey.submission(relative: relative, isFile: modelRelative.map { $0 == relative } ?? (base?.kind(of: relative) == .file))
    }
    /// The folder the submission is opened from (the submissions folder, or the folder
    /// holding a path given on the command line); `nil` if even that cannot be opened.
    let base: SubmissionRoot?
    /// The submission's path beneath `base`, and its model's and manifest's.
    let relative: String, modelRelative: String?, manifestRelative: String?
    /// The limits on the manifest, history, README, notebooks and PDFs.
    let limits: SubmissionLimits
    /// How messages name the submission.
    let displayName: String
    /// A single top-level file named like a team folder beside it (``refusedAsTwin(of:)``):
    /// keyed by its whole name, so that its refusal is no version of that folder's team.
    private var isFolderTwin = false

    /// This submission, refused when it is a single file whose name without extension is a
    /// folder beside it: taken as it is, it would be a version of that folder's team, so
    /// anyone who can drop a file beside a team's folder would add versions to that team
    /// (taking its daily places, or becoming its best version).
    func refusedIfFolderTwin() -> Submission {
        guard !isBaseline, let base, !relative.contains("/"), base.kind(of: relative) == .file else { return self }
        let folder = TeamKey.submission(relative: relative, isFile: true)
        guard folder != relative, base.kind(of: folder) == .folder else { return self }
        var refused = self
        refused.isFolderTwin = true
        refused.failure = SubmissionError(subject: displayName, reason: .folder(.namesAFolder(folder: folder)))
        return refused
    }

    /// The submission at `url`, named `displayName` in messages, read within `limits`. The
    /// folder holding `url` is the caller's; from there on no link is followed.
    public init(at url: URL, displayName: String, limits: SubmissionLimits = SubmissionLimits()) {
        let location = url.standardizedFileURL
        self.init(
            location.lastPathComponent, in: try? SubmissionRoot(opening: location.deletingLastPathComponent().path),
            location: location, displayName: displayName, limits: limits)
    }

    /// The submission `relative` beneath `base`, at `location`.
    init(_ relative: String, in base: SubmissionRoot?, location url: URL, displayName: String, limits: SubmissionLimits) {
        root = url.path
        self.base = base
        self.relative = relative
        self.limits = limits
        self.displayName = displayName
        do throws(SubmissionError) {
            guard let base else {
                throw SubmissionError(
                    subject: displayName,
                    reason: .folder(
                        .unreadable(
                            name: url.deletingLastPathComponent().lastPathComponent, detail: "the folder cannot be opened")))
            }
            let folder = try SubmissionFolder.load(relative, in: base, location: url, displayName: displayName, limits: limits)
            team = folder.manifest?.team ?? folder.team
            title = folder.manifest?.title ?? folder.entryName
            members = folder.manifest?.members ?? []
            selected = folder.manifest?.isFinalSelection ?? false
            modelPath = folder.model.path
            modelName = folder.modelName
            modelRelative = folder.isSingleFile ? relative : relative + "/" + folder.modelName
            manifestPath = folder.manifestName.map { url.appendingPathComponent($0).path }
            manifestRelative = folder.manifestName.map { relative + "/" + $0 }
            modelBytes = folder.modelBytes
            readme = folder.readme
            history = folder.history
            self.folder = folder
            deliverables = folder.deliverables
            failure = nil
        } catch {
            let isFile = base?.kind(of: relative) == .file
            team = isFile ? url.deletingPathExtension().lastPathComponent : url.lastPathComponent
            title = url.lastPathComponent
            members = []
            selected = false
            modelPath = isFile ? root : ""
            modelName = isFile ? url.lastPathComponent : ""
            modelRelative = nil
            manifestPath = nil
            manifestRelative = nil
            modelBytes = 0
            readme = nil
            history = nil
            folder = nil
            deliverables = []
            failure = error
        }
        formatGuess = modelName.isEmpty ? "none" : URL(fileURLWithPath: modelName).pathExtension.lowercased()
    }

    /// Every submission under `paths`: a submissions folder gives one submission per
    /// subfolder and per top-level file (README and hidden files aside); a path inside it is
    /// the submission of the team whose top-level entry holds it; elsewhere a folder without
    /// subfolders given directly, a file, or a folder that cannot be listed is one submission
    /// (the last one failing with the reason). Sorted by path.
    ///
    /// A path inside `submissionsFolder` is opened beneath it, any other beneath the folder
    /// holding it; from there on no link is followed, so a team folder that is a link is one
    /// failed submission, never listed.
    /// `displayName` turns a path into the name messages use (e.g. relative to the workspace).
    public static func discover(
        in paths: [String], submissionsFolder: String? = nil, limits: SubmissionLimits = SubmissionLimits(),
        displayName: (String) -> String = { $0 }
    ) -> [Submission] {
        let submissions = submissionsFolder.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        let submissionsRoot = submissions.flatMap { try? SubmissionRoot(opening: $0) }
        var found: [Submission] = []
        for given in paths {
            var (path, url) = (given, URL(fileURLWithPath: given).standardizedFileURL)
            var (base, relative) = locate(url.path, submissions: submissions, submissionsRoot: submissionsRoot)
            // Inside the submissions folder a team is its top-level entry: a path within a
            // team's folder (one of its files, a sub-folder) is that team's submission, and a
            // team's folder is one submission whatever sub-folders it holds.
            let isTeam = !relative.isEmpty && base != nil && base === submissionsRoot
            if isTeam, let submissions, let team = relative.split(separator: "/").first, String(team) != relative {
                relative = String(team)
                url = URL(fileURLWithPath: submissions).appendingPathComponent(relative)
                path = url.path
            }
            let folder: SubmissionRoot?
            if relative.isEmpty {
                folder = base
            } else if case let .folder(opened)? = try? base?.item(relative) {
                folder = opened
            } else {
                folder = nil
            }
            guard let folder, let entries = try? folder.entries() else {
                found.append(Submission(relative, in: base, location: url, displayName: displayName(path), limits: limits))
                continue
            }
            let isRoot = relative.isEmpty || url.path == submissions || (!isTeam && entries.contains { $0.kind == .folder })
            guard isRoot else {
                found.append(Submission(relative, in: base, location: url, displayName: displayName(path), limits: limits))
                continue
            }
            for entry in entries where isSubmissionEntry(entry.name) {
                found.append(
                    Submission(
                        relative.isEmpty ? entry.name : relative + "/" + entry.name, in: base,
                        location: url.appendingPathComponent(entry.name),
                        displayName: displayName((path as NSString).appendingPathComponent(entry.name)), limits: limits))
            }
        }
        return found.map { $0.refusedIfFolderTwin() }
    }

    /// Whether `name`, an entry of a folder of submissions (at the top of the submissions
    /// folder, a team's folder or file), is a submission: README files and hidden entries are not.
    public static func isSubmissionEntry(_ name: String) -> Bool {
        !name.hasPrefix(".") && !name.lowercased().hasPrefix("readme")
    }

    /// The folder to open `path` beneath, and its path there: the submissions folder for a
    /// path inside it (the folder itself with an empty path), else the folder holding it.
    private static func locate(
        _ path: String, submissions: String?, submissionsRoot: SubmissionRoot?
    ) -> (base: SubmissionRoot?, relative: String) {
        if let submissions, let submissionsRoot {
            if path == submissions { return (submissionsRoot, "") }
            if path.hasPrefix(submissions + "/") { return (submissionsRoot, String(path.dropFirst(submissions.count + 1))) }
        }
        let url = URL(fileURLWithPath: path)
        return (try? SubmissionRoot(opening: url.deletingLastPathComponent().path), url.lastPathComponent)
    }

    /// The model file and manifest, opened beneath the submissions folder without following
    /// a link at any depth; `maxModelBytes` is the `max_file_bytes` setting.
    func openFiles(maxModelBytes: Int) throws(SubmissionError) -> SubmissionFiles {
        guard let base, let modelRelative else {
            throw failure ?? SubmissionError(subject: root, reason: .folder(.noModel(found: [])))
        }
        let model = try SubmissionFiles.Part(
            name: modelName, maxBytes: maxModelBytes, limit: .maxFileBytes
        ) { () throws(SubmissionError.FileReason) in try base.file(modelRelative) }
        let manifestName = manifestPath.map { ($0 as NSString).lastPathComponent }
        let manifest = try manifestRelative.map { (relative) throws(SubmissionError) in
            try SubmissionFiles.Part(
                name: manifestName ?? relative, maxBytes: limits.maxManifestBytes,
                limit: .maxManifestBytes
            ) { () throws(SubmissionError.FileReason) in try base.file(relative) }
        }
        return SubmissionFiles(model: model, manifest: manifest)
    }

    /// The folder's notebooks (read and checked) and PDFs, opened beneath the submissions
    /// folder without following a link; `nil` when it holds none or can no longer be opened.
    func deliverableContents() -> SubmittedDeliverables? {
        guard !deliverables.isEmpty, let base, let folder = try? base.folder(relative) else { return nil }
        return SubmittedDeliverables(deliverables, in: folder, displayName: displayName, limits: limits)
    }

    /// SHA-256 of the model file, and the entry's identity (the model, the manifest and the
    /// notebooks and PDFs handed in with them: a change to any is a new version), each read
    /// within its limit.
    public func contentHashes(maxModelBytes: Int = ModelFileLimits().maxFileBytes) throws -> (model: String, all: String) {
        let digests = try openFiles(maxModelBytes: maxModelBytes).digests()
        return (
            digests.model,
            Self.identity(modelSHA256: digests.model, manifestSHA256: digests.manifest, handedInSHA256: handedInDigest())
        )
    }

    /// The identity of an entry whose model, manifest and handed-in notebooks and PDFs
    /// (``handedInDigest()``) have these digests (hex); without a manifest or those files,
    /// the identity leaves them out, as entries recorded before notebooks were read had it.
    static func identity(modelSHA256: String, manifestSHA256: String?, handedInSHA256: String? = nil) -> String {
        var all = SHA256()
        all.update(data: Data(modelSHA256.utf8))
        if let manifestSHA256 { all.update(data: Data(manifestSHA256.utf8)) }
        if let handedInSHA256 { all.update(data: Data(("handed in " + handedInSHA256).utf8)) }
        return all.finalize().hexString
    }

    /// The key `team`'s entry of content `identity` (`team` being the team's key; its shown
    /// name for entries recorded before keys) is recorded under when another team's
    /// entry holds `identity` itself (the same files submitted twice): the identity salted with
    /// the team, so that each team's copy is recorded once and found again on the next run.
    static func teamIdentity(_ identity: String, team: String) -> String {
        var all = SHA256()
        for part in ["copy", identity, team] { all.update(data: Data((part + "\n").utf8)) }
        return all.finalize().hexString
    }

    /// The identity of this submission failing with `failure`, read from no file: its path,
    /// the failure, and the stamp (name, kind, device, inode, size, modification time) of
    /// each entry of its folder as listed without following links, and of its model and
    /// manifest. An unchanged failing folder has the same identity on the next run, so it
    /// is skipped without a byte of it read; any change to it is a new identity.
    func failureIdentity(_ failure: String) -> String {
        var all = SHA256()
        for part in ["failed", root, failure] { all.update(data: Data((part + "\n").utf8)) }
        var stamps: [(String, FileKind?, FileStamp?)] = []
        if let base {
            if base.kind(of: relative) == .folder, let folder = try? base.folder(relative),
                let entries = try? folder.entries()
            {
                stamps += entries.map { ($0.name, $0.kind, $0.stamp) }
            }
            for path in [relative, modelRelative, manifestRelative].compactMap({ $0 }) {
                stamps.append((path, base.kind(of: path), base.stamp(of: path)))
            }
        }
        for (name, kind, stamp) in stamps {
            all.update(data: Data("\(name)\u{0}\(kind.map { "\($0)" } ?? "-")\u{0}\(stamp?.text ?? "-")\n".utf8))
        }
        return all.finalize().hexString
    }
}
