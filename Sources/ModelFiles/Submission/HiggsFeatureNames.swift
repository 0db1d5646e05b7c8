/// The 28 HIGGS feature names in column order, kept here because ModelFiles does not depend
/// on HiggsData (whose `FeatureSchema.names` is the same list; a test compares them
/// where both are built).
enum HiggsFeatureNames {
    /// The names, as Baldi, Sadowski and Whiteson (2014) spell them.
    static let all: [String] = [
        "lepton pT", "lepton eta", "lepton phi",
        "missing energy magnitude", "missing energy phi",
        "jet 1 pT", "jet 1 eta", "jet 1 phi", "jet 1 b-tag",
        "jet 2 pT", "jet 2 eta", "jet 2 phi", "jet 2 b-tag",
        "jet 3 pT", "jet 3 eta", "jet 3 phi", "jet 3 b-tag",
        "jet 4 pT", "jet 4 eta", "jet 4 phi", "jet 4 b-tag",
        "m_jj", "m_jjj", "m_lv", "m_jlv", "m_bb", "m_wbb", "m_wwbb",
    ]

    private static let keys: [String: Int] = Dictionary(
        uniqueKeysWithValues: all.enumerated().map { (key($0.element), $0.offset) })

    /// The 0-based index of `name`, matched ignoring case, spaces, `_` and `-` (so
    /// `jet_1_pt`, `Jet1PT` and `jet 1 pT` are all feature 5); `nil` if none matches.
    static func index(of name: String) -> Int? {
        keys[key(name)]
    }

    private static func key(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { $0 != " " && $0 != "_" && $0 != "-" })
    }
}
