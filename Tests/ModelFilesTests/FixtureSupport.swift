import Foundation
import Models
import Testing

/// The committed fixtures and the sample's hidden-test rows they were predicted on.
enum Fixtures {
    /// The URL of fixture `name` in the test bundle.
    static func url(_ name: String) throws -> URL {
        let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let url = folder.appendingPathComponent(name)
        #expect(FileManager.default.fileExists(atPath: url.path), "missing fixture \(name)")
        return url
    }

    /// The framework's own predictions written beside a fixture (`<stem>.predictions.txt`).
    static func predictions(_ stem: String) throws -> [Double] {
        let text = try String(contentsOf: url("\(stem).predictions.txt"), encoding: .utf8)
        return try text.split(separator: "\n").map { try #require(Double($0)) }
    }

    /// The hidden-test rows of the sample (its last 500 rows), features only, row-major;
    /// `columns` selects features (all 28 by default).
    static func hiddenTestRows(columns: Range<Int> = 0..<28) throws -> [Float] {
        let rows = try sampleRows.suffix(500)
        #expect(rows.count == 500)
        return rows.flatMap { $0[columns] }
    }

    /// The sample CSV parsed once: column 0 the label, then 28 features.
    private static let sampleRowsResult: Result<[[Float]], any Error> = Result {
        // The sample ships in HiggsData's resources; find it from this file's real location.
        let here = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        let root = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let csv = root.appendingPathComponent("Sources/HiggsData/Resources/higgs-sample.csv")
        let text = try String(contentsOf: csv, encoding: .utf8)
        return text.split(separator: "\n").map { line in
            line.split(separator: ",").dropFirst().map { Float($0) ?? .nan }
        }
    }

    private static var sampleRows: [[Float]] {
        get throws { try sampleRowsResult.get() }
    }
}

/// The largest `|a[i] - b[i]|`.
func maxAbsDifference(_ a: [Double], _ b: [Double]) -> Double {
    zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
}
