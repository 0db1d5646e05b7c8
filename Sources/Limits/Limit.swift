/// One limit the tool enforces, as a refusal names it: the readers and the sandbox take plain
/// values (``ModelFileLimits``, ``ONNXLimits``, ``SubmissionLimits``, ``SandboxLimits``) and
/// say which field stopped them by this identifier, whose case is the field's name.
///
/// A message names a limit by the key that sets it under `limits:` in `leaderboard.yml` and
/// the unit of its value, so both belong to the identifier; which field each key sets, what it
/// means and how `leaderboard.yml` is read are the Competition target's (`RunLimits.settings`).
public enum Limit: CaseIterable, Sendable {
    case memoryBytes, cpuSeconds, wallSeconds
    case maxFileBytes, maxZipEntries, maxInflatedBytes, maxConfigBytes, maxLayers, maxParameters
    case maxTensorElements, maxGraphNodes, maxGraphDepth, maxTreeNodes
    case maxManifestBytes, maxManifestNodes, maxManifestTextLength, maxMembers, maxHistoryBytes
    case maxHistoryEpochs, maxReadmeBytes, maxFolderEntries, maxPredictionsBytesPerRow
    case maxNotebooks, maxNotebookBytes, maxNotebookCells, maxNotebookTextBytes, maxNotebookImageBytes
    case maxNotebookImages, maxNotebookShownBytes, maxPDFs, maxPDFBytes
    /// Deepest nesting of protobuf messages in an ONNX file: a guard of the decoder, not set by
    /// organizers.
    case maxMessageDepth

    /// The key under `limits:` in `leaderboard.yml` (`max_file_bytes`); `nil` for a limit
    /// organizers do not set.
    public var settingKey: String? {
        switch self {
        case .maxMessageDepth: nil
        // The acronym is one word in the key.
        case .maxPDFs: "max_pdfs"
        case .maxPDFBytes: "max_pdf_bytes"
        default: Self.snakeCase("\(self)")
        }
    }

    /// The unit of the value, as messages and `leaderboard limits` say it.
    public var unit: String {
        switch self {
        case .memoryBytes, .maxFileBytes, .maxInflatedBytes, .maxConfigBytes, .maxManifestBytes, .maxHistoryBytes,
            .maxReadmeBytes, .maxNotebookBytes, .maxNotebookTextBytes, .maxNotebookImageBytes, .maxNotebookShownBytes,
            .maxPDFBytes:
            "bytes"
        case .cpuSeconds: "CPU seconds"
        case .wallSeconds: "seconds"
        case .maxZipEntries, .maxFolderEntries: "entries"
        case .maxLayers: "layers"
        case .maxParameters: "numbers"
        case .maxTensorElements: "elements"
        case .maxGraphNodes, .maxGraphDepth, .maxTreeNodes: "nodes"
        case .maxManifestNodes: "values"
        case .maxManifestTextLength: "characters"
        case .maxMembers: "names"
        case .maxHistoryEpochs: "epochs"
        case .maxPredictionsBytesPerRow: "bytes per row"
        case .maxNotebooks: "notebooks"
        case .maxNotebookCells: "cells"
        case .maxNotebookImages: "images"
        case .maxPDFs: "PDFs"
        case .maxMessageDepth: "levels"
        }
    }

    /// The setting as a message points to it: `limits.wall_seconds`.
    public var settingPath: String { "limits.\(settingKey ?? "\(self)")" }

    /// The setting as a message names it: `limits.max_layers in leaderboard.yml`.
    public var settingName: String { "\(settingPath) in leaderboard.yml" }

    /// The limit at `value` as a message names it: `the limit of 536870912 bytes
    /// (limits.max_file_bytes in leaderboard.yml)`.
    public func phrase(_ value: Int) -> String {
        "the limit of \(Self.text(Double(value))) \(unit) (\(settingName))"
    }

    /// How a limit's value is written (here and in `leaderboard limits`): a whole number
    /// without a fraction.
    public static func text(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e18 ? String(Int(value)) : String(value)
    }

    /// `maxFileBytes` as `max_file_bytes`.
    private static func snakeCase(_ name: String) -> String {
        String(name.flatMap { $0.isUppercase ? ["_", Character($0.lowercased())] : [$0] })
    }
}
