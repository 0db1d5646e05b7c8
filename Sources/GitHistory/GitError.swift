/// Why the branch's history could not be read. Each is the organizer's side (the
/// repository, the clone, git itself), never a participant's: `score` stops on it.
public enum GitError: Error, Equatable, CustomStringConvertible {
    /// git could not be started.
    case gitMissing(String)
    /// The clone lacks the history: a shallow clone (CI's default checkout).
    case shallow
    /// A git command failed; its own first line of complaint.
    case failed(command: String, message: String)
    /// git answered something this reader does not understand.
    case unexpected(String)
    /// A file of a version could not be written out for scoring.
    case cannotWrite(String)

    public var description: String {
        switch self {
        case .gitMissing(let reason):
            "cannot run git (\(reason)); install git, or score the folders as they are with --working-tree"
        case .shallow:
            "the clone is shallow, so the branch's history is incomplete; fetch the whole history "
                + "(git fetch --unshallow; in GitHub Actions, actions/checkout with fetch-depth: 0)"
        case .failed(let command, let message):
            "git \(command) failed: \(message)"
        case .unexpected(let what):
            "git gave an answer this tool cannot read (\(what))"
        case .cannotWrite(let reason):
            "cannot write a version's files out for scoring (\(reason)); free some disk space and run again"
        }
    }
}
