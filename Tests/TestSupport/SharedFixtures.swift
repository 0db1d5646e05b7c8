import Foundation

/// Files in the repository that several test targets read: the framework-made model files
/// of `Tests/ModelFilesTests/Fixtures` and the example submissions.
public enum SharedFixtures {
    /// The repository's root, found from this source file's location.
    public static let repositoryRoot: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// A file of `Tests/ModelFilesTests/Fixtures`.
    public static func model(_ name: String) -> String {
        repositoryRoot + "/Tests/ModelFilesTests/Fixtures/" + name
    }

    /// The framework's own predictions stored beside a model fixture (`*.predictions.txt`).
    public static func predictions(_ name: String) throws -> [Double] {
        try String(contentsOfFile: model(name), encoding: .utf8).split(separator: "\n").compactMap { Double($0) }
    }

    /// The ONNX graph of 985 nodes (`large-graph/make_large_graph.py`).
    public static var largeGraph: String { model("large-graph/large_graph.onnx") }

    /// Its nodes counted by operator type, in the order each type first appears, as the
    /// generating script read them back from the file with the onnx package.
    public static func largeGraphOperators() throws -> [(type: String, nodes: Int)] {
        let text = try String(contentsOfFile: model("large-graph/large_graph.operators.tsv"), encoding: .utf8)
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let fields = line.split(separator: "\t")
            guard fields.count == 2, let nodes = Int(fields[1]) else { return nil }
            return (String(fields[0]), nodes)
        }
    }

    /// The repository's example submissions folder.
    public static var exampleSubmissions: String { repositoryRoot + "/submissions" }
}
