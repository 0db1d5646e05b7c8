/// How one series is drawn: colour, width, dash, and a CSS class to restyle it by.
struct SeriesStyle: Sendable, Equatable {
    /// A dash pattern.
    enum Dash: Sendable, Equatable {
        /// A solid line.
        case solid
        /// Long dashes.
        case dashed
        /// Dots.
        case dotted
        /// Dashes and dots.
        case dashDot

        /// The `stroke-dasharray` value, or nil for a solid line.
        var dashArray: String? {
            switch self {
            case .solid: return nil
            case .dashed: return "6 4"
            case .dotted: return "1.5 3"
            case .dashDot: return "6 3 1.5 3"
            }
        }
    }

    /// Stroke (and fill) colour.
    var color: Color
    /// Stroke width in user units.
    var lineWidth: Double
    /// Dash pattern.
    var dash: Dash
    /// Fill opacity for filled marks, 0…1.
    var fillOpacity: Double
    /// Extra CSS class, e.g. `plot-series-0`, `plot-baseline`.
    var cssClass: String

    /// A style; defaults give a 1.8-unit solid line.
    init(color: Color, lineWidth: Double = 1.8, dash: Dash = .solid, fillOpacity: Double = 0.3, cssClass: String = "") {
        self.color = color
        self.lineWidth = lineWidth
        self.dash = dash
        self.fillOpacity = fillOpacity
        self.cssClass = cssClass
    }

    /// The style of series `index`: the palette's colour and class `plot-series-<index>`.
    static func series(_ index: Int) -> SeriesStyle {
        SeriesStyle(color: Palette.color(at: index), cssClass: "plot-series-\(index)")
    }

    /// Stroke attributes (`stroke`, `stroke-width`, dash).
    var strokeAttributes: [SVGAttribute] {
        var attributes = [SVGAttribute("stroke", color.hex), SVGAttribute("stroke-width", lineWidth)]
        if let dash = dash.dashArray { attributes.append(SVGAttribute("stroke-dasharray", dash)) }
        return attributes
    }

    /// `class` for a mark of kind `kind`, e.g. `plot-line plot-series-0`.
    func classAttribute(_ kind: String) -> SVGAttribute {
        SVGAttribute("class", cssClass.isEmpty ? kind : kind + " " + cssClass)
    }
}
