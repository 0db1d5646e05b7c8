/// One line of a legend: a swatch and a label (plain text, escaped).
struct LegendEntry: Sendable, Equatable {
    /// What the swatch shows.
    enum Swatch: Sendable, Equatable {
        /// A short line.
        case line(SeriesStyle)
        /// A short line with a dot.
        case lineWithPoint(SeriesStyle)
        /// A filled box with an outline.
        case filled(SeriesStyle)
        /// A dot.
        case point(SeriesStyle)
        /// A dot with a vertical error bar.
        case pointWithError(SeriesStyle)
    }

    /// The label, plain text.
    var label: String
    /// The swatch.
    var swatch: Swatch

    /// An entry.
    init(label: String, swatch: Swatch) {
        self.label = label
        self.swatch = swatch
    }
}
