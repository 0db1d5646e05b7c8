/// The kinds of layout problem the check counts (README.md defines each).
public enum ProblemKind: String, CaseIterable, Codable, Sendable {
    /// Two SVG texts drawn over each other; counted in pairs.
    case overlap
    /// An SVG text reaching outside its own `<svg>`, so cut off.
    case clipped
    /// An SVG text drawn under 11 px.
    case small
    /// A legend box over data, over a plot's text, or across the plot frame's edge.
    case legend
    /// A page wider than the window.
    case wide

    /// The kind's name in the report.
    public var title: String {
        switch self {
        case .overlap: "overlapping texts"
        case .clipped: "clipped texts"
        case .small: "texts under 11 px"
        case .legend: "legends in the way"
        case .wide: "pages wider than the window"
        }
    }
}
