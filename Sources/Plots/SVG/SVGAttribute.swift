/// One attribute of an SVG element. The value is escaped when the document is written.
struct SVGAttribute: Sendable, Equatable {
    /// The attribute's name, e.g. `stroke-width`; written as is, so it must be a plain XML name.
    let name: String
    /// The attribute's value, unescaped.
    let value: String

    /// An attribute with a text value. `name` must be letters, digits, `-` or `:`.
    init(_ name: String, _ value: String) {
        precondition(
            !name.isEmpty
                && name.utf8.allSatisfy { c in
                    (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x3A
                }, "attribute names are plain XML names")
        self.name = name
        self.value = value
    }

    /// An attribute with a numeric value, written with `SVGNumber.format` (2 decimals).
    init(_ name: String, _ value: Double) {
        self.init(name, SVGNumber.format(value))
    }
}
