import Testing

@Suite("Fixtures")
struct FixturesTests {
    @Test("fixtures load and were made with scikit-learn 1.9.1")
    func load() throws {
        let cases = try MetricsFixtures.decode(MetricsFixtures.Cases.self, from: "metrics_cases")
        #expect(cases.versions.scikitLearn == "1.9.1")
        #expect(cases.cases.count >= 12)
        let pairs = try MetricsFixtures.pairs()
        #expect(pairs.count == 3)
    }

    @Test("scores round-trip through JSON exactly")
    func exactDoubles() throws {
        let float32 = try MetricsFixtures.case("float32_like")
        // Every float32-like score widened to Double is exactly a Float.
        #expect(float32.scores.allSatisfy { Double(Float($0)) == $0 })
        let zeros = try MetricsFixtures.case("signed_zeros")
        #expect(zeros.scores[0].sign == .minus && zeros.scores[0] == 0)
    }
}
