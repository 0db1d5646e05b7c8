/// The operators this tool evaluates, by domain and type.
///
/// Each family lives in its own file as a `static let` list; ``all`` joins them. The
/// `ai.onnx.ml` operators are the list ``mlOperators`` in `Operators/ML/MLOperators.swift`.
enum ONNXOperatorRegistry {
    /// The standard domain's name (files may also write it as `""`).
    static let standardDomain = "ai.onnx"
    /// The classical machine-learning domain's name.
    static let mlDomain = "ai.onnx.ml"

    /// Every operator, keyed `domain/type`. A later list wins over an earlier one for the
    /// same key (none overlap today).
    static let all: [String: ONNXOperator] = {
        let lists = [
            elementwiseOperators, activationOperators, linearAlgebraOperators, shapeOperators,
            indexingOperators, reductionOperators, normalizationOperators, mlOperators,
        ]
        var table: [String: ONNXOperator] = [:]
        for list in lists {
            for op in list { table[op.key] = op }
        }
        return table
    }()

    /// The operator for `type` in `domain` (`""` means the standard domain).
    static func find(domain: String, type: String) -> ONNXOperator? {
        all["\(normalizedDomain(domain))/\(type)"]
    }

    /// `domain` with `""` written as `ai.onnx`.
    static func normalizedDomain(_ domain: String) -> String {
        domain.isEmpty ? standardDomain : domain
    }

    /// The operator types of `domain` this tool evaluates, sorted, for messages.
    static func supportedTypes(domain: String) -> [String] {
        all.values.filter { $0.domain == domain }.map(\.type).sorted()
    }
}
