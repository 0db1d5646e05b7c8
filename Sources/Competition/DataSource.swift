import Downloads
import Foundation

/// Where a workspace's data comes from (`data:` in `leaderboard.yml`): the embedded sample
/// (empty), a file path, or a file named by URL and SHA-256 that `leaderboard data fetch`
/// downloads into the cache folder.
public enum DataSource: Sendable, Equatable {
    /// The embedded 7,500-event sample.
    case sample
    /// A file, relative to the workspace folder unless absolute.
    case file(String)
    /// A file downloaded and verified by `leaderboard data fetch`.
    case download(PinnedFile)
}

/// `data:` as written: a path, or `{url: …, sha256: …}`.
struct DataSourceConfig: Codable {
    var source: DataSource

    init(_ source: DataSource) { self.source = source }

    enum CodingKeys: String, CodingKey {
        case url, sha256
    }

    init(from decoder: Decoder) throws {
        if let path = try? decoder.singleValueContainer().decode(String.self) {
            source = path.isEmpty ? .sample : .file(path)
            return
        }
        let c: KeyedDecodingContainer<CodingKeys>
        do { c = try decoder.container(keyedBy: CodingKeys.self) } catch {
            throw Self.invalid(decoder, "data: give a file path, or a mapping {url: …, sha256: …}")
        }
        let text = try c.decode(String.self, forKey: .url)
        let digest = try c.decode(String.self, forKey: .sha256)
        guard let url = URL(string: text) else { throw Self.invalid(decoder, "data.url: '\(text)' is not a URL") }
        do { source = .download(try PinnedFile(url: url, sha256: digest)) } catch {
            throw Self.invalid(decoder, "data: \(error)")
        }
    }

    func encode(to encoder: Encoder) throws {
        switch source {
        case .sample:
            var c = encoder.singleValueContainer()
            try c.encode("")
        case .file(let path):
            var c = encoder.singleValueContainer()
            try c.encode(path)
        case .download(let file):
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(file.url.absoluteString, forKey: .url)
            try c.encode(file.sha256, forKey: .sha256)
        }
    }

    private static func invalid(_ decoder: Decoder, _ why: String) -> DecodingError {
        .dataCorrupted(DecodingError.Context(codingPath: decoder.codingPath, debugDescription: why))
    }
}
