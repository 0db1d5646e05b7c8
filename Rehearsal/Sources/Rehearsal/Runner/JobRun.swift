import Foundation

/// The state of one job as its steps run: the environment they build up, their outputs and
/// outcomes, and the post steps queued by actions.
struct JobRun {
    private let options: RunOptions
    private let workflow: Workflow
    private let job: Job
    private let revision: Revision
    private let github: GitHubContext
    private let workspace: String
    private let temp: String
    private let commands: String
    private let summaryPath: String
    /// The environment every step starts from: this process's, plus the runner's variables.
    private let baseEnvironment: [String: String]
    private let secrets: ExpressionValue
    /// `inputs`: the workflow_dispatch inputs, or inside a composite action its own.
    private var inputs: ExpressionValue
    /// Workflow env, job env, then what steps exported through GITHUB_ENV.
    private var env: [String: String] = [:]
    private var pathAdditions: [String] = []
    private var stepContexts: [String: ExpressionValue] = [:]
    private var failed = false
    private var posts: [PostStep] = []
    private var reports: [RunReport.StepReport] = []
    /// Script steps run so far, composite actions' included: each has its own command files.
    private var scripts = 0

    init(options: RunOptions, workflow: Workflow, job: Job) throws(RehearsalError) {
        self.options = options
        self.workflow = workflow
        self.job = job
        let runDirectory = options.runDirectory
        workspace = options.workspace
        temp = runDirectory + "/temp"
        commands = runDirectory + "/commands"
        summaryPath = runDirectory + "/summary.md"
        for folder in [workspace, temp, commands] { try Folders.empty(folder) }
        try Folders.create(options.cacheStore)
        guard FileManager.default.createFile(atPath: summaryPath, contents: nil) else { throw .command("cannot write \(summaryPath)") }
        revision = try Revision.resolve(options)
        if let filter = workflow.triggers.filters[options.event.rawValue] {
            let branch = options.event == .pullRequest ? revision.baseRef : revision.refName
            let changed = filter.paths == nil && filter.pathsIgnore == nil ? [] : try revision.changedFiles(in: options.repository)
            if let reason = filter.refusal(branch: branch, changedFiles: changed) {
                throw .workflow("\(options.workflowPath) would not run on this \(options.event.rawValue): \(reason)")
            }
        }
        github = GitHubContext(
            options: options, revision: revision, jobName: options.job, workflowName: workflow.name ?? options.workflowPath,
            workspace: workspace, temp: temp)
        let eventPath = runDirectory + "/event.json"
        guard FileManager.default.createFile(atPath: eventPath, contents: Data(github.event.json.utf8)) else {
            throw .command("cannot write \(eventPath)")
        }
        var environment = ProcessInfo.processInfo.environment.merging(github.variables) { $1 }
        environment["GITHUB_EVENT_PATH"] = eventPath
        baseEnvironment = environment
        secrets = .strings(["GITHUB_TOKEN": ""].merging(options.secrets) { $1 })
        let defaults = options.event == .workflowDispatch ? workflow.triggers.inputDefaults : [:]
        inputs = .strings(defaults.merging(options.event == .workflowDispatch ? options.inputs : [:]) { $1 })
        for case let id? in job.steps.map(\.id) { stepContexts[id] = .null }
    }

    /// Runs the steps, then the post steps, and gives the report.
    mutating func execute() throws(RehearsalError) -> RunReport {
        let clock = ContinuousClock()
        let start = clock.now
        describeHost()
        env = try expand(workflow.env, context: context(env: [:]), what: "workflow env")
        env.merge(try expand(job.env, context: context(env: env), what: "job env")) { $1 }
        var result = "success"
        if try Interpolation.condition(job.condition?.text, in: context(env: env)) {
            for (index, step) in job.steps.enumerated() { try runStep(step, index: index) }
            try runPosts()
            result = failed ? "failure" : "success"
        } else {
            options.log("job \(options.job) skipped: its if: is false")
            result = "skipped"
        }
        let seconds = Self.seconds(clock.now - start)
        let ran = reports.filter { $0.outcome != "skipped" }.count
        options.log(
            "job \(options.job): \(result) in \(Self.format(seconds)) (\(ran) steps run, \(reports.count - ran) skipped)")
        options.log("summary: \(summaryPath)")
        return RunReport(
            workflow: options.workflowPath, job: options.job, event: options.event.rawValue, sha: revision.sha, ref: revision.ref,
            result: result, seconds: seconds, steps: reports, summaryPath: summaryPath)
    }

    /// Names what the local machine stands in for.
    private func describeHost() {
        options.log("workflow \(options.workflowPath), job \(options.job), \(options.event.rawValue) at \(revision.sha.prefix(12))")
        if let runsOn = job.runsOn { options.log("runs-on: \(runsOn.values.joined(separator: ", ")) (this machine stands in)") }
        if let image = job.containerImage { options.log("container: \(image) (not started: this machine stands in)") }
        if let needs = job.needs { options.log("needs: \(needs.values.joined(separator: ", ")) (not run here)") }
        if let group = workflow.concurrency?.group { options.log("concurrency group: \(group)") }
    }

    private mutating func runStep(_ step: Step, index: Int, label: String = "") throws(RehearsalError) {
        let prefix = "step \(index + 1) '\(label)\(step.displayName)': "
        do {
            let base = context(env: env)
            let name = label + ((try? Interpolation.expand(step.displayName, in: base)) ?? step.displayName)
            let stepEnv = env.merging(try expand(step.env, context: base, what: "env")) { $1 }
            let stepContext = context(env: stepEnv)
            guard try Interpolation.condition(step.condition?.text, in: stepContext) else {
                options.log("○ \(name) (skipped)")
                record(step, index: index, name: name, outcome: "skipped", conclusion: "skipped", seconds: 0, outputs: [:], detail: nil)
                return
            }
            options.log("▶ \(name)")
            let clock = ContinuousClock()
            let start = clock.now
            let (outcome, outputs, detail) = try attempt(step, index: index, name: name, env: stepEnv, context: stepContext)
            let seconds = Self.seconds(clock.now - start)
            let tolerated = try Interpolation.expand(step.continueOnError?.text ?? "false", in: stepContext) == "true"
            let conclusion = outcome == "failure" && tolerated ? "success" : outcome
            if conclusion == "failure" { failed = true }
            let note = detail.map { " (\($0))" } ?? ""
            options.log("  \(outcome == "success" ? "✓" : "✗") \(name): \(outcome) in \(Self.format(seconds))\(note)")
            record(
                step, index: index, name: name, outcome: outcome, conclusion: conclusion, seconds: seconds, outputs: outputs, detail: detail
            )
        } catch {
            throw error.prefixed(prefix)
        }
    }

    /// Runs the step's script or action. What fails as it would on GitHub (an action's own
    /// error, a command that failed, a missing working directory) fails the step; what the
    /// rehearsal cannot emulate is thrown.
    private mutating func attempt(_ step: Step, index: Int, name: String, env stepEnv: [String: String], context: ExpressionContext)
        throws(RehearsalError) -> (String, [String: String], String?)
    {
        do {
            if step.run != nil { return try runScript(step, index: index, env: stepEnv, context: context) }
            if CompositeAction.isLocal(step.uses ?? "") { return try runComposite(step, name: name, context: context) }
            return try runAction(step, name: name, context: context)
        } catch .action(let line) {
            options.log("  error: \(line)")
            return ("failure", [:], line)
        } catch .command(let line) {
            options.log("  error: \(line)")
            return ("failure", [:], line)
        }
    }

    /// A `run:` step: the script expanded, run in the workspace (or its working-directory), and
    /// its command files read back even when it failed, as GitHub does.
    private mutating func runScript(_ step: Step, index: Int, env stepEnv: [String: String], context: ExpressionContext)
        throws(RehearsalError) -> (String, [String: String], String?)
    {
        let script = try Interpolation.expand(step.run ?? "", in: context)
        scripts += 1
        let files = try CommandFiles(folder: commands, index: scripts)
        var environment = baseEnvironment.merging(stepEnv) { $1 }.merging(files.variables) { $1 }
        environment["GITHUB_ACTION"] = step.id ?? "__run_\(index + 1)"
        if !pathAdditions.isEmpty {
            environment["PATH"] = (pathAdditions + [environment["PATH"] ?? ""]).joined(separator: ":")
        }
        let shell = step.shell ?? job.defaults?.run?.shell ?? workflow.defaults?.run?.shell
        let folder = step.workingDirectory ?? job.defaults?.run?.workingDirectory ?? workflow.defaults?.run?.workingDirectory
        let directory = Folders.absolute(try Interpolation.expand(folder ?? ".", in: context), base: workspace)
        let status = try ScriptStep.run(
            script: script, shell: shell, directory: directory, environment: environment, temp: temp, output: options.output,
            mask: SecretMask(Array(options.secrets.values)))
        let outputs = try files.readOutputs()
        for (name, value) in try files.readEnvironment() { env[name] = value }
        pathAdditions = files.readPath().reversed() + pathAdditions
        try appendSummary(files.readSummary())
        return status == 0 ? ("success", outputs, nil) : ("failure", outputs, "exit status \(status)")
    }

    /// A `uses:` step: the emulated action with its `with:` expanded.
    private mutating func runAction(_ step: Step, name: String, context: ExpressionContext)
        throws(RehearsalError) -> (String, [String: String], String?)
    {
        let uses = step.uses ?? ""
        let action = try ActionCatalog.resolve(uses)
        let values = try expand(step.with, context: context, what: "with")
        let outcome = try action.run(ActionInputs(action: uses, values: values), actionEnvironment)
        if let post = outcome.post { posts.append(PostStep(name: "Post \(name)", run: post.run)) }
        return ("success", outcome.outputs, nil)
    }

    /// A local composite action's steps, run as the job's own with the action's `inputs` and
    /// a `steps` context of their own; it fails when one of them does.
    private mutating func runComposite(_ step: Step, name: String, context: ExpressionContext)
        throws(RehearsalError) -> (String, [String: String], String?)
    {
        let uses = step.uses ?? ""
        let action = try CompositeAction.load(uses, workspace: workspace)
        let given = try expand(step.with, context: context, what: "with")
        let values = try action.inputValues(given) { (text) throws(RehearsalError) in try Interpolation.expand(text, in: context) }
        let outer = (inputs: inputs, steps: stepContexts, failed: failed)
        inputs = .strings(values)
        stepContexts = [:]
        for case let id? in (action.runs.steps ?? []).map(\.id) { stepContexts[id] = .null }
        defer {
            inputs = outer.inputs
            stepContexts = outer.steps
        }
        for (index, inner) in (action.runs.steps ?? []).enumerated() {
            if let uses = inner.uses, !CompositeAction.isLocal(uses) { try Self.validate(inner, uses: uses, index: index) }
            try runStep(inner, index: reports.count, label: name + " › ")
        }
        // The action's outputs, evaluated where its steps' outputs are in scope.
        let inner = self.context(env: env)
        var outputs: [String: String] = [:]
        for (key, output) in action.outputs ?? [:] { outputs[key] = try Interpolation.expand(output.value.text, in: inner) }
        return (failed && !outer.failed ? "failure" : "success", outputs, nil)
    }

    /// Refuses a step whose action is not emulated, or that gives an input its emulation does
    /// not read.
    static func validate(_ step: Step, uses: String, index: Int) throws(RehearsalError) {
        let prefix = "step \(index + 1) '\(step.displayName)': "
        let action: EmulatedAction
        do {
            action = try ActionCatalog.resolve(uses)
        } catch {
            throw error.prefixed(prefix)
        }
        if let unknown = step.with.keys.sorted().first(where: { !action.inputNames.contains($0) }) {
            throw .workflow(prefix + "\(uses): input '\(unknown)' is not one the rehearsal emulates")
        }
    }

    /// The actions' post steps, last queued first, when the job has not failed.
    private mutating func runPosts() throws(RehearsalError) {
        for post in posts.reversed() {
            guard !failed else {
                options.log("○ \(post.name) (skipped: the job failed)")
                continue
            }
            options.log("▶ \(post.name)")
            let clock = ContinuousClock()
            let start = clock.now
            var outcome = "success"
            var detail: String?
            do {
                try post.run(actionEnvironment)
            } catch {
                outcome = "failure"
                detail = error.description
                failed = true
                options.log("  error: \(error.description)")
            }
            let seconds = Self.seconds(clock.now - start)
            options.log("  \(outcome == "success" ? "✓" : "✗") \(post.name): \(outcome) in \(Self.format(seconds))")
            reports.append(
                RunReport.StepReport(
                    index: reports.count + 1, id: nil, name: post.name, kind: "post", outcome: outcome, conclusion: outcome,
                    seconds: seconds, outputs: [:], detail: detail))
        }
    }

    private var actionEnvironment: ActionEnvironment {
        ActionEnvironment(
            workspace: workspace, runDirectory: options.runDirectory, cacheStore: options.cacheStore, revision: revision,
            log: options.log)
    }

    /// The expression contexts as they stand, with `env` as given.
    private func context(env: [String: String]) -> ExpressionContext {
        let jobContext = ExpressionValue.object(ExpressionObject(["status": .string(failed ? "failure" : "success")], closedName: "job"))
        let contexts: [String: ExpressionValue] = [
            "github": github.github, "runner": github.runner, "env": .strings(env), "secrets": secrets, "inputs": inputs,
            "steps": .object(ExpressionObject(stepContexts, closedName: "steps")), "job": jobContext,
        ]
        return ExpressionContext(contexts: contexts, jobFailed: failed, workspace: workspace)
    }

    /// A mapping of `env:` or `with:` values, each expanded.
    private func expand(_ values: [String: ScalarText], context: ExpressionContext, what: String) throws(RehearsalError)
        -> [String: String]
    {
        var expanded: [String: String] = [:]
        for (name, value) in values {
            do {
                expanded[name] = try Interpolation.expand(value.text, in: context)
            } catch {
                throw error.prefixed("\(what) \(name): ")
            }
        }
        return expanded
    }

    private mutating func record(
        _ step: Step, index: Int, name: String, outcome: String, conclusion: String, seconds: Double, outputs: [String: String],
        detail: String?
    ) {
        if let id = step.id {
            stepContexts[id] = .object(
                ExpressionObject(
                    ["outputs": .strings(outputs), "outcome": .string(outcome), "conclusion": .string(conclusion)],
                    closedName: "steps.\(id)"))
        }
        reports.append(
            RunReport.StepReport(
                index: index + 1, id: step.id, name: name, kind: step.uses ?? "run", outcome: outcome, conclusion: conclusion,
                seconds: seconds, outputs: outputs, detail: detail))
    }

    private func appendSummary(_ text: String) throws(RehearsalError) {
        guard !text.isEmpty, let handle = FileHandle(forWritingAtPath: summaryPath) else { return }
        defer { try? handle.close() }
        do {
            try handle.seekToEnd()
            try handle.write(contentsOf: Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
        } catch {
            throw .command("cannot append to \(summaryPath)")
        }
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// Seconds with two decimals, as the step lines show them.
    static func format(_ seconds: Double) -> String { String(format: "%.2f s", seconds) }
}
