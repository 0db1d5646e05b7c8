import Foundation
import TestSupport
import Testing

@testable import HiggsData

@Suite struct SyntheticEventsTests {
    static func sample() throws -> HiggsDataset {
        try DataLoader(cacheDirectory: TemporaryDirectory().path).load(KnownDataSets.samplePath).dataset
    }

    static func synthesize(rows: Int, seed: UInt64, gzip: Bool = false) throws -> (String, TemporaryDirectory) {
        let dir = TemporaryDirectory()
        let path = dir.file(gzip ? "synth.csv.gz" : "synth.csv")
        let generator = try SyntheticEvents(sample: sample())
        var writer = HiggsTextWriter(gzipLevel: gzip ? 6 : nil)
        writer.chunkRows = 1_000
        try writer.write(rowCount: rows, to: path) { range, labels, features in
            generator.generate(rows: range, totalRows: rows, seed: seed, labels: labels, features: features)
        }
        return (path, dir)
    }

    @Test func theSameSeedGivesTheSameBytesAndAnotherSeedOthers() throws {
        let (a, keepA) = try Self.synthesize(rows: 3_000, seed: 42)
        let (b, keepB) = try Self.synthesize(rows: 3_000, seed: 42)
        let (c, keepC) = try Self.synthesize(rows: 3_000, seed: 43)
        let bytesA = try Data(contentsOf: URL(fileURLWithPath: a))
        #expect(bytesA == (try Data(contentsOf: URL(fileURLWithPath: b))))
        #expect(bytesA != (try Data(contentsOf: URL(fileURLWithPath: c))))
        _ = (keepA, keepB, keepC)
    }

    @Test func rowsAreInHiggsOwnTextFormat() throws {
        let (path, keep) = try Self.synthesize(rows: 50, seed: 1)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 50)
        let pattern = try Regex(#"^-?\d\.\d{18}e[+-]\d{2}$"#)
        for line in lines {
            let fields = line.split(separator: ",")
            #expect(fields.count == 29)
            #expect(fields.allSatisfy { $0.wholeMatch(of: pattern) != nil })
            #expect(fields[0] == "1.000000000000000000e+00" || fields[0] == "0.000000000000000000e+00")
        }
        #expect(Double(try Data(contentsOf: URL(fileURLWithPath: path)).count) / 50 > 650)
        _ = keep
    }

    @Test func eventsKeepTheSamplesDistributionsAndPhysics() throws {
        let rows = 40_000
        let (path, keep) = try Self.synthesize(rows: rows, seed: 3, gzip: true)
        let synth = try DataLoader(cacheDirectory: keep.file("cache")).load(path).dataset
        let sample = try Self.sample()
        #expect(synth.rowCount == rows)
        // b-tags keep their discrete values.
        let btagValues = Set((0..<sample.rowCount).map { sample.value(row: $0, feature: 8) })
        #expect((0..<rows).allSatisfy { btagValues.contains(synth.value(row: $0, feature: 8)) })
        // Per class, every feature's mean stays close to the sample's (for pseudorapidities,
        // the mean of |eta|: mirroring the beam axis is a symmetry, the sample's mean eta is noise).
        for label: UInt8 in [0, 1] {
            for f in 0..<28 where FeatureSchema.kinds[f] != .azimuth {
                let a = mean(sample, f, label), b = mean(synth, f, label)
                #expect(abs(a - b) < 0.06 * max(0.3, abs(a)), "feature \(f) class \(label): \(a) vs \(b)")
            }
        }
        // Masses move with momenta (one energy scale per event): m_bb / jet-1 pT keeps its median.
        func medianRatio(_ d: HiggsDataset) -> Float {
            let r = (0..<d.rowCount).map { d.value(row: $0, feature: 25) / max(d.value(row: $0, feature: 5), 1e-3) }
            return r.sorted()[r.count / 2]
        }
        #expect(abs(medianRatio(synth) / medianRatio(sample) - 1) < 0.05)
        // Azimuths stay within HIGGS' standardized range.
        #expect((0..<rows).allSatisfy { abs(synth.value(row: $0, feature: 2)) <= 1.7433 })
    }

    func mean(_ d: HiggsDataset, _ feature: Int, _ label: UInt8) -> Double {
        var sum = 0.0, n = 0
        for row in 0..<d.rowCount where d.label(row) == label {
            let v = d.value(row: row, feature: feature)
            sum += Double(FeatureSchema.kinds[feature] == .pseudorapidity ? abs(v) : v)
            n += 1
        }
        return sum / Double(n)
    }
}
