import Foundation
import Models
import Results

/// XGBoost's own model file, as `Booster.save_model` and `XGBClassifier.save_model` write
/// it: JSON (`.json`) or Universal Binary JSON (`.ubj`, XGBoost ≥ 1.6), versions 1.x to 3.x.
///
/// Read: a `gbtree` booster with objective `binary:logistic` (or `reg:logistic`, the same
/// output). A tree's node `n` splits on `split_indices[n]`: the row goes to
/// `left_children[n]` when `value < split_conditions[n]` (float32 against float32), a
/// missing value (NaN) goes left when `default_left[n]`; a leaf (children `-1`) holds its
/// value in `split_conditions[n]`. The probability is `1 / (1 + exp(-margin))` with
/// `margin = logit(base_score) + Σ leaves`; `learner_model_param.base_score` is the
/// probability, written `"5E-1"` by 1.x and `"[5.3085715E-1]"` by 3.x. When the file
/// records `best_iteration` (early stopping through the scikit-learn API), only the trees
/// up to it are used, as `XGBClassifier.predict_proba` does.
///
/// Refused with a reason: other objectives, `dart` and `gblinear` boosters, categorical
/// splits, multi-output leaves, more than one output group.
enum XGBoostModelFile: TreeModelRefusals {
    static let advice = "save the model again with booster.save_model('model.json') (XGBoost ≥ 1.0)"

    /// Whether JSON `data` looks like an XGBoost model: `"learner"` in its first 4 KiB
    /// (XGBoost writes that key first).
    static func recognizes(_ data: Data) -> Bool {
        String(decoding: data.prefix(4096), as: UTF8.self).contains("\"learner\"")
    }

    /// Reads JSON or UBJSON (`format`) bytes as a ``LoadedModel``.
    static func read(
        _ data: Data, format: ModelFileFormat, fileName: String,
        limits: ModelFileLimits
    ) throws(ReasonError) -> LoadedModel {
        let root: JSONValue
        if format == .ubjson {
            do {
                // XGBoost writes about a dozen values a node.
                root = try UBJSONReader.decode(data, maxValues: 16 * limits.maxTreeNodes + 100_000)
            } catch {
                throw damaged(error.detail)
            }
        } else {
            do {
                root = try JSONValue.decode(String(decoding: data, as: UTF8.self))
            } catch {
                throw damaged(error.detail)
            }
        }
        return try read(root, format: format, fileName: fileName, limits: limits)
    }

    /// Reads a parsed model document.
    static func read(
        _ root: JSONValue, format: ModelFileFormat, fileName: String,
        limits: ModelFileLimits
    ) throws(ReasonError) -> LoadedModel {
        guard let learner = root["learner"]?.object else { throw damaged("no \"learner\" object") }
        let version = root["version"]?.array?.compactMap(\.integer).map(String.init).joined(separator: ".")
        let objective = learner["objective"]?["name"]?.string ?? "(none)"
        guard ["binary:logistic", "reg:logistic"].contains(objective) else {
            throw unsupported(
                "has objective \(objective.quotedForMessage(limit: 40))",
                "train with objective='binary:logistic' (XGBClassifier's default for two classes)")
        }
        guard let parameters = learner["learner_model_param"] else { throw damaged("no \"learner_model_param\"") }
        guard let featureCount = integer(parameters["num_feature"]), featureCount > 0 else {
            throw damaged("\"num_feature\" is not a positive whole number")
        }
        let classes = integer(parameters["num_class"]) ?? 0
        let targets = integer(parameters["num_target"]) ?? 1
        guard classes <= 1, targets == 1 else {
            throw unsupported("has \(max(classes, targets)) outputs", "train a binary classifier with one output")
        }
        let baseScore = try self.baseScore(parameters["base_score"])
        guard let booster = learner["gradient_booster"] else { throw damaged("no \"gradient_booster\"") }
        let boosterName = booster["name"]?.string ?? "(none)"
        guard boosterName == "gbtree" else {
            throw unsupported("uses booster \(boosterName.quotedForMessage(limit: 40))", "train with booster='gbtree' (the default)")
        }
        guard let model = booster["model"], let treeValues = model["trees"]?.array else {
            throw damaged("no \"trees\" in the gbtree model")
        }
        guard !treeValues.isEmpty else { throw damaged("the model has no trees") }
        if let declared = integer(model["gbtree_model_param"]?["num_trees"]), declared != treeValues.count {
            throw damaged("\"num_trees\" says \(declared) but \(treeValues.count) trees are stored")
        }
        if let groups = model["tree_info"]?.array, groups.contains(where: { $0.integer != 0 }) {
            throw unsupported("has trees for several output groups", "train a binary classifier with one output")
        }
        let used = try treesUsed(learner: learner, model: model, stored: treeValues.count)
        var total = 0
        var trees: [TreeEnsemble.Tree] = []
        trees.reserveCapacity(used)
        for (t, value) in treeValues.prefix(used).enumerated() {
            let tree = try self.tree(value, index: t)
            total += tree.nodes.count
            guard total <= limits.maxTreeNodes else {
                throw ReasonError(.tooLarge(detail: "more tree nodes than \(Limit.maxTreeNodes.phrase(limits.maxTreeNodes)), at tree \(t)"))
            }
            trees.append(tree)
        }
        let ensemble: TreeEnsemble
        let classifier: TreeEnsembleClassifier
        do {
            ensemble = try TreeEnsemble(
                trees: trees, inputCount: featureCount,
                baseScores: [log(baseScore / (1 - baseScore))], maxNodes: limits.maxTreeNodes)
            classifier = try TreeEnsembleClassifier(ensemble: ensemble, transform: .logistic(scale: 1))
        } catch {
            throw damaged(error.description)
        }
        let note = used < treeValues.count ? "the first \(CountText.of(used)) of \(CountText.of(treeValues.count)) (best_iteration)" : nil
        let summary = ModelSummary.trees(
            file: fileName, format: format, framework: "XGBoost", version: version,
            architecture: "gradient-boosted trees (gbtree, \(objective))", ensemble: ensemble,
            activation: "sigmoid", note: note)
        return LoadedModel(classifier: classifier, summary: summary)
    }

    /// The base score as a probability in (0, 1): a number, or text `"5E-1"` / `"[5E-1]"`.
    static func baseScore(_ value: JSONValue?) throws(ReasonError) -> Double {
        var text: Substring
        switch value {
        case let .number(number)?: text = Substring("\(number)")
        case let .string(string)?: text = Substring(string)
        default: throw damaged("no \"base_score\"")
        }
        if text.hasPrefix("["), text.hasSuffix("]") { text = text.dropFirst().dropLast() }
        guard let score = Float(text.trimmingCharacters(in: .whitespaces)), score > 0, score < 1 else {
            throw damaged("\"base_score\" \(String(text).quotedForMessage(limit: 40)) is not one probability between 0 and 1")
        }
        return Double(score)
    }

    /// How many of the `stored` trees are used: all, or those up to `best_iteration`.
    static func treesUsed(learner: [String: JSONValue], model: JSONValue, stored: Int) throws(ReasonError) -> Int {
        guard let best = integer(learner["attributes"]?["best_iteration"]) else { return stored }
        guard best >= 0 else { throw damaged("\"best_iteration\" is negative") }
        if let bounds = model["iteration_indptr"]?.array?.compactMap(\.integer), !bounds.isEmpty {
            guard best + 1 < bounds.count, bounds[best + 1] <= stored else {
                throw damaged("\"best_iteration\" \(best) is beyond the \(bounds.count - 1) iterations stored")
            }
            return bounds[best + 1]
        }
        let perIteration = max(1, integer(model["gbtree_model_param"]?["num_parallel_tree"]) ?? 1)
        let (product, overflow) = (best + 1).multipliedReportingOverflow(by: perIteration)
        guard !overflow, product <= stored else {
            throw damaged("\"best_iteration\" \(best) is beyond the \(stored) trees stored")
        }
        return product
    }

    /// Tree `t` of the file, checked for size agreement and refused features.
    static func tree(_ value: JSONValue, index t: Int) throws(ReasonError) -> TreeEnsemble.Tree {
        guard let count = integer(value["tree_param"]?["num_nodes"]), count > 0 else {
            throw damaged("tree \(t) has no positive \"num_nodes\"")
        }
        if let leafVector = integer(value["tree_param"]?["size_leaf_vector"]), leafVector > 1 {
            throw unsupported("has trees with \(leafVector) values per leaf", "train a binary classifier with one output")
        }
        func column(_ key: String) throws(ReasonError) -> [Double] {
            guard let array = value[key]?.array else { throw damaged("tree \(t) has no \"\(key)\"") }
            guard array.count == count else {
                throw damaged("tree \(t): \"\(key)\" has \(array.count) entries for \(count) nodes")
            }
            var numbers: [Double] = []
            numbers.reserveCapacity(count)
            for entry in array {
                switch entry {
                case let .number(number) where number.isFinite: numbers.append(number)
                case let .bool(flag): numbers.append(flag ? 1 : 0)
                default: throw damaged("tree \(t): \"\(key)\" holds \(entry.typeName) that is not a finite number")
                }
            }
            return numbers
        }
        let left = try column("left_children"), right = try column("right_children")
        let features = try column("split_indices"), conditions = try column("split_conditions")
        let defaultLeft = try column("default_left")
        if value["split_type"] != nil, try column("split_type").contains(where: { $0 != 0 }) {
            throw unsupported("has categorical splits", "encode categories as numbers (one-hot or ordinal) and train again")
        }
        var nodes: [TreeEnsemble.Node] = []
        nodes.reserveCapacity(count)
        for n in 0..<count {
            guard let l = Int(exactly: left[n]), let r = Int(exactly: right[n]),
                let feature = Int(exactly: features[n])
            else {
                throw damaged("tree \(t) node \(n): a child or feature index is not a whole number")
            }
            if l == -1 && r == -1 {
                nodes.append(.leaf)
            } else {
                // float32 both sides: widening the threshold keeps `x < t` exact.
                nodes.append(
                    .split(
                        feature: feature, threshold: Double(Float(conditions[n])), comparison: .lessThan,
                        left: l, right: r, missingGoesLeft: defaultLeft[n] != 0))
            }
        }
        let leafValues = (0..<count).map { nodes[$0].isLeaf ? Double(Float(conditions[$0])) : 0 }
        return TreeEnsemble.Tree(nodes: nodes, leafValues: leafValues)
    }

    /// A whole number given as a number or as text (XGBoost writes parameters as text).
    static func integer(_ value: JSONValue?) -> Int? {
        if case let .string(text)? = value { return Int(text) }
        return value?.integer
    }
}
