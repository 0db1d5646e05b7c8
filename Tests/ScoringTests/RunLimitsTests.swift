import Scoring
import Testing

@Suite("Limits from leaderboard.yml")
struct RunLimitsTests {
    @Test("counts whole, times fractional")
    func countsAreWholeNumbers() throws {
        for (key, value) in [("max_file_bytes", 1e19), ("max_layers", 0.5), ("cpu_seconds", 2.5)] {
            #expect {
                _ = try RunLimits(settings: [key: value])
            } throws: { error in
                "\(error)" == "limits.\(key) in leaderboard.yml is \(value): give a whole number below 2^62"
            }
        }
        let limits = try RunLimits(settings: ["wall_seconds": 2.5, "max_layers": 7])
        #expect(limits.sandbox.wallSeconds == 2.5)
        #expect(limits.readers.modelFile.maxLayers == 7)
    }
}
