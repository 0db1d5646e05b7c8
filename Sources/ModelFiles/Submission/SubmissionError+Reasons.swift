extension SubmissionError {
    /// Why a submission folder could not be taken apart into its model, manifest, history and
    /// README; the subject is the submission (folder or single file).
    public enum FolderReason: Equatable, Sendable {
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
        case file(name: String, problem: FileReason)
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
        /// A single top-level file whose name without extension is a team folder beside it:
        /// taken as it is, it would be a version of that folder's team.
        case namesAFolder(folder: String)
    }

    /// Why a manifest was not accepted.
    public enum ManifestReason: Equatable, Sendable {
        /// Not valid YAML or JSON; `detail` is the parser's one-line reason (with the line
        /// for YAML).
        case syntax(detail: String)
        /// Not UTF-8 text.
        case notText
        /// The top level is not a mapping of keys to values; `found` names what it is.
        case notAMapping(found: String)
        /// A key this reader does not know; `suggestion` is the known key it most resembles.
        case unknownKey(key: String, line: Int?, suggestion: String?)
        /// A key given twice.
        case duplicateKey(key: String, line: Int?)
        /// A value of the wrong type or shape: `key` (a path such as `standardization.mean`),
        /// what was `expected`, what was `found`.
        case wrongType(key: String, line: Int?, expected: String, found: String)
        /// A value that is empty, too long, or holds a line break; `detail` says which.
        case badText(key: String, line: Int?, detail: String)
        /// A `features` entry that is none of the 28 HIGGS names.
        case unknownFeature(name: String, line: Int?, suggestion: String?)
        /// A feature listed twice.
        case duplicateFeature(name: String, line: Int?)
        /// `features` is an empty list.
        case noFeatures
        /// `standardization.mean` or `.scale` does not have one value per feature read.
        case standardizationLength(key: String, expected: Int, found: Int)
        /// A standardization value that is not finite, or a scale of zero; `index` is 0-based.
        case badStandardization(key: String, index: Int, value: String)
        /// `model` is not a plain relative path inside the submission folder.
        case unsafeModelPath(path: String)
        /// Over a size limit (file bytes, values, members).
        case tooLarge(detail: String)
        /// The file could not be read at all.
        case unreadable(detail: String)
    }

    /// Why a predictions file was not accepted. Lines are 1-based and count the header.
    public enum PredictionsReason: Equatable, Sendable {
        /// The file has no lines at all.
        case empty
        /// The first line is not `id,score`; `found` is what it is.
        case header(found: String)
        /// A row without exactly two fields.
        case columnCount(line: Int, found: Int)
        /// An id that is not a whole number ≥ 0.
        case badId(line: Int, text: String)
        /// An id outside `0..<expectedRows`.
        case idOutOfRange(line: Int, id: Int, expectedRows: Int)
        /// An id given a second time; `firstLine` is where it was first.
        case duplicateId(line: Int, id: Int, firstLine: Int)
        /// A score that is not a number.
        case notANumber(line: Int, text: String)
        /// A score that is NaN or infinite.
        case nonFiniteScore(line: Int, text: String)
        /// A finite score below 0 or above 1.
        case scoreOutOfRange(line: Int, text: String)
        /// Ids without a score: how many, and the smallest.
        case missingIds(count: Int, first: Int, expectedRows: Int)
        /// Over the size limit.
        case tooLarge(bytes: Int, limit: Int)
        /// The file could not be read at all.
        case unreadable(detail: String)
    }

    /// Why a training history was not read. Its message never quotes the file: a history is
    /// not the model or the manifest, and its bytes must not reach a recorded failure (or the
    /// site) through an error. Column names are those the reader knows (`loss`,
    /// `val_accuracy`…), places are line and value numbers.
    public enum HistoryReason: Equatable, Sendable {
        /// Not UTF-8 text.
        case notText
        /// JSON that does not parse; `place` is where (`line 3, column 7`), if known.
        case syntax(place: String?)
        /// JSON whose top level is not an object of arrays; `found` says what it is, in the
        /// reader's words.
        case notAnObjectOfArrays(found: String)
        /// No header line, or no rows/values at all.
        case noEpochs
        /// None of `loss`, `accuracy`, `val_loss`, `val_accuracy` (or their Keras 2 names);
        /// `columnCount` counts the columns or keys there are.
        case noKnownSeries(columnCount: Int)
        /// Two columns mean the same series (`acc` and `accuracy`).
        case duplicateSeries(first: String, second: String)
        /// A CSV row with the wrong number of fields (`line` is 1-based).
        case columnCount(line: Int, expected: Int, found: Int)
        /// A JSON series whose length differs from the others.
        case lengthMismatch(key: String, expected: Int, found: Int)
        /// A value that is not a number; `line` for CSV, `nil` for JSON (`index` is then the
        /// 0-based position in `column`'s array).
        case notANumber(column: String, line: Int?, index: Int)
        /// An accuracy outside 0…1.
        case accuracyOutOfRange(column: String, index: Int)
        /// An `epoch` value that is not a whole number ≥ 0.
        case badEpoch(line: Int?, index: Int)
        /// More epochs than allowed.
        case tooManyEpochs(limit: Int)
        /// Over the size limit in bytes.
        case tooLarge(bytes: Int, limit: Int)
        /// The file could not be read at all.
        case unreadable(detail: String)
    }
}
