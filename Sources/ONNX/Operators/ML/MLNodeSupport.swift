/// Reading helpers shared by the `ai.onnx.ml` kernels: attribute lists that opset 3 may give
/// as tensors, class labels, and float matrices from a kernel's inputs.
extension ONNXNodeContext {
    /// An error naming this node and its operator, for attributes that contradict each other
    /// or the operator's definition.
    func invalid(_ detail: String) -> ONNXError {
        .malformed("node '\(name)' (\(opType)) \(detail)")
    }

    /// Float-list attribute `name`, or its opset-3 twin `<name>_as_tensor` (a float or
    /// double tensor), as doubles; `nil` when neither is given.
    ///
    /// - Throws: ``ONNXError`` when both are given, or the tensor is not float or double.
    func floatList(_ name: String) throws(ONNXError) -> [Double]? {
        let list = try attributes.floats(name)
        let tensor = try attributes.tensor("\(name)_as_tensor", limits: limits)
        if list != nil && tensor != nil {
            throw invalid("gives both '\(name)' and '\(name)_as_tensor'")
        }
        if let list { return list.map(Double.init) }
        guard let tensor else { return nil }
        guard tensor.elementType == .float || tensor.elementType == .double, let values = tensor.doubles else {
            throw invalid("has '\(name)_as_tensor' of \(tensor.elementType.name); float or double is expected")
        }
        return values
    }

    /// Integer-list attribute `name`, empty when absent.
    func intList(_ name: String) throws(ONNXError) -> [Int] {
        try attributes.ints(name) ?? []
    }

    /// The class labels: `<prefix>_int64s` (or `_ints`) or `<prefix>_strings`, exactly one given.
    ///
    /// - Throws: ``ONNXError`` when neither or both are given.
    func classLabels(intsName: String, stringsName: String) throws(ONNXError) -> MLClassLabels {
        let ints = try attributes.int64s(intsName) ?? []
        let strings = try attributes.strings(stringsName) ?? []
        switch (ints.isEmpty, strings.isEmpty) {
        case (false, true): return .ints(ints)
        case (true, false): return .strings(strings)
        case (true, true): throw invalid("has no class labels ('\(intsName)' or '\(stringsName)')")
        case (false, false): throw invalid("gives both '\(intsName)' and '\(stringsName)'")
        }
    }

    /// String attribute `name` as one of `allowed` (or `defaultValue` when absent).
    ///
    /// - Throws: ``ONNXError`` for another value, listing the allowed ones.
    func choice(_ name: String, default defaultValue: String, allowed: [String]) throws(ONNXError) -> String {
        let value = try attributes.string(name) ?? defaultValue
        guard allowed.contains(value) else {
            throw invalid("has \(name) '\(value)'; it is one of \(allowed.joined(separator: ", "))")
        }
        return value
    }
}

/// A classifier's labels, integers or strings, in class order.
enum MLClassLabels: Sendable, Equatable {
    /// `classlabels_int64s` / `classlabels_ints`.
    case ints([Int64])
    /// `classlabels_strings`.
    case strings([String])

    /// How many classes.
    var count: Int {
        switch self {
        case let .ints(labels): return labels.count
        case let .strings(labels): return labels.count
        }
    }

    /// A 1-D label tensor: for each row, the label at the index `classes` gives.
    func tensor(_ classes: [Int]) -> ONNXTensor {
        switch self {
        case let .ints(labels):
            return ONNXTensor(unchecked: [classes.count], .int64(classes.map { labels[$0] }))
        case let .strings(labels):
            return ONNXTensor(unchecked: [classes.count], .string(classes.map { labels[$0] }))
        }
    }

    /// The labels as a 1-D tensor (ZipMap's keys).
    var keys: ONNXTensor {
        switch self {
        case let .ints(labels): return ONNXTensor(unchecked: [labels.count], .int64(labels))
        case let .strings(labels): return ONNXTensor(unchecked: [labels.count], .string(labels))
        }
    }
}

/// A float matrix taken from a kernel's input: rows of `columns` values (a 1-D input is one row).
struct MLMatrix: Sendable {
    /// The input's shape.
    let shape: [Int]
    /// Number of rows.
    let rows: Int
    /// Values per row.
    let columns: Int
    /// The `rows * columns` values, row after row.
    let values: [Float]

    /// Input `index` of `inputs`, a numeric tensor of rank 1 or 2 (double and integer values
    /// are narrowed to float: rows reach the graph as floats, so nothing is lost).
    ///
    /// - Throws: ``ONNXError`` (evaluation) for strings, booleans or another rank.
    init(_ inputs: ONNXInputs, _ index: Int) throws(ONNXError) {
        let tensor = try inputs.tensor(index)
        let shape = tensor.shape
        let values: [Float]
        if let floats = tensor.floats {
            values = floats
        } else if tensor.elementType != .bool, let doubles = tensor.doubles {
            values = doubles.map { Float($0) }
        } else {
            throw .evaluation(inputs.node, "input \(index) is \(tensor.elementType.name); numbers are expected")
        }
        self.shape = shape
        switch shape.count {
        case 1: (rows, columns) = (1, shape[0])
        case 2: (rows, columns) = (shape[0], shape[1])
        default: throw .evaluation(inputs.node, "input \(index) has shape \(shape); rows of features (rank 1 or 2) are expected")
        }
        self.values = values
    }

    /// The first `width` columns of every row (the values themselves when `width == columns`).
    func leading(_ width: Int) -> [Float] {
        guard width < columns else { return values }
        var result: [Float] = []
        result.reserveCapacity(rows * width)
        for row in 0..<rows {
            result.append(contentsOf: values[row * columns..<row * columns + width])
        }
        return result
    }
}

extension ONNXTensor {
    /// A float tensor of `shape` from doubles computed by a kernel (`shape` fits by construction).
    static func floats(_ shape: [Int], _ values: [Double]) -> ONNXTensor {
        ONNXTensor(unchecked: shape, .float(values.map { Float($0) }))
    }
}
