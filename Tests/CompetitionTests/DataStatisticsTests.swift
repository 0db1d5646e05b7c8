import HiggsData
import Results
import TestSupport
import Testing

@testable import Competition

@Suite struct DataStatisticsTests {
    @Test func histogramsCountEveryRowOnceAndCorrelationsAreSane() throws {
        let data = try DataLoader(cacheDirectory: TemporaryDirectory().path).load(KnownDataSets.samplePath).dataset
        let stats = DataStatistics(data)
        #expect(stats.histograms.count == 28)
        for h in stats.histograms {
            #expect(h.signal.reduce(0, +) == 3_988)
            #expect(h.background.reduce(0, +) == 3_512)
            #expect(h.low < h.high)
        }
        #expect(stats.histograms[0].name == "lepton pT")
        // The diagonal is 1, the matrix symmetric, every value within [-1, 1].
        for i in 0..<28 {
            #expect(abs(stats.signalCorrelation[i * 28 + i] - 1) < 1e-9)
            for j in 0..<28 {
                #expect(stats.signalCorrelation[i * 28 + j] == stats.signalCorrelation[j * 28 + i])
                #expect(abs(stats.backgroundCorrelation[i * 28 + j]) <= 1 + 1e-9)
            }
        }
        // m_wbb and m_wwbb are strongly correlated in both classes.
        #expect(stats.signalCorrelation[26 * 28 + 27] > 0.5)
        #expect(stats.correlationRows == 7_500)
    }

    @Test func correlationMatchesAHandComputation() {
        // Two features move together exactly, one against: r = 1 and r = -1.
        var features = [Float](repeating: 0, count: 4 * 28)
        for row in 0..<4 {
            features[row * 28 + 0] = Float(row)
            features[row * 28 + 1] = Float(2 * row + 1)
            features[row * 28 + 2] = Float(-row)
        }
        let data = HiggsDataset(labels: [1, 1, 1, 1], features: features)
        let r = DataStatistics.correlation(data, label: 1, step: 1)
        #expect(abs(r[0 * 28 + 1] - 1) < 1e-12)
        #expect(abs(r[0 * 28 + 2] + 1) < 1e-12)
    }
}
