import ModelFiles
import Workspace

/// Every limit a `score` run enforces, from the `limits:` section of `leaderboard.yml`:
/// the sandboxed child's memory and time, the model readers' bounds, and the bounds on a
/// submission's folder and small files. Keys left out keep their defaults.
public struct RunLimits: Sendable, Equatable {
    /// Each child's memory, CPU time and wall time.
    public var sandbox: SandboxLimits
    /// What the readers of participant files accept.
    public var readers: ReaderLimits

    /// Why a `limits:` section was refused.
    public struct SettingError: Error, Equatable, CustomStringConvertible {
        /// The one-line message.
        public let description: String
    }

    /// The defaults.
    public init() {
        sandbox = SandboxLimits()
        readers = ReaderLimits()
    }

    /// The defaults with `settings` (keys under `limits:`) applied.
    ///
    /// - Throws: ``SettingError`` for a key that is no limit (naming the keys there are), a
    ///   value that is not a positive number, or a count that is not a whole number below 2^62.
    public init(settings: [String: Double]) throws(SettingError) {
        self.init()
        let counts = Set(table.filter(\.isWhole).map(\.key))
        for (key, value) in settings.sorted(by: { $0.key < $1.key }) {
            guard value.isFinite, value > 0 else {
                throw SettingError(description: "limits.\(key) in leaderboard.yml is \(value): give a positive number")
            }
            guard !counts.contains(key) || (value == value.rounded() && value < 0x1p62) else {
                throw SettingError(description: "limits.\(key) in leaderboard.yml is \(value): give a whole number "
                    + "below 2^62")
            }
        }
        var rest = settings
        (sandbox, rest) = sandbox.applying(rest)
        rest = readers.apply(rest)
        if let unknown = rest.keys.sorted().first {
            throw SettingError(description: "limits.\(unknown) in leaderboard.yml is not a limit; the limits are "
                + Self.allKeys.joined(separator: ", "))
        }
    }

    /// Every key under `limits:`, in the order `leaderboard limits` lists them.
    public static var allKeys: [String] { RunLimits().table.map(\.key) }

    /// One limit as `leaderboard limits` lists it.
    public typealias Row = (key: String, value: Double, defaultValue: Double, unit: String, meaning: String,
                            isWhole: Bool)

    /// One row per limit: key, value, default, unit and meaning.
    public var table: [Row] {
        func rows<L: SettableLimits>(_ limits: L) -> [Row] {
            L.settings.map { ($0.key, $0.value(in: limits), $0.value(in: L.defaults), $0.unit, $0.meaning, $0.isWhole) }
        }
        return rows(sandbox) + rows(readers.modelFile) + rows(readers.submission)
    }
}

extension RunLimits {
    /// The limits `workspace`'s `leaderboard.yml` sets.
    ///
    /// - Throws: ``SettingError`` for a key that is no limit or a value that is not positive.
    public init(workspace: Workspace) throws(SettingError) {
        try self.init(settings: workspace.config.limits)
    }
}
