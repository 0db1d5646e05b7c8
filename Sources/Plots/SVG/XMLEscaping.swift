/// Escaping of text and attribute values for XML, so that any string can be written into an SVG.
public enum XMLEscaping {
    /// `text` made safe as character data: `&`, `<` and `>` become entities, and characters XML
    /// forbids (most C0 controls) become U+FFFD.
    public static func text(_ text: String) -> String {
        escape(text, quotes: false)
    }

    /// `value` made safe inside a double-quoted attribute: as `text(_:)`, and also `"` and `'`.
    public static func attribute(_ value: String) -> String {
        escape(value, quotes: true)
    }

    private static func escape(_ string: String, quotes: Bool) -> String {
        // Most strings need nothing; scanning first keeps the common case allocation-free.
        guard string.unicodeScalars.contains(where: { needsEscape($0, quotes: quotes) }) else { return string }
        var out = ""
        out.reserveCapacity(string.utf8.count + 16)
        for scalar in string.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            case "'" where quotes: out += "&#39;"
            case _ where !isAllowed(scalar): out.unicodeScalars.append("\u{FFFD}")
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func needsEscape(_ scalar: Unicode.Scalar, quotes: Bool) -> Bool {
        switch scalar {
        case "&", "<", ">": return true
        case "\"", "'": return quotes
        default: return !isAllowed(scalar)
        }
    }

    /// XML 1.0's `Char` production: tab, newline, carriage return, and everything from U+0020
    /// except the non-characters U+FFFE and U+FFFF.
    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
