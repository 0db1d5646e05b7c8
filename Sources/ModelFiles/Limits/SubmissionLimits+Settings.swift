extension SubmissionLimits: SettableLimits {
    /// The defaults.
    public static var defaults: SubmissionLimits { SubmissionLimits() }

    /// Every limit on a submission's folder and small files, as a setting under `limits:`.
    public static let settings: [LimitSetting<SubmissionLimits>] = [
        LimitSetting("max_manifest_bytes", \.maxManifestBytes, unit: "bytes", meaning: "largest manifest"),
        LimitSetting("max_manifest_nodes", \.maxManifestNodes, unit: "values",
                     meaning: "most values in a manifest (YAML aliases count each time they are used)"),
        LimitSetting("max_manifest_text_length", \.maxManifestTextLength, unit: "characters",
                     meaning: "longest text in a manifest (team, title, a member's name)"),
        LimitSetting("max_members", \.maxMembers, unit: "names", meaning: "most names in a manifest's members"),
        LimitSetting("max_history_bytes", \.maxHistoryBytes, unit: "bytes", meaning: "largest training history file"),
        LimitSetting("max_history_epochs", \.maxHistoryEpochs, unit: "epochs", meaning: "most epochs in a training history"),
        LimitSetting("max_readme_bytes", \.maxReadmeBytes, unit: "bytes", meaning: "largest README"),
        LimitSetting("max_folder_entries", \.maxFolderEntries, unit: "entries",
                     meaning: "most files and folders in a submission folder"),
        LimitSetting("max_predictions_bytes_per_row", \.maxPredictionsBytesPerRow, unit: "bytes per row",
                     meaning: "size of a predictions file per hidden row (plus 4 KiB)"),
    ]
}
