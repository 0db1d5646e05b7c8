import Foundation
import Models
import Results

/// The file `leaderboard train` writes for its boosted-decision-tree baseline, and reads
/// back to score it: a small JSON document.
///
/// ```json
/// {
///   "format": "leaderboard-adaboost",
///   "version": 1,
///   "algorithm": "SAMME",
///   "input_count": 28,
///   "feature_names": ["lepton pT", …],            // optional
///   "feature_importances": [0.01, …],             // optional, sums to 1
///   "training": {"rounds": 200, "depth": 1, …},   // optional, numbers only
///   "trees": [
///     {"weight": 0.4557,
///      "nodes": [{"feature": 25, "threshold": 1.0345, "left": 1, "right": 2},
///                {"leaf": 1}, {"leaf": 0}]}
///   ]
/// }
/// ```
///
/// A node is a split (a row goes to `left` when `Double(value) <= threshold`) or a leaf
/// predicting class 1 (signal) or 0; node 0 is the root and children come after their
/// parent. The probability is scikit-learn's SAMME `predict_proba(X)[:, 1]` for these
/// trees and weights (see ``AdaBoostEnsemble``). Numbers are written in the shortest form
/// that reads back to the same `Double`, so a written file reads back exactly; a
/// non-finite threshold is written as the string `"Infinity"` or `"-Infinity"`.
public struct AdaBoostModelFile: Sendable, Equatable {
    /// The value of the `format` key.
    public static let formatName = "leaderboard-adaboost"
    /// The version this code writes and reads.
    public static let version = 1

    /// The trees and their weights.
    public var ensemble: AdaBoostEnsemble
    /// The features' names, in column order, when known.
    public var featureNames: [String]?
    /// Each feature's share of the impurity decrease, when known.
    public var featureImportances: [Double]?
    /// Numbers describing the training (rounds, depth, learning rate, bins, rows…), keyed
    /// by name; written sorted by key.
    public var training: [String: Double]

    /// A file holding `ensemble` and what is known about it.
    public init(
        ensemble: AdaBoostEnsemble, featureNames: [String]? = nil, featureImportances: [Double]? = nil,
        training: [String: Double] = [:]
    ) {
        self.ensemble = ensemble
        self.featureNames = featureNames
        self.featureImportances = featureImportances
        self.training = training
    }

    /// The file's bytes: UTF-8 JSON, one tree a line, the same bytes for the same model.
    public func encoded() -> Data {
        var text = "{\n"
        text += "\"format\": \(Self.quoted(Self.formatName)),\n"
        text += "\"version\": \(Self.version),\n"
        text += "\"algorithm\": \"SAMME\",\n"
        text += "\"input_count\": \(ensemble.inputCount),\n"
        if let featureNames {
            text += "\"feature_names\": [" + featureNames.map(Self.quoted).joined(separator: ", ") + "],\n"
        }
        if let featureImportances {
            text += "\"feature_importances\": [" + featureImportances.map(Self.number).joined(separator: ", ") + "],\n"
        }
        if !training.isEmpty {
            text +=
                "\"training\": {"
                + training.keys.sorted().map { "\(Self.quoted($0)): \(Self.number(training[$0]!))" }
                .joined(separator: ", ") + "},\n"
        }
        text += "\"trees\": [\n"
        for (index, tree) in ensemble.trees.enumerated() {
            let nodes = tree.nodes.map { node in
                node.isLeaf
                    ? "{\"leaf\": \(node.predictsSignal ? 1 : 0)}"
                    : "{\"feature\": \(node.feature), \"threshold\": \(Self.number(node.threshold)), "
                        + "\"left\": \(node.left), \"right\": \(node.right)}"
            }
            text +=
                "{\"weight\": \(Self.number(ensemble.weights[index])), \"nodes\": ["
                + nodes.joined(separator: ", ") + "]}" + (index + 1 < ensemble.trees.count ? ",\n" : "\n")
        }
        text += "]\n}\n"
        return Data(text.utf8)
    }

    /// Whether `data` is a file of this kind: JSON whose first key-value is
    /// `"format": "leaderboard-adaboost"` (looked for in the first kilobyte).
    static func recognizes(_ data: Data) -> Bool {
        let head = String(decoding: data.prefix(1024), as: UTF8.self)
        return head.range(of: #"^\s*\{\s*"format"\s*:\s*"leaderboard-adaboost""#, options: .regularExpression) != nil
    }

    /// Reads a file written by ``encoded()``.
    ///
    /// - Throws: ``ModelFileError`` (`malformed` for anything not as documented, `tooLarge`
    ///   over `limits`' node count).
    public static func decode(
        _ data: Data, fileName: String,
        limits: ModelFileLimits = ModelFileLimits()
    ) throws(ModelFileError) -> AdaBoostModelFile {
        do {
            return try parse(data, limits: limits)
        } catch {
            throw ModelFileError(file: fileName, reason: error.reason)
        }
    }

    static func parse(_ data: Data, limits: ModelFileLimits) throws(ReasonError) -> AdaBoostModelFile {
        func bad(_ detail: String) -> ReasonError { ReasonError(.malformed(detail: detail)) }
        let root: JSONValue
        do {
            root = try JSONValue.decode(String(decoding: data, as: UTF8.self))
        } catch {
            throw bad(error.detail)
        }
        guard root["format"]?.string == formatName else { throw bad("\"format\" is not \"\(formatName)\"") }
        guard let version = root["version"]?.integer else { throw bad("no \"version\"") }
        guard version == Self.version else {
            throw bad("version \(version) of the \(formatName) format; this tool reads version \(Self.version)")
        }
        guard root["algorithm"]?.string == "SAMME" else { throw bad("\"algorithm\" must be \"SAMME\"") }
        guard let inputCount = root["input_count"]?.integer, inputCount > 0 else {
            throw bad("\"input_count\" must be a positive whole number")
        }
        guard let treeValues = root["trees"]?.array, !treeValues.isEmpty else { throw bad("no \"trees\"") }
        var trees: [DecisionTree] = []
        var weights: [Double] = []
        var nodeCount = 0
        for (t, treeValue) in treeValues.enumerated() {
            guard let weight = treeValue["weight"]?.number else { throw bad("tree \(t) has no numeric \"weight\"") }
            guard let nodeValues = treeValue["nodes"]?.array else { throw bad("tree \(t) has no \"nodes\"") }
            nodeCount += nodeValues.count
            guard nodeCount <= limits.maxParameters else {
                throw ReasonError(.tooLarge(detail: "more tree nodes than \(Limit.maxParameters.phrase(limits.maxParameters))"))
            }
            var nodes: [DecisionTree.Node] = []
            for (n, value) in nodeValues.enumerated() {
                if let leaf = value["leaf"] {
                    guard let cls = leaf.integer, cls == 0 || cls == 1 else {
                        throw bad("tree \(t) node \(n): \"leaf\" must be 0 or 1")
                    }
                    nodes.append(.leaf(signal: cls == 1))
                } else {
                    guard let feature = value["feature"]?.integer, let left = value["left"]?.integer,
                        let right = value["right"]?.integer, let thresholdValue = value["threshold"]
                    else {
                        throw bad("tree \(t) node \(n) is neither a leaf nor a split with feature, threshold, left and right")
                    }
                    let threshold: Double
                    switch thresholdValue {
                    case let .number(number): threshold = number
                    case .string("Infinity"): threshold = .infinity
                    case .string("-Infinity"): threshold = -.infinity
                    default: throw bad("tree \(t) node \(n): the threshold is not a number")
                    }
                    nodes.append(.split(feature: feature, threshold: threshold, left: left, right: right))
                }
            }
            do {
                trees.append(try DecisionTree(nodes: nodes, inputCount: inputCount))
            } catch {
                throw bad("tree \(t): \(error.description)")
            }
            weights.append(weight)
        }
        let ensemble: AdaBoostEnsemble
        do {
            ensemble = try AdaBoostEnsemble(trees: trees, weights: weights, inputCount: inputCount)
        } catch {
            throw bad(error.description)
        }
        var file = AdaBoostModelFile(ensemble: ensemble)
        if let names = root["feature_names"] {
            guard let list = names.array?.compactMap(\.string), list.count == inputCount,
                list.count == names.array?.count
            else {
                throw bad("\"feature_names\" must be \(inputCount) strings")
            }
            file.featureNames = list
        }
        if let importances = root["feature_importances"] {
            guard let list = importances.array?.compactMap(\.number), list.count == inputCount,
                list.count == importances.array?.count
            else {
                throw bad("\"feature_importances\" must be \(inputCount) numbers")
            }
            file.featureImportances = list
        }
        if let training = root["training"] {
            guard let members = training.object else { throw bad("\"training\" must be an object") }
            for (key, value) in members {
                guard let number = value.number else { throw bad("\"training\".\"\(key)\" must be a number") }
                file.training[key] = number
            }
        }
        return file
    }

    /// What `leaderboard check` shows for this file.
    public func summary(file: String) -> ModelSummary {
        let trees = ensemble.trees
        let depth = trees.map(\.depth).max() ?? 0
        let splits = trees.reduce(0) { $0 + $1.nodes.count - $1.leafCount }
        let leaves = trees.reduce(0) { $0 + $1.leafCount }
        let parameters = 2 * splits + leaves + trees.count
        return ModelSummary(
            file: file, format: .json, framework: "leaderboard AdaBoost", frameworkVersion: "\(Self.version)",
            backend: nil, architecture: "AdaBoost (SAMME)", modelName: nil, inputCount: ensemble.inputCount,
            output: .init(units: 1, activation: "sigmoid", reading: "singleUnit"),
            layers: [
                .init(
                    name: "trees", type: "DecisionTree ×\(CountText.of(trees.count)) (depth ≤ \(depth))", units: trees.count,
                    activation: nil, outputWidth: 1, parameterCount: parameters, inputs: [])
            ],
            parameterCount: parameters)
    }

    /// Reads the file as a ``LoadedModel`` (for ``ModelFileReader``).
    static func read(_ data: Data, fileName: String, limits: ModelFileLimits) throws(ReasonError) -> LoadedModel {
        let file = try parse(data, limits: limits)
        return LoadedModel(classifier: file.ensemble, summary: file.summary(file: fileName))
    }

    /// `value` in the shortest form that reads back to the same `Double`.
    static func number(_ value: Double) -> String {
        if value.isFinite { return "\(value)" }
        if value.isNaN { preconditionFailure("AdaBoostModelFile: NaN cannot be written") }
        return value > 0 ? "\"Infinity\"" : "\"-Infinity\""
    }

    /// `text` as a JSON string.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
