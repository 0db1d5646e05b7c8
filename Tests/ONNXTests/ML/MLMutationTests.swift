import Foundation
import SwiftProtobuf
import Testing

@testable import ONNX

/// Every integer of a tree ensemble's structure set to values in and out of range, one at a
/// time: the model is read and evaluated, or refused with one line; it never traps.
@Suite struct MLMutationTests {
    static let attributes = [
        "nodes_treeids", "nodes_nodeids", "nodes_featureids", "nodes_truenodeids", "nodes_falsenodeids",
        "nodes_missing_value_tracks_true", "class_treeids", "class_nodeids", "class_ids",
    ]
    static let values: [Int64] = [-2, -1, 0, 1, 2, 3, 4, 5, 1 << 40, .max, .min]

    @Test("structure integers in and out of range never trap", arguments: attributes)
    func sweep(_ name: String) throws {
        let original = try Onnx_ModelProto(serializedBytes: ONNXFixtures.data(MLRefusalTests.forest))
        let (rows, features) = try MLFixtures.conventionRows()
        let position = try #require(original.graph.node[0].attribute.firstIndex { $0.name == name })
        var evaluated = 0, refused = 0
        for index in original.graph.node[0].attribute[position].ints.indices {
            for value in Self.values {
                var model = original
                model.graph.node[0].attribute[position].ints[index] = value
                let data: Data = try model.serializedBytes()
                do {
                    let read = try ONNXModel(data: data, options: ONNXReadOptions(outputName: "Y", defaultInputWidth: 4))
                    _ = try read.evaluate(rows: rows, features: features)
                    evaluated += 1
                } catch {
                    #expect(!error.description.contains("\n"), "\(name)[\(index)] = \(value): \(error)")
                    refused += 1
                }
            }
        }
        // Any value of nodes_missing_value_tracks_true is accepted (only 1 means true, as in onnxruntime).
        #expect(refused > 0 || name == "nodes_missing_value_tracks_true", "no value of \(name) was refused")
        #expect(evaluated > 0, "no value of \(name) was accepted")
    }
}
