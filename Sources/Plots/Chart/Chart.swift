/// Anything that renders to a standalone SVG document.
public protocol Chart: Sendable {
    /// The chart as a document.
    func document() -> SVGDocument
}

extension Chart {
    /// The chart as SVG text; the same chart always gives the same bytes.
    public func svg() -> String { document().render() }
}
