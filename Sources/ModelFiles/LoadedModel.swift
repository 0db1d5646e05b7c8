import Models
import Results

/// A model read from a file: something to predict with, and what was understood.
public struct LoadedModel: Sendable {
    /// Predicts one signal probability per row.
    public let classifier: any Classifier
    /// What the reader understood of the file.
    public let summary: ModelSummary

    /// A loaded model.
    init(classifier: any Classifier, summary: ModelSummary) {
        self.classifier = classifier
        self.summary = summary
    }

    /// Features the model reads per event.
    public var inputCount: Int { classifier.inputCount }

    /// Checks that the model reads `expected` features per event (28, or the count a
    /// manifest names).
    ///
    /// - Throws: ``ModelFileError`` with ``ModelFileError/Reason/inputWidth(expected:found:)``.
    public func requireInputCount(_ expected: Int) throws(ModelFileError) {
        guard classifier.inputCount == expected else {
            throw ModelFileError(
                file: summary.file, reason: .inputWidth(expected: expected, found: classifier.inputCount))
        }
    }
}
