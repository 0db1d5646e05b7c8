/// The layout problems of one page at one window size, as `measure.js` finds them.
public struct PageMeasurement: Codable, Sendable, Equatable {
    /// A text named for a reader: its characters (cut at 60) and its plot's `<title>`.
    public struct TextName: Codable, Sendable, Hashable {
        public var text: String
        public var plot: String
    }

    /// Two texts whose boxes intersect, by `width` × `height` px.
    public struct Overlap: Codable, Sendable, Equatable {
        public var first: TextName
        public var second: TextName
        public var width: Double
        public var height: Double
    }

    /// A text reaching `by` px outside its own `<svg>`.
    public struct Clipped: Codable, Sendable, Equatable {
        public var text: TextName
        public var by: Double
    }

    /// A text drawn at `size` px (its smallest part) on screen.
    public struct Small: Codable, Sendable, Equatable {
        public var text: TextName
        public var size: Double
    }

    /// A legend box in the way: over the shapes named in `data` (tag and classes), over the
    /// plot's `texts` outside the legend, or across the plot frame's edge.
    public struct Legend: Codable, Sendable, Equatable {
        public var plot: String
        /// The legend's first entries, to tell several legends of one plot apart.
        public var legend: String
        public var data: [String]
        public var texts: [String]
        public var straddlesFrame: Bool
    }

    /// `<svg>` elements on the page.
    public var svgs: Int
    /// Visible, non-empty SVG `<text>` elements measured.
    public var texts: Int
    /// The window's width (the viewport's, as emulated) and the document's, in CSS px.
    public var windowWidth: Double
    public var scrollWidth: Double
    public var overlaps: [Overlap]
    public var clipped: [Clipped]
    public var small: [Small]
    public var legends: [Legend]

    /// The page is wider than the window: a reader must scroll sideways.
    public var isWide: Bool { scrollWidth > windowWidth }
}
