import HiggsData
import Results

/// The competition as a command that scores sees it (`score`, `train`, `demo`): the workspace
/// and its database, the data loaded once, its split and hidden test rows, and the data set's
/// record. Scoring and the baselines take it; nothing else loads the data or opens the
/// database for them.
public struct CompetitionSession: Sendable {
    /// The workspace, its database and the lock held.
    private let opened: WorkspaceSession
    /// The data file, and the folder of its cache (the sandboxed children load both again).
    public let dataPath: String, cacheDirectory: String
    /// All rows of the data set.
    public let dataset: HiggsDataset
    /// The hidden test rows, with the split they come from.
    public let hidden: HiddenTestRows
    /// The id of the data set's record, which every entry and training run belongs to.
    public let datasetID: Int64

    /// The workspace.
    public var workspace: Workspace { opened.workspace }
    /// Its database.
    public var database: ResultsDatabase { opened.database }
    /// The split of the data set.
    public var split: DataSplit { hidden.split }

    /// Loads `workspace`'s data (parsing it into its cache in `cacheDirectory` the first
    /// time), splits it by the workspace's settings, opens the database holding `lock`, and
    /// records the data set there with its split and, once, the statistics of its labelled rows
    /// (training and validation: the data page is public).
    ///
    /// - Parameter progress: bytes of the data file read so far, and in all.
    /// - Throws: `DataError` for a missing or unreadable data file, a bad row or a split that
    ///   does not fit it; `ResultsError` for a database that cannot be opened or written.
    public init(
        workspace: Workspace, lock: WorkspaceLock?, cacheDirectory: String,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws {
        self.cacheDirectory = cacheDirectory
        dataPath = try workspace.dataPath(cacheDirectory: cacheDirectory)
        var loader = DataLoader(cacheDirectory: cacheDirectory)
        loader.progress = progress
        let loaded = try loader.load(dataPath, sha256: true)
        let split = try DataSplit(rowCount: loaded.dataset.rowCount, settings: workspace.config.split, path: dataPath)
        dataset = loaded.dataset
        hidden = HiddenTestRows(dataset: loaded.dataset, split: split)
        opened = try WorkspaceSession(workspace: workspace, lock: lock)
        datasetID = try Self.record(loaded, from: dataPath, hidden: hidden, in: opened)
    }

    /// Records the data set `loaded` (found again by its path and digest when it was recorded
    /// before), and its hidden labels and public statistics if they are missing; returns the
    /// record's id.
    private static func record(
        _ loaded: DataLoader.Loaded, from dataPath: String, hidden: HiddenTestRows,
        in opened: WorkspaceSession
    ) throws(ResultsError) -> Int64 {
        let split = hidden.split, database = opened.database
        let record = try database.record(
            DatasetRecord(
                path: dataPath, sha256: loaded.sha256 ?? "", fileBytes: loaded.fileBytes,
                rows: loaded.dataset.rowCount, signal: loaded.dataset.signalCount, trainingRows: split.training.count,
                validationRows: split.validation.count, testRows: split.test.count,
                publicTestRows: hidden.isPublic.filter { $0 }.count, publicFraction: split.settings.publicFraction,
                splitSeed: Int64(bitPattern: split.settings.seed)))
        guard let id = record.id else {
            throw ResultsError(path: opened.workspace.databasePath, reason: .sqlite("no data set id"))
        }
        if try !database.hasDetail(datasetID: id) {
            // Of the rows whose labels are not hidden: the data page is public.
            let statistics = DataStatistics(loaded.dataset.rows(0..<split.test.lowerBound))
            try database.recordDetailIfMissing(
                DatasetDetailRecord(
                    datasetID: id, testLabels: hidden.labels, testPublic: hidden.isPublic, statistics: statistics))
        }
        return id
    }
}
