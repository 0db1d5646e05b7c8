/// The per-epoch loss and accuracy of the training run that made a model, for the plots on
/// the entry's page.
///
/// The stored shape of every training history, a participant's or a baseline's. A
/// participant's is read (by ModelFiles) from Keras' `CSVLogger` file (header
/// `epoch,accuracy,loss,val_accuracy,val_loss` in any column order, any of `,` `;` or tab as separator) or from `history.history` dumped
/// as JSON (an object of arrays, or pandas' `to_json()` object of objects keyed by row).
///
/// Points that are not finite — Keras logs `nan` when a loss diverges — and the `NA` that
/// `CSVLogger` writes for a metric missing in an epoch are kept as `nil`, so a plot can show
/// a gap rather than the file being refused. Keras 2's `acc`/`val_acc` and
/// `binary_accuracy`/`val_binary_accuracy` are read as accuracy; other columns (a learning
/// rate, extra metrics) are ignored.
public struct TrainingHistory: Codable, Sendable, Equatable {
    /// Which kind of file the history came from.
    public enum Source: String, Codable, Sendable, Equatable {
        /// A `CSVLogger` file (or any CSV with such a header).
        case csv
        /// A JSON object of arrays.
        case json
    }

    /// The kind of file read; `nil` for a run the tool trained itself.
    public let source: Source?
    /// The epoch numbers as logged (Keras counts from 0); `0..<n` when the file has none.
    public let epochs: [Int]
    /// Training loss per epoch; `nil` when not logged, `nil` points where not finite.
    public let loss: [Double?]?
    /// Training accuracy (0…1) per epoch; `nil` when not logged.
    public let accuracy: [Double?]?
    /// Validation loss per epoch; `nil` when not logged.
    public let validationLoss: [Double?]?
    /// Validation accuracy (0…1) per epoch; `nil` when not logged.
    public let validationAccuracy: [Double?]?

    /// Number of epochs.
    public var epochCount: Int { epochs.count }

    /// A history; every series given has `epochs.count` points, and at least one is given
    /// (programmer errors otherwise: files are checked when parsed).
    public init(
        source: Source?, epochs: [Int], loss: [Double?]? = nil, accuracy: [Double?]? = nil,
        validationLoss: [Double?]? = nil, validationAccuracy: [Double?]? = nil
    ) {
        let series = [loss, accuracy, validationLoss, validationAccuracy].compactMap { $0 }
        precondition(!series.isEmpty, "a history needs at least one series")
        precondition(series.allSatisfy { $0.count == epochs.count }, "series lengths differ from the epochs")
        self.source = source
        self.epochs = epochs
        self.loss = loss
        self.accuracy = accuracy
        self.validationLoss = validationLoss
        self.validationAccuracy = validationAccuracy
    }

    enum CodingKeys: String, CodingKey {
        case source, loss, accuracy
        case epochs = "epoch", validationLoss = "val_loss", validationAccuracy = "val_accuracy"
    }
}
