/// What an expression can read: the contexts by name, the job's status for the status
/// functions, and the workspace for `hashFiles`.
struct ExpressionContext: Sendable {
    /// The contexts (`github`, `runner`, `env`, `secrets`, `inputs`, `steps`, `job`), by name.
    var contexts: [String: ExpressionValue]
    /// Whether an earlier step failed (without continue-on-error): decides `success()` and `failure()`.
    var jobFailed: Bool
    /// The folder `hashFiles` patterns are relative to.
    var workspace: String

    init(contexts: [String: ExpressionValue], jobFailed: Bool = false, workspace: String) {
        self.contexts = contexts
        self.jobFailed = jobFailed
        self.workspace = workspace
    }

    /// The named context; a name GitHub does not have, or one the rehearsal does not provide
    /// (`vars`, `needs`, `matrix`…), is an error.
    func context(_ name: String) throws(RehearsalError) -> ExpressionValue {
        if let value = contexts[name] ?? contexts[name.lowercased()] { return value }
        throw .expression("unknown context '\(name)'")
    }
}
