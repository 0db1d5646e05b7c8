/// Rendered widths of the plots' text, from the advance widths of Liberation Sans, the first
/// font `Theme.fontFamily` asks for. Arial and Helvetica, the next ones, share those widths, so
/// a layout measured here holds wherever one of the three is installed: labels are placed, legends
/// sized and long texts shortened from real metrics, not guesses.
///
/// Kerning is left out: it only narrows text, so a measured box is never too small. Characters
/// the font lacks (CJK, emoji, other scripts), which a browser takes from another font, are
/// counted a full em when East Asian wide and 0.7 em otherwise, again erring wide.
enum TextMetrics {
    /// The width of `text` set at `fontSize` in user units.
    static func width(_ text: some StringProtocol, fontSize: Double, bold: Bool = false) -> Double {
        let table = bold ? LiberationSansWidths.bold : LiberationSansWidths.regular
        var units = 0.0
        for scalar in text.unicodeScalars {
            units += advance(of: scalar.value, in: table)
        }
        return units / LiberationSansWidths.unitsPerEm * fontSize
    }

    /// `text` shortened with an ellipsis so that it fits `maxWidth`; `text` itself when it fits.
    /// A closing parenthetical (a legend's `(AUC = 0.7972)`) is kept whole when it takes at most
    /// half the room, and the name before it is cut instead: the figure is what a reader compares.
    /// Cuts fall between characters (grapheme clusters), never inside one.
    static func fitted(_ text: String, maxWidth: Double, fontSize: Double, bold: Bool = false) -> String {
        guard width(text, fontSize: fontSize, bold: bold) > maxWidth else { return text }
        if text.hasSuffix(")"), let open = text.range(of: " (", options: .backwards) {
            let suffix = String(text[open.lowerBound...])
            let suffixWidth = width(suffix, fontSize: fontSize, bold: bold)
            if suffixWidth <= maxWidth / 2 {
                let head = cut(String(text[..<open.lowerBound]), room: maxWidth - suffixWidth, fontSize: fontSize, bold: bold)
                return head + suffix
            }
        }
        return cut(text, room: maxWidth, fontSize: fontSize, bold: bold)
    }

    /// The longest start of `text` that, with an ellipsis, fits `room`; trailing spaces dropped.
    private static func cut(_ text: String, room: Double, fontSize: Double, bold: Bool) -> String {
        let room = room - width("…", fontSize: fontSize, bold: bold)
        var kept = ""
        var used = 0.0
        for character in text {
            let w = width(String(character), fontSize: fontSize, bold: bold)
            if used + w > room { break }
            kept.append(character)
            used += w
        }
        while kept.last == " " { kept.removeLast() }
        return kept + "…"
    }

    /// One character's advance in font units.
    private static func advance(of code: UInt32, in table: [[UInt16]]) -> Double {
        if isZeroWidth(code) { return 0 }
        for (index, range) in LiberationSansWidths.ranges.enumerated() where range.contains(code) {
            let units = table[index][Int(code - range.lowerBound)]
            if units > 0 { return Double(units) }
            break
        }
        return (isEastAsianWide(code) ? 1.0 : 0.7) * LiberationSansWidths.unitsPerEm
    }

    /// Combining marks, zero-width spaces and joiners, variation selectors: no advance of their own.
    private static func isZeroWidth(_ code: UInt32) -> Bool {
        (0x300...0x36F).contains(code) || (0x200B...0x200F).contains(code) || code == 0x2060 || code == 0xFEFF
            || (0xFE00...0xFE0F).contains(code)
    }

    /// Ideographs, kana, hangul, full-width forms and emoji, which take a full em.
    private static func isEastAsianWide(_ code: UInt32) -> Bool {
        (0x1100...0x115F).contains(code) || (0x2E80...0xA4CF).contains(code) || (0xAC00...0xD7A3).contains(code)
            || (0xF900...0xFAFF).contains(code) || (0xFE30...0xFE4F).contains(code) || (0xFF00...0xFF60).contains(code)
            || (0xFFE0...0xFFE6).contains(code) || (0x1F300...0x1FAFF).contains(code) || (0x20000...0x3FFFD).contains(code)
    }
}
