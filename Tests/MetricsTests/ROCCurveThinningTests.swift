import TestSupport
import Testing

@testable import Metrics

@Suite("Thinning a ROC curve within a stated bound")
struct ROCCurveThinningTests {
    /// The realistic fixture's curve and a 20,000-row curve with ~10,000 points.
    static func curves() throws -> [ROCCurve] {
        let fixture = try MetricsFixtures.case("realistic_5000")
        var generator = SeededGenerator(seed: 42)
        let labels = (0..<20_000).map { _ in generator.nextUnit() < 0.5 }
        let scores = labels.map { ($0 ? 0.3 : 0.0) + generator.nextUnit() }
        return [try ROCCurve(scores: fixture.scores, labels: fixture.labels), try ROCCurve(scores: scores, labels: labels)]
    }

    @Test(
        "at most n original points, ends kept",
        arguments: [2, 10, 100, 300])
    func pointCount(_ maxPoints: Int) throws {
        for curve in try Self.curves() {
            let thinned = curve.thinned(maxPoints: maxPoints)
            #expect(thinned.curve.count <= maxPoints)
            #expect(thinned.curve.falsePositiveRates.first == 0 && thinned.curve.truePositiveRates.first == 0)
            #expect(thinned.curve.falsePositiveRates.last == 1 && thinned.curve.truePositiveRates.last == 1)
            #expect(thinned.curve.thresholds.first == .infinity)
            let originalThresholds = Set(curve.thresholds)
            #expect(thinned.curve.thresholds.allSatisfy(originalThresholds.contains))
            #expect(thinned.tolerance > 0 && thinned.tolerance <= 1)
        }
    }

    @Test(
        "stated bound holds for efficiencies and area",
        arguments: [20, 100, 300])
    func bound(_ maxPoints: Int) throws {
        for curve in try Self.curves() {
            let thinned = curve.thinned(maxPoints: maxPoints)
            let tolerance = thinned.tolerance + 1e-12
            for step in 0...2000 {
                let efficiency = Double(step) / 2000
                let signalDeviation = abs(
                    thinned.curve.signalEfficiency(atBackgroundEfficiency: efficiency)
                        - curve.signalEfficiency(atBackgroundEfficiency: efficiency))
                let backgroundDeviation = abs(
                    thinned.curve.backgroundEfficiency(atSignalEfficiency: efficiency)
                        - curve.backgroundEfficiency(atSignalEfficiency: efficiency))
                #expect(signalDeviation <= tolerance)
                #expect(backgroundDeviation <= tolerance)
            }
            // Every removed point lies in the box of the kept segment around it.
            var segment = 0
            let kept = thinned.curve
            for index in 0..<curve.count {
                while segment + 1 < kept.count - 1
                    && kept.thresholds[segment + 1] >= curve.thresholds[index]
                {
                    segment += 1
                }
                let x = curve.falsePositiveRates[index]
                let y = curve.truePositiveRates[index]
                #expect(kept.falsePositiveRates[segment] <= x && x <= kept.falsePositiveRates[segment + 1])
                #expect(kept.truePositiveRates[segment] <= y && y <= kept.truePositiveRates[segment + 1])
            }
            #expect(abs(kept.area - curve.area) <= tolerance)
        }
    }

    @Test("realistic curve, 300 points: within 1%")
    func realisticTolerance() throws {
        let thinned = try Self.curves()[1].thinned()
        #expect(thinned.curve.count <= 300)
        #expect(thinned.tolerance < 0.01)
    }

    @Test("short curve returned whole, tolerance 0")
    func shortCurve() throws {
        let fixture = try MetricsFixtures.case("ties_two_decimals")
        let curve = try ROCCurve(scores: fixture.scores, labels: fixture.labels)
        let thinned = curve.thinned(maxPoints: 300)
        #expect(thinned.curve == curve && thinned.tolerance == 0)
        #expect(curve.thinned(tolerance: 0).curve == curve)
    }

    @Test("fewer points for a larger tolerance")
    func monotone() throws {
        let curve = try Self.curves()[1]
        let counts = [0.001, 0.002, 0.005, 0.01, 0.05, 0.2].map { curve.thinned(tolerance: $0).curve.count }
        #expect(zip(counts, counts.dropFirst()).allSatisfy { $0 >= $1 })
    }
}

extension SeededGenerator {
    /// Uniform in [0, 1) with 53 random bits.
    mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1p-53 }
}
