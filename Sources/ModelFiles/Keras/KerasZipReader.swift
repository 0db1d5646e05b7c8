import Foundation
import Models
import Results
import ZIPFoundation

/// Reads a Keras 3 `.keras` file: a zip holding `metadata.json`, `config.json` and
/// `model.weights.h5`, all read in memory (nothing is extracted to disk).
///
/// In `model.weights.h5` a layer's weights are `layers/<name>/vars/0…n-1`, where `<name>`
/// is made from the layer's class (`dense`, `dense_1`, `batch_normalization`…) in the
/// order of the model's layers, not from the layer's own name.
enum KerasZipReader {
    static func read(_ bytes: Data, fileName: String, limits: ModelFileLimits) throws -> LoadedModel {
        let entries = try ZipEntries(bytes, limits: limits)
        if entries.names.contains(where: { $0.hasSuffix(".pkl") || $0.hasSuffix("/data.pkl") }) {
            throw ReasonError(.pickle(container: "zip archive (PyTorch's torch.save format)"))
        }
        guard entries.names.contains("config.json") else {
            let shown = entries.names.prefix(5).map { "'\($0)'" }.joined(separator: ", ")
            throw ReasonError(.unknownFormat(found: "a zip archive without config.json (entries: \(shown))"))
        }
        guard entries.names.contains("model.weights.h5") else {
            throw ReasonError(.malformed(detail: "the .keras archive has no model.weights.h5"))
        }
        let configData = try entries.contents(of: "config.json", maxBytes: limits.maxConfigBytes)
        guard let root = try? JSONDecoder().decode(JSONValue.self, from: configData) else {
            throw ReasonError(.malformed(detail: "config.json is not JSON"))
        }
        let config = try KerasModelConfig.parse(root, maxLayers: limits.maxLayers)
        var version: String?
        if entries.names.contains("metadata.json"),
            let metadata = try? JSONDecoder().decode(JSONValue.self, from: entries.contents(of: "metadata.json", maxBytes: 1 << 20))
        {
            version = metadata["keras_version"]?.string
        }
        let weights = try entries.contents(of: "model.weights.h5", maxBytes: limits.maxInflatedBytes)
        guard ModelFileFormat.hasHDF5Signature(weights) else {
            throw ReasonError(.malformed(detail: "model.weights.h5 in the archive is not HDF5"))
        }
        do {
            return try HDF5File.withImage(weights, limits: limits) { file in
                let store = try KerasVarsStore(file: file, config: config)
                let result = try KerasModelBuilder(
                    config: config, kerasMajor: kerasMajorVersion(version) ?? 3, store: store, limits: limits
                ).build()
                return LoadedModel(
                    classifier: result.network,
                    summary: ModelSummary(
                        keras: result, config: config, file: fileName, format: .zip, version: version, backend: nil))
            }
        } catch let error as HDF5Error {
            throw ReasonError(.malformed(detail: "model.weights.h5: \(error.description)"))
        } catch let error as ReasonError {
            guard case let .pointsOutside(reference, nil) = error.reason else { throw error }
            throw ReasonError(.pointsOutside(reference, member: "model.weights.h5"))
        }
    }
}

/// The entries of a zip held in memory, with limits on their number and on the bytes
/// actually inflated (not the sizes the headers claim).
struct ZipEntries {
    private let archive: Archive
    private let entries: [String: Entry]
    let names: [String]
    private let maxInflated: Int
    private let inflated = Counter()

    private final class Counter { var bytes = 0 }

    init(_ bytes: Data, limits: ModelFileLimits) throws {
        try ZipBounds.check(bytes, maxEntries: limits.maxZipEntries)
        do {
            archive = try Archive(data: bytes, accessMode: .read)
        } catch {
            throw ReasonError(.malformed(detail: "it starts like a zip archive but cannot be read as one"))
        }
        var entries: [String: Entry] = [:]
        var names: [String] = []
        for entry in archive {
            guard names.count < limits.maxZipEntries else {
                throw ReasonError(
                    .tooLarge(detail: "the zip archive has more entries than \(Limit.maxZipEntries.phrase(limits.maxZipEntries))"))
            }
            let name = entry.path
            let parts = name.split(separator: "/", omittingEmptySubsequences: false)
            guard !name.hasPrefix("/"), !name.contains("\\"), !parts.contains(".."), !name.contains("\0") else {
                throw ReasonError(.malformed(detail: "the zip archive has an entry named '\(name)'"))
            }
            names.append(name)
            entries[name] = entry
        }
        self.entries = entries
        self.names = names
        self.maxInflated = limits.maxInflatedBytes
    }

    /// The bytes of entry `name`, stopping as soon as more than `maxBytes` (or the
    /// archive's total allowance) come out.
    func contents(of name: String, maxBytes: Int) throws -> Data {
        guard let entry = entries[name] else { throw ReasonError(.malformed(detail: "no '\(name)' in the archive")) }
        guard entry.type == .file else { throw ReasonError(.malformed(detail: "'\(name)' is not a file")) }
        var data = Data()
        let counter = inflated
        let allowance = maxInflated
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                counter.bytes += chunk.count
                guard data.count + chunk.count <= maxBytes, counter.bytes <= allowance else {
                    throw ReasonError(
                        .tooLarge(
                            detail: counter.bytes > allowance
                                ? "'\(name)' inflates past the \(allowance) bytes the archive may inflate to "
                                    + "(\(Limit.maxInflatedBytes.settingName))"
                                : "'\(name)' inflates to more than \(maxBytes) bytes (\(Limit.maxConfigBytes.settingName))"))
                }
                data.append(chunk)
            }
        } catch let error as ReasonError {
            throw error
        } catch {
            throw ReasonError(.malformed(detail: "'\(name)' in the archive cannot be inflated (\(error))"))
        }
        return data
    }
}

/// `.keras` weights: `layers/<class-derived name>/vars/0…n-1`.
struct KerasVarsStore: KerasWeightStore {
    let file: HDF5File
    /// The generated name of each layer of the config, by index.
    let generatedNames: [String]

    init(file: HDF5File, config: KerasModelConfig) throws {
        self.file = file
        var used: [String: Int] = [:]
        generatedNames = config.layers.map { layer in
            let base = kerasSnakeCase(layer.className)
            if let count = used[base] {
                used[base] = count + 1
                return "\(base)_\(count + 1)"
            }
            used[base] = 0
            return base
        }
    }

    func weightPaths(of layer: KerasLayerConfig, index: Int) throws -> [String] {
        guard generatedNames.indices.contains(index) else { return [] }
        let group = "layers/\(generatedNames[index])/vars"
        guard file.isGroup(group) else { return [] }
        // Keras 3 records the layer's own name on its vars group: a cross-check of the naming.
        if let recorded = file.stringAttribute("name", at: group, maxBytes: 4096), recorded != layer.name {
            throw ReasonError(
                .malformed(
                    detail:
                        "weights '\(group)' belong to layer '\(recorded)', expected '\(layer.name)'"))
        }
        let members = try file.memberNames(of: group, limit: 1_000)
        let numbers = members.compactMap(Int.init).sorted()
        guard numbers == Array(0..<members.count) else {
            throw ReasonError(.malformed(detail: "'\(group)' holds \(members.prefix(8)), not vars 0…n-1"))
        }
        return numbers.map { "\(group)/\($0)" }
    }

    func shape(_ path: String) throws -> [Int] { try file.datasetShape(path) }

    func read(_ path: String, expected: [Int]) throws -> [Float] { try file.readFloats(path, expected: expected) }
}

/// Keras' `naming.to_snake_case`: drop non-word characters, then `_` before each
/// capitalised word and between a lower-case letter and a capital, all lower-cased.
func kerasSnakeCase(_ name: String) -> String {
    func replace(_ pattern: String, _ template: String, in text: String) -> String {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return text }
        let range = NSRange(text.startIndex..., in: text)
        return expression.stringByReplacingMatches(in: text, range: range, withTemplate: template)
    }
    var text = replace("\\W+", "", in: name)
    text = replace("(.)([A-Z][a-z]+)", "$1_$2", in: text)
    text = replace("([a-z])([A-Z])", "$1_$2", in: text)
    return text.lowercased()
}
