import Foundation
import Models
import ZIPFoundation

@testable import ModelFiles

extension FuzzTarget {
    /// Model files through `ModelFileReader.read(_:fileName:)`, the call scoring makes (in its
    /// sandboxed child); a model that loads also predicts a few rows.
    static let modelTargets: [FuzzTarget] = [
        FuzzTarget(name: "keras-h5") { readModel($0, fileName: "model.h5") },
        FuzzTarget(name: "keras-zip") { readModel($0, fileName: "model.keras") },
        FuzzTarget(
            name: "keras-config",
            run: { data in
                // The config JSON both ways it is read: `model_config` text as the .h5 reader parses
                // it, and `config.json` inside a .keras whose weights are a real Keras file's.
                let text = String(decoding: data, as: UTF8.self)
                _ = try? KerasModelConfig.parse(text, maxLayers: ModelFileLimits().maxLayers)
                if let archive = kerasArchive(config: data) { readModel(archive, fileName: "config.keras") }
            }, prepare: { precondition(kerasParts != nil, "the keras-zip seed notebook_keras3.keras is missing") }),
        FuzzTarget(name: "adaboost-json") { readModel($0, fileName: "model.json") },
        FuzzTarget(name: "onnx") { readModel($0, fileName: "model.onnx") },
        FuzzTarget(name: "xgboost-json") { readModel($0, fileName: "model.json") },
        FuzzTarget(name: "xgboost-ubj") { readModel($0, fileName: "model.ubj") },
        FuzzTarget(name: "lightgbm") { readModel($0, fileName: "model.txt") },
    ]

    /// Reads `data` as the model file `fileName`; predicts three rows when it loads.
    static func readModel(_ data: Data, fileName: String) {
        let model: LoadedModel
        do {
            model = try ModelFileReader.read(data, fileName: fileName)
        } catch {
            FuzzCheck.oneLine(String(describing: error), naming: fileName)
            return
        }
        let columns = model.inputCount
        guard columns > 0, columns <= 4096 else { return }
        let rows: [Float] = (0..<(3 * columns)).map { Float($0 % 7) - 3 }
        let scores = try? withFeatureBatch(rows, columns: columns) { try model.classifier.predict($0) }
        if let scores, scores.count != 3 { fatalError("\(scores.count) scores for 3 rows") }
    }

    /// The `.keras` fixture's weights and metadata, read once.
    private static let kerasParts: (weights: Data, metadata: Data)? = {
        let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Corpus/keras-zip/seeds/notebook_keras3.keras").standardizedFileURL
        guard let bytes = try? Data(contentsOf: seed),
            let archive = try? Archive(data: bytes, accessMode: .read, pathEncoding: nil)
        else { return nil }
        func entry(_ name: String) -> Data? {
            guard let entry = archive[name] else { return nil }
            var out = Data()
            _ = try? archive.extract(entry, skipCRC32: true) { out.append($0) }
            return out
        }
        guard let weights = entry("model.weights.h5"), let metadata = entry("metadata.json") else { return nil }
        return (weights, metadata)
    }()

    /// A `.keras` archive in memory holding `config` as its `config.json`.
    private static func kerasArchive(config: Data) -> Data? {
        guard let parts = kerasParts, let archive = try? Archive(data: Data(), accessMode: .create, pathEncoding: nil) else { return nil }
        for (name, bytes) in [("metadata.json", parts.metadata), ("config.json", config), ("model.weights.h5", parts.weights)] {
            try? archive.addEntry(with: name, type: .file, uncompressedSize: Int64(bytes.count)) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data
    }
}
