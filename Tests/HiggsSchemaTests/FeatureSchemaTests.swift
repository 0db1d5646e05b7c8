import HiggsSchema
import Testing

@Suite struct FeatureSchemaTests {
    @Test func theSchemaHasTheTwentyEightFeaturesInColumnOrder() {
        #expect(FeatureSchema.names.count == 28)
        #expect(FeatureSchema.names.first == "lepton pT")
        #expect(FeatureSchema.names[8] == "jet 1 b-tag")
        #expect(
            Array(FeatureSchema.names[FeatureSchema.highLevel])
                == ["m_jj", "m_jjj", "m_lv", "m_jlv", "m_bb", "m_wbb", "m_wwbb"])
        #expect(Set(FeatureSchema.names).count == 28)
    }

    @Test func kindsFollowTheNames() {
        #expect(FeatureSchema.kinds.filter { $0 == .bTag }.count == 4)
        #expect(FeatureSchema.kinds.filter { $0 == .azimuth }.count == 6)
        #expect(FeatureSchema.kinds.filter { $0 == .pseudorapidity }.count == 5)
        #expect(FeatureSchema.kinds.filter { $0 == .mass }.count == 7)
        #expect(FeatureSchema.kinds[3] == .momentum)
    }

    @Test(arguments: [
        ("jet_1_pt", 5), ("Jet 1 pT", 5), ("Jet1PT", 5), ("jet 4 b tag", 20), ("M_BB", 25),
        ("missing-energy-phi", 4), ("nothing", -1),
    ])
    func namesAreFoundLeniently(name: String, index: Int) {
        #expect(FeatureSchema.index(of: name) == (index < 0 ? nil : index))
    }
}
