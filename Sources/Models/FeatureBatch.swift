/// A read-only, row-major matrix of `Float` features: `rows` events of `columns` features each,
/// with the same values as written in float64 when they are not all float32
/// (``exactValues``), for the models whose framework reads doubles.
///
/// A view, not a container: it borrows memory that the caller owns and must keep alive
/// (and unchanged) for as long as the batch is used. Row `r`, column `c` is
/// `values[r * columns + c]`. Build one with ``withFeatureBatch(_:columns:_:)`` to tie the
/// view's lifetime to an array.
public struct FeatureBatch {
    /// Number of rows (events).
    public let rows: Int
    /// Number of features in every row.
    public let columns: Int
    /// The `rows * columns` values, row after row.
    public let values: UnsafeBufferPointer<Float>
    /// The same values as written (float64), each `values[i]` its rounding to float32; `nil`
    /// when every value is a float32, so that `Double(values[i])` is the value exactly.
    public let exactValues: UnsafeBufferPointer<Double>?

    /// Wraps `values` (and `exactValues`, if given) as a `rows` × `columns` matrix.
    ///
    /// - Precondition: `rows >= 0`, `columns >= 0`, `values.count == rows * columns` and
    ///   `exactValues` as long (a programmer error otherwise).
    public init(rows: Int, columns: Int, values: UnsafeBufferPointer<Float>, exactValues: UnsafeBufferPointer<Double>? = nil) {
        precondition(rows >= 0 && columns >= 0, "FeatureBatch: negative size \(rows)x\(columns)")
        precondition(
            values.count == rows * columns && (exactValues?.count ?? values.count) == values.count,
            "FeatureBatch: \(values.count) values for \(rows)x\(columns)")
        self.rows = rows
        self.columns = columns
        self.values = values
        self.exactValues = exactValues
    }

    /// The features of row `row`.
    ///
    /// - Precondition: `0 <= row < rows`.
    public subscript(row row: Int) -> UnsafeBufferPointer<Float> {
        precondition(row >= 0 && row < rows, "FeatureBatch: row \(row) out of 0..<\(rows)")
        return UnsafeBufferPointer(rebasing: values[row * columns..<(row + 1) * columns])
    }
}

/// Calls `body` with a batch that views `values` (and `exactValues`, as long, if given) as
/// rows of `columns` features.
///
/// The batch is valid only inside `body`.
/// - Precondition: `columns > 0` and `values.count` is a multiple of `columns`.
public func withFeatureBatch<R>(
    _ values: [Float], exactValues: [Double]? = nil, columns: Int, _ body: (FeatureBatch) throws -> R
) rethrows -> R {
    precondition(
        columns > 0 && values.count % columns == 0,
        "withFeatureBatch: \(values.count) values do not make rows of \(columns)")
    return try values.withUnsafeBufferPointer { buffer in
        guard let exactValues else {
            return try body(FeatureBatch(rows: values.count / columns, columns: columns, values: buffer))
        }
        return try exactValues.withUnsafeBufferPointer { exact in
            try body(FeatureBatch(rows: values.count / columns, columns: columns, values: buffer, exactValues: exact))
        }
    }
}
