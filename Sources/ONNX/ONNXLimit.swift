/// One of the ``ONNXLimits``, as a refusal names it.
public enum ONNXLimit: String, Sendable, Equatable {
    /// ``ONNXLimits/maxTensorElements``.
    case maxTensorElements
    /// ``ONNXLimits/maxParameters``.
    case maxParameters
    /// ``ONNXLimits/maxGraphNodes``.
    case maxGraphNodes
    /// ``ONNXLimits/maxGraphDepth``.
    case maxGraphDepth
    /// ``ONNXLimits/maxMessageDepth``.
    case maxMessageDepth
    /// ``ONNXLimits/maxTreeNodes``.
    case maxTreeNodes

    /// Its key under `limits:` in `leaderboard.yml` (`max_graph_nodes`); `nil` for a limit
    /// organizers do not set.
    public var settingKey: String? {
        switch self {
        case .maxTensorElements: "max_tensor_elements"
        case .maxParameters: "max_parameters"
        case .maxGraphNodes: "max_graph_nodes"
        case .maxGraphDepth: "max_graph_depth"
        case .maxMessageDepth: nil
        case .maxTreeNodes: "max_tree_nodes"
        }
    }

    /// Its value in `limits`.
    public func value(in limits: ONNXLimits) -> Int {
        switch self {
        case .maxTensorElements: limits.maxTensorElements
        case .maxParameters: limits.maxParameters
        case .maxGraphNodes: limits.maxGraphNodes
        case .maxGraphDepth: limits.maxGraphDepth
        case .maxMessageDepth: limits.maxMessageDepth
        case .maxTreeNodes: limits.maxTreeNodes
        }
    }

    /// The limit at `value` as a message names it: `the limit of 10000, limits.max_graph_nodes
    /// in leaderboard.yml` for a limit organizers set, `limit maxMessageDepth = 32` otherwise.
    func phrase(_ value: Int) -> String {
        guard let settingKey else { return "limit \(rawValue) = \(value)" }
        return "the limit of \(value), limits.\(settingKey) in leaderboard.yml"
    }
}
