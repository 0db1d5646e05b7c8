import Foundation

/// Says once per run which containment the sandboxed children lacked (a kernel without
/// Landlock or seccomp, a container that refuses them): the children still run, and one
/// line points to SECURITY.md, which says what is then lost. The command decides where
/// the line goes; the library only composes it.
public final class ContainmentNotice: @unchecked Sendable {
    private let lock = NSLock()
    private var said = false
    private var reports: [Containment.Report] = []
    private let say: @Sendable (String) -> Void

    /// A notice that hands its line to `say`.
    public init(say: @escaping @Sendable (String) -> Void) {
        self.say = say
    }

    /// The reports of every child so far, in the order they ended.
    var childReports: [Containment.Report] {
        lock.withLock { reports }
    }

    /// Notes one child's report; the first incomplete one is said.
    func note(_ report: Containment.Report) {
        let first = lock.withLock {
            reports.append(report)
            guard !report.isComplete, !said else { return false }
            said = true
            return true
        }
        if first { say(Self.line(report)) }
    }

    /// The line for an incomplete report.
    static func line(_ report: Containment.Report) -> String {
        let missing = report.missing.sorted { $0.key < $1.key }.map { "\($0.key.name) (\($0.value))" }
        return "warning: sandboxed predictions run without " + missing.joined(separator: " and ")
            + "; they still score, but a reader tricked into opening files or running programs is not stopped "
            + "by the kernel (SECURITY.md says what is then lost)"
    }
}
