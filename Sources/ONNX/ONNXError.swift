/// Why an ONNX model was not read or could not be evaluated: what was found, in words that
/// follow the file's name (`'model.onnx' uses operator ai.onnx/LSTM, which …`).
///
/// The ONNX target knows no file names; `ModelFiles` puts the name in front.
public struct ONNXError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What was found.
    public var reason: Reason

    /// An error for `reason`.
    public init(_ reason: Reason) {
        self.reason = reason
    }

    /// What was found, with what the message needs to say.
    public enum Reason: Equatable, Sendable {
        /// The file is not a well-formed ONNX model, or contradicts itself.
        case malformed(detail: String)
        /// A node uses an operator this tool does not evaluate (`domain` is `ai.onnx` for
        /// the standard set).
        case unsupportedOperator(domain: String, opType: String, detail: String)
        /// A node uses a setting of a supported operator that is not supported.
        case unsupportedSetting(node: String, detail: String)
        /// The file uses a part of ONNX this tool does not read (external data, float16…).
        case unsupported(detail: String)
        /// Over `limit`, whose value is `value`.
        case tooLarge(limit: Limit, value: Int, detail: String)
        /// Which output is the signal probability could not be decided, or the named one is
        /// missing or unusable.
        case output(detail: String)
        /// Evaluating `node` failed on the data (shapes that do not fit, an index out of range).
        case evaluation(node: String, detail: String)
    }

    /// Shorthand for ``Reason/malformed(detail:)``.
    public static func malformed(_ detail: String) -> ONNXError { ONNXError(.malformed(detail: detail)) }

    /// Shorthand for ``Reason/evaluation(node:detail:)``.
    public static func evaluation(_ node: String, _ detail: String) -> ONNXError {
        ONNXError(.evaluation(node: node, detail: detail))
    }

    /// Shorthand for ``Reason/unsupportedSetting(node:detail:)``.
    public static func unsupportedSetting(_ node: String, _ detail: String) -> ONNXError {
        ONNXError(.unsupportedSetting(node: node, detail: detail))
    }

    /// Shorthand for ``Reason/tooLarge(limit:value:detail:)``: over `limit`, at `value`.
    public static func tooLarge(_ limit: Limit, _ value: Int, _ detail: String) -> ONNXError {
        ONNXError(.tooLarge(limit: limit, value: value, detail: detail))
    }

    /// The message, meant to follow the file's quoted name: one line (control characters
    /// from names in the file shown as `?`), at most about 1,000 characters.
    public var description: String {
        let text = String(
            String.UnicodeScalarView(
                message.unicodeScalars.map {
                    $0.properties.generalCategory == .control ? "?" : $0
                }))
        guard text.count > 1_000 else { return text }
        return String(text.prefix(700)) + " … " + String(text.suffix(250))
    }

    private var message: String {
        let instead = "export the model again without it, or submit a predictions file (id,score) instead"
        switch reason {
        case let .malformed(detail):
            return "is not a valid ONNX model: \(detail); export it again (torch.onnx.export, tf2onnx, skl2onnx)"
        case let .unsupportedOperator(domain, opType, detail):
            return "uses operator \(domain)/\(opType), which this tool does not evaluate: \(detail)"
        case let .unsupportedSetting(node, detail):
            return "has node '\(node)' \(detail), which this tool does not evaluate; \(instead)"
        case let .unsupported(detail):
            return "uses \(detail), which this tool does not read; \(instead)"
        case let .tooLarge(limit, value, detail):
            // `the limit of 10000, limits.max_graph_nodes in leaderboard.yml`, or for a limit
            // organizers do not set, `limit maxMessageDepth = 32`.
            let phrase = limit.settingKey == nil ? "limit \(limit) = \(value)" : "the limit of \(value), \(limit.settingName)"
            return "is too large: \(detail) (\(phrase))"
        case let .output(detail):
            return "has no usable signal output: \(detail)"
        case let .evaluation(node, detail):
            return "could not be evaluated at node '\(node)': \(detail)"
        }
    }
}
