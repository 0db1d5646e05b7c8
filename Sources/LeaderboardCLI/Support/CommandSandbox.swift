import Competition
import Foundation
import Scoring

extension SandboxedPrediction {
    /// The sandbox of a command: children run from this executable within `limits`, and a
    /// child that could not contain itself is said once, on standard error.
    static func forCommand(limits: RunLimits = RunLimits()) -> SandboxedPrediction {
        var sandbox = SandboxedPrediction(executable: currentExecutable, limits: limits)
        sandbox.containmentNotice = .standardError
        return sandbox
    }
}

extension ContainmentNotice {
    /// The notice of this process, said on standard error.
    static let standardError = ContainmentNotice { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
}
