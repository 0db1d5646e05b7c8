/// Loss and accuracy per epoch for training and validation data, side by side.
public enum TrainingHistoryChart {
    /// A loss chart and, when accuracies are given, an accuracy chart: separate charts, so a
    /// page can set them side by side on a wide screen and one above the other on a phone.
    /// Epochs count from 1; arrays may be empty (the series is left out) and need not be the
    /// same length.
    public static func make(
        trainingLoss: [Double], validationLoss: [Double] = [],
        trainingAccuracy: [Double] = [], validationAccuracy: [Double] = [],
        size: ChartSize = .standard
    ) -> [XYChart] {
        var charts = [
            panel(
                title: "Loss", label: "Loss", limits: 0...Double.infinity, training: trainingLoss, validation: validationLoss,
                size: size)
        ]
        if !trainingAccuracy.isEmpty || !validationAccuracy.isEmpty {
            charts.append(
                panel(
                    title: "Accuracy", label: "Accuracy", limits: 0...1, training: trainingAccuracy, validation: validationAccuracy,
                    size: size))
        }
        return charts
    }

    /// One chart; `limits` are the values the quantity can take, so its axis never runs past them.
    static func panel(
        title: String, label: String, limits: ClosedRange<Double>, training: [Double], validation: [Double], size: ChartSize
    ) -> XYChart {
        let epochs = max(training.count, validation.count)
        let showsPoints = epochs <= 30
        var marks: [any Mark] = []
        if !training.isEmpty {
            marks.append(
                LineMark(
                    x: training.indices.map { Double($0 + 1) }, y: training,
                    style: SeriesStyle.series(0), label: "Training", showsPoints: showsPoints))
        }
        if !validation.isEmpty {
            var style = SeriesStyle.series(1)
            style.dash = .dashed
            marks.append(
                LineMark(
                    x: validation.indices.map { Double($0 + 1) }, y: validation,
                    style: style, label: "Validation", showsPoints: showsPoints))
        }
        // A single epoch stands in the middle of its axis, not on the frame beside an epoch 2.
        let range = epochs <= 1 ? 0.5...1.5 : 1...Double(epochs)
        // Whole epochs only: a 1-2-5 step below 1 would label half epochs.
        let ticks = NiceTicks.values(range.lowerBound, range.upperBound, maxCount: 6).filter { $0 >= 1 && $0 == $0.rounded() }
            .map { Tick(value: $0, label: SVGNumber.format($0), isMajor: true) }
        return XYChart(
            title: title, description: "\(label) per epoch on training and validation data, \(epochs) epochs.",
            xAxis: Axis(label: "Epoch", range: range, customTicks: ticks),
            yAxis: Axis(label: label, headroom: 0.3, limits: limits), marks: marks, size: size)
    }
}
