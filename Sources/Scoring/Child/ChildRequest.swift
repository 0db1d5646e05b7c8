import Foundation
import HiggsData

/// What the parent asks of one sandboxed child (`leaderboard _predict`): the files to read,
/// the rows to score, where to write, and the limits to apply. The parent turns it into the
/// child's command line with ``arguments`` and the child reads it back with
/// ``init(arguments:)``, so the two sides share one definition.
public struct ChildRequest: Codable, Sendable, Equatable {
    /// The model or predictions file (a private snapshot of the submitted one).
    public var modelPath: String
    /// The manifest, if the submission has one.
    public var manifestPath: String?
    /// The data file, and the cache folder where the parent has already made its cache.
    public var dataPath: String, cacheDirectory: String
    /// Rows of the data file to score.
    public var rows: Range<Int>
    /// The transformed copies of the rows a model file is also scored on (the memorization
    /// check), in order; their scores go to `copiesPath`.
    public var copies: [EventSymmetry]
    /// Where the child writes its scores (``ChildScoresFile``), its summary (``ChildSummary``)
    /// and the containment it applied (``Containment/Report/text``).
    public var scoresPath: String, summaryPath: String, containmentPath: String
    /// Where the child writes the copies' scores (``ChildScoresFile``, copy after copy); it
    /// writes nothing there for a predictions file.
    public var copiesPath: String
    /// The child's memory and CPU time (the parent enforces the wall time).
    public var sandbox: SandboxLimits
    /// What the child's readers accept.
    var readers: ReaderLimits

    /// The command that runs a child.
    public static let commandName = "_predict"
    /// The child's only option; its value is the request as JSON.
    static let option = "--request"

    /// A request for the given files and rows, with the given limits.
    init(
        modelPath: String, manifestPath: String?, dataPath: String, cacheDirectory: String, rows: Range<Int>,
        copies: [EventSymmetry], scoresPath: String, summaryPath: String, containmentPath: String, copiesPath: String,
        sandbox: SandboxLimits, readers: ReaderLimits
    ) {
        self.modelPath = modelPath
        self.manifestPath = manifestPath
        self.dataPath = dataPath
        self.cacheDirectory = cacheDirectory
        self.rows = rows
        self.copies = copies
        self.scoresPath = scoresPath
        self.copiesPath = copiesPath
        self.summaryPath = summaryPath
        self.containmentPath = containmentPath
        self.sandbox = sandbox
        self.readers = readers
    }

    /// Why a child's command line is not a request.
    public struct DecodingError: Error, CustomStringConvertible {
        /// The one-line message.
        public let description: String
    }

    /// The child's command line after the executable: `_predict --request <JSON>`.
    public var arguments: [String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Strings, numbers and ranges always encode.
        let json = (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return [Self.commandName, Self.option, json]
    }

    /// The request a child was given as `arguments` (from the command name on).
    ///
    /// - Throws: ``DecodingError`` for a command line that ``arguments`` did not make.
    public init(arguments: [String]) throws(DecodingError) {
        guard arguments.count == 3, arguments[0] == Self.commandName, arguments[1] == Self.option else {
            throw DecodingError(
                description: "\(Self.commandName) takes \(Self.option) <JSON>, not "
                    + arguments.dropFirst().joined(separator: " "))
        }
        do {
            self = try JSONDecoder().decode(ChildRequest.self, from: Data(arguments[2].utf8))
        } catch {
            throw DecodingError(description: "\(Self.commandName) cannot read its request (\(error))")
        }
    }
}
