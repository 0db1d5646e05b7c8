/// The HIGGS data set's columns: a label, then 28 features in a fixed order.
///
/// The names are the ones of Baldi, Sadowski and Whiteson (2014) and are used wherever a
/// feature is shown (data pages, `data info`, manifests that select features).
public enum FeatureSchema {
    /// Number of features after the label.
    public static let featureCount = 28

    /// Columns in a HIGGS.csv row: the label and the features.
    public static let columnCount = featureCount + 1

    /// The 28 feature names in column order (column 1 of the CSV is `names[0]`).
    public static let names: [String] = [
        "lepton pT", "lepton eta", "lepton phi",
        "missing energy magnitude", "missing energy phi",
        "jet 1 pT", "jet 1 eta", "jet 1 phi", "jet 1 b-tag",
        "jet 2 pT", "jet 2 eta", "jet 2 phi", "jet 2 b-tag",
        "jet 3 pT", "jet 3 eta", "jet 3 phi", "jet 3 b-tag",
        "jet 4 pT", "jet 4 eta", "jet 4 phi", "jet 4 b-tag",
        "m_jj", "m_jjj", "m_lv", "m_jlv", "m_bb", "m_wbb", "m_wwbb",
    ]

    /// What a feature measures; the synthetic generator and the plots treat each kind alike.
    public enum Kind: String, Sendable, CaseIterable {
        /// Transverse momentum or energy: positive, scales with the event's energy.
        case momentum
        /// Pseudorapidity: symmetric around zero.
        case pseudorapidity
        /// Azimuthal angle, standardized so that ±π maps to about ±1.743.
        case azimuth
        /// A b-tag weight: a few discrete values.
        case bTag
        /// One of the seven high-level invariant masses (derived from the low-level features).
        case mass
    }

    /// The kind of each feature, in column order.
    public static let kinds: [Kind] = names.map { name in
        if name.hasPrefix("m_") { return .mass }
        if name.hasSuffix("b-tag") { return .bTag }
        if name.hasSuffix("eta") { return .pseudorapidity }
        if name.hasSuffix("phi") { return .azimuth }
        return .momentum
    }

    /// Indices (0-based, into the 28 features) of the 21 low-level features.
    static let lowLevel: Range<Int> = 0..<21

    /// Indices (0-based, into the 28 features) of the seven high-level masses.
    public static let highLevel: Range<Int> = 21..<28

    /// The 0-based feature index of `name`, matched ignoring case, spaces, `_` and `-` (so
    /// `jet_1_pt`, `Jet1PT` and `Jet 1 pT` are all feature 5); `nil` if none matches.
    public static func index(of name: String) -> Int? {
        indexByKey[key(name)]
    }

    private static let indexByKey: [String: Int] = Dictionary(
        uniqueKeysWithValues: names.enumerated().map { (key($0.element), $0.offset) })

    /// `name` lowercased, without spaces, `_` and `-`.
    private static func key(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { $0 != " " && $0 != "_" && $0 != "-" })
    }
}
