/// The Okabe–Ito palette (Okabe & Ito 2008), distinguishable with the common forms of colour
/// blindness, in the order the charts use it.
enum Palette {
    /// Blue: signal, and the first series.
    static let blue = Color(hex: 0x0072B2)
    /// Vermillion: background, and the second series.
    static let vermillion = Color(hex: 0xD55E00)
    /// Bluish green.
    static let bluishGreen = Color(hex: 0x009E73)
    /// Orange.
    static let orange = Color(hex: 0xE69F00)
    /// Reddish purple.
    static let reddishPurple = Color(hex: 0xCC79A7)
    /// Sky blue.
    static let skyBlue = Color(hex: 0x56B4E9)
    /// Black.
    static let black = Color(hex: 0x000000)
    /// Yellow; last, as it is faint on white.
    static let yellow = Color(hex: 0xF0E442)

    /// Series colours in order of use.
    static let series: [Color] = [blue, vermillion, bluishGreen, orange, reddishPurple, skyBlue, black, yellow]

    /// The colour of series `index`, cycling when there are more series than colours.
    static func color(at index: Int) -> Color {
        series[((index % series.count) + series.count) % series.count]
    }

    /// The colour for signal.
    static let signal = blue
    /// The colour for background.
    static let background = vermillion
    /// Reference lines (the chance diagonal) and other secondary ink.
    static let reference = Color(hex: 0x7F7F7F)
}
