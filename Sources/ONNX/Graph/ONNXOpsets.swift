/// The operator-set versions a model imports, by domain (`ai.onnx` for `""`).
struct ONNXOpsets: Sendable {
    /// Version by normalized domain.
    let versions: [String: Int]

    /// Reads `opset_import`; a model with none (IR version < 3) is refused, as is a domain
    /// imported twice with different versions (skl2onnx repeats `ai.onnx` with one version).
    init(_ imports: [Onnx_OperatorSetIdProto]) throws(ONNXError) {
        var versions: [String: Int] = [:]
        for entry in imports {
            let domain = ONNXOperatorRegistry.normalizedDomain(entry.domain)
            guard entry.version > 0, entry.version < 1_000 else {
                throw .malformed("it imports opset version \(entry.version) of domain \(domain)")
            }
            if let earlier = versions.updateValue(Int(entry.version), forKey: domain), earlier != Int(entry.version) {
                throw .malformed("it imports domain \(domain) twice, as versions \(earlier) and \(entry.version)")
            }
        }
        guard !versions.isEmpty else {
            throw .malformed("it imports no operator set (opset_import is empty)")
        }
        self.versions = versions
    }

    /// The imported version of `domain` (either spelling of the standard domain).
    func version(of domain: String) -> Int? {
        versions[ONNXOperatorRegistry.normalizedDomain(domain)]
    }
}
