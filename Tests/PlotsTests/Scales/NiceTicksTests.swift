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
}
