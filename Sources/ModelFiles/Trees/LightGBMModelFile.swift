import Foundation
import Models
import Results

/// LightGBM's text model, as `Booster.save_model('model.txt')` (and the CLI) writes it,
/// versions v2 to v4: a header of `key=value` lines, then one block a tree.
///
/// Read: objective `binary` (probability `1 / (1 + exp(-sigmoid · score))`, with the
/// `sigmoid:` parameter of the objective line), one tree per iteration, numerical splits.
/// A tree of `num_leaves` leaves has `num_leaves - 1` splits; split `i` sends a row to
/// `left_child[i]` when `value <= threshold[i]`, compared in double (the ensemble reads the
/// rows in float64: a value written with three decimals is compared as written),
/// a negative child `c` being leaf `-c - 1`. `decision_type[i]`'s bit 1 is "missing goes
/// left" and bits 2-3 the missing type: `None` (NaN is read as 0 and compared),
/// `Zero` (NaN and `|x| ≤ float32(1e-35)` are missing), `NaN` (NaN is missing). Leaf values
/// already include the tree's `shrinkage`. `average_output` (random forest mode) averages.
///
/// Refused with a reason: other objectives, several classes, categorical splits, linear
/// trees.
enum LightGBMModelFile: TreeModelRefusals {
    static let advice = "save the model again with booster.save_model('model.txt')"
    /// The refusal of a model with categorical splits.
    static var categoricalSplits: ReasonError {
        unsupported("has categorical splits", "encode categories as numbers and train without categorical_feature")
    }

    /// Reads the text model in `data` as a ``LoadedModel``.
    static func read(_ data: Data, fileName: String, limits: ModelFileLimits) throws(ReasonError) -> LoadedModel {
        guard let text = String(data: data, encoding: .utf8) else { throw damaged("the text is not UTF-8") }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }[...]
        let header = try fields(&lines, block: "the header")
        guard header["tree"] != nil else { throw damaged("the first line is not 'tree'") }
        let version = header["version"].map(String.init)
        let objectiveWords = (header["objective"] ?? "").split(separator: " ")
        let objective = objectiveWords.first.map(String.init) ?? "(none)"
        guard objective == "binary" else {
            throw unsupported(
                "has objective \(objective.quotedForMessage(limit: 40))",
                "train with objective='binary' (LGBMClassifier's default "
                    + "for two classes)")
        }
        var sigmoid = 1.0
        for word in objectiveWords.dropFirst() where word.hasPrefix("sigmoid:") {
            guard let value = Double(word.dropFirst("sigmoid:".count)), value.isFinite, value > 0 else {
                throw damaged("the objective's sigmoid \(String(word).quotedForMessage(limit: 40)) is not a positive number")
            }
            sigmoid = value
        }
        guard let classes = header["num_class"].flatMap({ Int($0) }), classes == 1,
            header["num_tree_per_iteration"].flatMap({ Int($0) }) == 1
        else {
            throw unsupported(
                "has several classes or trees per iteration",
                "train a binary classifier "
                    + "(objective='binary')")
        }
        guard let maxFeature = header["max_feature_idx"].flatMap({ Int($0) }), maxFeature >= 0,
            maxFeature < limits.maxTreeNodes
        else {
            throw damaged("\"max_feature_idx\" is not a whole number from 0")
        }
        let averaged = header["average_output"] != nil
        var trees: [TreeEnsemble.Tree] = []
        var total = 0
        while let line = lines.first, line.hasPrefix("Tree=") {
            let t = trees.count
            let fields = try self.fields(&lines, block: "tree \(t)")
            let tree = try self.tree(fields, index: t, limits: limits, total: &total)
            trees.append(tree)
        }
        guard lines.first == "end of trees" else {
            let found = lines.first.map { String($0).quotedForMessage(limit: 40) } ?? "the end of the file"
            throw damaged("after \(trees.count) trees, \(found) where 'end of trees' was expected (is the file truncated?)")
        }
        guard !trees.isEmpty else { throw damaged("the model has no trees") }
        let ensemble: TreeEnsemble
        let classifier: TreeEnsembleClassifier
        do {
            ensemble = try TreeEnsemble(
                trees: trees, inputCount: maxFeature + 1, aggregation: averaged ? .average : .sum,
                baseScores: [0], precision: .float64, maxNodes: limits.maxTreeNodes)
            classifier = try TreeEnsembleClassifier(ensemble: ensemble, transform: .logistic(scale: sigmoid))
        } catch {
            throw damaged(error.description)
        }
        let summary = ModelSummary.trees(
            file: fileName, format: .lightgbm, framework: "LightGBM", version: version,
            architecture: "gradient-boosted trees (\(averaged ? "random forest, averaged" : "gbdt"), binary)",
            ensemble: ensemble, activation: sigmoid == 1 ? "sigmoid" : "sigmoid(\(sigmoid) × score)")
        return LoadedModel(classifier: classifier, summary: summary)
    }

    /// The `key=value` lines (and bare `key` lines) of one block, up to a blank line or the
    /// next block; consumed from `lines` with the blank lines after them.
    static func fields(_ lines: inout ArraySlice<Substring>, block: String) throws(ReasonError) -> [Substring: Substring] {
        var fields: [Substring: Substring] = [:]
        var first = true
        while let line = lines.first, !line.isEmpty {
            if !first && (line.hasPrefix("Tree=") || line == "end of trees") { break }
            first = false
            lines.removeFirst()
            let parts = line.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = parts[0]
            guard fields[key] == nil else { throw damaged("\(block) gives \(String(key).quotedForMessage(limit: 40)) twice") }
            fields[key] = parts.count > 1 ? parts[1] : ""
        }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        return fields
    }

    /// Tree `t` from its fields, as a ``TreeEnsemble/Tree`` (splits first, then leaves).
    static func tree(
        _ fields: [Substring: Substring], index t: Int, limits: ModelFileLimits,
        total: inout Int
    ) throws(ReasonError) -> TreeEnsemble.Tree {
        guard let leaves = fields["num_leaves"].flatMap({ Int($0) }), leaves >= 1 else {
            throw damaged("tree \(t) has no positive \"num_leaves\"")
        }
        total += 2 * leaves - 1
        guard leaves <= limits.maxTreeNodes, total <= limits.maxTreeNodes else {
            throw ReasonError(.tooLarge(detail: "more tree nodes than \(Limit.maxTreeNodes.phrase(limits.maxTreeNodes)), at tree \(t)"))
        }
        if let linear = fields["is_linear"], linear != "0" {
            throw unsupported("has linear trees (linear_tree=True)", "train with linear_tree=False")
        }
        if let categorical = fields["num_cat"], categorical != "0" {
            throw categoricalSplits
        }
        func column<T>(_ key: Substring, _ count: Int, _ parse: (Substring) -> T?) throws(ReasonError) -> [T] {
            guard let line = fields[key] else { throw damaged("tree \(t) has no \"\(key)\"") }
            let words = line.split(separator: " ", maxSplits: count)
            guard words.count == count else {
                throw damaged(
                    "tree \(t): \"\(key)\" has \(words.count == count + 1 ? "more than \(count)" : "\(words.count)") "
                        + "entries for \(count)")
            }
            var values: [T] = []
            values.reserveCapacity(count)
            for word in words {
                guard let value = parse(word) else {
                    throw damaged("tree \(t): \"\(key)\" holds \(String(word).quotedForMessage(limit: 30))")
                }
                values.append(value)
            }
            return values
        }
        let splits = leaves - 1
        let leafValues = try column("leaf_value", leaves) { Double($0).flatMap { $0.isFinite ? $0 : nil } }
        let features = try column("split_feature", splits) { Int($0) }
        let thresholds = try column("threshold", splits) { Double($0).flatMap { $0.isNaN ? nil : $0 } }
        let types = try column("decision_type", splits) { Int($0) }
        let left = try column("left_child", splits) { Int($0) }
        let right = try column("right_child", splits) { Int($0) }
        var nodes: [TreeEnsemble.Node] = []
        nodes.reserveCapacity(splits + leaves)
        // Leaf `j` becomes node `splits + j`; children out of range stay out of range, so
        // the ensemble refuses them.
        func node(_ child: Int) -> Int { child >= 0 ? child : child == Int.min ? -1 : splits + (-child - 1) }
        for i in 0..<splits {
            guard types[i] & 1 == 0 else {
                throw categoricalSplits
            }
            let defaultLeft = types[i] & 2 != 0
            let missing: MissingType
            switch (types[i] >> 2) & 3 {
            case 0: missing = .none
            case 1: missing = .zero
            case 2: missing = .nan
            default: throw damaged("tree \(t) split \(i) has decision_type \(types[i]), an unknown missing type")
            }
            guard left[i] < splits, right[i] < splits else {
                throw damaged("tree \(t) split \(i) has child \(max(left[i], right[i])), but the tree has \(splits) splits")
            }
            nodes.append(
                .split(
                    feature: features[i], threshold: thresholds[i], comparison: .lessOrEqual,
                    left: node(left[i]), right: node(right[i]),
                    missingGoesLeft: missing == .none ? 0 <= thresholds[i] : defaultLeft, zeroIsMissing: missing == .zero))
        }
        nodes.append(contentsOf: repeatElement(.leaf, count: leaves))
        return TreeEnsemble.Tree(nodes: nodes, leafValues: Array(repeating: 0, count: splits) + leafValues)
    }

    /// LightGBM's missing types (`decision_type` bits 2-3).
    enum MissingType { case none, zero, nan }
}
