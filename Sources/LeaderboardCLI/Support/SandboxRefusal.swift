/// Why the sandboxed child did not give scores for a file: its one line, printed as the
/// command's error.
struct SandboxRefusal: Error, CustomStringConvertible {
    let description: String
}
