/// A workflow file, decoded into the parts a job run and the structure checks read. Keys the
/// runner does not emulate (`strategy`, `services`, `outputs`…) are not decoded and so ignored.
struct Workflow: Decodable, Sendable {
    let name: String?
    /// The events that start the workflow (`on:`).
    let triggers: Triggers
    /// The token's scopes for every job, nil when the file has no top-level `permissions:`.
    let permissions: Permissions?
    let env: [String: ScalarText]
    let concurrency: Concurrency?
    let defaults: Defaults?
    let jobs: [String: Job]
    /// The job names in the order the file lists them (a dictionary keeps none).
    private(set) var jobOrder: [String] = []

    enum CodingKeys: String, CodingKey {
        case name, on, permissions, env, concurrency, defaults, jobs
    }

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        triggers = try container.decode(Triggers.self, forKey: .on)
        permissions = try container.decodeIfPresent(Permissions.self, forKey: .permissions)
        env = try container.decodeIfPresent([String: ScalarText].self, forKey: .env) ?? [:]
        concurrency = try container.decodeIfPresent(Concurrency.self, forKey: .concurrency)
        defaults = try container.decodeIfPresent(Defaults.self, forKey: .defaults)
        jobs = try container.decode([String: Job].self, forKey: .jobs)
    }

    /// Records the jobs' order as written, which the decoder cannot see; a job the order misses
    /// comes after, by name, so no job is ever left out.
    mutating func setJobOrder(_ order: [String]) {
        let written = order.filter { jobs[$0] != nil }
        jobOrder = written + jobs.keys.filter { !written.contains($0) }.sorted()
    }
}

/// `concurrency:` as a group name, or a mapping with `group` and `cancel-in-progress`.
struct Concurrency: Decodable, Sendable {
    let group: String
    let cancelInProgress: String?

    init(from decoder: Decoder) throws {
        let value = try NameOrMapping(from: decoder)
        group = value.fields["group"] ?? value.name
        cancelInProgress = value.fields["cancel-in-progress"]
    }
}

/// `defaults: run:` — the shell and working directory of every `run:` step that names none.
struct Defaults: Decodable, Sendable {
    struct Run: Decodable, Sendable {
        let shell: String?
        let workingDirectory: String?

        enum CodingKeys: String, CodingKey {
            case shell
            case workingDirectory = "working-directory"
        }
    }
    let run: Run?
}

/// One job: where it would run, what it waits for, and its steps.
struct Job: Decodable, Sendable {
    let name: String?
    let runsOn: OneOrMany?
    let container: NameOrMapping?
    let environment: NameOrMapping?
    let needs: OneOrMany?
    let condition: ScalarText?
    let env: [String: ScalarText]
    let permissions: Permissions?
    let defaults: Defaults?
    let steps: [Step]

    /// The job's container image, when it names one.
    var containerImage: String? { container?.name }

    enum CodingKeys: String, CodingKey {
        case name, container, environment, needs, env, permissions, defaults, steps
        case runsOn = "runs-on"
        case condition = "if"
    }

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        runsOn = try container.decodeIfPresent(OneOrMany.self, forKey: .runsOn)
        self.container = try container.decodeIfPresent(NameOrMapping.self, forKey: .container)
        environment = try container.decodeIfPresent(NameOrMapping.self, forKey: .environment)
        needs = try container.decodeIfPresent(OneOrMany.self, forKey: .needs)
        condition = try container.decodeIfPresent(ScalarText.self, forKey: .condition)
        env = try container.decodeIfPresent([String: ScalarText].self, forKey: .env) ?? [:]
        permissions = try container.decodeIfPresent(Permissions.self, forKey: .permissions)
        defaults = try container.decodeIfPresent(Defaults.self, forKey: .defaults)
        steps = try container.decodeIfPresent([Step].self, forKey: .steps) ?? []
    }
}

/// One step: either a `run:` script or a `uses:` action, never both.
struct Step: Decodable, Sendable {
    let id: String?
    let name: String?
    let uses: String?
    let with: [String: ScalarText]
    let run: String?
    let env: [String: ScalarText]
    let condition: ScalarText?
    let shell: String?
    let workingDirectory: String?
    let continueOnError: ScalarText?

    enum CodingKeys: String, CodingKey {
        case id, name, uses, with, run, env, shell
        case condition = "if"
        case workingDirectory = "working-directory"
        case continueOnError = "continue-on-error"
    }

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(String.self, forKey: .id)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        uses = try container.decodeIfPresent(String.self, forKey: .uses)
        with = try container.decodeIfPresent([String: ScalarText].self, forKey: .with) ?? [:]
        run = try container.decodeIfPresent(String.self, forKey: .run)
        env = try container.decodeIfPresent([String: ScalarText].self, forKey: .env) ?? [:]
        condition = try container.decodeIfPresent(ScalarText.self, forKey: .condition)
        shell = try container.decodeIfPresent(String.self, forKey: .shell)
        workingDirectory = try container.decodeIfPresent(String.self, forKey: .workingDirectory)
        continueOnError = try container.decodeIfPresent(ScalarText.self, forKey: .continueOnError)
        if (uses == nil) == (run == nil) {
            throw DecodingError.dataCorruptedError(
                forKey: .run, in: container, debugDescription: "a step has exactly one of `run:` and `uses:`")
        }
    }

    /// The name GitHub shows: `name:`, else `Run <first line>` or `Run <action>`.
    var displayName: String {
        if let name { return name }
        if let uses { return "Run \(uses)" }
        let firstLine = run?.split(separator: "\n").first.map(String.init) ?? ""
        return "Run \(firstLine)"
    }
}
