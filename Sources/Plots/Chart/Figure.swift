/// Several `XYChart`s side by side in one SVG, in rows of `columns`: loss beside accuracy,
/// or one histogram per feature.
public struct Figure: Chart {
    /// The title above all panels, or nil.
    public var title: String?
    /// The accessible description.
    public var description: String
    /// The panels, in reading order; each panel's own `size` is ignored for `panelSize`.
    var panels: [XYChart]
    /// Panels in a row.
    public var columns: Int
    /// The size of each panel.
    var panelSize: ChartSize

    /// A figure. `columns` must be positive.
    init(title: String?, description: String, panels: [XYChart], columns: Int, panelSize: ChartSize) {
        precondition(columns > 0, "a figure needs at least one column")
        self.title = title
        self.description = description
        self.panels = panels
        self.columns = columns
        self.panelSize = panelSize
    }

    /// See `Chart`.
    public func document() -> SVGDocument {
        let top = title == nil ? 0.0 : 14 + Theme.titleSize + 4
        let rows = (panels.count + columns - 1) / columns
        let usedColumns = min(columns, max(1, panels.count))
        var children: [SVGNode] = []
        if let title {
            children.append(
                .plainLabel(
                    title, x: 14, y: 14 + Theme.titleSize * 0.8,
                    [
                        SVGAttribute("class", "plot-title"), SVGAttribute("font-size", Theme.titleSize),
                        SVGAttribute("font-weight", "bold"), SVGAttribute("fill", Theme.axisColor.hex),
                    ]))
        }
        for (index, panel) in panels.enumerated() {
            var panel = panel
            panel.size = panelSize
            let x = Double(index % columns) * panelSize.width
            let y = top + Double(index / columns) * panelSize.height
            children.append(
                .group(
                    class: "plot-panel",
                    attributes: [SVGAttribute("transform", "translate(\(SVGNumber.format(x)) \(SVGNumber.format(y)))")],
                    panel.body(titleSize: Theme.fontSize + 1)))
        }
        return SVGDocument(
            width: Double(usedColumns) * panelSize.width, height: top + Double(rows) * panelSize.height,
            title: title ?? description, description: description, children: children)
    }
}
