/// How the signal probability is read from the chosen graph output.
public struct ONNXOutputReading: Sendable, Equatable {
    /// The output's name.
    public let name: String
    /// The operator that produces it (`Sigmoid`, `Softmax`, `ZipMap`…); `nil` when it is an
    /// input or an initializer.
    public let producer: String?

    /// Chooses the output: the one named in `options`, else the only output that can carry
    /// a probability per row (a float tensor of 1 or 2 columns, or a sequence of maps).
    ///
    /// - Throws: ``ONNXError`` (output) when the name is unknown or the choice is ambiguous,
    ///   listing the outputs.
    init(graph: ONNXGraph, options: ONNXReadOptions) throws(ONNXError) {
        let listed = graph.outputs.map(\.described).joined(separator: ", ")
        let chosen: ONNXValueInfo
        if let name = options.outputName {
            guard let match = graph.outputs.first(where: { $0.name == name }) else {
                throw ONNXError(.output(detail: "the manifest names output '\(name)', but the graph's outputs are \(listed)"))
            }
            chosen = match
        } else {
            let candidates = graph.outputs.filter(Self.canCarryProbability)
            guard candidates.count == 1, let only = candidates.first else {
                throw ONNXError(
                    .output(
                        detail: candidates.isEmpty
                            ? "none of its outputs (\(listed)) is a float tensor of 1 or 2 columns or a sequence of maps"
                            : "several outputs could be the signal probability (\(listed)); name one with output: in the manifest"))
            }
            chosen = only
        }
        guard Self.canCarryProbability(chosen) else {
            throw ONNXError(
                .output(
                    detail: "output \(chosen.described) is not a float tensor of 1 or 2 columns "
                        + "or a sequence of maps; the graph's outputs are \(listed)"))
        }
        name = chosen.name
        producer = graph.producer[chosen.name].map { graph.nodes[$0].opType }
    }

    /// Whether `info` may hold one probability per row: a float or double tensor whose last
    /// declared dimension (if any) is 1 or 2 and rank at most 2, or a sequence (of maps).
    static func canCarryProbability(_ info: ONNXValueInfo) -> Bool {
        switch info.kind {
        case .sequence: return true
        case .tensor:
            guard
                info.elementTypeCode == ONNXElementType.float.rawValue
                    || info.elementTypeCode == ONNXElementType.double.rawValue
            else { return false }
            guard let dimensions = info.dimensions else { return true }
            guard (1...2).contains(dimensions.count) else { return false }
            guard dimensions.count == 2, let columns = dimensions[1] else { return true }
            return columns == 1 || columns == 2
        case .map, .other: return false
        }
    }

    /// The scores of `rows` rows from the output's value: column 1 of a 2-column tensor,
    /// the values of a 1-column or 1-D tensor, each map's ``ONNXMap/signalScore`` in a sequence.
    ///
    /// - Throws: ``ONNXError`` (output) when the value does not have one score per row.
    func scores(from value: ONNXValue, rows: Int) throws(ONNXError) -> [Double] {
        func wrong(_ found: String) -> ONNXError {
            ONNXError(
                .output(
                    detail: "output '\(name)' gave \(found) for \(rows) rows; "
                        + "one probability per row (or two columns, column 1 = signal) is expected"))
        }
        switch value {
        case let .tensor(tensor):
            guard let values = tensor.doubles, tensor.elementType != .bool else { throw wrong("a \(tensor.elementType.name) tensor") }
            let shape = tensor.shape
            if shape == [rows] || shape == [rows, 1] { return values }
            if shape == [rows, 2] { return (0..<rows).map { values[2 * $0 + 1] } }
            throw wrong("shape \(shape)")
        case let .sequence(items):
            guard items.count == rows else { throw wrong("a sequence of \(items.count) values") }
            var scores: [Double] = []
            scores.reserveCapacity(rows)
            for item in items {
                guard case let .map(map) = item, let score = map.signalScore else {
                    throw wrong("a sequence whose items are not maps with key 1 (or two keys, the second the signal)")
                }
                scores.append(score)
            }
            return scores
        case .map:
            throw wrong("a map")
        }
    }
}
