import Foundation
import TestSupport
import Testing

@testable import HiggsData

@Suite struct EventSymmetryTests {
    static let limit = Float(EventSymmetry.azimuthLimit)

    /// The sample's hidden-test rows as a dataset (labels all 0: the transform never reads them).
    static func hidden() throws -> HiggsDataset {
        let features = try SampleRows.hiddenTest()
        return HiggsDataset(labels: [UInt8](repeating: 0, count: features.count / 28), features: features)
    }

    @Test func onlyAzimuthsMoveAndPseudorapiditiesFlipWhenMirrored() throws {
        let rows = try Self.hidden()
        for symmetry in EventSymmetry.memorizationCopies {
            let copy = rows.transformed(by: symmetry)
            for row in 0..<rows.rowCount {
                for f in 0..<28 {
                    let (before, after) = (rows.value(row: row, feature: f), copy.value(row: row, feature: f))
                    switch FeatureSchema.kinds[f] {
                    case .azimuth:
                        #expect(after >= -Self.limit && after < Self.limit)
                        // Moved by the rotation, modulo a whole turn.
                        let moved = after - before - Float(symmetry.turns) * 2 * Self.limit
                        #expect(abs(moved) < 1e-5 || abs(abs(moved) - 2 * Self.limit) < 1e-5, "feature \(f) row \(row)")
                    case .pseudorapidity:
                        #expect(after == (symmetry.mirrored ? -before : before))
                    case .momentum, .mass, .bTag:
                        #expect(after.bitPattern == before.bitPattern)
                    }
                }
            }
        }
    }

    @Test("an azimuth far outside its range is wrapped at once, not a turn at a time without end")
    func hugeAzimuthsAreWrapped() {
        // x − period rounds back to x for these: wrapping a turn at a time never ends.
        for phi: Float in [1e30, -1e30, 3e7, -Float.greatestFiniteMagnitude] {
            let x = EventSymmetry.wrapAzimuth(phi)
            #expect(x >= -Self.limit && x < Self.limit, "\(phi) gave \(x)")
        }
        for phi in [1e300, -1e300, 1e17, Double(Float.greatestFiniteMagnitude)] {
            let x = EventSymmetry.wrapAzimuth(phi)
            #expect(x >= -EventSymmetry.azimuthLimit && x < EventSymmetry.azimuthLimit, "\(phi) gave \(x)")
        }
        #expect(EventSymmetry.wrapAzimuth(Float.infinity).isNaN && EventSymmetry.wrapAzimuth(-Double.infinity).isNaN)
        // Values a rotation can reach wrap as before: one turn at a time, bit for bit.
        let limit = Float(EventSymmetry.azimuthLimit)
        for phi: Float in [limit, 2.4 * limit, -limit - 0.5, 0.3] {
            var expected = phi
            while expected >= limit { expected -= 2 * limit }
            while expected < -limit { expected += 2 * limit }
            #expect(EventSymmetry.wrapAzimuth(phi).bitPattern == expected.bitPattern)
        }
        var rows = [Float](repeating: 1e30, count: 28)
        rows.withUnsafeMutableBufferPointer { EventSymmetry(turns: 0.25, mirrored: true).apply(to: $0) }
        #expect(EventSymmetry.azimuths.allSatisfy { abs(rows[$0]) <= limit })
    }

    @Test("rows written with fewer digits are transformed as written, and the float32 models read their rounding")
    func inexactRowsAreTransformedAsWritten() throws {
        // 0.001 and its neighbours are no float32: the copy must move the values as written.
        let values = (0..<(4 * 28)).map { Double($0 % 7) * 0.001 + 0.1 }
        let rows = HiggsDataset(labels: [0, 1, 0, 1], values: values)
        #expect(!rows.isFloat32Exact)
        let symmetry = EventSymmetry(turns: 0.25, mirrored: true)
        let copy = rows.transformed(by: symmetry)
        var expected = values
        expected.withUnsafeMutableBufferPointer { symmetry.apply(to: $0) }
        #expect(copy.exactValues == expected)
        for row in 0..<4 {
            for f in 0..<28 { #expect(copy.value(row: row, feature: f) == Float(expected[row * 28 + f])) }
        }
        #expect(copy.labels == [0, 1, 0, 1])
    }

    @Test func theViewItWasMadeFromIsLeftAsItWas() throws {
        let rows = try Self.hidden()
        let before = rows.withFeatures { Array($0) }
        let copy = rows.rows(10..<20).transformed(by: EventSymmetry(turns: 0.25, mirrored: true))
        #expect(copy.rowCount == 10 && copy.labels == rows.rows(10..<20).labels)
        #expect(rows.withFeatures { Array($0) } == before)
    }

    @Test func fourQuarterTurnsAndTwoMirrorsComeBack() throws {
        let rows = try Self.hidden()
        var values = rows.withFeatures { Array($0) }
        let quarter = EventSymmetry(turns: 0.25, mirrored: true)
        values.withUnsafeMutableBufferPointer { buffer in
            for _ in 0..<4 { quarter.apply(to: buffer) }
        }
        let original = rows.withFeatures { Array($0) }
        #expect(zip(values, original).allSatisfy { abs($0 - $1) < 1e-5 || abs(abs($0 - $1) - 2 * Self.limit) < 1e-5 })
    }

    @Test func doublesAreTransformedInTheirOwnPrecision() {
        var row = [Double](repeating: 0.5, count: 28)
        row[2] = 1.7  // lepton phi, near the upper edge
        row.withUnsafeMutableBufferPointer { EventSymmetry(turns: 0.25, mirrored: true).apply(to: $0) }
        #expect(row[2] == 1.7 + 0.25 * 2 * 1.7433 - 2 * 1.7433)
        #expect(row[1] == -0.5 && row[0] == 0.5 && row[27] == 0.5)
    }

    @Test func theWrapIsTheOneSyntheticEventsUse() {
        #expect(SyntheticEvents.azimuthLimit == Self.limit)
        #expect(EventSymmetry.wrapAzimuth(Self.limit) == -Self.limit)
        #expect(EventSymmetry.wrapAzimuth(-Self.limit) == -Self.limit)
        #expect(EventSymmetry.wrapAzimuth(Float(3 * EventSymmetry.azimuthLimit)) < Self.limit)
    }
}
