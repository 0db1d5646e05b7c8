/// The `on:` key: a single event, a list of events, or a mapping from event to its filters.
/// Only the event names and `workflow_dispatch`'s input defaults matter to a local run.
struct Triggers: Decodable, Sendable {
    /// The events, as written (`push`, `pull_request`, `workflow_dispatch`, …).
    let events: [String]
    /// `workflow_dispatch.inputs.<name>.default`, for inputs the command line does not set.
    let inputDefaults: [String: String]

    private struct DispatchInput: Decodable {
        let `default`: ScalarText?
    }

    private struct Dispatch: Decodable {
        let inputs: [String: DispatchInput]?
    }

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let list = try? container.decode(OneOrMany.self) {
            events = list.values
            inputDefaults = [:]
            return
        }
        // Each event's value is a mapping of filters or empty (`workflow_dispatch:`); only
        // workflow_dispatch's is read.
        let mapping = try container.decode([String: IgnoredValue].self)
        events = mapping.keys.sorted()
        let dispatch = try? container.decode([String: Dispatch?].self)
        let inputs = (dispatch?["workflow_dispatch"] ?? nil)?.inputs ?? [:]
        inputDefaults = inputs.compactMapValues { $0.default?.text }
    }
}

/// Any YAML value, skipped: lets a mapping be decoded for its keys alone.
struct IgnoredValue: Decodable {
    init(from decoder: Decoder) throws {}
}
