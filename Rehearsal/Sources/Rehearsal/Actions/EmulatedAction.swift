import Foundation

/// An action the runner carries out itself instead of downloading it.
protocol EmulatedAction {
    /// The `with:` names the action accepts; any other is refused, so an input the emulation
    /// would silently ignore cannot slip through.
    var inputNames: Set<String> { get }
    func run(_ inputs: ActionInputs, _ environment: ActionEnvironment) throws(RehearsalError) -> ActionOutcome
}

/// What an emulated action may touch.
struct ActionEnvironment {
    let workspace: String
    let runDirectory: String
    let cacheStore: String
    let revision: Revision
    let log: (String) -> Void
}

/// A step's `with:` values, already expanded.
struct ActionInputs {
    let action: String
    let values: [String: String]

    /// A required input; missing or empty is the action's error, as on GitHub.
    func required(_ name: String) throws(RehearsalError) -> String {
        guard let value = values[name], !value.isEmpty else { throw .action("\(action): input '\(name)' is required") }
        return value
    }

    func optional(_ name: String, default fallback: String = "") -> String {
        values[name].flatMap { $0.isEmpty ? nil : $0 } ?? fallback
    }

    /// A multi-line input's non-empty lines, trimmed (cache `path:`, `restore-keys:`).
    func lines(_ name: String) -> [String] {
        optional(name).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// What an action's step gives back: outputs, and a step to run when the job ends.
struct ActionOutcome {
    var outputs: [String: String] = [:]
    var post: PostStep?
}

/// A step an action queues for the end of the job (`actions/cache` saving), run in reverse order
/// of queueing and only when the job has not failed.
struct PostStep {
    let name: String
    let run: (ActionEnvironment) throws(RehearsalError) -> Void
}

/// The emulated actions by name (`owner/repo[/path]`, any version).
enum ActionCatalog {
    static func resolve(_ uses: String) throws(RehearsalError) -> EmulatedAction {
        let name = uses.split(separator: "@", maxSplits: 1).first.map { $0.lowercased() } ?? uses
        switch name {
        case "actions/checkout": return Checkout()
        case "actions/cache": return CacheAction(mode: .restoreThenSave)
        case "actions/cache/restore": return CacheAction(mode: .restore)
        case "actions/cache/save": return CacheAction(mode: .save)
        case "actions/upload-pages-artifact": return UploadPagesArtifact()
        case "actions/deploy-pages": return DeployPages()
        default:
            throw .workflow(
                "action '\(uses)' is not emulated by the rehearsal (it emulates actions/checkout, actions/cache[/restore|/save], "
                    + "actions/upload-pages-artifact, actions/deploy-pages)")
        }
    }
}
