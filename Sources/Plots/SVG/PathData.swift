/// Builds the `d` attribute of a `<path>` with fixed-precision coordinates, writing `H`/`V`
/// for horizontal and vertical segments and nothing for a segment that rounds to no length.
struct PathData: Sendable, Equatable {
    /// The path data so far.
    private(set) var string = ""
    private var currentX = ""
    private var currentY = ""
    private var startX = ""
    private var startY = ""

    /// An empty path.
    init() {}

    /// Starts a subpath at (`x`, `y`).
    mutating func move(_ x: Double, _ y: Double) {
        currentX = SVGNumber.format(x)
        currentY = SVGNumber.format(y)
        (startX, startY) = (currentX, currentY)
        string += "M" + currentX + " " + currentY
    }

    /// A straight segment to (`x`, `y`).
    mutating func line(_ x: Double, _ y: Double) {
        let fx = SVGNumber.format(x), fy = SVGNumber.format(y)
        switch (fx == currentX, fy == currentY) {
        case (true, true): return
        case (false, true): string += "H" + fx
        case (true, false): string += "V" + fy
        case (false, false): string += "L" + fx + " " + fy
        }
        currentX = fx
        currentY = fy
    }

    /// A closed rectangle as a subpath in relative form (`M x y h w v h h -w z`), the shortest
    /// way to write many cells or markers in one path.
    mutating func rectangle(x: Double, y: Double, width: Double, height: Double) {
        move(x, y)
        string += "h" + SVGNumber.format(width) + "v" + SVGNumber.format(height) + "h" + SVGNumber.format(-width) + "z"
    }

    /// Closes the subpath, returning to its start.
    mutating func close() {
        string += "Z"
        // Closing returns the pen to the subpath's start.
        (currentX, currentY) = (startX, startY)
    }

    /// Whether nothing has been drawn.
    var isEmpty: Bool { string.isEmpty }
}
