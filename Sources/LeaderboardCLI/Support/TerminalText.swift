/// Text from submissions (team and folder names, titles, file contents quoted in failure
/// reasons) made safe to print on the organizer's terminal: every character a terminal
/// could act on instead of showing is written as a visible escape, `\u{1B}`, so no ANSI or
/// OSC sequence (cursor moves, line erases, hyperlinks, clipboard writes, title changes)
/// and no bidirectional override can rewrite or disguise what is printed.
///
/// Escaped: the C0 controls U+0000–U+001F (line feed and tab too, unless kept), DEL
/// U+007F, the C1 controls U+0080–U+009F (which some terminals read as ESC sequences), the
/// bidirectional embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069. A
/// backslash is left as it is: text that looks like an escape is only text.
enum TerminalText {
    /// `text` with every control character written as `\u{…}`.
    ///
    /// - Parameter keepingLines: keep line feeds and tabs (for whole messages of several
    ///   lines written by the tool around participant text).
    static func escaped(_ text: String, keepingLines: Bool = false) -> String {
        replacingControls(in: text, keepingLines: keepingLines) { "\\u{\(String($0, radix: 16, uppercase: true))}" }
    }

    /// JSON text (whose encoder already escapes C0 controls inside strings) with DEL, C1
    /// controls and bidirectional controls also written as `\uXXXX`, which JSON readers
    /// decode to the same string.
    static func jsonEscaped(_ json: String) -> String {
        replacingControls(in: json, keepingLines: true) {
            let hex = String($0, radix: 16, uppercase: true)
            return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
    }

    /// `text` with each character a terminal could act on replaced by `escape(code point)`.
    private static func replacingControls(in text: String, keepingLines: Bool, escape: (UInt32) -> String) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0, keepingLines: keepingLines) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar, keepingLines: keepingLines) {
                out.append(contentsOf: escape(scalar.value).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether a terminal could act on `scalar` rather than show it.
    static func isControl(_ scalar: Unicode.Scalar, keepingLines: Bool) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: !keepingLines
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
