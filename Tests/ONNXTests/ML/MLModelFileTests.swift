import Foundation
import ModelFiles
import Models
import SwiftProtobuf
import TestSupport
import Testing

@testable import ONNX

/// skl2onnx files read the way submissions are read (``ModelFileReader``): scored like
/// scikit-learn, and refused at read time, naming the file, when a tree reads a feature the
/// rows do not have.
@Suite struct MLModelFileTests {
    @Test(
        "read as a submission, the file scores like scikit-learn",
        arguments: ["gradient_boosting_zipmap", "hist_gradient_boosting", "adaboost_depth3_zipmap", "high_level_columns"])
    func readerScoresLikeScikitLearn(_ name: String) throws {
        let loaded = try ModelFileReader.read(contentsOf: ONNXFixtures.url("\(name).onnx"))
        let rows = try SampleRows.hiddenTest()
        let scores = try withFeatureBatch(rows, columns: 28) { try loaded.classifier.predict($0) }
        let sklearn = try ONNXFixtures.numbers("\(name).predictions.txt")
        #expect(loaded.classifier.inputCount == 28)
        #expect(MLFixtures.largestDifference(scores, sklearn) <= 1e-5)
    }

    @Test("feature 40 of 28 refused on reading")
    func featureBeyondWidthRefusedAtRead() throws {
        var model = try Onnx_ModelProto(serializedBytes: ONNXFixtures.data("gradient_boosting.onnx"))
        let node = try #require(model.graph.node.firstIndex { $0.opType == "TreeEnsembleClassifier" })
        let attribute = try #require(model.graph.node[node].attribute.firstIndex { $0.name == "nodes_featureids" })
        model.graph.node[node].attribute[attribute].ints[0] = 40
        let data: Data = try model.serializedBytes()
        let error = try #require(throws: ModelFileError.self) {
            _ = try ModelFileReader.read(data, fileName: "wide.onnx")
        }
        let message = error.description
        #expect(message.contains("wide.onnx"), "\(message)")
        #expect(message.contains("feature 40, but the input has 28 features"), "\(message)")
        #expect(!message.contains("\n"))
    }

    @Test("too many nodes: refusal names max_tree_nodes")
    func treeNodeLimit() throws {
        var limits = ModelFileLimits()
        limits.maxTreeNodes = 50
        let error = try #require(throws: ModelFileError.self) {
            _ = try ModelFileReader.read(contentsOf: ONNXFixtures.url("gradient_boosting.onnx"), limits: limits)
        }
        #expect(error.description.contains("the limit of 50, limits.max_tree_nodes in leaderboard.yml"), "\(error)")
        limits.maxTreeNodes = 1_000_000
        _ = try ModelFileReader.read(contentsOf: ONNXFixtures.url("gradient_boosting.onnx"), limits: limits)
    }
}
