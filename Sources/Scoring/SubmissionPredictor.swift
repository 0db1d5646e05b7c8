import Foundation
import HiggsData
import ModelFiles
import Models
import Results

/// Turns a submitted file into one score per row: a model file is read and run on the rows
/// (after the manifest's feature selection and standardization), a predictions file is read
/// as it is. This is what runs inside the sandboxed child of `score`, and in `predict`/`check`.
public enum SubmissionPredictor {
    /// What a submitted file gave.
    public struct Prediction: Sendable {
        /// One score per row, in row order.
        public var scores: [Double]
        /// What was understood of a model file; `nil` for a predictions file.
        public var summary: ModelSummary?
        /// The format's name for tables: `keras-h5`, `onnx`, `lightgbm`, `predictions`… (see
        /// ``SubmissionPredictor/formatName(_:)``).
        public var format: String
        /// One score per row of each transformed copy asked for, in the order asked; empty for
        /// a predictions file, which holds scores of the rows as they are and nothing else.
        public var copies: [[Double]] = []
    }

    /// Rows per batch handed to a model: bounds the memory of a selected, standardized or
    /// transformed copy of the rows.
    static let batchRows = 65_536

    /// Scores `rows` with the file at `modelPath`, and a model file also the copies of `rows`
    /// transformed by each of `copies` (a batch at a time).
    ///
    /// - Throws: `ModelFileError`, `SubmissionError`, or the classifier's errors — each
    ///   one line naming the file and what to do.
    public static func predict(
        modelPath: String, manifest: SubmissionManifest?, rows: HiggsDataset, copies: [EventSymmetry] = [],
        limits: ReaderLimits = ReaderLimits()
    ) throws -> Prediction {
        let url = URL(fileURLWithPath: modelPath)
        let format = try ModelFileReader.format(of: url)
        if format == .text {
            let file = try PredictionsFile.read(from: url, expectedRows: rows.rowCount, limits: limits.submission)
            return Prediction(scores: file.scores, summary: nil, format: "predictions")
        }
        let model = try ModelFileReader.read(
            contentsOf: url, limits: limits.modelFile, options: ModelFileOptions(output: manifest?.output))
        let features = manifest?.featureIndices ?? Array(0..<FeatureSchema.featureCount)
        try model.requireInputCount(features.count)
        let score = { (symmetry: EventSymmetry?) in
            try predict(
                model.classifier, features: features, standardization: manifest?.standardization, rows: rows,
                transformedBy: symmetry)
        }
        return Prediction(
            scores: try score(nil), summary: model.summary, format: Self.formatName(model.summary),
            copies: try copies.map(score))
    }

    /// The short name tables show for a model file's format: `keras-h5`, `keras`, `onnx`,
    /// `xgboost-json`, `xgboost-ubj`, `lightgbm`, `bdt-json`.
    static func formatName(_ summary: ModelSummary) -> String {
        switch summary.format {
        case .hdf5: "keras-h5"
        case .zip: "keras"
        case .json: summary.framework == "XGBoost" ? "xgboost-json" : "bdt-json"
        case .ubjson: "xgboost-ubj"
        default: summary.format.rawValue
        }
    }

    /// Runs `classifier` over `rows` in batches, reading `features` (indices into the 28) and
    /// standardizing them as `(x - mean) / scale` when asked; with a `symmetry`, over each batch transformed by it (a copy of one
    /// batch at a time).
    ///
    /// The rows go in as the data file wrote them: a float64 classifier (LightGBM) reads the
    /// values in float64 when they are not all float32, and standardized values in float64
    /// always; a float32 classifier reads each value rounded once to float32.
    public static func predict(
        _ classifier: any Classifier, features: [Int], standardization: SubmissionManifest.Standardization?,
        rows: HiggsDataset, transformedBy symmetry: EventSymmetry? = nil
    ) throws -> [Double] {
        var scores: [Double] = []
        scores.reserveCapacity(rows.rowCount)
        let identity = standardization == nil && features == Array(0..<FeatureSchema.featureCount)
        let float64 = classifier.inputPrecision == .float64
        var start = 0
        while start < rows.rowCount {
            let view = rows.rows(start..<min(rows.rowCount, start + batchRows))
            let part = symmetry.map { view.transformed(by: $0) } ?? view
            let batchScores: [Double] = try part.withFeatures { values in
                try part.withExactFeatures { exact in
                    if identity {
                        return try classifier.predict(
                            FeatureBatch(rows: part.rowCount, columns: features.count, values: values, exactValues: exact))
                    }
                    let selected = select(
                        values, exact: exact, rows: part.rowCount, features: features, standardization: standardization,
                        keepingDoubles: exact != nil || (float64 && standardization != nil))
                    return try withFeatureBatch(selected.values, exactValues: selected.exact, columns: features.count) {
                        try classifier.predict($0)
                    }
                }
            }
            scores.append(contentsOf: batchScores)
            start += batchRows
        }
        return scores
    }

    /// The chosen columns of row-major 28-feature rows, standardized if asked: in float32,
    /// and in float64 too when `keepingDoubles`. Each value is computed in Double from the
    /// value as written (`exact`, else the float32 widened) and rounded once to float32, as
    /// scikit-learn's StandardScaler does on float64 input before a float32 model.
    static func select(
        _ values: UnsafeBufferPointer<Float>, exact: UnsafeBufferPointer<Double>?, rows: Int, features: [Int],
        standardization: SubmissionManifest.Standardization?, keepingDoubles: Bool
    ) -> (values: [Float], exact: [Double]?) {
        let width = FeatureSchema.featureCount
        var singles = [Float](repeating: 0, count: rows * features.count)
        var doubles = [Double](repeating: 0, count: keepingDoubles ? rows * features.count : 0)
        for r in 0..<rows {
            for (j, f) in features.enumerated() {
                var x = exact?[r * width + f] ?? Double(values[r * width + f])
                if let standardization { x = (x - standardization.mean[j]) / standardization.scale[j] }
                singles[r * features.count + j] = Float(x)
                if keepingDoubles { doubles[r * features.count + j] = x }
            }
        }
        return (singles, keepingDoubles ? doubles : nil)
    }
}
