/// Why a submission folder could not be taken apart into its model, manifest, history and
/// README: one line that names the folder or file, says what was found and what to do.
public struct SubmissionFolderError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The submission (folder or file) as the caller named it, e.g. `submissions/team-a`.
    public var submission: String
    /// What was found.
    public var reason: Reason

    /// An error about `submission`.
    public init(submission: String, reason: Reason) {
        self.submission = submission
        self.reason = reason
    }

    /// What was found, with what the message needs to say.
    public enum Reason: Equatable, Sendable {
        /// No file could be the model; `found` lists what the folder holds.
        case noModel(found: [String])
        /// Several files could be the model.
        case severalModels(candidates: [String])
        /// The manifest names a model file that is not in the folder.
        case namedModelMissing(name: String, found: [String])
        /// More than one manifest (`manifest.yml` and `manifest.json`…).
        case severalManifests([String])
        /// A file named like a manifest that is not read (`manifest.txt`).
        case unsupportedManifest(name: String)
        /// More than one training history file.
        case severalHistories([String])
        /// The submission itself (the team's folder or the single file) is a symbolic link.
        case submissionIsLink
        /// A file in the folder that cannot be used: a link (at any depth), not a regular
        /// file, unreadable; `problem` says which.
        case file(name: String, problem: SubmittedFileError)
        /// The manifest's `model` names a file that is not a model (the manifest itself, the
        /// README, the history, a hidden or system file); `kind` says what it is.
        case manifestNamesNonModel(manifest: String, name: String, kind: String)
        /// A file or the folder could not be read; `detail` is the system's reason.
        case unreadable(name: String, detail: String)
        /// The README is larger than the limit.
        case readmeTooLarge(name: String, bytes: Int, limit: Int)
        /// The README is not UTF-8 text.
        case readmeNotText(name: String)
        /// A single file given as a submission that is a README, manifest or history, not a
        /// model.
        case notAModel(name: String, kind: String)
        /// More entries in the folder than allowed.
        case tooManyFiles(count: Int, limit: Int)
        /// The manifest is invalid.
        case manifest(ManifestError)
        /// The training history is invalid.
        case history(TrainingHistoryError)
    }

    /// The one-line message.
    public var description: String {
        let name = "'\(submission)'"
        func list(_ names: [String]) -> String {
            names.isEmpty ? "nothing" : names.prefix(12).map { $0.quotedForMessage(limit: 50) }.joined(separator: ", ")
                + (names.count > 12 ? " and \(names.count - 12) more" : "")
        }
        switch reason {
        case let .noModel(found):
            return "\(name) has no model file (found \(list(found))): add the model (.h5, .keras, .onnx, "
                + "or a predictions .csv with id,score)"
        case let .severalModels(candidates):
            return "\(name) has several files that could be the model (\(list(candidates))): keep one, or "
                + "name it in manifest.yml ('model: file-name')"
        case let .namedModelMissing(model, found):
            return "\(name): manifest names model \(model.quotedForMessage()), which is not in the folder "
                + "(found \(list(found))): fix 'model:' in the manifest or add the file"
        case let .severalManifests(names):
            return "\(name) has several manifests (\(list(names))): keep one"
        case let .unsupportedManifest(file):
            return "\(name): \(file.quotedForMessage()) is not read as a manifest: name it manifest.yml "
                + "(YAML) or manifest.json"
        case let .severalHistories(names):
            return "\(name) has several training histories (\(list(names))): keep the one of the run that "
                + "made the model"
        case .submissionIsLink:
            return "\(name) is a symbolic link: links are never followed in submissions; submit a real "
                + "folder (or the file itself)"
        case let .file(file, problem):
            return "\(name): \(file.quotedForMessage()) \(problem.phrase): " + Self.remedy(problem)
        case let .manifestNamesNonModel(manifest, model, kind):
            return "\(name): \(manifest) names \(model.quotedForMessage()) as the model, which is \(kind); name the "
                + "model file (.h5, .keras, .onnx, or a predictions .csv with id,score)"
        case let .unreadable(file, detail):
            return "\(name): \(file.quotedForMessage()) could not be read: \(detail)"
        case let .readmeTooLarge(file, bytes, limit):
            return "\(name): \(file.quotedForMessage()) is \(bytes) bytes, more than the \(limit) a README "
                + "may have (\(Limit.maxReadmeBytes.settingName)): shorten it (link to images rather than embedding them)"
        case let .readmeNotText(file):
            return "\(name): \(file.quotedForMessage()) is not UTF-8 text: save it as UTF-8 Markdown"
        case let .notAModel(file, kind):
            return "\(name): \(file.quotedForMessage()) is \(kind), not a model: submit it in a folder "
                + "with the model"
        case let .tooManyFiles(count, limit):
            return "\(name) holds \(count) entries, more than the \(limit) a submission may have "
                + "(\(Limit.maxFolderEntries.settingName)): submit "
                + "the model, and optionally a manifest, README and training history"
        case let .manifest(error):
            return error.description
        case let .history(error):
            return error.description
        }
    }

    /// What to do about a file that cannot be used.
    private static func remedy(_ problem: SubmittedFileError) -> String {
        switch problem {
        case .symbolicLink: "links are not followed; put the file itself in the folder"
        case .hardLinked: "put a copy of the file in the folder (cp, not ln)"
        case .notRegular(.folder), .notFolder, .outside, .missing: "name a file inside the submission folder"
        case .notRegular: "remove it"
        case .tooLarge: "submit a smaller file"
        case .changed: "run score again once it is complete"
        case .unreadable: "make it readable"
        }
    }
}
