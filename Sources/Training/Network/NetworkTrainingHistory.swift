/// What a training run measured after every epoch, under Keras' own names.
///
/// `loss` and `accuracy` are Keras' running figures on the training rows: the mean over
/// the epoch's rows of each batch's loss and accuracy, each computed with the weights
/// before that batch's step (weighted by batch size, as Keras' `Mean` tracker weights
/// them). `val_loss` and `val_accuracy` are measured on the validation rows after the
/// epoch; they are empty when there were none.
public struct NetworkTrainingHistory: Sendable, Equatable, Codable {
    /// Binary cross-entropy on the training rows, per epoch.
    public var loss: [Double] = []
    /// Fraction of training rows classified right at threshold 0.5 (`p > 0.5` is signal).
    public var accuracy: [Double] = []
    /// Binary cross-entropy on the validation rows, per epoch.
    public var validationLoss: [Double] = []
    /// Validation accuracy at threshold 0.5, per epoch.
    public var validationAccuracy: [Double] = []
    /// Wall-clock seconds of each epoch (its steps and its validation).
    public var epochSeconds: [Double] = []

    /// An empty history.
    public init() {}

    /// Epochs recorded.
    public var epochs: Int { loss.count }

    /// The figures keyed as Keras' `history.history` keys them: `loss`, `accuracy`, and
    /// when validation rows were given `val_loss`, `val_accuracy`.
    public var kerasKeyed: [String: [Double]] {
        var keyed = ["loss": loss, "accuracy": accuracy]
        if !validationLoss.isEmpty {
            keyed["val_loss"] = validationLoss
            keyed["val_accuracy"] = validationAccuracy
        }
        return keyed
    }

    enum CodingKeys: String, CodingKey {
        case loss, accuracy
        case validationLoss = "val_loss"
        case validationAccuracy = "val_accuracy"
        case epochSeconds = "epoch_seconds"
    }
}

/// Progress of a training run, reported to the caller's callback.
public struct NetworkTrainingProgress: Sendable {
    /// The epoch under way, from 1.
    public var epoch: Int
    /// All epochs of the run.
    public var epochs: Int
    /// Steps done in this epoch.
    public var step: Int
    /// Steps in an epoch.
    var stepsPerEpoch: Int
    /// The epoch's running loss so far (Keras' progress-bar figure).
    public var loss: Double
    /// The epoch's running accuracy so far.
    public var accuracy: Double
    /// Set when the epoch has ended: its validation figures (`nil` without validation rows).
    public var validation: (loss: Double, accuracy: Double)?
    /// Whether this report closes an epoch.
    public var isEpochEnd: Bool
}
