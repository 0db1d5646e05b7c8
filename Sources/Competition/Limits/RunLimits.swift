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
        let byKey = Dictionary(uniqueKeysWithValues: Self.settings.map { ($0.key, $0) })
        for (key, value) in settings.sorted(by: { $0.key < $1.key }) {
            guard value.isFinite, value > 0 else {
                throw SettingError(description: "limits.\(key) in leaderboard.yml is \(value): give a positive number")
            }
            guard byKey[key]?.isWhole != true || (value == value.rounded() && value < 0x1p62) else {
                throw SettingError(
                    description: "limits.\(key) in leaderboard.yml is \(value): give a whole number "
                        + "below 2^62")
            }
        }
        if let unknown = settings.keys.sorted().first(where: { byKey[$0] == nil }) {
            throw SettingError(
                description: "limits.\(unknown) in leaderboard.yml is not a limit; the limits are "
                    + Self.allKeys.joined(separator: ", "))
        }
        for (key, value) in settings {
            byKey[key]?.set(value, in: &self)
        }
    }

    /// Every key under `limits:`, in the order `leaderboard limits` lists them.
    public static var allKeys: [String] { settings.map(\.key) }

    /// One limit as `leaderboard limits` lists it.
    public typealias Row = (
        key: String, value: Double, defaultValue: Double, unit: String, meaning: String,
        isWhole: Bool
    )

    /// One row per limit: key, value, default, unit and meaning.
    public var table: [Row] {
        let defaults = RunLimits()
        return Self.settings.map {
            ($0.key, $0.value(in: self), $0.value(in: defaults), $0.unit, $0.meaning, $0.isWhole)
        }
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
