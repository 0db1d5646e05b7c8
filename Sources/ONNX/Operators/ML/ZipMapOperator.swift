/// `ai.onnx.ml` `ZipMap`: each row of class scores as a map from the class labels
/// (`classlabels_int64s` or `classlabels_strings`) to the scores; the output is a sequence of
/// maps, one per row. The signal probability is read from it by label (1, or the second
/// label of two).
enum ZipMapOperator {
    /// The operator.
    static let op = ONNXOperator(domain: ONNXOperatorRegistry.mlDomain, type: "ZipMap") { context throws(ONNXError) in
        try context.requireArity(inputs: 1...1)
        let labels = try context.classLabels(intsName: "classlabels_int64s", stringsName: "classlabels_strings")
        let keys = labels.keys
        return { inputs throws(ONNXError) in
            let input = try MLMatrix(inputs, 0)
            guard input.columns == labels.count else {
                throw .evaluation(inputs.node, "\(input.columns) scores per row for \(labels.count) class labels")
            }
            var maps: [ONNXValue] = []
            maps.reserveCapacity(input.rows)
            for row in 0..<input.rows {
                let values = Array(input.values[row * input.columns..<(row + 1) * input.columns])
                maps.append(.map(try ONNXMap(keys: keys, values: ONNXTensor(unchecked: [values.count], .float(values)))))
            }
            return [.sequence(maps)]
        }
    }
}
