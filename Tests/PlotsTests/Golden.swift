import Foundation
import Testing

/// Compares rendered text with `Golden/<name>` byte for byte. With `RECORD_SNAPSHOTS` set it
/// writes the file into the source tree instead and fails, so re-recording is always explicit.
func assertGolden(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let sourcePath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/" + name).path
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
        try actual.write(toFile: sourcePath, atomically: true, encoding: .utf8)
        Issue.record(
            Comment(rawValue: "Recorded \(name) (\(actual.utf8.count) bytes); unset RECORD_SNAPSHOTS and run again."),
            sourceLocation: sourceLocation)
        return
    }
    guard
        let url = Bundle.module.url(forResource: "Golden/" + name, withExtension: nil)
            ?? Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Golden")
    else {
        Issue.record(Comment(rawValue: "No golden file \(name); run with RECORD_SNAPSHOTS=1 to record it."), sourceLocation: sourceLocation)
        return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    if expected != actual {
        let a = Array(actual.utf8), e = Array(expected.utf8)
        let firstDifference = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
        let message =
            "\(name) differs from its golden file at byte \(firstDifference) (got \(a.count) bytes, expected \(e.count)); look at "
            + "the diff and re-record with RECORD_SNAPSHOTS=1 if the change is intended."
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }
}
