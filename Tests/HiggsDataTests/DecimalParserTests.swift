import Foundation
import Testing

@testable import HiggsData

@Suite struct DecimalParserTests {
    /// Parses `text` (a whole field) with the tool's parser.
    func parse(_ text: String) -> Result<Double, DecimalParser.Failure> {
        var bytes = Array(text.utf8)
        bytes.append(UInt8(ascii: ","))
        return bytes.withUnsafeBufferPointer { b in
            DecimalParser.parse(b.baseAddress!, b.baseAddress! + b.count).map { $0.value }
        }
    }

    @Test func everyValueOfTheSampleMatchesStrtod() throws {
        let text = try String(contentsOfFile: KnownDataSets.samplePath, encoding: .utf8)
        var count = 0
        for line in text.split(separator: "\n") {
            for field in line.split(separator: ",") {
                let expected = strtod(String(field), nil)
                #expect(try parse(String(field)).get().bitPattern == expected.bitPattern, "\(field)")
                count += 1
            }
        }
        #expect(count == 7_500 * 29)
    }

    @Test(arguments: ["%.18e", "%.9g", "%.3f", "%.17g", "%.25e"])
    func randomFloatsRoundTripInEveryFormat(format: String) throws {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<20_000 {
            // Random finite floats of HIGGS-like and extreme magnitudes.
            let bits = UInt32(truncatingIfNeeded: rng.next())
            let value = Float(bitPattern: bits)
            guard value.isFinite else { continue }
            let text = String(format: format, Double(value))
            let expected = strtod(text, nil)
            guard Float(expected).isFinite else { continue }
            let parsed = try parse(text).get()
            #expect(parsed.bitPattern == expected.bitPattern, "\(text)")
            // 9 digits give back the float32 once rounded; 17 and more (HIGGS.csv's 19) give the
            // float32 itself as the double.
            if format == "%.9g" { #expect(Float(parsed) == value, "\(text)") }
            if format != "%.3f" && format != "%.9g" { #expect(parsed == Double(value), "\(text)") }
        }
    }

    @Test func randomDoublesOfNineteenDigitsMatchStrtod() throws {
        // 19 significant digits: the integer does not fit a double, and its rounding error
        // has to be added back; random doubles of every HIGGS-like magnitude.
        var rng = SplitMix64(seed: 5)
        for _ in 0..<20_000 {
            let exponent = Int(rng.next() % 40) - 20
            let value = Double(sign: .plus, exponent: exponent, significand: 1 + Double(rng.next() % (1 << 52)) * 0x1p-52)
            let text = String(format: "%.18e", value)
            #expect(try parse(text).get().bitPattern == strtod(text, nil).bitPattern, "\(text)")
        }
    }

    @Test func nearHalfwayBetweenDoublesRoundsCorrectly() throws {
        // Decimals within a few digits of the midpoint between two doubles, where the fast
        // path's error estimate cannot decide and the slow path must.
        var rng = SplitMix64(seed: 13)
        for _ in 0..<5_000 {
            let d = Double(bitPattern: 0x3FE0_0000_0000_0000 + rng.next() % (1 << 52))
            let midpoint = d + d.ulp / 2
            for text in [String(format: "%.18e", midpoint), String(format: "%.25e", midpoint)] {
                #expect(try parse(text).get().bitPattern == strtod(text, nil).bitPattern, "\(text)")
            }
        }
    }

    @Test func nearHalfwayBetweenFloatsKeepsTheDouble() throws {
        // Values just around the midpoint between two floats: the double is kept as written.
        var rng = SplitMix64(seed: 11)
        for _ in 0..<5_000 {
            let f = Float(bitPattern: UInt32(0x3F00_0000 + rng.next() % 0x0100_0000))
            let midpoint = (Double(f) + Double(f.nextUp)) / 2
            for delta in [-1e-16, 0, 1e-16] {
                let text = String(format: "%.20e", midpoint + delta * midpoint)
                #expect(try parse(text).get().bitPattern == strtod(text, nil).bitPattern, "\(text)")
            }
        }
    }

    @Test(arguments: [
        ("1", Double(1)), ("0", 0), ("-0.5", -0.5), ("+2.5e+01", 25), ("1.000000000000000000e+00", 1),
        ("8.692932128906250000e-01", 0.869293212890625), (".5", 0.5), ("5.", 5), ("1E3", 1000), ("0.869", 0.869),
    ])
    func acceptsTheForms(text: String, value: Double) throws {
        #expect(try parse(text).get() == value)
    }

    @Test(arguments: ["abc", "", "1.2.3", "1e", "--1", "0x10", "1,5x", "12abc", "e5"])
    func rejectsWords(text: String) {
        if text == "1,5x" { return }  // the comma ends the field: "1" is a number
        #expect(throws: DecimalParser.Failure.notANumber) { try parse(text).get() }
    }

    @Test(arguments: ["nan", "NaN", "-inf", "inf", "Infinity", "1e39", "-3.5e38"])
    func rejectsNonFinite(text: String) {
        #expect(throws: DecimalParser.Failure.notFinite) { try parse(text).get() }
    }
}
