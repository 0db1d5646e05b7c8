/// The natural size of a chart in user units; the `viewBox` lets it scale.
public struct ChartSize: Sendable, Equatable {
    /// Width.
    public var width: Double
    /// Height.
    var height: Double

    /// A size.
    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// 600 × 440: one chart in a column of text or on a slide.
    public static let standard = ChartSize(width: 600, height: 440)
    /// 440 × 440: square, for ROC curves.
    public static let square = ChartSize(width: 460, height: 440)
    /// 300 × 230: one panel of a grid.
    static let panel = ChartSize(width: 300, height: 230)
}
