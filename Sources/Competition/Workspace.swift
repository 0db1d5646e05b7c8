import Downloads
import Foundation
import HiggsData
import Results

/// A competition's folder: `leaderboard.yml`, the database, `submissions/`, `templates/`,
/// `pages/` and the built `site/`. The repository itself is one, with the defaults.
public struct Workspace: Sendable {
    /// The name of the config file that marks a workspace.
    public static let configFileName = "leaderboard.yml"

    /// The workspace's folder (absolute).
    public let root: String
    /// Its settings.
    public let config: WorkspaceConfig

    /// Opens the workspace whose config is in `root`.
    public init(at root: String) throws(WorkspaceError) {
        let absolute = URL(fileURLWithPath: root).standardizedFileURL.path
        let configPath = absolute + "/" + Self.configFileName
        guard let text = try? String(contentsOfFile: configPath, encoding: .utf8) else {
            throw WorkspaceError.notAWorkspace(absolute)
        }
        do {
            config = try WorkspaceConfig.parse(text)
        } catch {
            throw WorkspaceError.badConfig(configPath, Self.oneLine(error))
        }
        self.root = absolute
    }

    /// A decoding error as one short line: YAML's messages span lines and repeat themselves.
    static func oneLine(_ error: Error) -> String {
        var text = "\(error)"
        if case DecodingError.dataCorrupted(let context) = error {
            text = context.underlyingError.map { "\($0)" } ?? context.debugDescription
        } else if case DecodingError.keyNotFound(let key, let context) = error {
            text = (context.codingPath.map(\.stringValue) + [key.stringValue]).joined(separator: ".") + " is missing"
        } else if case DecodingError.typeMismatch(_, let context) = error {
            text = context.codingPath.map(\.stringValue).joined(separator: ".") + ": " + context.debugDescription
        }
        let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return words.count > 160 ? String(words.prefix(157)) + "..." : words
    }

    /// The workspace containing `directory` (itself or the nearest parent with a config).
    public static func find(from directory: String = FileManager.default.currentDirectoryPath) throws(WorkspaceError) -> Workspace {
        var url = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: url.path + "/" + configFileName) {
                return try Workspace(at: url.path)
            }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { throw WorkspaceError.notAWorkspace(directory) }
            url = parent
        }
    }

    /// `relative` resolved against the workspace folder (absolute paths stay as they are).
    public func resolve(_ relative: String) -> String {
        relative.hasPrefix("/") ? relative : root + "/" + relative
    }

    /// `path` relative to the workspace folder when it is inside it, else absolute.
    public func relativePath(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        return absolute.hasPrefix(root + "/") ? String(absolute.dropFirst(root.count + 1)) : absolute
    }

    /// The data file: the configured one, the configured URL's download in the download folder
    /// of `cacheDirectory` (where `leaderboard data fetch` puts it), or the embedded sample.
    ///
    /// - Throws: `WorkspaceError.dataNotFetched` when the URL's file is not downloaded yet.
    public func dataPath(cacheDirectory: String) throws(WorkspaceError) -> String {
        switch config.data {
        case .sample: return KnownDataSets.samplePath
        case .file(let path): return resolve(path)
        case .download(let file):
            let path = DownloadFolder(cacheDirectory: cacheDirectory).verifiedPath(of: file)
            guard FileManager.default.fileExists(atPath: path) else { throw .dataNotFetched(file.url.absoluteString) }
            return path
        }
    }

    /// Whether the workspace uses the embedded sample.
    var usesEmbeddedSample: Bool { config.data == .sample }

    /// The database file.
    public var databasePath: String { resolve(config.database) }
    /// The submissions folder.
    public var submissionsPath: String { resolve(config.submissions) }
    /// The site folder.
    public var sitePath: String { resolve(config.site) }
    /// The templates folder.
    public var templatesPath: String { resolve(config.templates) }
    /// The content pages folder.
    public var pagesPath: String { resolve(config.pages) }

    /// Opens (creating and migrating as needed) the workspace's database.
    public func openDatabase() throws(ResultsError) -> ResultsDatabase {
        try ResultsDatabase(path: databasePath)
    }
}

/// Why a workspace could not be opened or made; one line with what to do.
public enum WorkspaceError: Error, CustomStringConvertible, Equatable {
    /// No `leaderboard.yml` in the folder or above it.
    case notAWorkspace(String)
    /// The config file could not be read as YAML of the expected shape.
    case badConfig(String, String)
    /// `init` would overwrite an existing workspace.
    case alreadyExists(String)
    /// A file or folder could not be written.
    case unwritable(String, String)
    /// The data is named by a URL whose file has not been downloaded into the cache folder.
    case dataNotFetched(String)

    /// One line with what to do.
    public var description: String {
        switch self {
        case .notAWorkspace(let dir):
            "\(dir): not inside a leaderboard workspace (no \(Workspace.configFileName) here or above). Run `leaderboard init DIR`, "
                + "or pass --workspace DIR."
        case .badConfig(let path, let why):
            "\(path): cannot read the settings (\(why)). Fix the YAML, or compare with a fresh `leaderboard init`."
        case .alreadyExists(let dir):
            "\(dir): already a workspace (\(Workspace.configFileName) exists); nothing was changed. Choose another folder."
        case .unwritable(let path, let why):
            "\(path): cannot write (\(why)). Check the folder's permissions."
        case .dataNotFetched(let url):
            "\(url): the workspace's data is not downloaded yet. Run `leaderboard data fetch` (with the same --cache-dir, if any)."
        }
    }
}
