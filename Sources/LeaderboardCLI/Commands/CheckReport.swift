import Foundation
import ModelFiles
import Results
import Scoring

/// What `check` found, section by section: the text it prints and, as it is, its `--json`.
/// Each part of a submission is a field of its own (a new kind of file is one more field and
/// one more line), and every line of the text comes from a field, so the JSON carries all
/// the text says.
struct CheckReport: Codable {
    /// The submission as given: a folder (`check FOLDER`) or a model file (`check MODEL`).
    var submission: String
    /// `folder` or `file`.
    var form: String
    /// The manifest read, if any.
    var manifest: ManifestPart?
    /// The file scored, and why it is the one.
    var model: ModelPart
    /// The training history, if any.
    var history: HistoryPart?
    /// The README, if any.
    var readme: NamedFile?
    /// The notebooks, PDFs and other files handed in beside the model, as the entry's page
    /// will have them.
    var deliverables: [DeliverablePart] = []
    /// Entries of the folder that are not read at all (hidden files, sub-folders, other
    /// READMEs, candidates the manifest's `model` did not name).
    var otherFiles: [String] = []
    /// What was understood of the model file; `nil` for a predictions file.
    var summary: ModelSummary?
    /// The data the figures are computed on.
    var data: DataPart
    /// The figures on the validation rows (a model file).
    var validation: ValidationPart?
    /// The shape check of a predictions file, which cannot be scored on validation rows.
    var predictions: PredictionsPart?
    /// The closing line.
    var verdict: String

    /// What the manifest said, and where it came from.
    struct ManifestPart: Codable {
        /// The manifest file as named in messages.
        var file: String
        /// How it was found: `in the folder`, `beside the model`, `--manifest`.
        var source: String
        var team: String?, title: String?, members: [String], model: String?, output: String?
        /// The features read, as the data set names them; `nil` for all 28.
        var features: [String]?
        /// Whether the manifest standardizes the features.
        var standardized: Bool

        init(_ manifest: SubmissionManifest, file: String, source: String) {
            self.file = file
            self.source = source
            team = manifest.team
            title = manifest.title
            members = manifest.members
            model = manifest.model
            output = manifest.output
            features = manifest.features
            standardized = manifest.standardization != nil
        }
    }

    /// The file scored.
    struct ModelPart: Codable {
        /// Its path relative to the folder (its name for a single file).
        var file: String
        /// Its size in bytes.
        var bytes: Int
        /// Why it is the one scored.
        var reason: String
    }

    /// The training history that came with the submission.
    struct HistoryPart: Codable {
        var file: String, epochs: Int
        /// The series logged, as Keras names them (`loss`, `accuracy`, `val_loss`, `val_accuracy`).
        var keys: [String]

        init(_ history: TrainingHistory, file: String) {
            self.file = file
            epochs = history.epochCount
            keys = [
                ("loss", history.loss), ("accuracy", history.accuracy), ("val_loss", history.validationLoss),
                ("val_accuracy", history.validationAccuracy),
            ].compactMap { $0.1 == nil ? nil : $0.0 }
        }
    }

    /// A file read as text, and its length in characters.
    struct NamedFile: Codable {
        var file: String, characters: Int
    }

    /// Which data the figures come from.
    struct DataPart: Codable {
        /// The data file's path, or the embedded sample's name.
        var source: String
        /// Rows of the data set.
        var rows: Int
        /// The root of the workspace whose settings chose the data and split; `nil` outside one.
        var workspace: String?
        /// The rows scored: the validation rows for a model, the hidden rows for a
        /// predictions file's shape.
        var rowsUsed: Range<Int>
        /// What those rows are.
        var rowsAre: String
    }

    /// The figures on the validation rows.
    struct ValidationPart: Codable {
        var rows: Int
        var auc: Double, aucLow: Double, aucHigh: Double, accuracy: Double, logLoss: Double
    }

    /// A predictions file's shape.
    struct PredictionsPart: Codable {
        /// Scores read: one per hidden test row.
        var scores: Int
        /// Why no figure is given.
        var why: String
    }

    /// What was understood of the submission's files, a labelled line each: the manifest, the
    /// model file and why, the history, the README, the notebooks and PDFs as the entry's page
    /// shows or links them, the other files listed there, and the files not read.
    var understood: [(label: String, text: String)] {
        var lines = [(label: "submission", text: "\(submission) (\(form == "folder" ? "a folder" : "a file"))")]
        if let manifest { lines.append(("manifest", Self.describe(manifest))) }
        lines.append(
            (summary == nil ? "predictions" : "model", "\(model.file) (\(Formatting.count(model.bytes)) bytes): \(model.reason)"))
        if let history {
            let epochs = "\(history.epochs) epoch\(history.epochs == 1 ? "" : "s")"
            lines.append(("history", "\(history.file): \(epochs) (\(history.keys.joined(separator: ", ")))"))
        }
        if let readme { lines.append(("readme", "\(readme.file) (\(Formatting.count(readme.characters)) characters)")) }
        // Notebooks and PDFs a line each, as the page shows or links them; other files listed.
        let onPage = deliverables.filter { $0.kind == "notebook" || $0.kind == "PDF" }
        for part in onPage { lines.append((part.kind.lowercased(), "\(part.file): \(part.detail)")) }
        let listed = deliverables.filter { part in !onPage.contains { $0.file == part.file } }
        if !listed.isEmpty {
            lines.append(("files", listed.map { "\($0.file) (\($0.kind))" }.joined(separator: ", ") + ": listed on the entry's page"))
        }
        if !otherFiles.isEmpty { lines.append(("not read", otherFiles.joined(separator: ", "))) }
        return lines
    }

    /// The lines `check` prints.
    var text: String {
        var lines = understood.map { Self.line($0.label, $0.text) }
        if let summary {
            lines.append("")
            lines.append(summary.text)
        }
        lines.append("")
        lines.append(Self.line("data", Self.describe(data)))
        if let validation {
            lines.append(
                String(
                    format: "validation rows %@: AUC %.4f [%.4f, %.4f], accuracy %.4f, log loss %.4f",
                    Formatting.count(validation.rows), validation.auc, validation.aucLow, validation.aucHigh,
                    validation.accuracy, validation.logLoss))
        }
        if let predictions { lines.append(Self.line("shape", Self.describe(predictions))) }
        lines.append(verdict)
        return TerminalText.escaped(lines.joined(separator: "\n"), keepingLines: true)
    }

    private static func line(_ label: String, _ text: String) -> String {
        label.padding(toLength: max(12, label.count + 1), withPad: " ", startingAt: 0) + text
    }

    /// A predictions file's shape, and why it has no figures.
    static func describe(_ p: PredictionsPart) -> String {
        "\(Formatting.count(p.scores)) scores, one per hidden test row: \(p.why)"
    }

    private static func describe(_ m: ManifestPart) -> String {
        var parts: [String] = []
        if let team = m.team { parts.append("team \"\(team)\"") }
        if !m.members.isEmpty { parts.append("members \(m.members.joined(separator: ", "))") }
        if let title = m.title { parts.append("title \"\(title)\"") }
        if let model = m.model { parts.append("model \(model)") }
        parts.append(m.features.map { "\($0.count) features (\($0.joined(separator: ", ")))" } ?? "all 28 features")
        if m.standardized { parts.append("standardized") }
        if let output = m.output { parts.append("output \(output)") }
        return "\(m.file) (\(m.source)): " + parts.joined(separator: "; ")
    }

    /// The data the figures come from, and which of its rows.
    static func describe(_ d: DataPart) -> String {
        let source = d.workspace.map { "\(d.source) (the data of workspace \($0))" } ?? "\(d.source) (no workspace here)"
        return "\(source), \(Formatting.count(d.rows)) rows; rows \(Formatting.count(d.rowsUsed.lowerBound))"
            + "..<\(Formatting.count(d.rowsUsed.upperBound)) used: \(d.rowsAre)"
    }
}
