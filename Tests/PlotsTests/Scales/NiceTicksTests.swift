import Testing

@testable import Plots

@Suite struct NiceTicksTests {
    @Test(arguments: [(1.0, 5, 0.2), (1.0, 6, 0.2), (10.0, 5, 2.0), (0.37, 5, 0.1), (97.0, 6, 20.0), (3.0, 6, 0.5), (1234.0, 5, 500.0)])
    func stepsAreOneTwoFive(span: Double, maxCount: Int, expected: Double) {
        #expect(abs(NiceTicks.step(span: span, maxCount: maxCount) - expected) < 1e-12)
    }

    @Test func valuesAreExactMultiples() {
        #expect(NiceTicks.values(0, 1, maxCount: 5).count == 6)
        #expect(NiceTicks.ticks(0, 1, maxCount: 5).compactMap(\.label) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        #expect(NiceTicks.ticks(-0.3, 0.3, maxCount: 6).compactMap(\.label) == ["-0.3", "-0.2", "-0.1", "0.0", "0.1", "0.2", "0.3"])
        #expect(NiceTicks.ticks(0, 250, maxCount: 5).compactMap(\.label) == ["0", "50", "100", "150", "200", "250"])
    }

    @Test func niceRangeWidensToStepMultiples() {
        #expect(NiceTicks.niceRange(0.13, 0.87, maxCount: 5) == 0.0...1.0)
        #expect(NiceTicks.niceRange(3, 97, maxCount: 6) == 0.0...100.0)
        let flat = NiceTicks.niceRange(5, 5)
        #expect(flat.lowerBound < 5 && flat.upperBound > 5)
    }

    @Test func decimalsFollowTheStep() {
        #expect(NiceTicks.decimals(for: 5) == 0)
        #expect(NiceTicks.decimals(for: 0.2) == 1)
        #expect(NiceTicks.decimals(for: 0.05) == 2)
    }

    @Test func aRangeCoversItsDataToTheLastBit() {
        // 1.14 / 0.005 rounds to 228, and 228 × 0.005 is 1.1400000000000001: just above the data.
        let range = NiceTicks.niceRange(1.14, 1.15)
        #expect(range.lowerBound <= 1.14 && range.upperBound >= 1.15)
    }

    @Test func aTinySpanIsARangeNotAPoint() {
        // The density of a feature spread over 10^15 units.
        let range = NiceTicks.niceRange(0, 3e-16, maxCount: 3)
        #expect(range.lowerBound == 0 && range.upperBound >= 3e-16 && range.upperBound < 1e-15)
    }

    @Test(arguments: [
        (0.0, 3e-16, 3, ["0", "1×10^{-16}", "2×10^{-16}", "3×10^{-16}"]),
        (0.0, 4e-5, 4, ["0", "1×10^{-5}", "2×10^{-5}", "3×10^{-5}", "4×10^{-5}"]),
        (0.0, 4e12, 4, ["0", "1×10^{12}", "2×10^{12}", "3×10^{12}", "4×10^{12}"]),
        (-3.03e17, -2.97e17, 3, ["-3.02×10^{17}", "-3.00×10^{17}", "-2.98×10^{17}"]),
        (0.0, 250_000.0, 5, ["0", "50000", "100000", "150000", "200000", "250000"]),
    ])
    func labelsOfTinyAndHugeValuesStayDistinctAndTrue(lower: Double, upper: Double, maxCount: Int, expected: [String]) {
        let labels = NiceTicks.ticks(lower, upper, maxCount: maxCount).compactMap(\.label)
        #expect(labels == expected)
    }
}
