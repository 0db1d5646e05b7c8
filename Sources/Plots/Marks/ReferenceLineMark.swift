/// A straight reference line across the frame in data coordinates: the chance diagonal of a
/// ROC curve, or a horizontal level such as a baseline's score.
struct ReferenceLineMark: Mark {
    /// Start, in data units.
    var from: (x: Double, y: Double)
    /// End, in data units.
    var to: (x: Double, y: Double)
    /// Colour and dash; grey and dashed by default.
    var style: SeriesStyle
    /// Legend label, or nil for none.
    var label: String?
    /// Text written at the line's right end, or nil (for lines not in the legend).
    var annotation: String?

    /// A line from `from` to `to`. It does not widen the axes.
    init(
        from: (x: Double, y: Double), to: (x: Double, y: Double),
        style: SeriesStyle = ReferenceLineMark.defaultStyle, label: String? = nil, annotation: String? = nil
    ) {
        self.from = from
        self.to = to
        self.style = style
        self.label = label
        self.annotation = annotation
    }

    /// Grey, thin, dashed.
    static let defaultStyle = SeriesStyle(color: Palette.reference, lineWidth: 1.2, dash: .dashed, cssClass: "plot-reference")

    /// The diagonal y = x from (0, 0) to (1, 1).
    static func diagonal(label: String? = nil) -> ReferenceLineMark {
        ReferenceLineMark(from: (0, 0), to: (1, 1), label: label)
    }

    /// A horizontal line at `y` from `x0` to `x1`.
    static func horizontal(
        _ y: Double, from x0: Double, to x1: Double, style: SeriesStyle = defaultStyle,
        label: String? = nil, annotation: String? = nil
    ) -> ReferenceLineMark {
        ReferenceLineMark(from: (x0, y), to: (x1, y), style: style, label: label, annotation: annotation)
    }

    /// See `Mark`: nil, reference lines do not stretch the axes.
    var extent: Extent? { nil }

    /// See `Mark`.
    var legendEntry: LegendEntry? { label.map { LegendEntry(label: $0, swatch: .line(style)) } }

    /// See `Mark`.
    func render(in frame: PlotFrame) -> SVGNode {
        let runs = LineClipping.clip([frame.point(from.x, from.y), frame.point(to.x, to.y)], to: frame.area)
        guard let run = runs.first else { return .group(class: "plot-reference", []) }
        var children: [SVGNode] = [
            .line(
                x1: run[0].x, y1: run[0].y, x2: run[1].x, y2: run[1].y,
                [style.classAttribute("plot-reference-line")] + style.strokeAttributes)
        ]
        if let annotation {
            children.append(
                .plainLabel(
                    annotation, x: run[1].x - 4, y: run[1].y - 4, anchor: "end",
                    [SVGAttribute("fill", style.color.hex), SVGAttribute("font-size", Theme.fontSize)]))
        }
        return children.count == 1 ? children[0] : .group(class: "plot-reference", children)
    }

    /// See `Mark`: the line, and the annotation's box.
    func footprint(in frame: PlotFrame) -> Footprint {
        var footprint = Footprint()
        let runs = LineClipping.clip([frame.point(from.x, from.y), frame.point(to.x, to.y)], to: frame.area)
        guard let run = runs.first else { return footprint }
        footprint.addPolyline(run)
        if let annotation {
            let size = Theme.fontSize
            let width = TextMetrics.width(annotation, fontSize: size)
            footprint.addArea(Rect(x: run[1].x - 4 - width, y: run[1].y - 4 - size, width: width, height: size + 2))
        }
        return footprint
    }
}
