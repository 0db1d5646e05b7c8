/// A standalone SVG document: a scalable `viewBox`, a `<title>` and `<desc>` for screen readers,
/// and no external references (no links, fonts, images or scripts).
public struct SVGDocument: Sendable, Equatable {
    /// Width in user units (CSS pixels at scale 1).
    public var width: Double
    /// Height in user units.
    var height: Double
    /// The accessible name, written as the first child `<title>`.
    public var title: String
    /// The accessible description, written as `<desc>`; say what the chart shows in words.
    public var description: String
    /// The drawing.
    var children: [SVGNode]

    /// A document of the given size in user units.
    init(width: Double, height: Double, title: String, description: String, children: [SVGNode]) {
        self.width = width
        self.height = height
        self.title = title
        self.description = description
        self.children = children
    }

    /// The document as UTF-8 text ending in a newline. The same document always gives the same
    /// bytes. `width`/`height` give the natural size; the `viewBox` lets a stylesheet scale it
    /// (`max-width: 100%; height: auto`).
    public func render() -> String {
        let w = SVGNumber.format(width), h = SVGNumber.format(height)
        let root = SVGNode.element(
            "svg",
            [
                SVGAttribute("xmlns", "http://www.w3.org/2000/svg"),
                SVGAttribute("viewBox", "0 0 \(w) \(h)"),
                SVGAttribute("width", w), SVGAttribute("height", h),
                SVGAttribute("role", "img"),
                SVGAttribute("class", "plot"),
                SVGAttribute("font-family", Theme.fontFamily),
                SVGAttribute("font-size", Theme.fontSize),
            ],
            [
                .element("title", [], [.text(title)]),
                .element("desc", [], [.text(description)]),
                .element(
                    "rect",
                    [
                        SVGAttribute("class", "plot-background"), SVGAttribute("width", w),
                        SVGAttribute("height", h), SVGAttribute("fill", "#ffffff"),
                    ]),
            ] + children)
        var output = ""
        output.reserveCapacity(4096)
        root.write(to: &output)
        output += "\n"
        return output
    }
}
