import Foundation
import Models

/// An ONNX model as a ``Classifier``: the batch is cut into chunks of rows (bounding the
/// memory of intermediate tensors) that are evaluated on all cores at once.
public struct ONNXClassifier: Classifier {
    /// The model evaluated.
    public let model: ONNXModel
    /// Rows per chunk: the input's fixed batch size if it declares one, else 8,192.
    public let chunkRows: Int

    /// A classifier for `model`; `chunkRows` applies only when the input's batch is not fixed.
    public init(model: ONNXModel, chunkRows: Int = 8_192) {
        precondition(chunkRows > 0, "chunkRows must be positive")
        self.model = model
        self.chunkRows = model.fixedBatch ?? chunkRows
    }

    /// Features per row.
    public var inputCount: Int { model.inputWidth }

    /// The graph input's element type: a double input (skl2onnx's `DoubleTensorType`) is fed
    /// the rows as written. Standard operators then compute in double; the ONNX-ML operators
    /// (trees, linear models, scalers) narrow their input to float32.
    public var inputPrecision: InputPrecision { model.readsDoubles ? .float64 : .float32 }

    /// One score per row: the chosen output's signal probability.
    ///
    /// - Throws: ``ClassifierError/inputWidth(expected:found:)``, or the first chunk's
    ///   ``ONNXError``. A graph with a fixed batch size needs a row count divisible by it.
    public func predict(_ batch: FeatureBatch) throws -> [Double] {
        guard batch.columns == inputCount else {
            throw ClassifierError.inputWidth(expected: inputCount, found: batch.columns)
        }
        let rows = batch.rows
        guard rows > 0 else { return [] }
        let chunks = (rows + chunkRows - 1) / chunkRows
        var scores = [Double](repeating: 0, count: rows)
        let failure = FirstError()
        let model = self.model
        let chunkRows = self.chunkRows
        let fixed = model.fixedBatch
        scores.withUnsafeMutableBufferPointer { output in
            let output = UnsafeSendable(output)
            let input = UnsafeSendable(batch.values)
            let exactInput = UnsafeSendable(model.readsDoubles ? batch.exactValues : nil)
            let columns = batch.columns
            performInParallel(iterations: chunks) { chunk in
                guard !failure.isSet else { return }
                let start = chunk * chunkRows
                let count = min(chunkRows, rows - start)
                var features = Array(input.value[start * columns..<(start + count) * columns])
                // A fixed-batch graph gets its last chunk padded with zero rows.
                let fed = fixed ?? count
                var exact = exactInput.value.map { Array($0[start * columns..<(start + count) * columns]) }
                if fed > count {
                    features += [Float](repeating: 0, count: (fed - count) * columns)
                    exact? += [Double](repeating: 0, count: (fed - count) * columns)
                }
                do {
                    let chunkScores = try model.scores(rows: fed, features: features, exact: exact)
                    for i in 0..<count { output.value[start + i] = chunkScores[i] }
                } catch {
                    failure.set(error)
                }
            }
        }
        if let error = failure.error { throw error }
        return scores
    }
}

/// The first error thrown by any chunk.
private final class FirstError: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?

    var isSet: Bool { lock.withLock { stored != nil } }
    var error: (any Error)? { lock.withLock { stored } }

    func set(_ error: any Error) {
        lock.withLock { if stored == nil { stored = error } }
    }
}

/// A buffer written at disjoint indices by concurrent chunks.
private struct UnsafeSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
