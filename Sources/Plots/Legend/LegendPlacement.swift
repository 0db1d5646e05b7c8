/// Which corner of the plotting area a chart tries first for its legend. Any corner is used only
/// if the data leaves it empty; when none is, the legend goes below the chart.
enum LegendPlacement: Sendable, Hashable {
    /// Top right, then top left, bottom right, bottom left.
    case automatic
    /// Top left first.
    case topLeft
    /// Top right first.
    case topRight
    /// Bottom left first.
    case bottomLeft
    /// Bottom right first.
    case bottomRight
    /// No legend.
    case hidden
}
