import Foundation
import Yams

/// Reads a workflow file from disk into a `Workflow`.
enum WorkflowFile {
    /// Decodes the file at `path`; a YAML or shape error becomes one line naming the file.
    static func load(_ path: String) throws(RehearsalError) -> Workflow {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .workflow("\(path): cannot read the file")
        }
        return try parse(text, path: path)
    }

    /// Decodes workflow text; `path` only names the file in errors.
    static func parse(_ text: String, path: String) throws(RehearsalError) -> Workflow {
        do {
            var workflow = try YAMLDecoder().decode(Workflow.self, from: text)
            workflow.setJobOrder(try jobOrder(text))
            return workflow
        } catch let error as DecodingError {
            throw .workflow("\(path): \(describe(error))")
        } catch {
            throw .workflow("\(path): \(error)")
        }
    }

    /// The keys under `jobs:` in the order written, from the YAML node tree (which keeps it).
    private static func jobOrder(_ text: String) throws -> [String] {
        guard let root = try Yams.compose(yaml: text), let jobs = root["jobs"]?.mapping else { return [] }
        return jobs.keys.compactMap(\.string)
    }

    /// A decoding error as "at jobs.build.steps.2: reason".
    private static func describe(_ error: DecodingError) -> String {
        let (context, fallback): (DecodingError.Context?, String) =
            switch error {
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context): (context, "")
            case .keyNotFound(let key, let context): (context, "missing key '\(key.stringValue)'")
            @unknown default: (nil, "\(error)")
            }
        guard let context else { return fallback }
        let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        let reason = fallback.isEmpty ? context.debugDescription : fallback
        return path.isEmpty ? reason : "at \(path): \(reason)"
    }
}
