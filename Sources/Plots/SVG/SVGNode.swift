/// A node of an SVG document: an element, text, or (only through the visibly named
/// `unescapedMarkup(_:)`) markup written as is.
///
/// Text and attribute values are escaped when the node is written, so any string from a
/// participant can be put into a chart.
struct SVGNode: Sendable, Equatable {
    enum Content: Sendable, Equatable {
        case element(name: String, attributes: [SVGAttribute], children: [SVGNode])
        case text(String)
        case unescapedMarkup(String)
    }

    let content: Content

    /// An element with attributes and children. `name` is written as is and must be a plain
    /// XML name chosen by the program, never by a user.
    static func element(_ name: String, _ attributes: [SVGAttribute] = [], _ children: [SVGNode] = []) -> SVGNode {
        SVGNode(content: .element(name: name, attributes: attributes, children: children))
    }

    /// Character data, escaped when written.
    static func text(_ text: String) -> SVGNode {
        SVGNode(content: .text(text))
    }

    /// Markup written without any escaping. The caller vouches that `markup` is well-formed and
    /// holds nothing from an untrusted source; prefer `element` and `text` everywhere else.
    static func unescapedMarkup(_ markup: String) -> SVGNode {
        SVGNode(content: .unescapedMarkup(markup))
    }

    /// Appends the node's XML to `output`. Elements without children are written self-closed.
    func write(to output: inout String) {
        switch content {
        case .text(let text):
            output += XMLEscaping.text(text)
        case .unescapedMarkup(let markup):
            output += markup
        case .element(let name, let attributes, let children):
            output += "<" + name
            for attribute in attributes {
                output += " " + attribute.name + "=\"" + XMLEscaping.attribute(attribute.value) + "\""
            }
            if children.isEmpty {
                output += "/>"
            } else {
                output += ">"
                for child in children { child.write(to: &output) }
                output += "</" + name + ">"
            }
        }
    }

    /// The node's XML.
    var markup: String {
        var output = ""
        write(to: &output)
        return output
    }
}
