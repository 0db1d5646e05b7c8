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

    /// 360 × 270: one chart. No wider than a phone's page (400 px less its margins), so a
    /// stylesheet that lets charts grow but never shrink keeps every text at its size; on a wide
    /// screen charts sit side by side.
    public static let standard = ChartSize(width: 360, height: 270)
    /// 360 × 340: near square, for ROC curves.
    public static let square = ChartSize(width: 360, height: 340)
    /// 176 × 150: one of many small charts, two to a phone's row.
    public static let panel = ChartSize(width: 176, height: 150)
}
