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

    /// The repository's example submissions folder.
    public static var exampleSubmissions: String { repositoryRoot + "/submissions" }
}
