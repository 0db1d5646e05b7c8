import Foundation

/// The sample's rows (`Sources/HiggsData/Resources/higgs-sample.csv`), parsed once, for
/// tests that predict on the hidden-test rows the fixtures were predicted on.
public enum SampleRows {
    /// The hidden-test rows (the sample's last 500), features only, row-major; `columns`
    /// selects features (all 28 by default).
    public static func hiddenTest(columns: Range<Int> = 0..<28) throws -> [Float] {
        try parsed.get().suffix(500).flatMap { $0[columns] }
    }

    /// Column 0 the label, then 28 features, per row; features only are kept.
    private static let parsed: Result<[[Float]], any Error> = Result {
        let csv = SharedFixtures.repositoryRoot + "/Sources/HiggsData/Resources/higgs-sample.csv"
        let text = try String(contentsOfFile: csv, encoding: .utf8)
        return text.split(separator: "\n").map { line in
            line.split(separator: ",").dropFirst().map { Float($0) ?? .nan }
        }
    }
}
