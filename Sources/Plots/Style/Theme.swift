/// Sizes and neutral colours shared by every chart, in user units. Colours are also given CSS
/// classes (`plot-axis`, `plot-grid`, `plot-series-0`, …) so a stylesheet can override them.
enum Theme {
    /// The font stack: Liberation Sans, Arial and Helvetica share their advance widths, which
    /// `TextMetrics` measures with, so labels placed here fit wherever one of them is installed
    /// (Linux, Windows, macOS). Nothing is downloaded.
    static let fontFamily = "'Liberation Sans', Arial, Helvetica, sans-serif"
    /// Base font size (tick labels, legend): never under 11 at a chart's natural size or larger.
    static let fontSize = 12.0
    /// Axis label size.
    static let axisLabelSize = 13.0
    /// Title size.
    static let titleSize = 14.0
    /// Axis and frame ink.
    static let axisColor = Color(hex: 0x222222)
    /// Grid ink.
    static let gridColor = Color(hex: 0xE3E3E3)
    /// Secondary text (notes under a title).
    static let mutedText = Color(hex: 0x555555)
    /// Length of a major tick mark (drawn inward, the HEP habit).
    static let majorTickLength = 6.0
    /// Length of a minor tick mark.
    static let minorTickLength = 3.5
}
