import Testing

@testable import HiggsData

@Suite struct DataSplitTests {
    @Test func theCanonicalSplitsAreExact() throws {
        let full = try DataSplit(rowCount: 11_000_000)
        #expect(full.test == 10_500_000..<11_000_000)
        #expect(full.validation == 9_450_000..<10_500_000)
        #expect(full.training == 0..<9_450_000)
        let sample = try DataSplit(rowCount: 7_500)
        #expect(sample.test == 7_000..<7_500)
        #expect(sample.validation == 6_300..<7_000)
    }

    @Test(arguments: [100, 7_500, 1_000_000, 11_000_000])
    func partsAreDisjointAndCoverEveryRow(rows: Int) throws {
        let split = try DataSplit(rowCount: rows)
        #expect(split.training.lowerBound == 0)
        #expect(split.training.upperBound == split.validation.lowerBound)
        #expect(split.validation.upperBound == split.test.lowerBound)
        #expect(split.test.upperBound == rows)
        #expect(!split.training.isEmpty && !split.test.isEmpty)
    }

    @Test func publicAndPrivatePartitionTheTestRowsStably() throws {
        let split = try DataSplit(rowCount: 7_500)
        let publicRows = split.publicTestIndices
        let privateRows = split.privateTestIndices
        #expect(Set(publicRows).isDisjoint(with: privateRows))
        #expect(publicRows.count + privateRows.count == 500)
        // Pinned: the assignment is integer arithmetic only, the same on every machine.
        #expect(publicRows.count == 140)
        #expect(Array(publicRows.prefix(8)) == [3, 4, 9, 10, 18, 19, 30, 32])
        let again = try DataSplit(rowCount: 7_500)
        #expect(again.publicTestIndices == publicRows)
    }

    @Test func thePublicFractionHoldsOnLargeSplits() throws {
        let split = try DataSplit(rowCount: 11_000_000)
        let count = (0..<split.test.count).reduce(0) { $0 + (split.isPublic(testIndex: $1) ? 1 : 0) }
        #expect(abs(Double(count) / 500_000 - 0.3) < 0.005)
    }

    @Test func aDifferentSeedGivesADifferentPublicPart() throws {
        let a = try DataSplit(rowCount: 7_500)
        let b = try DataSplit(rowCount: 7_500, settings: SplitSettings(seed: 1))
        #expect(a.publicTestIndices != b.publicTestIndices)
    }

    @Test func settingsThatLeaveNoRowsAreRefused() {
        #expect(throws: DataError.self) { try DataSplit(rowCount: 10, settings: SplitSettings(testRows: 10)) }
        #expect(throws: DataError.self) { try DataSplit(rowCount: 10, settings: SplitSettings(publicFraction: 1)) }
        #expect { try DataSplit(rowCount: 0) } throws: { "\($0)".contains("split.test_rows") }
    }
}
