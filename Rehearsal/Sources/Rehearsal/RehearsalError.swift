/// Every failure the rehearsal reports: one line, naming the file, step or action at fault.
public enum RehearsalError: Error, Equatable, CustomStringConvertible {
    /// The workflow file cannot be read or decoded, or does not fit the command line.
    case workflow(String)
    /// A `${{ }}` expression is malformed or uses what is not emulated.
    case expression(String)
    /// An emulated action failed as it would on GitHub (a missing input, a cache miss it was told
    /// to fail on): the step fails, the run goes on. What the rehearsal cannot emulate is `workflow`.
    case action(String)
    /// A command the runner itself needs (git, tar) failed.
    case command(String)

    /// The same error with its line prefixed (to name the step it came from).
    func prefixed(_ prefix: String) -> RehearsalError {
        switch self {
        case .workflow(let line): .workflow(prefix + line)
        case .expression(let line): .expression(prefix + line)
        case .action(let line): .action(prefix + line)
        case .command(let line): .command(prefix + line)
        }
    }

    public var description: String {
        switch self {
        case .workflow(let line), .expression(let line), .action(let line), .command(let line): line
        }
    }
}
