import Foundation
import TestSupport
import Testing

@testable import HiggsData

/// The values as the file wrote them: kept in float64 beside the float32 matrix when some
/// value is not a float32, through the cache and back.
@Suite struct ExactValuesTests {
    /// Every field of `path` after the label, read by the C library (`strtod`), row-major.
    static func strtodValues(_ path: String) throws -> [Double] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(separator: "\n").flatMap { line in
            line.split(separator: ",").dropFirst().map { strtod(String($0), nil) }
        }
    }

    /// The float64 matrix of `dataset`, or `nil` when it has none.
    static func exact(_ dataset: HiggsDataset) -> [Double]? {
        dataset.withExactFeatures { $0.map(Array.init) }
    }

    @Test func threeDecimalsAreKeptAsWrittenThroughTheCache() throws {
        let dir = TemporaryDirectory()
        let loader = DataLoader(cacheDirectory: dir.file("cache"))
        let expected = try Self.strtodValues(KnownDataSets.samplePath)
        for fromCache in [false, true] {
            let loaded = try loader.load(KnownDataSets.samplePath)
            #expect(loaded.fromCache == fromCache)
            #expect(!loaded.dataset.isFloat32Exact)
            let exact = try #require(Self.exact(loaded.dataset))
            #expect(exact.map(\.bitPattern) == expected.map(\.bitPattern))
            // The float32 matrix is each double rounded once.
            loaded.dataset.withFeatures { #expect(Array($0) == expected.map { Float($0) }) }
            #expect(loaded.dataset.exactValue(row: 0, feature: 0) == 0.869)
            let view = loaded.dataset.rows(7_000..<7_500)
            #expect(Self.exact(view) == Array(expected[(7_000 * 28)...]))
        }
    }

    @Test func float32TextCarriesNoFloat64Matrix() throws {
        let dir = TemporaryDirectory()
        let sample = try DataLoader(cacheDirectory: dir.file("cache")).load(KnownDataSets.samplePath).dataset
        let path = dir.file("higgs.csv")
        try DataLoaderTests.write(sample, to: path)
        let loader = DataLoader(cacheDirectory: dir.file("cache"))
        let loaded = try loader.load(path)
        #expect(loaded.dataset.isFloat32Exact)
        #expect(Self.exact(loaded.dataset) == nil)
        #expect(loaded.dataset.exactValue(row: 0, feature: 0) == Double(Float(0.869)))
        let size = try #require(FileManager.default.attributesOfItem(atPath: loaded.cachePath)[.size] as? Int)
        #expect(size == BinaryCache.headerBytes + 7_500 * (28 * 4 + 1))
    }

    @Test func aFileThatTurnsInexactLateKeepsEveryRowExact() throws {
        // Float32 text first (many blocks), three decimals after: the rows before the first
        // inexact block are widened into the float64 matrix when it starts.
        let dir = TemporaryDirectory()
        let sample = try DataLoader(cacheDirectory: dir.file("cache")).load(KnownDataSets.samplePath).dataset
        try DataLoaderTests.write(sample.rows(0..<5_000), to: dir.file("head.csv"))
        let head = try String(contentsOfFile: dir.file("head.csv"), encoding: .utf8)
        let tail = try String(contentsOfFile: KnownDataSets.samplePath, encoding: .utf8)
            .split(separator: "\n").suffix(2_500).joined(separator: "\n")
        let path = try dir.write(head + tail + "\n", to: "mixed.csv")
        var loader = DataLoader(cacheDirectory: dir.file("cache"))
        loader.blockBytes = 64 << 10
        let loaded = try loader.load(path).dataset
        let exact = try #require(Self.exact(loaded))
        #expect(exact.map(\.bitPattern) == (try Self.strtodValues(path)).map(\.bitPattern))
        #expect(loaded.labels == sample.labels)
    }

    @Test func aVersionOneCacheIsParsedAgain() throws {
        let dir = TemporaryDirectory()
        let loader = DataLoader(cacheDirectory: dir.file("cache"))
        let first = try loader.load(KnownDataSets.samplePath)
        let handle = try #require(FileHandle(forUpdatingAtPath: first.cachePath))
        try handle.seek(toOffset: 8)
        try handle.write(contentsOf: Data([1, 0, 0, 0]))
        try handle.close()
        let again = try loader.load(KnownDataSets.samplePath)
        #expect(!again.fromCache)
        #expect(Self.exact(again.dataset) != nil)
    }

    @Test func rowsMadeFromDoublesKeepThem() {
        let values = (0..<56).map { Double($0) / 1000 }
        let dataset = HiggsDataset(labels: [0, 1], values: values)
        #expect(Self.exact(dataset) == values)
        dataset.withFeatures { #expect(Array($0) == values.map { Float($0) }) }
        #expect(dataset.rows(1..<2).exactValues == Array(values[28...]))
        let quarters = (0..<56).map { Double($0) / 4 }
        let exactOnes = HiggsDataset(labels: [0, 1], values: quarters)
        #expect(exactOnes.isFloat32Exact)
        #expect(exactOnes.exactValues == quarters)
    }
}
