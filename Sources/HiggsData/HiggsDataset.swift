/// HIGGS events in memory: a label per row (1 signal, 0 background) and a row-major
/// float32 matrix of the 28 features.
///
/// The storage is shared, never copied: a dataset loaded from the binary cache is a
/// read-only memory map, and `rows(_:)` returns a view of some rows of the same storage.
public struct HiggsDataset: Sendable {
    let storage: DataStorage
    let firstRow: Int

    /// Number of rows in this view.
    public let rowCount: Int

    init(storage: DataStorage, firstRow: Int, rowCount: Int) {
        self.storage = storage
        self.firstRow = firstRow
        self.rowCount = rowCount
    }

    /// A dataset of the given labels (0 or 1) and row-major features (`labels.count × 28`).
    public init(labels: [UInt8], features: [Float]) {
        precondition(
            features.count == labels.count * FeatureSchema.featureCount,
            "features must hold 28 values for each label")
        precondition(labels.allSatisfy { $0 <= 1 }, "labels are 0 or 1")
        self.init(storage: DataStorage(copying: labels, features), firstRow: 0, rowCount: labels.count)
    }

    /// A view of `range` (indices relative to this view), sharing the storage.
    public func rows(_ range: Range<Int>) -> HiggsDataset {
        precondition(range.lowerBound >= 0 && range.upperBound <= rowCount, "row range out of bounds")
        return HiggsDataset(storage: storage, firstRow: firstRow + range.lowerBound, rowCount: range.count)
    }

    /// Calls `body` with the row-major features of this view (`rowCount × 28` values).
    public func withFeatures<R, E: Error>(_ body: (UnsafeBufferPointer<Float>) throws(E) -> R) throws(E) -> R {
        try body(
            UnsafeBufferPointer(
                start: storage.features + firstRow * FeatureSchema.featureCount,
                count: rowCount * FeatureSchema.featureCount))
    }

    /// Calls `body` with the labels of this view (`rowCount` values, each 0 or 1).
    public func withLabels<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        try body(UnsafeBufferPointer(start: storage.labels + firstRow, count: rowCount))
    }

    /// The label of `row`: 1 signal, 0 background.
    public func label(_ row: Int) -> UInt8 {
        precondition(row >= 0 && row < rowCount, "row out of bounds")
        return storage.labels[firstRow + row]
    }

    /// Feature `feature` (0-based, schema order) of `row`.
    public func value(row: Int, feature: Int) -> Float {
        precondition(
            row >= 0 && row < rowCount && feature >= 0 && feature < FeatureSchema.featureCount,
            "index out of bounds")
        return storage.features[(firstRow + row) * FeatureSchema.featureCount + feature]
    }

    /// The labels as an array (a copy).
    public var labels: [UInt8] { withLabels { Array($0) } }

    /// Number of signal rows.
    public var signalCount: Int {
        withLabels { labels in labels.reduce(0) { $0 + Int($1) } }
    }
}

/// Owns the memory behind datasets: either a read-only map of a cache file or a heap copy.
final class DataStorage: @unchecked Sendable {
    let labels: UnsafePointer<UInt8>
    let features: UnsafePointer<Float>
    private let release: @Sendable () -> Void

    init(labels: UnsafePointer<UInt8>, features: UnsafePointer<Float>, release: @escaping @Sendable () -> Void) {
        self.labels = labels
        self.features = features
        self.release = release
    }

    convenience init(copying labels: [UInt8], _ features: [Float]) {
        let l = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, labels.count))
        let f = UnsafeMutablePointer<Float>.allocate(capacity: max(1, features.count))
        labels.withUnsafeBufferPointer { if let b = $0.baseAddress { l.initialize(from: b, count: $0.count) } }
        features.withUnsafeBufferPointer { if let b = $0.baseAddress { f.initialize(from: b, count: $0.count) } }
        let release: @Sendable () -> Void = { [l = Unchecked(l), f = Unchecked(f)] in
            l.value.deallocate()
            f.value.deallocate()
        }
        self.init(labels: l, features: f, release: release)
    }

    deinit { release() }
}
