/// Shorthands for the few shapes the charts draw. Coordinates are written with 2 decimals.
extension SVGNode {
    /// A `<g>` with a CSS class and optional presentation attributes.
    static func group(class cssClass: String, attributes: [SVGAttribute] = [], _ children: [SVGNode]) -> SVGNode {
        .element("g", [SVGAttribute("class", cssClass)] + attributes, children)
    }

    /// A straight `<line>`.
    static func line(x1: Double, y1: Double, x2: Double, y2: Double, _ attributes: [SVGAttribute] = []) -> SVGNode {
        .element("line", [SVGAttribute("x1", x1), SVGAttribute("y1", y1), SVGAttribute("x2", x2), SVGAttribute("y2", y2)] + attributes)
    }

    /// A `<rect>`.
    static func rect(x: Double, y: Double, width: Double, height: Double, _ attributes: [SVGAttribute] = []) -> SVGNode {
        .element(
            "rect", [SVGAttribute("x", x), SVGAttribute("y", y), SVGAttribute("width", width), SVGAttribute("height", height)] + attributes)
    }

    /// A `<path>` with path data `d` (see `PathData`).
    static func path(_ d: String, _ attributes: [SVGAttribute] = []) -> SVGNode {
        .element("path", [SVGAttribute("d", d)] + attributes)
    }

    /// A `<text>` at (`x`, `y`) whose content is `label` with `_{…}`/`^{…}` as scripts; escaped.
    /// `anchor` is `start`, `middle` or `end`.
    static func label(
        _ label: RichText, x: Double, y: Double, anchor: String = "start",
        _ attributes: [SVGAttribute] = []
    ) -> SVGNode {
        var all = [SVGAttribute("x", x), SVGAttribute("y", y)]
        if anchor != "start" { all.append(SVGAttribute("text-anchor", anchor)) }
        return .element("text", all + attributes, label.nodes)
    }

    /// A `<text>` of plain text (no script markup), escaped.
    static func plainLabel(
        _ text: String, x: Double, y: Double, anchor: String = "start",
        _ attributes: [SVGAttribute] = []
    ) -> SVGNode {
        var all = [SVGAttribute("x", x), SVGAttribute("y", y)]
        if anchor != "start" { all.append(SVGAttribute("text-anchor", anchor)) }
        return .element("text", all + attributes, [.text(text)])
    }
}
