#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses the decimal numbers of a HIGGS.csv field into `Double`, correctly rounded: the
/// value as the file wrote it, as numpy and pandas read it. (The float32 that float models
/// see is that double rounded once more, `Float(value)`, as numpy's `astype(float32)` does.)
///
/// The fast path reads up to 19 significant digits into an integer and scales it by an
/// exact power of ten in `Double` (Clinger's method). Up to 2^53 the integer is exact and
/// the one operation rounds correctly. Above (HIGGS.csv's 19 digits), the integer's own
/// rounding error and the operation's (recovered exactly with a fused multiply-add) are
/// added back, and the sum is kept only when it is not within 2^-20 of an ulp of a
/// halfway point between two doubles, where that error estimate could tip the rounding.
/// Every other case — more than 19 digits, exponents beyond ±22, near-halfway values — goes
/// to the C library's `strtod`, which rounds correctly but is several times slower. A value
/// whose float32 is not finite is refused, as before. Tests compare the two on every value
/// of the sample and on random bit patterns.
enum DecimalParser {
    /// Why a field is not a number.
    enum Failure: Error, Equatable {
        /// No digits where a number belongs (a word, an empty field, stray characters).
        case notANumber
        /// `nan`, `inf` or a value too large for `Float` (float models could not read it).
        case notFinite
    }

    /// Exact powers of ten representable in `Double` (10^0 … 10^22).
    private static let powersOfTen: [Double] = (0...22).map { pow(10.0, Double($0)) }
    /// 5^0 … 5^22, exactly.
    private static let powersOfFive: [UInt64] = (0...22).map { (0..<$0).reduce(1) { product, _ in product * 5 } }

    /// Whether `byte` ends a field: a comma, a line feed, or a carriage return.
    @inline(__always)
    static func isTerminator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    /// Parses the number that starts at `start` and ends at the first field terminator or `end`.
    ///
    /// - Returns: the value and the position of the terminator (or `end`), or why it failed.
    @inline(__always)
    static func parse(
        _ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>
    ) -> Result<(value: Double, next: UnsafePointer<UInt8>), Failure> {
        var p = start
        var negative = false
        if p < end, p.pointee == UInt8(ascii: "-") || p.pointee == UInt8(ascii: "+") {
            negative = p.pointee == UInt8(ascii: "-")
            p += 1
        }
        if end - p >= 24, let fixed = parseFixedScientific(p), p + 24 == end || isTerminator(p[24]) {
            return .success((negative ? -fixed : fixed, p + 24))
        }
        var mantissa: UInt64 = 0
        var significant = 0
        var exponent = 0
        var sawDigit = false
        var tooManyDigits = false
        while p < end, p.pointee &- UInt8(ascii: "0") < 10 {
            sawDigit = true
            let d = UInt64(p.pointee &- UInt8(ascii: "0"))
            if significant < 19 {
                if mantissa != 0 || d != 0 { significant += 1 }
                mantissa = mantissa &* 10 &+ d
            } else {
                tooManyDigits = true
                exponent += 1
            }
            p += 1
        }
        if p < end, p.pointee == UInt8(ascii: ".") {
            p += 1
            while p < end, p.pointee &- UInt8(ascii: "0") < 10 {
                sawDigit = true
                let d = UInt64(p.pointee &- UInt8(ascii: "0"))
                if significant < 19 {
                    if mantissa != 0 || d != 0 { significant += 1 }
                    mantissa = mantissa &* 10 &+ d
                    exponent -= 1
                } else if d != 0 {
                    tooManyDigits = true
                }
                p += 1
            }
        }
        guard sawDigit else { return .failure(classifyWord(start, end)) }
        if p < end, p.pointee | 0x20 == UInt8(ascii: "e") {
            p += 1
            var expNegative = false
            if p < end, p.pointee == UInt8(ascii: "-") || p.pointee == UInt8(ascii: "+") {
                expNegative = p.pointee == UInt8(ascii: "-")
                p += 1
            }
            var e = 0
            var sawExpDigit = false
            while p < end, p.pointee &- UInt8(ascii: "0") < 10 {
                sawExpDigit = true
                if e < 100_000 { e = e * 10 + Int(p.pointee &- UInt8(ascii: "0")) }
                p += 1
            }
            guard sawExpDigit else { return .failure(.notANumber) }
            exponent += expNegative ? -e : e
        }
        guard p == end || isTerminator(p.pointee) else { return .failure(classifyWord(start, end)) }
        if mantissa == 0 { return .success((negative ? -0.0 : 0.0, p)) }
        if !tooManyDigits, exponent >= -22, exponent <= 22,
            let value = fastPathDouble(mantissa: mantissa, exponent: exponent)
        {
            return .success((negative ? -value : value, p))
        }
        return slowPath(start, p)
    }

    /// HIGGS.csv's own `%.18e` form, `d.dddddddddddddddddde±dd`, read eight digits at a time
    /// (SWAR: one 64-bit load, a digit check and three multiply-shift steps per eight digits).
    /// `nil` when the 24 bytes at `p` are not in exactly that form, or the value needs the
    /// slow path; the caller then takes the general route.
    @inline(__always)
    static func parseFixedScientific(_ p: UnsafePointer<UInt8>) -> Double? {
        guard p[1] == UInt8(ascii: "."), p[20] | 0x20 == UInt8(ascii: "e"),
            p[21] == UInt8(ascii: "-") || p[21] == UInt8(ascii: "+")
        else { return nil }
        let d0 = UInt64(p[0] &- 48), d18 = UInt64(p[18] &- 48), d19 = UInt64(p[19] &- 48)
        let e1 = Int(p[22] &- 48), e2 = Int(p[23] &- 48)
        guard d0 < 10, d18 < 10, d19 < 10, e1 < 10, e2 < 10,
            let a = eightDigits(p + 2), let b = eightDigits(p + 10)
        else { return nil }
        let mantissa = d0 &* 1_000_000_000_000_000_000 &+ a &* 10_000_000_000 &+ b &* 100 &+ d18 &* 10 &+ d19
        if mantissa == 0 { return 0 }
        let exponent = (p[21] == UInt8(ascii: "-") ? -(e1 * 10 + e2) : e1 * 10 + e2) - 18
        guard exponent >= -22, exponent <= 22 else { return nil }
        if exponent < 0, let single = fastPathFloat(mantissa: mantissa, exponent: exponent),
            isWithinQuarterUlp(of: single, mantissa: mantissa, digitsAfterPoint: -exponent)
        {
            return Double(single)
        }
        return fastPathDouble(mantissa: mantissa, exponent: exponent)
    }

    /// The value of the eight ASCII digits at `p`, or `nil` if any byte is not a digit.
    @inline(__always)
    static func eightDigits(_ p: UnsafePointer<UInt8>) -> UInt64? {
        let raw = UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
        // Every byte in 0x30...0x39: high nibble 3, and adding 6 does not carry into it.
        guard raw & 0xF0F0_F0F0_F0F0_F0F0 == 0x3030_3030_3030_3030,
            (raw &+ 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0 == 0x3030_3030_3030_3030
        else { return nil }
        var v = raw & 0x0F0F_0F0F_0F0F_0F0F
        v = (v &* 2561) >> 8 & 0x00FF_00FF_00FF_00FF
        v = (v &* 6_553_601) >> 16 & 0x0000_FFFF_0000_FFFF
        v = (v &* 42_949_672_960_001) >> 32
        return v
    }

    /// `mantissa × 10^exponent` rounded to the nearest `Float`, or `nil` where rounding twice
    /// could differ from rounding once (near a halfway point between floats, or outside the
    /// normal range): a candidate for ``isWithinQuarterUlp(of:mantissa:digitsAfterPoint:)``.
    @inline(__always)
    static func fastPathFloat(mantissa: UInt64, exponent: Int) -> Float? {
        let scaled = Double(mantissa) / powersOfTen[-exponent]
        guard scaled >= Double(Float.leastNormalMagnitude), scaled <= Double(Float.greatestFiniteMagnitude)
        else { return nil }
        // Float keeps 24 of Double's 53 significand bits; the 29 dropped bits decide rounding.
        let dropped = Int(scaled.bitPattern & 0x1FFF_FFFF)
        guard abs(dropped - 0x1000_0000) > 8 else { return nil }
        return Float(scaled)
    }

    /// Whether `mantissa / 10^digitsAfterPoint` lies within a quarter of a double's ulp of
    /// the float `single` — then `Double(single)` is that decimal correctly rounded. HIGGS.csv
    /// prints float32 values with 19 digits, always this close: one exact 128-bit comparison
    /// instead of recovering the rounding errors. With `single = m·2^(E−23)`, the condition
    /// `|M/10^k − m·2^(E−23)| < 2^(E−54)` times `5^k·2^(54−E−k)` reads
    /// `|M·2^(54−E−k) − m·5^k·2^31| < 5^k`.
    @inline(__always)
    static func isWithinQuarterUlp(of single: Float, mantissa: UInt64, digitsAfterPoint k: Int) -> Bool {
        let shift = 54 - Int(single.exponent) - k
        guard shift >= 0, shift < 64 else { return false }
        let five = UInt128(powersOfFive[k])
        let m = UInt128(single.significandBitPattern | 1 << 23)
        let x = UInt128(mantissa) << shift, y = m * five << 31
        return (x > y ? x - y : y - x) < five
    }

    /// `mantissa × 10^exponent` (|exponent| ≤ 22) correctly rounded to `Double`, or `nil`
    /// where the fast computation cannot tell (near a halfway point) or the float32 is not
    /// finite.
    @inline(__always)
    static func fastPathDouble(mantissa: UInt64, exponent: Int) -> Double? {
        let power = powersOfTen[exponent < 0 ? -exponent : exponent]
        let a = Double(mantissa)
        let q = exponent < 0 ? a / power : a * power
        if mantissa > 1 << 53 {
            // The integer's rounding error (|b| < 2^11, exact) and the operation's (r, exact
            // by the fused multiply-add) make up what q misses: q + d ≈ the exact value.
            let b = Double(Int64(bitPattern: mantissa &- UInt64(a)))
            let d: Double
            if exponent < 0 {
                d = (a.addingProduct(-q, power) + b) / power
            } else {
                d = (-q).addingProduct(a, power) + b * power
            }
            let sum = q + d
            let offset = (q - sum) + d
            // The distance to the neighbouring double on the offset's side (half as far below
            // a power of two).
            let gap = offset < 0 && sum.significandBitPattern == 0 ? sum.ulp / 2 : sum.ulp
            guard abs(offset) < gap * (0.5 - 0x1p-20) else { return nil }
            return Float(sum).isFinite ? sum : nil
        }
        return Float(q).isFinite ? q : nil
    }

    /// Correctly rounded parse through `strtod`, for the cases the fast path declines.
    static func slowPath(
        _ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>
    ) -> Result<(value: Double, next: UnsafePointer<UInt8>), Failure> {
        let length = end - start
        guard length < 128 else { return .failure(.notANumber) }
        var buffer = [CChar](repeating: 0, count: length + 1)
        for i in 0..<length { buffer[i] = CChar(bitPattern: start[i]) }
        let value: Double = buffer.withUnsafeBufferPointer { strtod($0.baseAddress!, nil) }
        guard Float(value).isFinite else { return .failure(.notFinite) }
        return .success((value, end))
    }

    /// Tells `nan`/`inf` apart from other words, for a clearer message.
    private static func classifyWord(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Failure {
        var p = start
        if p < end, p.pointee == UInt8(ascii: "-") || p.pointee == UInt8(ascii: "+") { p += 1 }
        var word: [UInt8] = []
        while p < end, !isTerminator(p.pointee), word.count < 8 {
            word.append(p.pointee | 0x20)
            p += 1
        }
        let text = String(decoding: word, as: UTF8.self)
        return ["nan", "inf", "infinity"].contains(text) ? .notFinite : .notANumber
    }
}
