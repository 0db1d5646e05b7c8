import Foundation

/// One fuzz target: a name (for `FUZZ_TARGET`, the corpus folder and the seeds folder) and
/// what to do with one input. Adding a reader is one entry in ``all``.
struct FuzzTarget: Sendable {
    /// `FUZZ_TARGET` value and folder name under `Fuzzing/Corpus/`.
    let name: String
    /// Feeds one input to the reader; returns normally when the reader reads it or refuses it
    /// with its own error, traps (via ``FuzzCheck``) when the refusal is not one clear line.
    let run: @Sendable (Data) -> Void
    /// Work done once before the first input (loading fixed parts), so that it is not taken
    /// for a leak of the first input.
    var prepare: @Sendable () -> Void = {}

    /// Every target, in the order `scripts/fuzz` runs them.
    static let all: [FuzzTarget] = dataTargets + modelTargets + submissionTargets
}

/// Invariants checked on every refusal, beyond "does not crash".
enum FuzzCheck {
    /// Traps unless `message` is one line that names `file`: no line breaks, no control
    /// characters (a file's bytes quoted raw could break the line or drive the terminal).
    static func oneLine(_ message: String, naming file: String) {
        let breaks = message.unicodeScalars.contains {
            $0.properties.generalCategory == .control || $0.value == 0x2028 || $0.value == 0x2029
        }
        if breaks || !message.contains(file) {
            fatalError("refusal is not one line naming '\(file)': \(message.debugDescription)")
        }
    }
}
