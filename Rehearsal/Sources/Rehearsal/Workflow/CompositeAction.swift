import Foundation
import Yams

/// A local composite action (`uses: ./.github/actions/NAME`): its `action.yml`, read from the
/// checkout when the step runs, as GitHub reads it.
struct CompositeAction: Decodable {
    /// One declared input: its default when the step's `with:` leaves it out.
    struct Input: Decodable {
        let defaultValue: ScalarText?
        enum CodingKeys: String, CodingKey { case defaultValue = "default" }
    }

    /// `runs:`: a composite action's steps.
    struct Runs: Decodable {
        let using: String
        let steps: [Step]?
    }

    /// One declared output: an expression evaluated after the action's steps.
    struct Output: Decodable {
        let value: ScalarText
    }

    let name: String?
    let inputs: [String: Input]?
    let outputs: [String: Output]?
    let runs: Runs

    /// Whether `uses` names a local action (a path in the repository).
    static func isLocal(_ uses: String) -> Bool { uses.hasPrefix("./") }

    /// The composite action at `uses` (`./path`) beneath `workspace`: `action.yml` or
    /// `action.yaml` there. Anything but a composite action is refused.
    static func load(_ uses: String, workspace: String) throws(RehearsalError) -> CompositeAction {
        let folder = workspace + "/" + uses.dropFirst(2)
        let path = ["action.yml", "action.yaml"].map { folder + "/" + $0 }.first { FileManager.default.fileExists(atPath: $0) }
        guard let path, let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw .action("\(uses): no action.yml there (is the repository checked out first?)")
        }
        let action: CompositeAction
        do {
            action = try YAMLDecoder().decode(CompositeAction.self, from: text)
        } catch {
            throw .workflow("\(path): \(error)")
        }
        guard action.runs.using == "composite", action.runs.steps != nil else {
            throw .workflow("\(path): runs.using is '\(action.runs.using)'; the rehearsal runs composite actions only")
        }
        if let step = action.runs.steps?.first(where: { $0.run != nil && $0.shell == nil }) {
            throw .workflow("\(path): step '\(step.displayName)' has no shell: (a composite action's run steps need one)")
        }
        return action
    }

    /// The inputs' values: each default, replaced by what `with:` gives.
    func inputValues(_ given: [String: String], expand: (String) throws(RehearsalError) -> String) throws(RehearsalError)
        -> [String: String]
    {
        var values: [String: String] = [:]
        for (name, input) in inputs ?? [:] {
            values[name] = try input.defaultValue.map { (text) throws(RehearsalError) in try expand(text.text) } ?? ""
        }
        return values.merging(given) { $1 }
    }
}
