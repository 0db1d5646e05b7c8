extension String {
    /// `self` quoted for a message, with line breaks and other control characters escaped
    /// so that a message stays on one line, and cut after `limit` characters.
    func quotedForMessage(limit: Int = 60) -> String {
        var out = ""
        for (count, scalar) in unicodeScalars.enumerated() {
            if count == limit { out += "…"; break }
            out += Self.shown(scalar)
        }
        return "'" + out + "'"
    }

    /// `self` with line breaks and other control characters escaped (`\0`, `\u{0B}`), for
    /// text a message takes from elsewhere (a library's error that quotes the file).
    var escapingLineBreaks: String {
        unicodeScalars.map(Self.shown).joined()
    }

    /// A scalar as a one-line message shows it: control characters and the Unicode line and
    /// paragraph separators escaped, anything else as it is.
    private static func shown(_ scalar: Unicode.Scalar) -> String {
        switch scalar.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator: return scalar.escaped(asASCII: true)
        default: return String(scalar)
        }
    }
}
