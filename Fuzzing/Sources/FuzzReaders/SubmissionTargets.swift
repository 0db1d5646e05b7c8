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
                    for case let .image(image) in outputs where image.format == .svg { checkRebuilt(image.bytes) }
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

    /// Traps when a rebuilt SVG has a tag that runs or loads anything: a script or
    /// `foreignObject` element, an event handler, a `javascript:` value. Text between tags is
    /// escaped (it holds no `<`), so it may say anything.
    private static func checkRebuilt(_ bytes: Data) {
        let svg = String(decoding: bytes, as: UTF8.self).lowercased()
        var rest = svg[...]
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { fatalError("an unclosed tag in the rebuilt SVG") }
            let tag = rest[open...close]
            for banned in ["<script", "<foreignobject", "javascript:"] where tag.contains(banned) {
                fatalError("the rebuilt SVG has a tag holding \(banned)")
            }
            if tag.range(of: #"\son[a-z]+\s*="#, options: .regularExpression) != nil {
                fatalError("the rebuilt SVG has an event handler")
            }
            rest = rest[rest.index(after: close)...]
        }
    }

    private static func readManifest(_ data: Data, fileName: String) {
        do {
            let manifest = try SubmissionManifest(parsing: data, fileName: fileName, isJSON: fileName.hasSuffix(".json"))
            _ = manifest.featureIndices
        } catch {
            FuzzCheck.oneLine(String(describing: error), naming: fileName)
        }
    }
}
