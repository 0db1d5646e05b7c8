/// A window size a page is laid out in: a desktop window, or a phone's screen.
public struct Viewport: Sendable, Hashable, CustomStringConvertible {
    /// In CSS pixels.
    public var width: Int
    public var height: Int
    /// As a phone: the page's `<meta name="viewport">` applies (Chromium's mobile emulation).
    public var mobile: Bool

    public init(width: Int, height: Int = 900, mobile: Bool) {
        self.width = width
        self.height = height
        self.mobile = mobile
    }

    /// A desktop window 1300 px wide.
    public static let desktop = Viewport(width: 1300, mobile: false)
    /// A phone 400 px wide.
    public static let phone = Viewport(width: 400, mobile: true)

    public var description: String { "\(width) px" }
}
