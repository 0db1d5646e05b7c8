/// A tick on an axis.
public struct Tick: Sendable, Equatable {
    /// Position in data units.
    public var value: Double
    /// The label (with `^{…}` for exponents), or nil for an unlabelled tick.
    public var label: String?
    /// Major ticks are longer, labelled, and carry grid lines.
    public var isMajor: Bool

    /// A tick.
    public init(value: Double, label: String?, isMajor: Bool) {
        self.value = value
        self.label = label
        self.isMajor = isMajor
    }
}
