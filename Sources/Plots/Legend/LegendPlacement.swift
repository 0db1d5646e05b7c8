/// Where a chart puts its legend inside the plotting area.
enum LegendPlacement: Sendable, Equatable {
    /// The corner (or top centre) where the legend covers the fewest data points.
    case automatic
    /// Top left corner.
    case topLeft
    /// Top right corner.
    case topRight
    /// Bottom left corner.
    case bottomLeft
    /// Bottom right corner.
    case bottomRight
    /// No legend.
    case hidden
}
