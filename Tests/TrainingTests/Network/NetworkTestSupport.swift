import Foundation
import HiggsData
import Testing

/// Data the network tests share: the sample, and Keras' reference run.
enum NetworkTestData {
    /// The repository's root, found from this file's real location.
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A file of `Tests/TrainingTests/Network/Fixtures`.
    static func fixture(_ name: String) -> URL {
        repositoryRoot.appendingPathComponent("Tests/TrainingTests/Network/Fixtures/\(name)")
    }

    /// The embedded sample (7,500 events) and its split, loaded once.
    static let sample: Result<(HiggsDataset, DataSplit), any Error> = Result {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("leaderboard-nn-tests-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        let dataset = try DataLoader(cacheDirectory: cache.path).load(KnownDataSets.samplePath).dataset
        return (dataset, try DataSplit(rowCount: dataset.rowCount))
    }

    /// Keras' own run of the notebook's network from given weights
    /// (`Fixtures/make_adam_reference.py`).
    struct KerasReference: Decodable {
        struct Case: Decodable {
            var name: String
            var rows: Int
            var batch_size: Int
            var epochs: Int
            var initial: [[Float]]
            var final: [[Float]]
            var history: [String: [Double]]
            var predictions: [Double]
        }
        var keras: String
        var x: [Float]
        var y: [UInt8]
        var cases: [Case]
    }

    static let kerasReference: Result<KerasReference, any Error> = Result {
        let data = try Data(contentsOf: fixture("adam_reference_keras3.json"))
        return try JSONDecoder().decode(KerasReference.self, from: data)
    }
}
