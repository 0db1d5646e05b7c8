import Foundation
import HiggsData
import Models

/// Trains a multilayer perceptron on HIGGS rows as Keras' `model.fit` does: Glorot-uniform
/// start, Adam, binary cross-entropy, shuffled mini-batches, validation after every epoch.
///
/// Every batch is split into two halves whose gradients are computed side by side (one per
/// core) and summed in a fixed order, so the result depends on the seed and the data only,
/// not on the number of cores.
public struct NetworkTrainer: Sendable {
    /// The network and the training settings.
    public var options: NetworkTrainingOptions

    /// A trainer with `options` (by default the notebook's network and Keras' defaults).
    public init(options: NetworkTrainingOptions = NetworkTrainingOptions()) {
        self.options = options
    }

    /// Batches at least this large are split into two halves computed in parallel.
    static let splitBatchRows = 64

    /// Trains on `training` and measures on `validation` after every epoch.
    ///
    /// - Parameters:
    ///   - training: the rows to fit (for the workspace, its split's training rows).
    ///   - validation: rows measured after every epoch and never fitted (the split's
    ///     validation rows); `nil` or empty for none.
    ///   - start: the weights to start from; by default Glorot-uniform from the seed.
    ///   - stepInterval: also report progress every this many steps (0: only at the end of
    ///     each epoch).
    ///   - progress: called on the calling thread with the running figures.
    /// - Returns: the final weights and the history, one entry per epoch.
    /// - Throws: ``NetworkTrainingError`` when an option cannot work, there are fewer than 2
    ///   training rows, or they are all of one class.
    public func train(
        on training: HiggsDataset,
        validation: HiggsDataset? = nil,
        startingFrom start: NetworkParameters? = nil,
        stepInterval: Int = 0,
        progress: ((NetworkTrainingProgress) -> Void)? = nil
    ) throws(NetworkTrainingError) -> TrainedNetwork {
        try options.validate()
        let rowCount = training.rowCount
        guard rowCount >= 2 else { throw NetworkTrainingError(.tooFewRows(found: rowCount)) }
        let signal = training.signalCount
        if signal == 0 || signal == rowCount {
            throw NetworkTrainingError(.oneClass(label: signal == 0 ? 0 : 1, rows: rowCount))
        }
        let inputCount = FeatureSchema.featureCount
        var generator = SplitMix64(seed: options.seed)
        let initial: NetworkParameters
        if let start {
            try start.check(matching: options.layers, inputCount: inputCount)
            initial = start
        } else {
            initial = NetworkParameters(glorotUniformFor: options.layers, inputCount: inputCount, using: &generator)
        }
        let layout = ParameterLayout(inputCount: inputCount, specs: options.layers)
        var run = TrainingRun(layout: layout, options: options, parameters: layout.flatten(initial))
        defer { run.deallocate() }

        var history = NetworkTrainingHistory()
        var order = (0..<Int32(rowCount)).map { $0 }
        let batchSize = min(options.batchSize, rowCount)
        let stepsPerEpoch = (rowCount + batchSize - 1) / batchSize
        for epoch in 1...options.epochs {
            let started = DispatchTime.now().uptimeNanoseconds
            if options.shuffle { Self.shuffle(&order, using: &generator) }
            var lossSum: Double = 0
            var correct = 0
            var seen = 0
            training.withFeatures { features in
                training.withLabels { labels in
                    order.withUnsafeBufferPointer { order in
                        for step in 0..<stepsPerEpoch {
                            let first = step * batchSize
                            let count = min(batchSize, rowCount - first)
                            let (batchLoss, batchCorrect) = run.step(
                                features: features.baseAddress!, labels: labels.baseAddress!,
                                rowIndices: order.baseAddress! + first, count: count)
                            lossSum += batchLoss
                            correct += batchCorrect
                            seen += count
                            if let progress, stepInterval > 0, (step + 1) % stepInterval == 0, step + 1 < stepsPerEpoch {
                                progress(
                                    NetworkTrainingProgress(
                                        epoch: epoch, epochs: options.epochs, step: step + 1, stepsPerEpoch: stepsPerEpoch,
                                        loss: lossSum / Double(seen), accuracy: Double(correct) / Double(seen),
                                        validation: nil, isEpochEnd: false))
                            }
                        }
                    }
                }
            }
            history.loss.append(lossSum / Double(rowCount))
            history.accuracy.append(Double(correct) / Double(rowCount))
            var measured: (loss: Double, accuracy: Double)?
            if let validation, validation.rowCount > 0 {
                let figures = run.evaluate(validation)
                history.validationLoss.append(figures.loss)
                history.validationAccuracy.append(figures.accuracy)
                measured = figures
            }
            history.epochSeconds.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
            progress?(
                NetworkTrainingProgress(
                    epoch: epoch, epochs: options.epochs, step: stepsPerEpoch, stepsPerEpoch: stepsPerEpoch,
                    loss: history.loss[epoch - 1], accuracy: history.accuracy[epoch - 1],
                    validation: measured, isEpochEnd: true))
        }
        let parameters = run.parameters.withUnsafeBufferPointer { layout.parameters(from: $0) }
        return TrainedNetwork(parameters: parameters, history: history, options: options)
    }

    /// Fisher–Yates with a multiply-shift draw (bias below 2⁻³², and the same on every
    /// platform, unlike the standard library's `shuffle`, whose algorithm may change).
    static func shuffle(_ order: inout [Int32], using generator: inout SplitMix64) {
        guard order.count > 1 else { return }
        for i in stride(from: order.count - 1, to: 0, by: -1) {
            let j = Int(generator.next().multipliedFullWidth(by: UInt64(i + 1)).high)
            order.swapAt(i, j)
        }
    }
}

/// A trained network: its weights, its history, and the options that made it.
public struct TrainedNetwork: Sendable {
    /// The final weights.
    public var parameters: NetworkParameters
    /// One entry per epoch.
    public var history: NetworkTrainingHistory
    /// The settings of the run.
    public var options: NetworkTrainingOptions

    /// The network for inference (see ``NetworkParameters/denseNetwork()``).
    ///
    /// - Throws: ``Models/NetworkError`` when a weight is not finite (training diverged).
    public func denseNetwork() throws -> DenseNetwork {
        try parameters.denseNetwork()
    }
}

/// The mutable state of one training run: the flat parameters, Adam's moments, and a
/// workspace per half batch.
struct TrainingRun {
    let layout: ParameterLayout
    var parameters: [Float]
    var optimizer: AdamOptimizer
    let halves: [NetworkWorkspace]
    let parallel: Bool
    let batchSize: Int

    init(layout: ParameterLayout, options: NetworkTrainingOptions, parameters: [Float]) {
        self.layout = layout
        self.parameters = parameters
        optimizer = AdamOptimizer(
            parameterCount: layout.count, learningRate: options.learningRate,
            beta1: options.beta1, beta2: options.beta2, epsilon: options.epsilon)
        batchSize = options.batchSize
        // A part holds half a split batch, or a whole batch too small to split.
        let halfRows = max((options.batchSize + 1) / 2, min(options.batchSize, NetworkTrainer.splitBatchRows - 1))
        halves = [NetworkWorkspace(layout: layout, rows: halfRows), NetworkWorkspace(layout: layout, rows: halfRows)]
        parallel = options.parallel && ProcessInfo.processInfo.activeProcessorCount > 1
    }

    func deallocate() {
        for half in halves { half.deallocate() }
    }

    /// One Adam step on `count` rows (`rowIndices` into `features`). Returns the sum of the
    /// rows' losses (before the step) and how many were classified right.
    mutating func step(
        features: UnsafePointer<Float>, labels: UnsafePointer<UInt8>, rowIndices: UnsafePointer<Int32>, count: Int
    ) -> (loss: Double, correct: Int) {
        let parts = count >= NetworkTrainer.splitBatchRows ? 2 : 1
        let firstCount = parts == 2 ? (count + 1) / 2 : count
        let scale = 1 / Float(count)
        let halves = self.halves
        parameters.withUnsafeBufferPointer { parameterBuffer in
            nonisolated(unsafe) let weights = parameterBuffer.baseAddress!
            nonisolated(unsafe) let features = features
            nonisolated(unsafe) let labels = labels
            nonisolated(unsafe) let rowIndices = rowIndices
            let work: @Sendable (Int) -> Void = { part in
                let workspace = halves[part]
                let offset = part == 0 ? 0 : firstCount
                let rows = part == 0 ? firstCount : count - firstCount
                workspace.gather(features: features, labels: labels, rowIndices: rowIndices + offset, count: rows)
                workspace.forward(parameters: weights, count: rows)
                workspace.lossAndDeltas(count: rows, scale: scale)
                workspace.backward(parameters: weights, count: rows)
            }
            if parts == 2, parallel {
                DispatchQueue.concurrentPerform(iterations: 2, execute: work)
            } else {
                for part in 0..<parts { work(part) }
            }
        }
        let gradient = halves[0].gradient
        if parts == 2 {
            let other = halves[1].gradient
            for i in 0..<layout.count { gradient[i] += other[i] }
        }
        parameters.withUnsafeMutableBufferPointer { optimizer.step(parameters: $0.baseAddress!, gradient: gradient) }
        let loss = parts == 2 ? halves[0].lossSum + halves[1].lossSum : halves[0].lossSum
        let correct = parts == 2 ? halves[0].correct + halves[1].correct : halves[0].correct
        return (loss, correct)
    }

    /// Mean binary cross-entropy (from the logits, as in training) and accuracy on every
    /// row of `dataset`, with the current weights.
    func evaluate(_ dataset: HiggsDataset) -> (loss: Double, accuracy: Double) {
        let rowCount = dataset.rowCount
        let block = halves[0].stride
        let blocks = (rowCount + block - 1) / block
        let halves = self.halves
        var lossSums = [Double](repeating: 0, count: 2)
        var corrects = [Int](repeating: 0, count: 2)
        parameters.withUnsafeBufferPointer { parameterBuffer in
            dataset.withFeatures { features in
                dataset.withLabels { labels in
                    nonisolated(unsafe) let weights = parameterBuffer.baseAddress!
                    nonisolated(unsafe) let features = features.baseAddress!
                    nonisolated(unsafe) let labels = labels.baseAddress!
                    // Each part takes every other block; partial sums are added in a fixed order.
                    let results = UnsafeMutableBufferPointer<(Double, Int)>.allocate(capacity: 2)
                    defer { results.deallocate() }
                    nonisolated(unsafe) let output = results
                    let work: @Sendable (Int) -> Void = { part in
                        let workspace = halves[part]
                        var loss: Double = 0, correct = 0
                        var index = part
                        while index < blocks {
                            let first = index * block
                            let count = min(block, rowCount - first)
                            workspace.gather(features: features, labels: labels, first: first, count: count)
                            workspace.forward(parameters: weights, count: count)
                            workspace.lossAndDeltas(count: count, scale: 0)
                            loss += workspace.lossSum
                            correct += workspace.correct
                            index += 2
                        }
                        output[part] = (loss, correct)
                    }
                    if parallel, blocks > 1 {
                        DispatchQueue.concurrentPerform(iterations: 2, execute: work)
                    } else {
                        work(0)
                        work(1)
                    }
                    lossSums = [results[0].0, results[1].0]
                    corrects = [results[0].1, results[1].1]
                }
            }
        }
        return ((lossSums[0] + lossSums[1]) / Double(rowCount), Double(corrects[0] + corrects[1]) / Double(rowCount))
    }
}
