import Foundation

/// An sRGB colour, written as `#rrggbb`.
struct Color: Sendable, Equatable, Hashable {
    /// Red, 0–255.
    var red: UInt8
    /// Green, 0–255.
    var green: UInt8
    /// Blue, 0–255.
    var blue: UInt8

    /// A colour from its components.
    init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// A colour from `0xRRGGBB`.
    init(hex: UInt32) {
        self.init(red: UInt8((hex >> 16) & 0xFF), green: UInt8((hex >> 8) & 0xFF), blue: UInt8(hex & 0xFF))
    }

    /// `#rrggbb`, lower case.
    var hex: String {
        let digits = Array("0123456789abcdef")
        var out = "#"
        for component in [red, green, blue] {
            out.append(digits[Int(component >> 4)])
            out.append(digits[Int(component & 0xF)])
        }
        return out
    }

    /// The colour a fraction `t` (clamped to 0…1) of the way from `self` to `other`, mixed in sRGB.
    func mixed(with other: Color, by t: Double) -> Color {
        let t = min(max(t, 0), 1)
        func mix(_ a: UInt8, _ b: UInt8) -> UInt8 {
            UInt8((Double(a) + (Double(b) - Double(a)) * t).rounded())
        }
        return Color(red: mix(red, other.red), green: mix(green, other.green), blue: mix(blue, other.blue))
    }

    /// WCAG relative luminance, 0 (black) to 1 (white).
    var relativeLuminance: Double {
        func linear(_ c: UInt8) -> Double {
            let s = Double(c) / 255
            return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// Black or white, whichever reads better as text on this colour.
    var contrastingText: Color {
        // The crossing point where both contrast ratios are equal (≈0.179).
        relativeLuminance > 0.179 ? Color(hex: 0x000000) : Color(hex: 0xFFFFFF)
    }
}
