/// HIGGS events in memory: a label per row (1 signal, 0 background) and a row-major
/// float32 matrix of the 28 features — and, when some value of the file is not a float32
/// (a file written with fewer digits than HIGGS.csv's 19), the values as written, in a
/// float64 matrix beside it (``withExactFeatures(_:)``). The float32 value is always that
/// double rounded once, as numpy's `astype(float32)` rounds it.
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
        self.init(storage: DataStorage(copying: labels, features, values: nil), firstRow: 0, rowCount: labels.count)
    }

    /// A dataset of the given labels (0 or 1) and row-major features as written
    /// (`labels.count × 28` doubles); the float32 matrix is their rounding, and the doubles
    /// are kept only when some value is not a float32. Rows a caller makes from the loaded
    /// ones (transformed copies, say) keep their precision this way.
    public init(labels: [UInt8], values: [Double]) {
        precondition(
            values.count == labels.count * FeatureSchema.featureCount,
            "values must hold 28 values for each label")
        precondition(labels.allSatisfy { $0 <= 1 }, "labels are 0 or 1")
        let features = values.map { Float($0) }
        let exact = zip(features, values).allSatisfy { Double($0) == $1 || $1.isNaN }
        self.init(
            storage: DataStorage(copying: labels, features, values: exact ? nil : values), firstRow: 0,
            rowCount: labels.count)
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

    /// Calls `body` with the row-major features of this view as the file wrote them
    /// (`rowCount × 28` doubles), or with `nil` when every value of the data set is a
    /// float32, so that ``withFeatures(_:)`` is exact: models whose framework reads doubles
    /// widen those.
    public func withExactFeatures<R, E: Error>(_ body: (UnsafeBufferPointer<Double>?) throws(E) -> R) throws(E) -> R {
        guard let values = storage.values else { return try body(nil) }
        return try body(
            UnsafeBufferPointer(
                start: values + firstRow * FeatureSchema.featureCount, count: rowCount * FeatureSchema.featureCount))
    }

    /// Whether every value of the data set is a float32 (HIGGS.csv), so that the float32
    /// matrix is the data exactly.
    public var isFloat32Exact: Bool { storage.values == nil }

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

    /// Feature `feature` of `row` as the file wrote it.
    public func exactValue(row: Int, feature: Int) -> Double {
        let single = value(row: row, feature: feature)
        return storage.values?[(firstRow + row) * FeatureSchema.featureCount + feature] ?? Double(single)
    }

    /// The features as written, row-major (a copy, `rowCount × 28`): the float32 values
    /// widened when every value is a float32. Rows built from these with
    /// ``init(labels:values:)`` (transformed copies, say) keep the data's precision.
    public var exactValues: [Double] {
        withExactFeatures { exact in exact.map(Array.init) } ?? withFeatures { $0.map(Double.init) }
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
    /// The values as written, when some value is not a float32.
    let values: UnsafePointer<Double>?
    private let release: @Sendable () -> Void

    init(
        labels: UnsafePointer<UInt8>, features: UnsafePointer<Float>, values: UnsafePointer<Double>?,
        release: @escaping @Sendable () -> Void
    ) {
        self.labels = labels
        self.features = features
        self.values = values
        self.release = release
    }

    convenience init(copying labels: [UInt8], _ features: [Float], values: [Double]?) {
        let l = Self.copy(labels), f = Self.copy(features), v = values.map { Self.copy($0) }
        let release: @Sendable () -> Void = { [l = Unchecked(l), f = Unchecked(f), v = Unchecked(v)] in
            l.value.deallocate()
            f.value.deallocate()
            v.value?.deallocate()
        }
        self.init(labels: l, features: f, values: v.map { UnsafePointer($0) }, release: release)
    }

    /// A heap copy of `array` (at least one element's room, so that it is never empty).
    private static func copy<T>(_ array: [T]) -> UnsafeMutablePointer<T> {
        let pointer = UnsafeMutablePointer<T>.allocate(capacity: max(1, array.count))
        array.withUnsafeBufferPointer { if let b = $0.baseAddress { pointer.initialize(from: b, count: $0.count) } }
        return pointer
    }

    deinit { release() }
}
