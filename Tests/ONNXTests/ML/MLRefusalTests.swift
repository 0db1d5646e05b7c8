import Foundation
import SwiftProtobuf
import Testing

@testable import ONNX

/// Self-contradictory `ai.onnx.ml` attributes are refused with one line that says what is
/// wrong: each case edits one attribute of a fixture made by onnx.helper.
@Suite struct MLRefusalTests {
    /// A tree ensemble classifier of two trees on 4 features (see make_onnxml_conventions.py:
    /// tree 1 is listed first, nodes 0-2; tree 0 follows, nodes 0-4).
    static let forest = "conventions/tec_binary_mixed_none.onnx"

    /// The message of the error that reading (and, when needed, evaluating) the edited model throws.
    static func refusal(_ fixture: String, edit: (inout Onnx_NodeProto) -> Void) throws -> String {
        var model = try Onnx_ModelProto(serializedBytes: ONNXFixtures.data(fixture))
        edit(&model.graph.node[model.graph.node.count - 1])
        let data: Data = try model.serializedBytes()
        let (rows, features) = try MLFixtures.conventionRows()
        let error = try #require(throws: ONNXError.self) {
            let read = try ONNXModel(data: data, options: ONNXReadOptions(outputName: "Y", defaultInputWidth: 4))
            _ = try read.evaluate(rows: rows, features: features)
        }
        let message = error.description
        #expect(!message.contains("\n"), "more than one line: \(message)")
        return message
    }

    /// Applies `change` to attribute `name` of `node`.
    static func attribute(_ node: inout Onnx_NodeProto, _ name: String, _ change: (inout Onnx_AttributeProto) -> Void) {
        guard let index = node.attribute.firstIndex(where: { $0.name == name }) else {
            Issue.record("no attribute \(name)")
            return
        }
        change(&node.attribute[index])
    }

    /// One integer of one attribute changed: `ints[index] = value` of `name`, and the message.
    @Test(
        arguments: [
            // A child out of range.
            ("nodes_truenodeids", 0, 99, "child 99 is not a node of tree 1"),
            // A cycle: tree 0's node 1 sends rows back to its parent, node 0.
            ("nodes_falsenodeids", 4, 0, "reached twice"),
            // A self-loop.
            ("nodes_truenodeids", 0, 0, "reached twice"),
            // A feature beyond the input's width.
            ("nodes_featureids", 0, 40, "feature 40, but the input has 4 features"),
            // A class id out of range.
            ("class_ids", 0, 5, "class ids run from 0 to 1"),
            // A weight on a node that does not exist.
            ("class_nodeids", 0, 17, "node 17 of tree 0, which is not a node"),
            // A node listed twice.
            ("nodes_nodeids", 1, 0, "lists node 0 of tree 1 twice"),
        ] as [(String, Int, Int64, String)])
    func oneIntegerChanged(name: String, index: Int, value: Int64, expected: String) throws {
        let message = try Self.refusal(Self.forest) { node in
            Self.attribute(&node, name) { $0.ints[index] = value }
        }
        #expect(message.contains(expected), "\(message)")
    }

    @Test func mismatchedNodeLists() throws {
        let message = try Self.refusal(Self.forest) { node in
            Self.attribute(&node, "nodes_values") { $0.floats.removeLast() }
        }
        #expect(message.contains("7 nodes_values for 8 nodes_treeids"), "\(message)")
    }

    @Test func mismatchedWeightLists() throws {
        let message = try Self.refusal(Self.forest) { node in
            Self.attribute(&node, "class_weights") { $0.floats.append(0.5) }
        }
        #expect(message.contains("6 class_weights for 5 class_treeids"), "\(message)")
    }

    @Test func leafWithoutWeight() throws {
        let message = try Self.refusal(Self.forest) { node in
            for name in ["class_treeids", "class_nodeids", "class_ids"] {
                Self.attribute(&node, name) { $0.ints.removeLast() }
            }
            Self.attribute(&node, "class_weights") { $0.floats.removeLast() }
        }
        #expect(message.contains("without a class weight"), "\(message)")
    }

    @Test func unknownMode() throws {
        let message = try Self.refusal(Self.forest) { node in
            Self.attribute(&node, "nodes_modes") { $0.strings[0] = Data("BRANCH_ABOUT".utf8) }
        }
        #expect(message.contains("mode 'BRANCH_ABOUT'"), "\(message)")
    }

    @Test func unknownPostTransform() throws {
        let message = try Self.refusal(Self.forest) { node in
            Self.attribute(&node, "post_transform") { $0.s = Data("SQUASH".utf8) }
        }
        #expect(message.contains("post_transform 'SQUASH'"), "\(message)")
    }

    @Test func valuesGivenTwice() throws {
        let message = try Self.refusal("conventions/tec_as_tensor_logistic.onnx") { node in
            var list = Onnx_AttributeProto()
            list.name = "nodes_values"
            list.type = .floats
            list.floats = [Float](repeating: 0, count: 8)
            node.attribute.append(list)
        }
        #expect(message.contains("both 'nodes_values' and 'nodes_values_as_tensor'"), "\(message)")
    }

    @Test func regressorBaseValuesPerTarget() throws {
        let message = try Self.refusal("conventions/ter_two_targets_average.onnx") { node in
            Self.attribute(&node, "base_values") { $0.floats.append(3) }
        }
        #expect(message.contains("3 base_values for 2 targets"), "\(message)")
    }

    @Test func minimumOverLeavesOfDifferentTargets() throws {
        // The last leaf loses its weight for target 1: MIN would then depend on which trees
        // weight a target, which is refused rather than guessed.
        let message = try Self.refusal("conventions/ter_two_targets_min_logistic.onnx") { node in
            for name in ["target_treeids", "target_nodeids", "target_ids"] {
                Self.attribute(&node, name) { $0.ints.removeLast() }
            }
            Self.attribute(&node, "target_weights") { $0.floats.removeLast() }
        }
        #expect(message.contains("aggregate_function MIN and leaves weighting different targets"), "\(message)")
    }

    @Test func linearOneRowProbit() throws {
        let message = try Self.refusal("conventions/lc_one_row_logistic.onnx") { node in
            Self.attribute(&node, "post_transform") { $0.s = Data("PROBIT".utf8) }
        }
        #expect(message.contains("one coefficient row and post_transform PROBIT"), "\(message)")
    }

    @Test func linearCoefficientsDoNotMakeRows() throws {
        let message = try Self.refusal("conventions/lc_two_rows_none.onnx") { node in
            Self.attribute(&node, "coefficients") { $0.floats.removeLast() }
        }
        #expect(message.contains("7 coefficients for 2 intercepts"), "\(message)")
    }

    @Test func scalerLengthsDisagree() throws {
        let message = try Self.refusal("conventions/scaler_vectors.onnx") { node in
            Self.attribute(&node, "offset") { $0.floats.removeLast() }
        }
        #expect(message.contains("3 offsets and 4 scales"), "\(message)")
    }

    @Test func zipMapLabelsDisagreeWithColumns() throws {
        let message = try Self.refusal("conventions/zipmap_int64.onnx") { node in
            Self.attribute(&node, "classlabels_int64s") { $0.ints.append(2) }
        }
        #expect(message.contains("2 scores per row for 3 class labels"), "\(message)")
    }

    @Test func featureExtractorIndexOutOfRange() throws {
        var model = try Onnx_ModelProto(serializedBytes: ONNXFixtures.data("conventions/array_feature_extractor.onnx"))
        model.graph.initializer[0].int64Data = [3, 0, 9]
        model.graph.initializer[0].clearRawData()
        let data: Data = try model.serializedBytes()
        let (rows, features) = try MLFixtures.conventionRows()
        let error = try #require(throws: ONNXError.self) {
            _ = try ONNXModel(data: data, options: ONNXReadOptions(outputName: "Y", defaultInputWidth: 4))
                .evaluate(rows: rows, features: features)
        }
        #expect(error.description.contains("index 9 is outside the last axis of 4 elements"), "\(error)")
    }
}
