import Testing

@testable import Plots

@Suite struct LogTicksTests {
    @Test func decadesAreMajorWithEightMinorTicksBetween() {
        let ticks = LogTicks.ticks(1, 1000)
        #expect(ticks.filter(\.isMajor).map(\.value) == [1, 10, 100, 1000])
        #expect(ticks.filter(\.isMajor).compactMap(\.label) == ["1", "10", "100", "1000"])
        #expect(ticks.filter { !$0.isMajor }.count == 24)
        #expect(ticks.contains { !$0.isMajor && $0.value == 20 })
    }

    @Test func wideRangesUseExponents() {
        let labels = LogTicks.ticks(1, 1e5).compactMap(\.label)
        #expect(labels == ["10^{0}", "10^{1}", "10^{2}", "10^{3}", "10^{4}", "10^{5}"])
    }

    @Test func veryWideRangesLabelEveryOtherDecadeWithoutMinors() {
        let ticks = LogTicks.ticks(1e-6, 1e6, maxMajor: 8)
        #expect(ticks.allSatisfy { $0.isMajor })
        #expect(ticks.compactMap(\.label).count == 7)
    }

    @Test func decadeRangeRoundsOutwards() {
        #expect(LogTicks.decadeRange(3, 420) == 1.0...1000.0)
        #expect(LogTicks.decadeRange(10, 10) == 10.0...100.0)
    }

    @Test func logScaleMapsDecadesEvenly() {
        let scale = AxisScale.logarithmic(1, 100)
        #expect(abs(scale.fraction(10) - 0.5) < 1e-12)
        #expect(scale.fraction(0) == -.infinity)
    }
}
