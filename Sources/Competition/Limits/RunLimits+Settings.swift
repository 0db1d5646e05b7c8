extension RunLimits {
    /// Every limit, as a setting under `limits:` in `leaderboard.yml`, in the order
    /// `leaderboard limits` lists them: the sandboxed child's, the model readers', the
    /// submission readers'.
    public static let settings: [LimitSetting] = [
        LimitSetting(
            .memoryBytes, \.sandbox.memoryBytes,
            meaning: "heap of each sandboxed prediction (RLIMIT_DATA); the mapped data set does not count"),
        LimitSetting(.cpuSeconds, \.sandbox.cpuSeconds, meaning: "CPU time of each sandboxed prediction"),
        LimitSetting(
            .wallSeconds, \.sandbox.wallSeconds,
            meaning: "wall-clock time of each sandboxed prediction before it is killed"),

        LimitSetting(.maxFileBytes, \.readers.modelFile.maxFileBytes, meaning: "largest model file read"),
        LimitSetting(.maxZipEntries, \.readers.modelFile.maxZipEntries, meaning: "most entries a .keras zip may list"),
        LimitSetting(
            .maxInflatedBytes, \.readers.modelFile.maxInflatedBytes,
            meaning: "most bytes inflated from a zip in all, counted as they come out"),
        LimitSetting(
            .maxConfigBytes, \.readers.modelFile.maxConfigBytes,
            meaning: "largest text attribute or JSON config inside a model file"),
        LimitSetting(.maxLayers, \.readers.modelFile.maxLayers, meaning: "most layers in a Keras model"),
        LimitSetting(
            .maxParameters, \.readers.modelFile.onnx.maxParameters,
            meaning: "most numbers in a model's weights, checked against the declared shapes before reading"),
        LimitSetting(
            .maxTensorElements, \.readers.modelFile.onnx.maxTensorElements,
            meaning: "most elements in one ONNX tensor, declared or computed, checked before allocating"),
        LimitSetting(.maxGraphNodes, \.readers.modelFile.onnx.maxGraphNodes, meaning: "most nodes in an ONNX graph"),
        LimitSetting(
            .maxGraphDepth, \.readers.modelFile.onnx.maxGraphDepth,
            meaning: "longest chain of nodes in an ONNX graph"),
        LimitSetting(
            .maxTreeNodes, \.readers.modelFile.onnx.maxTreeNodes,
            meaning: "most nodes in all the trees of an XGBoost, LightGBM or ONNX tree ensemble"),

        LimitSetting(.maxManifestBytes, \.readers.submission.maxManifestBytes, meaning: "largest manifest"),
        LimitSetting(
            .maxManifestNodes, \.readers.submission.maxManifestNodes,
            meaning: "most values in a manifest (YAML aliases count each time they are used)"),
        LimitSetting(
            .maxManifestTextLength, \.readers.submission.maxManifestTextLength,
            meaning: "longest text in a manifest (team, title, a member's name)"),
        LimitSetting(.maxMembers, \.readers.submission.maxMembers, meaning: "most names in a manifest's members"),
        LimitSetting(.maxHistoryBytes, \.readers.submission.maxHistoryBytes, meaning: "largest training history file"),
        LimitSetting(
            .maxHistoryEpochs, \.readers.submission.maxHistoryEpochs,
            meaning: "most epochs in a training history"),
        LimitSetting(.maxReadmeBytes, \.readers.submission.maxReadmeBytes, meaning: "largest README"),
        LimitSetting(
            .maxFolderEntries, \.readers.submission.maxFolderEntries,
            meaning: "most files and folders in a submission folder"),
        LimitSetting(
            .maxPredictionsBytesPerRow, \.readers.submission.maxPredictionsBytesPerRow,
            meaning: "size of a predictions file per hidden row (plus 4 KiB)"),
        LimitSetting(.maxNotebooks, \.readers.submission.maxNotebooks, meaning: "most notebooks shown from one folder"),
        LimitSetting(.maxNotebookBytes, \.readers.submission.maxNotebookBytes, meaning: "largest notebook (.ipynb)"),
        LimitSetting(.maxNotebookCells, \.readers.submission.maxNotebookCells, meaning: "most cells in a notebook"),
        LimitSetting(
            .maxNotebookTextBytes, \.readers.submission.maxNotebookTextBytes,
            meaning: "longest notebook cell or text output shown (longer ones are cut)"),
        LimitSetting(
            .maxNotebookImageBytes, \.readers.submission.maxNotebookImageBytes,
            meaning: "largest image output of a notebook shown (decoded)"),
        LimitSetting(
            .maxNotebookImages, \.readers.submission.maxNotebookImages, meaning: "most image outputs shown from a notebook"),
        LimitSetting(
            .maxNotebookShownBytes, \.readers.submission.maxNotebookShownBytes,
            meaning: "most bytes a folder's notebooks put on the entry's page (text escaped, images as base64)"),
        LimitSetting(.maxPDFs, \.readers.submission.maxPDFs, meaning: "most PDFs published from one folder"),
        LimitSetting(.maxPDFBytes, \.readers.submission.maxPDFBytes, meaning: "largest PDF published"),
    ]
}
