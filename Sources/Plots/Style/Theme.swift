/// Sizes and neutral colours shared by every chart, in user units. Colours are also given CSS
/// classes (`plot-axis`, `plot-grid`, `plot-series-0`, …) so a stylesheet can override them.
public enum Theme {
    /// The font stack; generic families only, nothing is downloaded.
    public static let fontFamily = "Helvetica, Arial, 'DejaVu Sans', sans-serif"
    /// Base font size (tick labels, legend).
    public static let fontSize = 12.0
    /// Axis label size.
    public static let axisLabelSize = 13.0
    /// Title size.
    public static let titleSize = 15.0
    /// Axis and frame ink.
    public static let axisColor = Color(hex: 0x222222)
    /// Grid ink.
    public static let gridColor = Color(hex: 0xE3E3E3)
    /// Secondary text (notes under a title).
    public static let mutedText = Color(hex: 0x555555)
    /// Length of a major tick mark (drawn inward, the HEP habit).
    public static let majorTickLength = 6.0
    /// Length of a minor tick mark.
    public static let minorTickLength = 3.5
}
