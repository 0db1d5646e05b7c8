/// One limit as organizers set it: its key under `limits:` in `leaderboard.yml`, what it
/// bounds, and how to read and change it on a limits value of type `Limits`.
///
/// Every limit the tool enforces is listed as such a setting (``SettableLimits/settings``),
/// so that each has a default, a setting, and a message that names the setting when it is
/// hit (``SettableLimits/phrase(_:)``).
public struct LimitSetting<Limits>: @unchecked Sendable {
    /// The key under `limits:` in `leaderboard.yml`, e.g. `max_file_bytes`.
    public let key: String
    /// What the limit bounds, for `leaderboard limits` and the documentation.
    public let meaning: String
    /// The unit the value is in (`bytes`, `seconds`, `entries`…).
    public let unit: String
    /// Whether the value is a count, so a whole number (an integer field).
    public let isWhole: Bool
    /// The field it sets (key paths are immutable values, hence the unchecked `Sendable`).
    let path: PartialKeyPath<Limits>
    let read: (Limits) -> Double
    let write: (inout Limits, Double) -> Void

    /// A setting of an integer field.
    public init(_ key: String, _ keyPath: WritableKeyPath<Limits, Int>, unit: String, meaning: String) {
        self.key = key
        path = keyPath
        self.meaning = meaning
        self.unit = unit
        isWhole = true
        read = { Double($0[keyPath: keyPath]) }
        write = { $0[keyPath: keyPath] = Int($1) }
    }

    /// A setting of a floating-point field.
    public init(_ key: String, _ keyPath: WritableKeyPath<Limits, Double>, unit: String, meaning: String) {
        self.key = key
        path = keyPath
        self.meaning = meaning
        self.unit = unit
        isWhole = false
        read = { $0[keyPath: keyPath] }
        write = { $0[keyPath: keyPath] = $1 }
    }

    /// The value in `limits`.
    public func value(in limits: Limits) -> Double { read(limits) }

    /// Sets the value in `limits`.
    public func set(_ value: Double, in limits: inout Limits) { write(&limits, value) }
}

/// How a limit's value is written: a whole number without a fraction.
public func limitText(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e18 ? String(Int(value)) : String(value)
}

/// A set of limits whose fields are all settings.
public protocol SettableLimits: Sendable {
    /// The defaults.
    static var defaults: Self { get }
    /// Every field, as a setting.
    static var settings: [LimitSetting<Self>] { get }
}

extension SettableLimits {
    /// How a message names the limit at `keyPath`: `the limit of 536870912 bytes
    /// (limits.max_file_bytes in leaderboard.yml)`.
    public func phrase(_ keyPath: PartialKeyPath<Self>) -> String {
        guard let setting = Self.settings.first(where: { $0.path == keyPath }) else {
            return "the limit of \(self[keyPath: keyPath])"
        }
        return "the limit of \(limitText(setting.value(in: self))) \(setting.unit) (\(Self.settingName(keyPath)))"
    }

    /// How a message names the setting of the field at `keyPath`:
    /// `limits.max_layers in leaderboard.yml`.
    public static func settingName(_ keyPath: PartialKeyPath<Self>) -> String {
        Self.settings.first(where: { $0.path == keyPath }).map { "limits.\($0.key) in leaderboard.yml" } ?? "a limit"
    }

    /// These limits with `values` (keys without the `limits.` prefix) applied; keys that are
    /// not settings of this type are returned untouched, for the next type to claim.
    public func applying(_ values: [String: Double]) -> (limits: Self, unclaimed: [String: Double]) {
        var limits = self
        var unclaimed = values
        for setting in Self.settings {
            if let value = values[setting.key] {
                setting.set(value, in: &limits)
                unclaimed[setting.key] = nil
            }
        }
        return (limits, unclaimed)
    }

    /// The values that differ from the defaults, by key (what a child process is told).
    public var overrides: [String: Double] {
        let defaults = Self.defaults
        var out: [String: Double] = [:]
        for setting in Self.settings where setting.value(in: self) != setting.value(in: defaults) {
            out[setting.key] = setting.value(in: self)
        }
        return out
    }
}
