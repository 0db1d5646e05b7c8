import Foundation
import Plots

/// Rebuilds an SVG drawing from an allow-list, so that a notebook's SVG output can be shown
/// on the site: only drawing elements and presentational attributes are copied, each value
/// re-escaped; everything else is dropped with its content — `script`, `foreignObject`,
/// links, animations, `image`, `style` elements, event handlers (`on…`), any `href` other
/// than `#id`, any `url(` other than `url(#id)`, `javascript:` and `data:` anywhere.
/// A document type with an internal subset (entities) or an unknown entity refuses the
/// whole drawing. The site shows the result only through `<img src="data:image/svg+xml…">`,
/// in which browsers run no script and load nothing: the rebuild is a second wall.
enum SVGSanitizer {
    /// Deepest element nesting accepted.
    static let maxDepth = 256

    /// The rebuilt drawing, or `nil` when `text` is not an SVG drawing this reads.
    static func sanitize(_ text: String) -> String? {
        var tokens = XMLTokenizer(text)
        var out = ""
        var open: [String] = []  // every element open in the input, kept or not
        var dropping = 0  // depth inside a dropped element (0: copying)
        var sawRoot = false
        let usesXlink = text.contains("xlink:href")
        while let token = tokens.next() {
            switch token {
            case .invalid: return nil
            case let .start(name, attributes, selfClosing):
                if open.isEmpty {
                    guard name == "svg", !sawRoot else { return nil }
                    sawRoot = true
                }
                guard open.count < maxDepth else { return nil }
                if !selfClosing { open.append(name) }
                if dropping > 0 || !allowedElements.contains(name) {
                    if !selfClosing { dropping += 1 }
                    continue
                }
                out += "<" + name
                if name == "svg" && open.count <= 1 {
                    out += " xmlns=\"http://www.w3.org/2000/svg\""
                    if usesXlink { out += " xmlns:xlink=\"http://www.w3.org/1999/xlink\"" }
                }
                for attribute in attributes where isAllowed(attribute, usesXlink: usesXlink) {
                    out += " \(attribute.name)=\"\(XMLEscaping.attribute(attribute.value))\""
                }
                out += selfClosing ? "/>" : ">"
            case let .end(name):
                guard open.last == name else { return nil }
                open.removeLast()
                if dropping > 0 {
                    dropping -= 1
                } else {
                    out += "</\(name)>"
                }
            case let .text(value):
                guard !open.isEmpty else {
                    guard value.allSatisfy(\.isWhitespace) else { return nil }
                    continue
                }
                if dropping == 0 { out += XMLEscaping.text(value) }
            }
        }
        guard sawRoot, open.isEmpty else { return nil }
        return out
    }

    /// Elements copied: shapes, groups, definitions, gradients, clips, text.
    static let allowedElements: Set<String> = [
        "svg", "g", "defs", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan",
        "clipPath", "mask", "use", "symbol", "linearGradient", "radialGradient", "stop", "pattern", "marker", "title",
        "desc",
    ]

    /// Attributes copied (presentation and geometry); `href` only as `#id`.
    static let allowedAttributes: Set<String> = [
        "id", "class", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "dx", "dy", "width",
        "height", "d", "points", "transform", "viewBox", "preserveAspectRatio", "version", "fill", "fill-opacity",
        "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit",
        "stroke-dasharray", "stroke-dashoffset", "opacity", "clip-path", "clip-rule", "mask", "font-family", "font-size",
        "font-weight", "font-style", "text-anchor", "dominant-baseline", "alignment-baseline", "style", "offset",
        "stop-color", "stop-opacity", "gradientUnits", "gradientTransform", "spreadMethod", "patternUnits",
        "patternTransform", "markerWidth", "markerHeight", "markerUnits", "refX", "refY", "orient", "clipPathUnits",
        "maskUnits", "marker-start", "marker-mid", "marker-end", "visibility", "display", "letter-spacing",
        "text-decoration", "vector-effect", "shape-rendering", "color", "href", "xlink:href",
    ]

    private static func isAllowed(_ attribute: XMLTokenizer.Attribute, usesXlink: Bool) -> Bool {
        guard allowedAttributes.contains(attribute.name) else { return false }
        let value = attribute.value.lowercased()
        if attribute.name == "href" || attribute.name == "xlink:href" {
            return (attribute.name == "href" || usesXlink) && isFragment(attribute.value)
        }
        for banned in ["javascript:", "data:", "@import", "\\", "expression", "<", "behavior", "binding"]
        where value.contains(banned) {
            return false
        }
        // Every url( must be url(#id).
        var rest = value[...]
        while let range = rest.range(of: "url(") {
            let after = rest[range.upperBound...]
            guard let close = after.firstIndex(of: ")"), isFragment(String(after[..<close])) else { return false }
            rest = after[close...]
        }
        return true
    }

    /// `#` and a name of letters, digits, `_`, `-`, `.`, `:`.
    private static func isFragment(_ text: String) -> Bool {
        guard text.first == "#", text.count > 1 else { return false }
        return text.dropFirst().unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) && $0.isASCII || "_-.:".unicodeScalars.contains($0)
        }
    }
}
