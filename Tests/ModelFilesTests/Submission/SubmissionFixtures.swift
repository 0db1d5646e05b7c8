import Foundation
import Testing

/// The fixtures under `Fixtures/submission/`, found from this file's real location so that
/// the tests read the committed files whichever package builds them.
enum SubmissionFixtures {
    /// The fixture folder.
    static let folder: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/submission")

    /// The URL of fixture `name`, checked to exist.
    static func url(_ name: String) -> URL {
        let url = folder.appendingPathComponent(name)
        #expect(FileManager.default.fileExists(atPath: url.path), "missing fixture \(name)")
        return url
    }

    /// The bytes of fixture `name`.
    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: url(name))
    }
}

extension Data {
    /// UTF-8 bytes of `text`, for inline test files.
    static func text(_ text: String) -> Data { Data(text.utf8) }
}
