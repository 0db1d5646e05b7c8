/// A model's main graph, checked: every value defined once, every input of every node
/// defined, nodes in topological order (no cycles), within the node-count and depth limits,
/// initializers decoded within the tensor and parameter limits, exactly one data input.
struct ONNXGraph: Sendable {
    /// One node, as the file gives it, with its domain normalized and a name for messages.
    struct Node: Sendable {
        let name: String
        let opType: String
        let domain: String
        let inputs: [String]
        let outputs: [String]
        let attributes: [Onnx_AttributeProto]
    }

    /// The nodes, in an order where each comes after the nodes it reads from.
    let nodes: [Node]
    /// The initializers, by name.
    let initializers: [String: ONNXTensor]
    /// The one input the data is fed to.
    let input: ONNXValueInfo
    /// The graph's outputs, in the file's order.
    let outputs: [ONNXValueInfo]
    /// For each value produced by a node, the index (into ``nodes``) of that node.
    let producer: [String: Int]
    /// The operator-set versions imported.
    let opsets: ONNXOpsets
    /// Numbers in all initializers.
    let parameterCount: Int

    /// Checks `model`'s graph against `limits`.
    ///
    /// - Throws: ``ONNXError``.
    init(_ model: Onnx_ModelProto, limits: ONNXLimits) throws(ONNXError) {
        guard model.hasGraph else { throw .malformed("it has no graph") }
        let graph = model.graph
        opsets = try ONNXOpsets(model.opsetImport)
        guard graph.node.count <= limits.maxGraphNodes else {
            throw .tooLarge(.maxGraphNodes, limits.maxGraphNodes, "the graph has \(graph.node.count) nodes")
        }
        guard graph.sparseInitializer.isEmpty else {
            throw ONNXError(.unsupported(detail: "sparse initializers"))
        }

        var initializers: [String: ONNXTensor] = [:]
        var parameters = 0
        for proto in graph.initializer {
            let what = "initializer '\(proto.name)'"
            let tensor = try ONNXTensor(proto: proto, what: what, limits: limits)
            parameters += tensor.count
            guard parameters <= limits.maxParameters else {
                throw .tooLarge(.maxParameters, limits.maxParameters, "its initializers hold more numbers than allowed")
            }
            guard initializers.updateValue(tensor, forKey: proto.name) == nil else {
                throw .malformed("initializer '\(proto.name)' is defined twice")
            }
        }
        self.initializers = initializers
        parameterCount = parameters

        // Before IR 4, initializers are listed among the inputs too; the data input is the rest.
        let dataInputs = graph.input.filter { initializers[$0.name] == nil }.map(ONNXValueInfo.init)
        guard dataInputs.count == 1, let input = dataInputs.first else {
            let names = dataInputs.map(\.described).joined(separator: ", ")
            throw .malformed(
                dataInputs.isEmpty
                    ? "the graph has no data input"
                    : "the graph has \(dataInputs.count) data inputs (\(names)); one input of 28 features is expected")
        }
        self.input = input
        outputs = graph.output.map(ONNXValueInfo.init)
        guard !outputs.isEmpty else { throw .malformed("the graph has no outputs") }

        var defined = Set(initializers.keys)
        defined.insert(input.name)
        var nodes: [Node] = []
        var producer: [String: Int] = [:]
        for (index, proto) in graph.node.enumerated() {
            let name = proto.name.isEmpty ? "\(proto.opType)#\(index)" : proto.name
            let node = Node(
                name: name, opType: proto.opType, domain: ONNXOperatorRegistry.normalizedDomain(proto.domain),
                inputs: proto.input, outputs: proto.output, attributes: proto.attribute)
            for output in proto.output where !output.isEmpty {
                guard defined.insert(output).inserted else {
                    throw .malformed("value '\(output)' is defined twice (again by node '\(name)')")
                }
                producer[output] = index
            }
            nodes.append(node)
        }
        for node in nodes {
            for input in node.inputs where !input.isEmpty && !defined.contains(input) {
                throw .malformed("node '\(node.name)' reads '\(input)', which no node, initializer or input defines")
            }
        }
        for output in outputs where !defined.contains(output.name) {
            throw .malformed("graph output '\(output.name)' is defined by no node, initializer or input")
        }

        let order = try Self.topologicalOrder(nodes, producer: producer, limits: limits)
        var position = [Int](repeating: 0, count: nodes.count)
        for (newIndex, oldIndex) in order.enumerated() { position[oldIndex] = newIndex }
        self.nodes = order.map { nodes[$0] }
        self.producer = producer.mapValues { position[$0] }
    }

    /// Kahn's algorithm over the node graph; refuses cycles (naming a node on one) and
    /// chains longer than `maxGraphDepth`. Iterative: no recursion on file-controlled depth.
    private static func topologicalOrder(_ nodes: [Node], producer: [String: Int], limits: ONNXLimits) throws(ONNXError) -> [Int] {
        var dependents = [[Int]](repeating: [], count: nodes.count)
        var waiting = [Int](repeating: 0, count: nodes.count)
        for (index, node) in nodes.enumerated() {
            for input in Set(node.inputs) {
                guard let source = producer[input] else { continue }
                dependents[source].append(index)
                waiting[index] += 1
            }
        }
        var depth = [Int](repeating: 1, count: nodes.count)
        var ready = (0..<nodes.count).filter { waiting[$0] == 0 }
        var order: [Int] = []
        order.reserveCapacity(nodes.count)
        var next = 0
        while next < ready.count {
            let index = ready[next]
            next += 1
            order.append(index)
            guard depth[index] <= limits.maxGraphDepth else {
                throw .tooLarge(
                    .maxGraphDepth, limits.maxGraphDepth,
                    "the graph chains more than \(limits.maxGraphDepth) nodes one after another")
            }
            for dependent in dependents[index] {
                depth[dependent] = max(depth[dependent], depth[index] + 1)
                waiting[dependent] -= 1
                if waiting[dependent] == 0 { ready.append(dependent) }
            }
        }
        guard order.count == nodes.count else {
            let stuck = (0..<nodes.count).filter { waiting[$0] > 0 }.prefix(3).map { "'\(nodes[$0].name)'" }
            throw .malformed("the graph has a cycle (through node \(stuck.joined(separator: ", ")))")
        }
        return order
    }
}
