/// One page measured at one window size.
public struct PageResult: Codable, Sendable, Equatable {
    /// The page's path in the site (`entries/2.html`).
    public var page: String
    /// The window's width in CSS px.
    public var width: Int
    public var measurement: PageMeasurement
    /// Wall time to load, measure and photograph it.
    public var seconds: Double
    /// Where its screenshot was written, when one was.
    public var screenshot: String?
}
