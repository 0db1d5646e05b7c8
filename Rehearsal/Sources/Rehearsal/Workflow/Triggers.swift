/// The `on:` key: a single event, a list of events, or a mapping from event to its settings.
/// A local run reads the event names, the `branches`/`paths` filters of `push` and
/// `pull_request`, and `workflow_dispatch`'s input defaults.
struct Triggers: Decodable, Sendable {
    /// The events, as written (`push`, `pull_request`, `workflow_dispatch`, …).
    let events: [String]
    /// The filters of each event that has any.
    let filters: [String: EventFilter]
    /// `workflow_dispatch.inputs.<name>.default`, for inputs the command line does not set.
    let inputDefaults: [String: String]

    private struct DispatchInput: Decodable {
        let `default`: ScalarText?
    }

    private struct Dispatch: Decodable {
        let inputs: [String: DispatchInput]?
    }

    /// Any key of a mapping.
    private struct AnyKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: Decoder) throws {
        if let list = try? decoder.singleValueContainer().decode(OneOrMany.self) {
            events = list.values
            filters = [:]
            inputDefaults = [:]
            return
        }
        // Each event's value is a mapping of settings, a list (`schedule:`) or empty
        // (`workflow_dispatch:`); only the settings read here are decoded.
        let mapping = try decoder.container(keyedBy: AnyKey.self)
        events = mapping.allKeys.map(\.stringValue).sorted()
        var filters: [String: EventFilter] = [:]
        for key in mapping.allKeys where ["push", "pull_request"].contains(key.stringValue) {
            if let filter = try mapping.decodeIfPresent(EventFilter.self, forKey: key) { filters[key.stringValue] = filter }
        }
        self.filters = filters
        let dispatchKey = AnyKey(stringValue: "workflow_dispatch")
        let dispatch = mapping.contains(dispatchKey) ? try mapping.decodeIfPresent(Dispatch.self, forKey: dispatchKey) : nil
        inputDefaults = (dispatch?.inputs ?? [:]).compactMapValues { $0.default?.text }
    }
}

/// `branches`, `branches-ignore`, `paths` and `paths-ignore` of a `push` or `pull_request`
/// trigger (for a pull request, `branches` names the base branch).
struct EventFilter: Decodable, Sendable {
    let branches: [String]?
    let branchesIgnore: [String]?
    let paths: [String]?
    let pathsIgnore: [String]?

    enum CodingKeys: String, CodingKey {
        case branches, paths
        case branchesIgnore = "branches-ignore"
        case pathsIgnore = "paths-ignore"
    }

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        branches = try container.decodeIfPresent(OneOrMany.self, forKey: .branches)?.values
        branchesIgnore = try container.decodeIfPresent(OneOrMany.self, forKey: .branchesIgnore)?.values
        paths = try container.decodeIfPresent(OneOrMany.self, forKey: .paths)?.values
        pathsIgnore = try container.decodeIfPresent(OneOrMany.self, forKey: .pathsIgnore)?.values
    }

    /// Why the filter stops the event, or nil when the workflow runs: the branch (pushed, or the
    /// pull request's base) and the changed files are checked as GitHub does, the last
    /// matching pattern of a list with `!patterns` deciding.
    func refusal(branch: String, changedFiles: [String]) -> String? {
        if let branches, !Self.selects(branches, branch) {
            return "branch \(branch) is not in branches: [\(branches.joined(separator: ", "))]"
        }
        if let branchesIgnore, Self.selects(branchesIgnore, branch) {
            return "branch \(branch) is in branches-ignore: [\(branchesIgnore.joined(separator: ", "))]"
        }
        if let paths, !changedFiles.contains(where: { Self.selects(paths, $0) }) {
            return "no changed file is in paths: [\(paths.joined(separator: ", "))]"
        }
        if let pathsIgnore, changedFiles.allSatisfy({ Self.selects(pathsIgnore, $0) }) {
            return "every changed file is in paths-ignore: [\(pathsIgnore.joined(separator: ", "))]"
        }
        return nil
    }

    /// Whether the patterns select the name: the last pattern that matches decides, a `!pattern`
    /// deselecting.
    static func selects(_ patterns: [String], _ name: String) -> Bool {
        var selected = false
        for pattern in patterns {
            let negated = pattern.hasPrefix("!")
            if Glob(negated ? String(pattern.dropFirst()) : pattern).matches(name) { selected = !negated }
        }
        return selected
    }
}
