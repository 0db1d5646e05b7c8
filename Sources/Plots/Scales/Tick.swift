/// A tick on an axis.
struct Tick: Sendable, Equatable {
    /// Position in data units.
    var value: Double
    /// The label (with `^{…}` for exponents), or nil for an unlabelled tick.
    var label: String?
    /// Major ticks are longer, labelled, and carry grid lines.
    var isMajor: Bool

    /// A tick.
    init(value: Double, label: String?, isMajor: Bool) {
        self.value = value
        self.label = label
        self.isMajor = isMajor
    }
}
