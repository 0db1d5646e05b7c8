/// Decimal text to `Double`, correctly rounded, with a fast path for short numbers.
///
/// The fast path (Clinger, 1990) is exact when the digits form an integer of at most 2^53
/// and the power of ten is at most 10^22: both are then exact `Double`s, and one IEEE
/// multiplication or division rounds correctly. That covers scores written with up to 15
/// significant digits (`0.8731`, `%.6f`, `%.15g`). Longer numbers — Python's `repr` of a
/// float32 score often has 17 digits — go to the standard library's `Double(_:)`, which is
/// slower but also correctly rounded, so both paths give the same value for the same text
/// (a test compares them on many numbers).
enum ExactDecimal {
    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// The value of `bytes` if they spell `[+-]digits[.digits][(e|E)[+-]digits]` (at least
    /// one digit before the exponent); `nil` otherwise. Very large exponents give ±infinity,
    /// as `Double(_:)` does.
    static func parse(_ bytes: UnsafeRawBufferPointer) -> Double? {
        var i = 0
        let n = bytes.count
        var negative = false
        if i < n && (bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+")) {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var digits = 0
        var exponent = 0
        var sawPoint = false
        while i < n {
            let byte = bytes[i]
            if byte == UInt8(ascii: ".") {
                if sawPoint { return nil }
                sawPoint = true
            } else {
                let digit = byte &- UInt8(ascii: "0")
                guard digit < 10 else { break }
                digits += 1
                if mantissa == 0 && digit == 0 {
                    // Leading zeros do not count as significant.
                    if sawPoint { exponent -= 1 }
                } else if significantDigits < 19 {
                    mantissa = mantissa * 10 + UInt64(digit)
                    significantDigits += 1
                    if sawPoint { exponent -= 1 }
                } else {
                    // Beyond 19 digits: leave it to the slow path.
                    significantDigits += 1
                    if !sawPoint { exponent += 1 }
                }
            }
            i += 1
        }
        guard digits > 0 else { return nil }
        if i < n {
            guard bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") else { return nil }
            i += 1
            var exponentNegative = false
            if i < n && (bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+")) {
                exponentNegative = bytes[i] == UInt8(ascii: "-")
                i += 1
            }
            var written = 0
            var exponentDigits = 0
            while i < n {
                let digit = bytes[i] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                if written < 100_000 { written = written * 10 + Int(digit) }
                exponentDigits += 1
                i += 1
            }
            guard exponentDigits > 0 else { return nil }
            exponent += exponentNegative ? -written : written
        }
        if significantDigits <= 19 && mantissa <= 1 << 53 && abs(exponent) <= 22 {
            let magnitude = exponent < 0 ? Double(mantissa) / powersOfTen[-exponent] : Double(mantissa) * powersOfTen[exponent]
            return negative ? -magnitude : magnitude
        }
        return slowPath(bytes)
    }

    /// The standard library's conversion, for what the fast path does not cover.
    static func slowPath(_ bytes: UnsafeRawBufferPointer) -> Double? {
        Double(String(decoding: bytes, as: UTF8.self))
    }
}
