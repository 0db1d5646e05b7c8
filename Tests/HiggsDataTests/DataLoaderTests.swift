import Foundation
import TestSupport
import Testing

@testable import HiggsData

@Suite struct DataLoaderTests {
    /// Rows parsed the plain way, for comparison.
    static func referenceRows(_ path: String) throws -> (labels: [UInt8], features: [Float]) {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var labels: [UInt8] = []
        var features: [Float] = []
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: ",").map { Float(String($0))! }
            labels.append(UInt8(fields[0]))
            features.append(contentsOf: fields[1...])
        }
        return (labels, features)
    }

    static func write(_ dataset: HiggsDataset, to path: String, gzipLevel: Int32? = nil, chunkRows: Int = 16_384) throws {
        var writer = HiggsTextWriter(gzipLevel: gzipLevel)
        writer.chunkRows = chunkRows
        let storage = Unchecked(dataset)
        try writer.write(rowCount: dataset.rowCount, to: path) { range, labels, features in
            let part = storage.value.rows(range)
            part.withLabels { for (i, l) in $0.enumerated() { labels[i] = l } }
            part.withFeatures { for (i, v) in $0.enumerated() { features[i] = v } }
        }
    }

    @Test func readsTheEmbeddedSampleExactly() throws {
        let cache = TemporaryDirectory()
        let loaded = try DataLoader(cacheDirectory: cache.path).load(KnownDataSets.samplePath, sha256: true)
        let reference = try Self.referenceRows(KnownDataSets.samplePath)
        #expect(loaded.dataset.rowCount == 7_500)
        #expect(loaded.dataset.labels == reference.labels)
        #expect(loaded.dataset.signalCount == 3_988)
        loaded.dataset.withFeatures { #expect(Array($0) == reference.features) }
        #expect(loaded.sha256 == KnownDataSets.sampleSHA256)
        #expect(!loaded.fromCache)
    }

    @Test func cacheReusedUntilSourceChanges() throws {
        let dir = TemporaryDirectory()
        let source = try String(contentsOfFile: KnownDataSets.samplePath, encoding: .utf8)
        let path = try dir.write(source, to: "data.csv")
        let loader = DataLoader(cacheDirectory: dir.file("cache"))
        #expect(try !loader.load(path).fromCache)
        let again = try loader.load(path)
        #expect(again.fromCache)
        #expect(again.dataset.value(row: 0, feature: 0) == 0.869)
        // Same size, one digit changed: the fingerprint catches it even with the same mtime.
        let changed = source.replacingOccurrences(of: "1,0.869,", with: "1,0.868,")
        try changed.write(toFile: path, atomically: false, encoding: .utf8)
        let reloaded = try loader.load(path)
        #expect(!reloaded.fromCache)
        #expect(reloaded.dataset.value(row: 0, feature: 0) == 0.868)
    }

    @Test(arguments: [nil, Int32(1), Int32(6)])
    func gzipAndHiggsTextFormatGiveTheSameMatrix(level: Int32?) throws {
        let dir = TemporaryDirectory()
        let sample = try DataLoader(cacheDirectory: dir.file("cache")).load(KnownDataSets.samplePath).dataset
        let path = dir.file(level == nil ? "higgs.csv" : "higgs.csv.gz")
        // Small chunks: many gzip members, as our writer and pigz make them.
        try Self.write(sample, to: path, gzipLevel: level, chunkRows: 1_000)
        var loader = DataLoader(cacheDirectory: dir.file("cache"))
        loader.blockBytes = 64 << 10
        let loaded = try loader.load(path).dataset
        #expect(loaded.labels == sample.labels)
        loaded.withFeatures { a in sample.withFeatures { b in #expect(Array(a) == Array(b)) } }
    }

    @Test func gzipOfOneMemberIsRead() throws {
        let dir = TemporaryDirectory()
        let sample = try DataLoader(cacheDirectory: dir.file("cache")).load(KnownDataSets.samplePath).dataset
        let path = dir.file("one.csv.gz")
        try Self.write(sample, to: path, gzipLevel: 9, chunkRows: 100_000)
        let loaded = try DataLoader(cacheDirectory: dir.file("cache")).load(path).dataset
        #expect(loaded.rowCount == 7_500)
        #expect(loaded.labels == sample.labels)
    }

    @Test func truncatedGzipIsAnError() throws {
        let dir = TemporaryDirectory()
        let sample = try DataLoader(cacheDirectory: dir.file("cache")).load(KnownDataSets.samplePath).dataset
        let path = dir.file("cut.csv.gz")
        try Self.write(sample, to: path, gzipLevel: 6, chunkRows: 100_000)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: path))
        #expect {
            try DataLoader(cacheDirectory: dir.file("cache")).load(path)
        } throws: { error in
            "\(error)".contains("cut.csv.gz: the gzip stream is damaged")
        }
    }

    @Test func theLineNumberOfAnErrorCountsAcrossBlocks() throws {
        let dir = TemporaryDirectory()
        var lines = try String(contentsOfFile: KnownDataSets.samplePath, encoding: .utf8)
            .split(separator: "\n").map(String.init)
        lines[6_123] = "1,0.5,oops," + Array(repeating: "0.5", count: 26).joined(separator: ",")
        let path = try dir.write(lines.joined(separator: "\n") + "\n", to: "bad.csv")
        var loader = DataLoader(cacheDirectory: dir.file("cache"))
        loader.blockBytes = 16 << 10
        #expect {
            try loader.load(path)
        } throws: { error in
            "\(error)".hasPrefix("\(path): line 6124, column 3 (lepton eta): expected a number, found \"oops\"")
        }
    }

    static let goodRow = "1," + Array(repeating: "0.5", count: 28).joined(separator: ",")

    static let badSecondLines: [(String, String)] = {
        let row: String = goodRow
        let cut: String = String(row.dropLast(3))
        var cases: [(String, String)] = []
        cases.append(("0,1,2\n", "line 2: expected 29 comma-separated values (label + 28 features), found 3 fields"))
        cases.append((row + ",7\n", "line 2: expected 29 comma-separated values (label + 28 features), found 30 fields"))
        cases.append(("2" + row.dropFirst() + "\n", "line 2, column 1 (label): the label must be 0 or 1, found \"2\""))
        cases.append(("0.5" + row.dropFirst() + "\n", "line 2, column 1 (label): the label must be 0 or 1, found \"0.5\""))
        cases.append(("1,nan" + row.dropFirst(5) + "\n", "line 2, column 2 (lepton pT): found \"nan\"; NaN and infinity are not allowed"))
        cases.append((row + "\n\n" + row + "\n", "line 3: blank line inside the data"))
        cases.append((cut + "inf\n", "line 2, column 29 (m_wwbb): found \"inf\"; NaN and infinity are not allowed"))
        cases.append((cut + "\n", "line 2, column 29 (m_wwbb): expected a number, found an empty field"))
        cases.append((cut + "0.5x\n", "line 2, column 29 (m_wwbb): expected a number, found \"0.5x\""))
        return cases
    }()

    @Test(arguments: badSecondLines)
    func badInputNamesTheLineAndColumn(secondLine: String, message: String) throws {
        let dir = TemporaryDirectory()
        let path = try dir.write(Self.goodRow + "\n" + secondLine, to: "bad.csv")
        #expect {
            try DataLoader(cacheDirectory: dir.file("cache")).load(path)
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("\(path): \(message)") && text.hasSuffix("Fix or remove that row and run again.")
        }
    }

    @Test func crlfAndAMissingFinalNewlineAreAccepted() throws {
        let dir = TemporaryDirectory()
        let path = try dir.write(Self.goodRow + "\r\n" + Self.goodRow + "\r\n" + Self.goodRow, to: "crlf.csv")
        #expect(try DataLoader(cacheDirectory: dir.file("cache")).load(path).dataset.rowCount == 3)
    }

    @Test func anEmptyFileAndAMissingFileAreClearErrors() throws {
        let dir = TemporaryDirectory()
        let empty = try dir.write("", to: "empty.csv")
        #expect { try DataLoader(cacheDirectory: dir.file("cache")).load(empty) } throws: {
            "\($0)".contains("the file holds no rows")
        }
        #expect { try DataLoader(cacheDirectory: dir.file("cache")).load(dir.file("nope.csv")) } throws: {
            "\($0)".contains("nope.csv: cannot read the file (No such file or directory)")
        }
    }
}
