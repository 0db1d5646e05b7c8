import ArgumentParser
import Foundation
import Scoring

/// `leaderboard _predict`: the sandboxed child of `score`. Not for people: it hands its
/// command line to ``PredictionChild`` (the request and what the child does are defined
/// there, beside the parent's side), adding only the test faults. A failure is one line on
/// standard error and exit status 3.
struct PredictChildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: ChildRequest.commandName,
        abstract: "The sandboxed prediction of one submission (used by `score`).",
        shouldDisplay: false)

    @Argument(parsing: .captureForPassthrough, help: "The request, as the parent wrote it.")
    var request: [String] = []

    func run() throws {
        do {
            let request = try ChildRequest(arguments: [ChildRequest.commandName] + request)
            try PredictionChild.run(request, skipping: TestFaults.skippedLayers) {
                TestFaults.trigger(for: request, containment: $0)
            }
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(3)
        }
    }
}
