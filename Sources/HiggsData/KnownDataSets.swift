import Foundation

/// Data sets the tool recognises by their SHA-256.
public enum KnownDataSets {
    /// SHA-256 of the official UCI `HIGGS.csv.gz` (2.6 GB, 11,000,000 rows).
    public static let officialHiggsGzipSHA256 = "ea302c18164d4e3d916a1e2e83a9a8d07069fa6ebc7771e4c0540d54e593b698"

    /// SHA-256 of the embedded 7,500-event sample.
    static let sampleSHA256 = "2c5eba3c34c8ebdfcdc0b7c7d46bf8585ddc6ffc044e4f60712f0c025b8d2146"

    /// Path of the embedded sample: 7,500 real HIGGS events (CC BY 4.0; see `sampleAttribution`).
    /// Used whenever no data file is configured.
    public static var samplePath: String {
        guard let path = Bundle.module.path(forResource: "higgs-sample", ofType: "csv") else {
            preconditionFailure("the embedded sample is missing from the HiggsData bundle")
        }
        return path
    }

    /// The sample's provenance and licence text, shipped with it.
    static var sampleAttribution: String {
        guard let path = Bundle.module.path(forResource: "SAMPLE-README", ofType: "md"),
            let text = try? String(contentsOfFile: path, encoding: .utf8)
        else { return "" }
        return text
    }

    /// A name for a file with this SHA-256, if it is one the tool knows.
    public static func name(forSHA256 digest: String) -> String? {
        switch digest.lowercased() {
        case officialHiggsGzipSHA256: "the official UCI HIGGS.csv.gz"
        case sampleSHA256: "the embedded 7,500-event HIGGS sample"
        default: nil
        }
    }
}
