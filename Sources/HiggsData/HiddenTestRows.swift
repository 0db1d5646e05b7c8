/// The hidden test rows of a data set under its split: what every entry is scored on.
public struct HiddenTestRows: Sendable {
    /// The test rows (a view of the loaded data).
    public let rows: HiggsDataset
    /// Their labels, in row order.
    public let labels: [UInt8]
    /// For each test row, whether it is in the public part.
    public let isPublic: [Bool]
    /// The split they come from.
    public let split: DataSplit

    /// The hidden rows of `dataset` under `split`.
    public init(dataset: HiggsDataset, split: DataSplit) {
        rows = dataset.rows(split.test)
        labels = rows.labels
        isPublic = (0..<split.test.count).map { split.isPublic(testIndex: $0) }
        self.split = split
    }

    /// Number of hidden rows.
    public var count: Int { labels.count }
}
