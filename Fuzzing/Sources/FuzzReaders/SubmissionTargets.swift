import Foundation
import ModelFiles
import Results

extension FuzzTarget {
    /// The other files of a submission folder: predictions CSV, manifest (YAML and JSON),
    /// training history (JSON and CSV logs), notebook (the rebuilt SVG images checked for
    /// what the sanitizer removes).
    static let submissionTargets: [FuzzTarget] = [
        FuzzTarget(name: "predictions") { data in
            // As many ids as the file has lines after its header, so whole files can be read.
            let rows = max(1, min(data.lazy.filter { $0 == 0x0A }.count, 100_000))
            do {
                let file = try PredictionsFile(parsing: data, fileName: "predictions.csv", expectedRows: rows)
                if file.scores.count != rows { fatalError("\(file.scores.count) scores for \(rows) ids") }
            } catch {
                FuzzCheck.oneLine(String(describing: error), naming: "predictions.csv")
            }
        },
        FuzzTarget(name: "manifest-yaml") { readManifest($0, fileName: "manifest.yml") },
        FuzzTarget(name: "manifest-json") { readManifest($0, fileName: "manifest.json") },
        FuzzTarget(name: "notebook") { data in
            do {
                let notebook = try Notebook(parsing: data, fileName: "analysis.ipynb")
                for case let .code(_, _, outputs) in notebook.cells {
                    for case let .image(image) in outputs where image.format == .svg {
                        let svg = String(decoding: image.bytes, as: UTF8.self).lowercased()
                        for banned in ["<script", "foreignobject", "javascript:"] where svg.contains(banned) {
                            fatalError("the rebuilt SVG holds \(banned)")
                        }
                        if svg.range(of: #"\son[a-z]+\s*="#, options: .regularExpression) != nil {
                            fatalError("the rebuilt SVG holds an event handler")
                        }
                    }
                }
            } catch {
                FuzzCheck.oneLine(String(describing: error), naming: "analysis.ipynb")
            }
        },
        FuzzTarget(name: "history") { data in
            do {
                let history = try TrainingHistory(parsing: data, fileName: "history.json")
                _ = history.epochs.count
            } catch {
                FuzzCheck.oneLine(String(describing: error), naming: "history.json")
            }
        },
    ]

    private static func readManifest(_ data: Data, fileName: String) {
        do {
            let manifest = try SubmissionManifest(parsing: data, fileName: fileName, isJSON: fileName.hasSuffix(".json"))
            _ = manifest.featureIndices
        } catch {
            FuzzCheck.oneLine(String(describing: error), naming: fileName)
        }
    }
}
