import Competition
import Foundation
import HiggsData
import ModelFiles
import Results
import Synchronization

/// One `score` run: finds the submissions, skips those already recorded, predicts each new
/// one in a sandboxed child, evaluates the scores and records every outcome — scored or
/// failed — in its own transaction. A crash or a kill of the run loses at most the entry
/// in progress; running again scores exactly what is missing.
public struct ScoreRun: Sendable {
    /// The competition: its workspace, data, hidden rows and database.
    let session: CompetitionSession
    /// The sandbox.
    public let sandbox: SandboxedPrediction
    /// Held while an entry's key and likenesses are found and it is recorded, so that each
    /// entry is compared with every one recorded before it, those of this run included; it
    /// keeps the ranks of the entries compared so far.
    let recording = Serial()
    /// The rules on versions: the daily limit holds a team's versions over it unscored.
    public var rules: CompetitionRules
    /// The time a version is recorded at when its submission carries none (`Submission.submittedAt`).
    public var clock: @Sendable () -> Date = { Date() }

    /// The lock, and what it keeps.
    final class Serial: Sendable {
        let mutex = Mutex(Recording())
    }

    /// What the recording lock keeps: the ranks compared so far, and the versions being
    /// scored that the daily limit counts before they are recorded (by team and day).
    struct Recording {
        var ranks = CopyCheck.RanksCache()
        var inFlight: [String: Int] = [:]
    }

    /// A run in `session`. Scratch folders that killed runs left behind are removed, and
    /// entries scored before the tool computed public figures get theirs.
    public init(session: CompetitionSession, sandbox: SandboxedPrediction) throws(ResultsError) {
        self.session = session
        self.sandbox = sandbox
        rules = session.workspace.config.rules
        ScratchFolders.removeOrphans()
        try PublicFigures.fillMissing(in: session.database, datasetID: session.datasetID, hidden: session.hidden)
    }

    // The parts of the session this run reads throughout.
    var workspace: Workspace { session.workspace }
    private var database: ResultsDatabase { session.database }
    private var datasetID: Int64 { session.datasetID }
    private var hidden: HiddenTestRows { session.hidden }

    /// What happened to one submission in this run.
    public struct Outcome: Sendable {
        /// What happened.
        public enum Status: String, Sendable, Codable {
            case scored, failed, unchanged
            /// Recorded over the daily limit (`rules.max_per_day`) and not scored.
            case held
        }
        /// The submission's path relative to the workspace.
        public var path: String
        /// The team.
        public var team: String
        /// What happened.
        public var status: Status
        /// The recorded entry (for scored and failed ones).
        public var entry: EntryRecord?
        /// Its figures (scored ones).
        public var metrics: EntryMetricsRecord?
        /// Its figures on the public rows (scored ones): what may be printed where the public
        /// may read it (a CI log).
        public var publicMetrics: EntryPublicMetricsRecord?
        /// Why a failed outcome was not recorded (the next run tries it again); `nil` for every
        /// recorded outcome, failures of the participants' files included.
        public var unrecorded: Unrecorded? = nil

        /// Why an outcome was not recorded.
        public enum Unrecorded: Sendable, Equatable {
            /// The disk or the database refused: nothing of the submission is to blame, and
            /// the run has failed (`score` exits non-zero).
            case organizerFault(String)
            /// A file changed while it was read (an upload in progress).
            case changedWhileRead
        }

        /// The organizer's fault that kept the outcome from being recorded, if that is why.
        public var organizerFault: String? {
            if case let .organizerFault(reason) = unrecorded { return reason }
            return nil
        }
        /// Recorded after `rules.deadline`: scored, shown, not counted.
        public var late = false
    }

    /// Every submission under `paths` (the workspace's submissions folder when empty), read
    /// within the run's limits.
    public func discover(in paths: [String] = []) -> [Submission] {
        Submission.discover(
            in: paths.isEmpty ? [workspace.submissionsPath] : paths,
            submissionsFolder: workspace.submissionsPath, limits: sandbox.readerLimits.submission,
            displayName: workspace.relativePath)
    }

    /// Scores one submission unless its content was recorded before. The model and manifest
    /// are opened once and hashed, checked and copied from those descriptors; a submission
    /// that fails before it is scored is identified by its folder's stamp (see
    /// `Submission.failureIdentity`), so an unchanged failing folder is not read again.
    public func score(_ submission: Submission) -> Outcome {
        var submission = submission
        submission.submittedAt = submission.submittedAt ?? clock()
        let relative = submission.recordedPath ?? workspace.relativePath(submission.root)
        if let problem = submission.problem { return recordFailure(submission, relative: relative, problem) }
        let files: SubmissionFiles
        let content: (model: String, manifest: String?)
        do {
            files = try submission.openFiles(maxModelBytes: sandbox.readerLimits.modelFile.maxFileBytes)
            content = try files.digests()
        } catch {
            guard error.isTheSubmissions else {
                return unrecorded(submission, relative: relative, failure: error.description, why: .changedWhileRead)
            }
            return recordFailure(submission, relative: relative, error.description)
        }
        let handedIn = submission.handedInDigest()
        let identity = Submission.identity(modelSHA256: content.model, manifestSHA256: content.manifest, handedInSHA256: handedIn)
        if let known = knownOutcome(submission, relative: relative, identity: identity) {
            if known.status == .unchanged { checkIfUnchecked(files, identity: identity, handedIn: handedIn) }
            return known
        }
        // Over the daily limit, the version is recorded held: no copy is taken, no child runs.
        let slot = DailySlot(submission, rules: rules)
        defer { if let slot { release(slot) } }
        if let slot, !take(slot) {
            return record(
                submission, relative: relative, modelSHA: content.model, contentSHA: identity, failure: nil, prediction: nil,
                held: true)
        }
        // The child reads a private copy, taken from the descriptors just hashed, and the
        // entry is what that copy holds.
        let snapshot: SubmissionSnapshot
        do {
            snapshot = try SubmissionSnapshot(files)
        } catch {
            guard error.isRecorded else {
                let why: Outcome.Unrecorded
                if case .scratch = error { why = .organizerFault(error.description) } else { why = .changedWhileRead }
                return unrecorded(submission, relative: relative, failure: error.description, why: why)
            }
            return record(
                submission, relative: relative, modelSHA: content.model, contentSHA: identity,
                failure: error.description, prediction: nil, slot: slot)
        }
        defer { snapshot.remove() }
        let copied = Submission.identity(
            modelSHA256: snapshot.modelSHA256, manifestSHA256: snapshot.manifestSHA256, handedInSHA256: handedIn)
        if copied != identity, case .recorded? = try? standing(copied, of: submission) {
            return Outcome(path: relative, team: submission.team, status: .unchanged)
        }
        switch sandbox.run(predictionRequest(snapshot)) {
        case let .failed(reason):
            return record(
                submission, relative: relative, modelSHA: snapshot.modelSHA256, contentSHA: copied,
                failure: reason, prediction: nil, slot: slot)
        case let .scores(scores, format, model, copies):
            return record(
                submission, relative: relative, modelSHA: snapshot.modelSHA256, contentSHA: copied,
                failure: nil, prediction: (scores, format, model, copies), slot: slot)
        }
    }

    /// What the child is asked for a snapshot: its scores of the hidden rows and of their
    /// transformed copies (the memorization check).
    func predictionRequest(_ snapshot: SubmissionSnapshot) -> SandboxedPrediction.Request {
        SandboxedPrediction.Request(
            modelPath: snapshot.modelPath, manifestPath: snapshot.manifestPath, dataPath: session.dataPath,
            cacheDirectory: session.cacheDirectory, rows: hidden.split.test, copies: EventSymmetry.memorizationCopies)
    }

    /// Records `submission` as failing with `failure` before any model was read, under its
    /// failure identity; an unchanged failing folder seen before is `unchanged`.
    private func recordFailure(_ submission: Submission, relative: String, _ failure: String) -> Outcome {
        let identity = submission.failureIdentity(failure)
        if let known = knownOutcome(submission, relative: relative, identity: identity) { return known }
        return record(submission, relative: relative, modelSHA: "", contentSHA: identity, failure: failure, prediction: nil)
    }

    /// `unchanged` when the team's entry of `identity` is recorded, `failed` when the database
    /// cannot say; `nil` when the submission is new.
    private func knownOutcome(_ submission: Submission, relative: String, identity: String) -> Outcome? {
        do {
            guard case .recorded = try standing(identity, of: submission) else { return nil }
            return Outcome(path: relative, team: submission.team, status: .unchanged)
        } catch {
            return Outcome(
                path: relative, team: submission.team, status: .failed, unrecorded: .organizerFault(error.description))
        }
    }

    /// Where `team`'s entry of content `identity` stands.
    private enum Standing {
        /// Recorded before.
        case recorded
        /// New, to be recorded under `key`.
        case new(key: String)
    }

    /// Whether `submission`'s team's entry of `identity` is recorded, and the key to record it
    /// under if not: the identity, or when another team's entry holds it, the identity salted
    /// with the team's key. A team is its folder (`teamKey`); entries recorded before keys were
    /// salted with the team's shown name, and are found under that salt too.
    private func standing(_ identity: String, of submission: Submission) throws(ResultsError) -> Standing {
        let salted = Submission.teamIdentity(identity, team: submission.teamKey)
        for key in [salted, Submission.teamIdentity(identity, team: submission.team)]
        where try database.hasEntry(contentSHA256: key, datasetID: datasetID) {
            return .recorded
        }
        guard let holder = try database.entry(contentSHA256: identity, datasetID: datasetID) else { return .new(key: identity) }
        // Byte for byte: a folder named like another in another Unicode form is another team.
        return holder.teamKey.utf8.elementsEqual(submission.teamKey.utf8) ? .recorded : .new(key: salted)
    }

    /// `submission` reported as failed with `failure` but not recorded, for reason `why`, so
    /// that the next run tries again.
    private func unrecorded(
        _ submission: Submission, relative: String, failure: String, why: Outcome.Unrecorded
    ) -> Outcome {
        unrecorded(
            entry(submission, relative: relative, modelSHA: "", contentSHA: "", failure: nil, prediction: nil),
            failure: failure, why: why)
    }

    /// `entry` reported as failed but not recorded, so that the next run tries again.
    private func unrecorded(_ entry: EntryRecord, failure: String, why: Outcome.Unrecorded) -> Outcome {
        var entry = entry
        entry.failure = "not recorded: " + failure
        entry.status = .failed
        return Outcome(path: entry.path, team: entry.team, status: .failed, entry: entry, unrecorded: why)
    }

    /// The entry of `submission` with its digests, and its failure or its prediction's format
    /// and summary.
    private func entry(
        _ submission: Submission, relative: String, modelSHA: String, contentSHA: String,
        failure: String?, prediction: Prediction?
    ) -> EntryRecord {
        EntryRecord(
            datasetID: datasetID, contentSHA256: contentSHA, modelSHA256: modelSHA, team: submission.team,
            title: submission.title, members: submission.members, path: relative, modelFile: submission.modelName,
            format: prediction?.format ?? submission.formatGuess, fileBytes: submission.modelBytes,
            isBaseline: submission.isBaseline, failure: failure,
            // When the tool first saw this content (an entry is recorded once), or the time the
            // submission carries; never a time the participant sets, such as the file's
            // modification time.
            submittedAt: CompetitionRules.recordedText(submission.submittedAt ?? clock()),
            modelSummary: failure == nil ? prediction?.summary : nil,
            readme: submission.readme, history: submission.history, teamKey: submission.teamKey,
            selected: submission.selected)
    }

    /// What the child gave for a submission: its scores, format, summary and copies' scores.
    private typealias Prediction = (scores: [Double], format: String, summary: ModelSummary?, copies: [[Double]])

    /// Records `submission`'s entry: scored from `prediction`, failed with `failure`, or
    /// `held` (over the daily limit, never predicted). The daily `slot` it took, if any, is
    /// given back in the same locked step that records it, so that the count never misses it.
    private func record(
        _ submission: Submission, relative: String, modelSHA: String, contentSHA: String,
        failure: String?, prediction: Prediction?, held: Bool = false, slot: DailySlot? = nil
    ) -> Outcome {
        var failure = failure
        var evaluation: EntryEvaluation?
        if let prediction {
            do {
                evaluation = try EntryEvaluation(scores: prediction.scores, copies: prediction.copies, hidden: hidden)
            } catch {
                failure = "\(submission.modelName): the scores cannot be evaluated (\(error)); every score must be a finite number"
            }
        }
        var entry = entry(
            submission, relative: relative, modelSHA: modelSHA, contentSHA: contentSHA,
            failure: failure, prediction: prediction)
        if held { entry.status = .held }
        let scores = failure == nil ? prediction?.scores.map { Float($0) } : nil
        let deliverables = submission.deliverableContents()
        do {
            let stored = try recording.mutex.withLock { state throws(ResultsError) -> EntryRecord? in
                defer { slot?.release(in: &state) }
                guard case .new(let key) = try standing(contentSHA, of: submission) else { return nil }
                entry.contentSHA256 = key
                let check = CopyCheck(database: database, datasetID: datasetID)
                let copies = held ? [] : try check.likenesses(of: entry, scores: scores, ranks: &state.ranks)
                return try database.record(
                    entry, metrics: failure == nil ? evaluation?.record : nil,
                    publicMetrics: failure == nil ? evaluation?.publicRecord : nil, scores: scores, copies: copies,
                    deliverables: deliverables?.record, pdfs: deliverables?.pdfs ?? [])
            }
            guard let stored else { return Outcome(path: relative, team: submission.team, status: .unchanged) }
            return Outcome(
                path: relative, team: submission.team, status: held ? .held : failure == nil ? .scored : .failed,
                entry: stored, metrics: failure == nil ? evaluation?.record : nil,
                publicMetrics: failure == nil ? evaluation?.publicRecord : nil,
                late: !stored.isBaseline && rules.isLate(stored.submittedAt))
        } catch  where error.reason == .alreadyRecorded {
            return Outcome(path: relative, team: submission.team, status: .unchanged)
        } catch {
            return unrecorded(entry, failure: "\(error)", why: .organizerFault("\(error)"))
        }
    }
}
