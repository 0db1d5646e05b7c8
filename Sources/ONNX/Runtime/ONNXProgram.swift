/// A graph compiled for evaluation: kernels prepared in topological order, constants
/// folded, values held in numbered slots and released after their last use.
struct ONNXProgram: Sendable {
    /// One node to run.
    struct Step: Sendable {
        let name: String
        let kernel: ONNXKernel
        /// Slot of each input; `nil` for an optional input left out.
        let inputs: [Int?]
        /// Slot of each output; `nil` for an output left unnamed.
        let outputs: [Int?]
        /// Slots no later step reads: freed after this step (set once all steps are known).
        var releases: [Int] = []
    }

    let steps: [Step]
    /// The value of every slot before the first step (constants), `nil` elsewhere.
    let initialSlots: [ONNXValue?]
    /// The slot the data input is fed to.
    let inputSlot: Int
    /// The slots of the values asked for.
    let resultSlots: [Int]
    /// Nodes that run per chunk (after constant folding), for the summary.
    var nodeCount: Int { steps.count }

    /// Compiles the nodes of `graph` that `results` need; nodes whose inputs are all
    /// constant are evaluated once, here.
    ///
    /// - Throws: ``ONNXError``: an operator not in `registry`, a domain not imported, a
    ///   setting an operator refuses.
    init(graph: ONNXGraph, results: [String], limits: ONNXLimits) throws(ONNXError) {
        // Only the nodes the results depend on (walked back from them, without recursion).
        var needed = Set<Int>()
        var stack = results.compactMap { graph.producer[$0] }
        while let index = stack.popLast() {
            guard needed.insert(index).inserted else { continue }
            stack += graph.nodes[index].inputs.compactMap { graph.producer[$0] }
        }

        var slotOf: [String: Int] = [:]
        func slot(_ name: String) -> Int {
            if let existing = slotOf[name] { return existing }
            slotOf[name] = slotOf.count
            return slotOf.count - 1
        }
        var constants: [Int: ONNXTensor] = [:]
        for (name, tensor) in graph.initializers { constants[slot(name)] = tensor }
        let inputSlot = slot(graph.input.name)
        // An initializer that shares the input's name would be a default; the data wins.
        constants[inputSlot] = nil

        var steps: [Step] = []
        for (index, node) in graph.nodes.enumerated() where needed.contains(index) {
            let op = try Self.findOperator(node, opsets: graph.opsets)
            let attributes = try ONNXAttributes(node.attributes, node: node.name)
            // Trailing optional inputs left out are dropped; inner ones stay as nil.
            var inputNames = node.inputs
            while inputNames.last == "" { inputNames.removeLast() }
            let inputSlots: [Int?] = inputNames.map { $0.isEmpty ? nil : slot($0) }
            let outputSlots: [Int?] = node.outputs.map { $0.isEmpty ? nil : slot($0) }
            let context = ONNXNodeContext(
                name: node.name, opType: node.opType, domain: node.domain,
                opsetVersion: graph.opsets.version(of: node.domain) ?? 1, attributes: attributes,
                inputCount: inputSlots.count, outputCount: outputSlots.count,
                constantInputs: inputSlots.map { $0.flatMap { constants[$0] } }, limits: limits)
            let kernel = try op.prepare(context)
            let allConstant = inputSlots.allSatisfy { $0.map { constants[$0] != nil } ?? true }
            if allConstant {
                let values = try kernel(
                    ONNXInputs(
                        inputSlots.map { $0.flatMap { constants[$0] }.map(ONNXValue.tensor) },
                        node: node.name))
                if let folded = Self.tensors(values, count: outputSlots.count) {
                    for (slot, tensor) in zip(outputSlots, folded) {
                        if let slot { constants[slot] = tensor }
                    }
                    continue
                }
            }
            steps.append(Step(name: node.name, kernel: kernel, inputs: inputSlots, outputs: outputSlots))
        }

        let resultSlots = results.map { slot($0) }
        var lastRead = [Int: Int]()
        for (position, step) in steps.enumerated() {
            for case let read? in step.inputs { lastRead[read] = position }
        }
        let kept = Set(resultSlots).union([inputSlot])
        for (slot, position) in lastRead where !kept.contains(slot) && constants[slot] == nil {
            steps[position].releases.append(slot)
        }
        self.steps = steps
        var initial = [ONNXValue?](repeating: nil, count: slotOf.count)
        for (slot, tensor) in constants { initial[slot] = .tensor(tensor) }
        initialSlots = initial
        self.inputSlot = inputSlot
        self.resultSlots = resultSlots
    }

    /// Runs the program on `input`; returns the values of ``resultSlots`` in order.
    ///
    /// - Throws: ``ONNXError`` from a kernel, or evaluation when a result was not produced.
    /// `observe`, when given, sees each step's name and outputs as they are computed.
    func run(_ input: ONNXValue, observe: ((String, [ONNXValue]) -> Void)? = nil) throws(ONNXError) -> [ONNXValue] {
        var slots = initialSlots
        slots[inputSlot] = input
        for step in steps {
            let outputs = try step.kernel(ONNXInputs(step.inputs.map { $0.flatMap { slots[$0] } }, node: step.name))
            observe?(step.name, outputs)
            guard outputs.count == step.outputs.count else {
                throw .evaluation(step.name, "it produced \(outputs.count) outputs for \(step.outputs.count) declared")
            }
            for (slot, value) in zip(step.outputs, outputs) {
                if let slot { slots[slot] = value }
            }
            for slot in step.releases { slots[slot] = nil }
        }
        var results: [ONNXValue] = []
        for slot in resultSlots {
            guard let value = slots[slot] else {
                throw .evaluation("(graph outputs)", "an output was not produced")
            }
            results.append(value)
        }
        return results
    }

    /// The registered operator for `node`, or an error naming it.
    private static func findOperator(_ node: ONNXGraph.Node, opsets: ONNXOpsets) throws(ONNXError) -> ONNXOperator {
        guard opsets.version(of: node.domain) != nil else {
            throw ONNXError(
                .unsupportedOperator(
                    domain: node.domain, opType: node.opType,
                    detail: "the model does not import domain \(node.domain) (a custom or function operator?); "
                        + "export it with standard ONNX operators, or submit a predictions file (id,score) instead"))
        }
        guard let op = ONNXOperatorRegistry.find(domain: node.domain, type: node.opType) else {
            let known = ONNXOperatorRegistry.supportedTypes(domain: node.domain)
            let list = known.isEmpty ? "none of domain \(node.domain)" : known.joined(separator: ", ")
            throw ONNXError(
                .unsupportedOperator(
                    domain: node.domain, opType: node.opType,
                    detail: "node '\(node.name)' needs it; this tool evaluates \(list). Export the model with "
                        + "these operators, or submit a predictions file (id,score) instead"))
        }
        return op
    }

    /// `values` as tensors when they all are (and as many as declared), else `nil`.
    private static func tensors(_ values: [ONNXValue], count: Int) -> [ONNXTensor]? {
        guard values.count == count else { return nil }
        let tensors = values.compactMap(\.tensor)
        return tensors.count == values.count ? tensors : nil
    }
}
