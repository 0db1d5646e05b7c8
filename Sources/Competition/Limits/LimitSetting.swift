/// One limit as organizers set it: the field of a run's ``RunLimits`` that its key under
/// `limits:` in `leaderboard.yml` sets, and what it bounds.
///
/// Every limit the tool enforces is listed as such a setting (``RunLimits/settings``); the
/// key and the unit are the ``Limit``'s, so a refusal that names the limit names its setting.
public struct LimitSetting: @unchecked Sendable {
    /// The limit, as refusals name it.
    public let limit: Limit
    /// What the limit bounds, for `leaderboard limits` and the documentation.
    let meaning: String
    /// Whether the value is a count, so a whole number (an integer field).
    let isWhole: Bool
    /// The field it sets (key paths are immutable values, hence the unchecked `Sendable`).
    private let read: (RunLimits) -> Double
    private let write: (inout RunLimits, Double) -> Void

    /// A setting of an integer field.
    init(_ limit: Limit, _ field: WritableKeyPath<RunLimits, Int>, meaning: String) {
        self.limit = limit
        self.meaning = meaning
        isWhole = true
        read = { Double($0[keyPath: field]) }
        write = { $0[keyPath: field] = Int($1) }
    }

    /// A setting of a floating-point field.
    init(_ limit: Limit, _ field: WritableKeyPath<RunLimits, Double>, meaning: String) {
        self.limit = limit
        self.meaning = meaning
        isWhole = false
        read = { $0[keyPath: field] }
        write = { $0[keyPath: field] = $1 }
    }

    /// The key under `limits:` in `leaderboard.yml`, e.g. `max_file_bytes`.
    public var key: String { limit.settingKey ?? "\(limit)" }

    /// The unit the value is in (`bytes`, `seconds`, `entries`…).
    var unit: String { limit.unit }

    /// The value in `limits`.
    func value(in limits: RunLimits) -> Double { read(limits) }

    /// Sets the value in `limits`.
    func set(_ value: Double, in limits: inout RunLimits) { write(&limits, value) }
}
