import Foundation
import HiggsSchema

/// Checks the values of a manifest's keys, turning each problem into a `SubmissionError`
/// that names the key and, for YAML, its line.
struct ManifestFieldReader {
    let fileName: String
    let limits: SubmissionLimits

    private func fail(_ reason: SubmissionError.ManifestReason) -> SubmissionError {
        SubmissionError(subject: fileName, reason: .manifest(reason))
    }

    /// A one-line text value, trimmed; `nil` for an explicit null (`team: ~`).
    func text(_ node: ManifestNode, key: String) throws(SubmissionError) -> String? {
        switch node.value {
        case .null: return nil
        case let .scalar(text, _): return try checkedText(text, key: key, line: node.line)
        default: throw fail(.wrongType(key: key, line: node.line, expected: "text", found: node.typeName))
        }
    }

    private func checkedText(_ raw: String, key: String, line: Int?) throws(SubmissionError) -> String {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { throw fail(.badText(key: key, line: line, detail: "is empty: give a value or leave the key out")) }
        if text.count > limits.maxManifestTextLength {
            throw fail(
                .badText(
                    key: key, line: line,
                    detail: "is \(text.count) characters long, over \(Limit.maxManifestTextLength.phrase(limits.maxManifestTextLength))"))
        }
        if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw fail(.badText(key: key, line: line, detail: "holds a line break or control character: keep it on one line"))
        }
        return text
    }

    /// A yes-or-no value (`true`/`false`, YAML's `yes`/`no` too); `false` for an explicit null.
    func flag(_ node: ManifestNode, key: String) throws(SubmissionError) -> Bool {
        switch node.value {
        case .null: return false
        case let .scalar(text, false) where ["true", "yes"].contains(text.lowercased()): return true
        case let .scalar(text, false) where ["false", "no"].contains(text.lowercased()): return false
        default: throw fail(.wrongType(key: key, line: node.line, expected: "true or false", found: node.typeName))
        }
    }

    /// `members`: a list of names, or a single name.
    func members(_ node: ManifestNode) throws(SubmissionError) -> [String] {
        switch node.value {
        case .null: return []
        case let .scalar(text, _): return [try checkedText(text, key: "members", line: node.line)]
        case let .sequence(items):
            guard items.count <= limits.maxMembers else {
                throw fail(.tooLarge(detail: "'members' lists \(items.count) names, over \(Limit.maxMembers.phrase(limits.maxMembers))"))
            }
            var names: [String] = []
            for (i, item) in items.enumerated() {
                guard case let .scalar(text, _) = item.value else {
                    throw fail(
                        .wrongType(
                            key: "members[\(i + 1)]", line: item.line ?? node.line,
                            expected: "a name", found: item.typeName))
                }
                names.append(try checkedText(text, key: "members[\(i + 1)]", line: item.line ?? node.line))
            }
            return names
        case .mapping:
            throw fail(.wrongType(key: "members", line: node.line, expected: "a list of names", found: node.typeName))
        }
    }

    /// `model`: a relative path that stays inside the submission folder.
    func modelPath(_ node: ManifestNode) throws(SubmissionError) -> String? {
        guard let path = try text(node, key: "model") else { return nil }
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        let unsafe =
            path.hasPrefix("/") || path.hasPrefix("~") || path.contains("\\") || path.contains(":")
            || components.contains { $0 == ".." || $0.isEmpty }
        if unsafe { throw fail(.unsafeModelPath(path: path)) }
        return components.filter { $0 != "." }.joined(separator: "/")
    }

    /// `features`: names of HIGGS features, each once, as 0-based indices.
    func features(_ node: ManifestNode) throws(SubmissionError) -> [Int]? {
        let items: [ManifestNode]
        switch node.value {
        case .null: return nil
        case let .sequence(list): items = list
        default:
            throw fail(.wrongType(key: "features", line: node.line, expected: "a list of feature names", found: node.typeName))
        }
        if items.isEmpty { throw fail(.noFeatures) }
        guard items.count <= FeatureSchema.featureCount else {
            throw fail(
                .wrongType(
                    key: "features", line: node.line, expected: "at most 28 feature names",
                    found: "\(items.count) names"))
        }
        var indices: [Int] = []
        for (i, item) in items.enumerated() {
            let line = item.line ?? node.line
            guard case let .scalar(name, _) = item.value else {
                throw fail(.wrongType(key: "features[\(i + 1)]", line: line, expected: "a feature name", found: item.typeName))
            }
            guard let index = FeatureSchema.index(of: name) else {
                throw fail(.unknownFeature(name: name, line: line, suggestion: closest(to: name, in: FeatureSchema.names)))
            }
            if indices.contains(index) { throw fail(.duplicateFeature(name: name, line: line)) }
            indices.append(index)
        }
        return indices
    }

    /// `standardization`: a mapping of `mean` and `scale`, each `featureCount` numbers.
    func standardization(_ node: ManifestNode, featureCount: Int) throws(SubmissionError) -> SubmissionManifest.Standardization? {
        let pairs: [(key: String, keyLine: Int?, value: ManifestNode)]
        switch node.value {
        case .null: return nil
        case let .mapping(list): pairs = list
        default:
            throw fail(
                .wrongType(
                    key: "standardization", line: node.line,
                    expected: "a mapping with 'mean' and 'scale'", found: node.typeName))
        }
        var mean: [Double]?, scale: [Double]?
        for (rawKey, keyLine, value) in pairs {
            let key = rawKey.lowercased()
            let path = "standardization.\(rawKey)"
            switch key {
            case "mean", "scale":
                if (key == "mean" ? mean : scale) != nil { throw fail(.duplicateKey(key: path, line: keyLine)) }
                let numbers = try self.numbers(value, key: path, featureCount: featureCount, isScale: key == "scale")
                if key == "mean" { mean = numbers } else { scale = numbers }
            default:
                throw fail(
                    .unknownKey(
                        key: path, line: keyLine,
                        suggestion: closest(to: key, in: ["mean", "scale"]).map { "standardization.\($0)" }))
            }
        }
        guard let mean, let scale else {
            throw fail(
                .wrongType(
                    key: "standardization", line: node.line, expected: "a mapping with both 'mean' and 'scale'",
                    found: mean == nil ? "one without 'mean'" : "one without 'scale'"))
        }
        return SubmissionManifest.Standardization(mean: mean, scale: scale)
    }

    private func numbers(_ node: ManifestNode, key: String, featureCount: Int, isScale: Bool) throws(SubmissionError) -> [Double] {
        guard case let .sequence(items) = node.value else {
            throw fail(.wrongType(key: key, line: node.line, expected: "a list of \(featureCount) numbers", found: node.typeName))
        }
        guard items.count == featureCount else {
            throw fail(.standardizationLength(key: key, expected: featureCount, found: items.count))
        }
        var values: [Double] = []
        values.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            guard case let .scalar(text, isNumber) = item.value, isNumber, let value = Self.number(text) else {
                let found: String
                if case let .scalar(text, _) = item.value { found = "the text \(text.quotedForMessage())" } else { found = item.typeName }
                throw fail(.wrongType(key: "\(key)[\(i + 1)]", line: item.line ?? node.line, expected: "a number", found: found))
            }
            if !value.isFinite || (isScale && value == 0) {
                throw fail(.badStandardization(key: key, index: i, value: text))
            }
            values.append(value)
        }
        return values
    }

    /// A number's value, with YAML's spellings of infinity and NaN (`.inf`, `-.Inf`, `.NaN`)
    /// and `_` digit separators; `nil` for anything else.
    static func number(_ text: String) -> Double? {
        switch text.lowercased() {
        case ".inf", "+.inf": return .infinity
        case "-.inf": return -.infinity
        case ".nan": return .nan
        default: return Double(text.replacingOccurrences(of: "_", with: ""))
        }
    }
}
