import Foundation
import GitHistory

extension ScoreRun {
    /// Scores every version in `history` that is not recorded yet, one at a time in the order
    /// they reached the branch, each dated by its commit (see `BranchHistory`).
    ///
    /// One at a time and in that order, so that a rebuild from the same history numbers the
    /// entries and versions the same, holds the same versions over the daily limit, and marks
    /// a copy on the version that came later, every time. Each version is written out of git
    /// into a scratch folder, read and scored from there as a folder of the working tree
    /// would be, then removed; it is recorded at its path in the submissions folder.
    public func score(_ history: BranchHistory, progress: (@Sendable (Int, Int) -> Void)? = nil) -> [Outcome] {
        var outcomes: [Outcome] = []
        // One reader for the run, made anew after a version it could not write out.
        var reader: ObjectReader?
        for (index, version) in history.versions.enumerated() {
            if reader == nil { reader = try? ObjectReader(history) }
            let outcome = score(version, of: history, reader: reader)
            if outcome.organizerFault != nil { reader = nil }
            outcomes.append(outcome)
            progress?(index + 1, history.versions.count)
        }
        return outcomes
    }

    /// Scores one version of `history`, reading its files through `reader` (else one of its own).
    func score(_ version: BranchHistory.Version, of history: BranchHistory, reader: ObjectReader?) -> Outcome {
        let recordedPath = workspace.relativePath(workspace.submissionsPath + "/" + version.name)
        let scratch: URL
        do {
            scratch = try ScratchFolders.make("history")
        } catch {
            return Outcome(
                path: recordedPath, team: version.name, status: .failed,
                unrecorded: .organizerFault("cannot make a temporary folder (\(error)); free some disk space and run again"))
        }
        defer { try? FileManager.default.removeItem(at: scratch) }
        let limits = sandbox.readerLimits
        let checkout: VersionCheckout
        do {
            checkout = try VersionCheckout(
                version, of: history, into: scratch,
                maxFileBytes: max(limits.modelFile.maxFileBytes, limits.submission.largestFileBytes),
                maxEntries: limits.submission.maxFolderEntries, reader: reader)
        } catch {
            return Outcome(path: recordedPath, team: version.name, status: .failed, unrecorded: .organizerFault(error.description))
        }
        let prefix = checkout.submissions.path
        let found = Submission.discover(
            in: [checkout.entry.path], submissionsFolder: prefix, limits: limits.submission,
            displayName: { recordedPath + $0.dropFirst(checkout.entry.path.count) })
        guard var submission = found.first else {
            return Outcome(path: recordedPath, team: version.name, status: .failed, unrecorded: .organizerFault("nothing to score"))
        }
        submission.submittedAt = version.time
        submission.recordedPath = recordedPath
        submission.sourceIdentity = "git object " + version.oid
        return score(submission)
    }
}
