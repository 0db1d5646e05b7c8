import Foundation
import Models
import TestSupport
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
        let rows = try SampleRows.hiddenTest(columns: columns)
        #expect(rows.count == 500 * columns.count)
        return rows
    }
}
