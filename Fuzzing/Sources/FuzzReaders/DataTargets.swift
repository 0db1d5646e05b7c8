import Foundation

@testable import HiggsData

extension FuzzTarget {
    /// The HIGGS data CSV, plain and gzip, through `DataLoader.load` exactly as `leaderboard
    /// data` and `score` read it (a temporary file and cache; small blocks so that lines cross
    /// block boundaries).
    static let dataTargets: [FuzzTarget] = [
        FuzzTarget(name: "data-csv") { loadData($0) },
        // The row parser alone, on one block (thousands of inputs a second where the whole
        // loader, with its threads and cache file, does tens).
        FuzzTarget(name: "data-rows") { data in
            data.withUnsafeBytes { text in
                let capacity = max(1, RowParser.countLines(text))
                let labels = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
                let features = UnsafeMutablePointer<Float>.allocate(capacity: capacity * FeatureSchema.featureCount)
                let values = UnsafeMutablePointer<Double>.allocate(capacity: capacity * FeatureSchema.featureCount)
                defer { labels.deallocate(); features.deallocate(); values.deallocate() }
                if let parsed = try? RowParser.parse(
                    text, labels: labels, features: features, values: values,
                    capacity: capacity, allowTrailingBlank: true)
                {
                    precondition(parsed.rows <= capacity, "more rows than lines")
                }
            }
        },
        // Raw bytes taken as a gzip stream (the magic is added when missing, so every input
        // reaches the inflater).
        FuzzTarget(name: "data-gzip") { data in
            loadData(data.starts(with: [0x1F, 0x8B]) ? data : Data([0x1F, 0x8B]) + data)
        },
    ]

    private static let scratch: String = {
        let dir = NSTemporaryDirectory() + "leaderboard-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }()

    private static func loadData(_ data: Data) {
        let path = scratch + "/HIGGS.csv"
        FileManager.default.createFile(atPath: path, contents: data)
        var loader = DataLoader(cacheDirectory: scratch + "/cache")
        loader.blockBytes = 4096
        do {
            let loaded = try loader.load(path, rebuild: true)
            let dataset = loaded.dataset
            precondition(dataset.rowCount > 0, "a loaded data set has rows")
            // Touch the last row: the mapped cache must hold every row it claims.
            _ = dataset.value(row: dataset.rowCount - 1, feature: 27) + Float(dataset.label(dataset.rowCount - 1))
        } catch {
            FuzzCheck.oneLine(String(describing: error), naming: "HIGGS.csv")
        }
    }
}
