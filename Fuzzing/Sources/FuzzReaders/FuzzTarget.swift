import Foundation

/// One fuzz target: a name (for `FUZZ_TARGET`, the corpus folder and the seeds folder) and
/// what to do with one input. Adding a reader is one entry in ``all``.
struct FuzzTarget: Sendable {
    /// `FUZZ_TARGET` value and folder name under `Fuzzing/Corpus/`.
    let name: String
    /// Feeds one input to the reader; returns normally when the reader reads it or refuses it
    /// with its own error, traps (via ``FuzzCheck``) when the refusal is not one clear line.
    let run: @Sendable (Data) -> Void

    /// Every target, in the order `scripts/fuzz` runs them.
    static let all: [FuzzTarget] = dataTargets + modelTargets + submissionTargets
}

/// Invariants checked on every refusal, beyond "does not crash".
enum FuzzCheck {
    /// Traps unless `message` is one line that names `file`.
    static func oneLine(_ message: String, naming file: String) {
        if message.contains(where: \.isNewline) || !message.contains(file) {
            fatalError("refusal is not one line naming '\(file)': \(message.debugDescription)")
        }
    }
}
