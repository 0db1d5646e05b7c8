import Testing

@testable import Plots

/// An axis's limits cut its automatic range back to the values the quantity can take.
@Suite struct AxisLimitsTests {
    @Test func anAUCAxisStopsAtOne() {
        let values = [0.93, 0.991]
        let free = Axis(label: "AUC", headroom: 0.25).scale(covering: values)
        let bounded = Axis(label: "AUC", headroom: 0.25, limits: 0...1).scale(covering: values)
        #expect(free.upper > 1)
        #expect(bounded.upper == 1)
        #expect(bounded.lower == free.lower)
        #expect(NiceTicks.ticks(bounded.lower, bounded.upper).last?.label == "1.00")
    }

    @Test func aLossAxisStopsAtZeroAndRunsFreelyUp() {
        let values = [0.0, 0.0]
        let free = Axis(label: "Log loss").scale(covering: values)
        let bounded = Axis(label: "Log loss", limits: 0...Double.infinity).scale(covering: values)
        #expect(free.lower < 0)
        #expect(bounded.lower == 0 && bounded.upper == free.upper)
    }

    @Test func dataOutsideTheLimitsKeepsItsOwnRange() {
        let scale = Axis(label: "AUC", limits: 0...1).scale(covering: [1.5, 2.5])
        #expect(scale.lower >= 1.5 - 1 && scale.upper >= 2.5)
    }

    @Test func aFixedRangeIsNotCut() {
        let scale = Axis(label: "AUC", range: -0.5...1.5, limits: 0...1).scale(covering: [])
        #expect(scale.lower == -0.5 && scale.upper == 1.5)
    }
}
