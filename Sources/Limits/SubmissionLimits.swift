/// Bounds on what the submission readers accept, against files made to exhaust memory or
/// time.
///
/// The defaults are far above any honest submission: a manifest is a few hundred bytes, a
/// training history a few kilobytes, a predictions file about 30 bytes a row, a notebook with
/// its figures a few megabytes.
public struct SubmissionLimits: Sendable, Equatable, Codable {
    /// Largest manifest (`manifest.yml`, `.yaml`, `.json`), in bytes.
    public var maxManifestBytes: Int
    /// Most values (scalars, lists and mappings together) in a manifest; YAML aliases count
    /// each time they are used, so an alias bomb stops here.
    public var maxManifestNodes: Int
    /// Longest text value in a manifest (team, title, a member's name…), in characters.
    public var maxManifestTextLength: Int
    /// Most names in a manifest's `members`.
    public var maxMembers: Int
    /// Largest training history file, in bytes.
    public var maxHistoryBytes: Int
    /// Most epochs in a training history.
    public var maxHistoryEpochs: Int
    /// Largest README, in bytes.
    public var maxReadmeBytes: Int
    /// Most entries (files and folders, hidden ones included) in a submission folder.
    public var maxFolderEntries: Int
    /// Bytes a predictions file may use per expected row (the file may hold
    /// `expectedRows × this + 4096` bytes).
    public var maxPredictionsBytesPerRow: Int
    /// Most notebooks (`.ipynb`) read from one folder, in name order; others are listed only.
    public var maxNotebooks: Int
    /// Largest notebook file, in bytes (images included, as base64).
    public var maxNotebookBytes: Int
    /// Most cells in a notebook.
    public var maxNotebookCells: Int
    /// Longest cell source or text output kept, in bytes; longer ones are cut, saying so.
    public var maxNotebookTextBytes: Int
    /// Largest image output (PNG, JPEG, SVG), decoded, in bytes; a larger one is left out,
    /// saying so.
    public var maxNotebookImageBytes: Int
    /// Most image outputs kept in a notebook; later ones are left out, saying so.
    public var maxNotebookImages: Int
    /// Most bytes a folder's notebooks together put on the entry's page: text counted as the
    /// page writes it (escaped: `<` is `&lt;`), images as their base64. What comes after is
    /// left out, saying so, so that a notebook within every other limit cannot make a page
    /// of hundreds of megabytes.
    public var maxNotebookShownBytes: Int
    /// Most PDFs read from one folder, in name order; others are listed only.
    public var maxPDFs: Int
    /// Largest PDF, in bytes.
    public var maxPDFBytes: Int

    /// The largest file any of these limits lets a reader read whole (the model file has its
    /// own, `ModelFileLimits.maxFileBytes`).
    public var largestFileBytes: Int {
        [maxManifestBytes, maxHistoryBytes, maxReadmeBytes, maxNotebookBytes, maxPDFBytes].max() ?? 0
    }

    /// Limits; every argument has a default.
    public init(
        maxManifestBytes: Int = 64 << 10, maxManifestNodes: Int = 10_000,
        maxManifestTextLength: Int = 200, maxMembers: Int = 100,
        maxHistoryBytes: Int = 10 << 20, maxHistoryEpochs: Int = 100_000,
        maxReadmeBytes: Int = 256 << 10, maxFolderEntries: Int = 256,
        maxPredictionsBytesPerRow: Int = 64, maxNotebooks: Int = 4, maxNotebookBytes: Int = 20 << 20,
        maxNotebookCells: Int = 2_000, maxNotebookTextBytes: Int = 256 << 10, maxNotebookImageBytes: Int = 4 << 20,
        maxNotebookImages: Int = 100, maxNotebookShownBytes: Int = 8 << 20, maxPDFs: Int = 4,
        maxPDFBytes: Int = 20 << 20
    ) {
        self.maxManifestBytes = maxManifestBytes
        self.maxManifestNodes = maxManifestNodes
        self.maxManifestTextLength = maxManifestTextLength
        self.maxMembers = maxMembers
        self.maxHistoryBytes = maxHistoryBytes
        self.maxHistoryEpochs = maxHistoryEpochs
        self.maxReadmeBytes = maxReadmeBytes
        self.maxFolderEntries = maxFolderEntries
        self.maxPredictionsBytesPerRow = maxPredictionsBytesPerRow
        self.maxNotebooks = maxNotebooks
        self.maxNotebookBytes = maxNotebookBytes
        self.maxNotebookCells = maxNotebookCells
        self.maxNotebookTextBytes = maxNotebookTextBytes
        self.maxNotebookImageBytes = maxNotebookImageBytes
        self.maxNotebookImages = maxNotebookImages
        self.maxNotebookShownBytes = maxNotebookShownBytes
        self.maxPDFs = maxPDFs
        self.maxPDFBytes = maxPDFBytes
    }
}
