import ArgumentParser
import Competition
import Foundation
import GitHistory
import Results
import Scoring
import Site

/// `leaderboard score [PATH…]`: score every new or changed submission.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score every new or changed submission on the hidden test rows and record each result or failure.",
        discussion: """
            PATH is a submissions folder (each subfolder is a team's submission, each model file at its top a submission \
            of its own) or one submission; the default is the workspace's submissions/. Submissions whose content was \
            already recorded are skipped. Each one is read and predicted in a sandboxed child process with memory, CPU and \
            time limits, so a broken or hostile file costs only its own entry.

            When the workspace is the top folder of a git repository and no PATH is given, every version of each team's \
            folder that reached the current branch is a submission, dated by the commit that brought it there on the \
            branch's first-parent history (a merge, not the pull request's own commits, whose dates their authors set); a \
            fresh clone therefore rebuilds the same entries, versions and times. Uncommitted changes are not versions. \
            --working-tree scores the folders as they are instead, each dated when first seen.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Submissions folders or single submissions (default: the workspace's submissions/).")
    var paths: [String] = []
    @Option(help: "Memory limit of each sandboxed prediction, in MiB (default: limits.memory_bytes).") var memoryMib: Int?
    @Option(help: "CPU-time limit of each sandboxed prediction, in seconds (default: limits.cpu_seconds).") var cpuSeconds: Int?
    @Option(help: "Wall-clock limit of each sandboxed prediction, in seconds (default: limits.wall_seconds).") var wallSeconds: Double?
    @Option(help: "Submissions scored at once (each prediction overlaps another's evaluation).") var concurrency: Int = 2
    @Flag(help: "In a git repository, score the folders as they are (dated when first seen), not the branch's history.")
    var workingTree = false
    @Flag(help: "Print JSON instead of a table.") var json = false

    func run() throws {
        let ws = try global.openWorkspace()
        let lock = try global.lock(ws)
        var limits = try RunLimits(workspace: ws)
        if let memoryMib { limits.sandbox.memoryBytes = memoryMib << 20 }
        if let cpuSeconds { limits.sandbox.cpuSeconds = cpuSeconds }
        if let wallSeconds { limits.sandbox.wallSeconds = wallSeconds }
        let sandbox = SandboxedPrediction.forCommand(limits: limits)
        let session = try global.session(ws, holding: lock)
        defer { withExtendedLifetime(session) {} }
        let run = try ScoreRun(session: session, sandbox: sandbox)
        let progress = ProgressDisplay(label: "scoring", unit: .rows)
        let outcomes: [ScoreRun.Outcome]
        if let history = try branchHistory(ws) {
            if !json { print(Self.historyLine(history)) }
            if let warning = history.futureDated(now: Date()) { FileHandle.standardError.write(Data(("warning: " + warning + "\n").utf8)) }
            let uncommitted = history.uncommittedChanges()
            if uncommitted > 0 {
                FileHandle.standardError.write(
                    Data(
                        ("\(Formatting.count(uncommitted)) uncommitted change\(uncommitted == 1 ? "" : "s") under "
                            + "\(history.submissionsPath)/ \(uncommitted == 1 ? "is" : "are") not a version until committed "
                            + "(or score the folders as they are with --working-tree)\n").utf8))
            }
            outcomes = run.score(history) { progress.update($0, of: $1) }
        } else {
            outcomes = run.score(run.discover(in: paths), concurrency: concurrency) { progress.update($0, of: $1) }
        }
        if json {
            print(try Formatting.json(outcomes.map(OutcomeJSON.init)))
        } else {
            print(ScoreTable(outcomes: outcomes, hiddenRows: session.hidden.count).text)
        }
        // Participants' files that fail are recorded results, not the run's failure; an entry
        // the organizer's side could not record is, so that a CI job or a script notices.
        if outcomes.contains(where: { $0.organizerFault != nil }) { throw ExitCode.failure }
    }
}

extension ScoreCommand {
    /// The branch's history when versions come from git: no PATH given, no --working-tree,
    /// and the workspace is the top folder of a git repository.
    func branchHistory(_ ws: Workspace) throws -> BranchHistory? {
        guard paths.isEmpty, !workingTree, try BranchHistory.isRepositoryTop(ws.root) else { return nil }
        let submissions = ws.relativePath(ws.submissionsPath)
        guard !submissions.hasPrefix("/") else { return nil }
        return try BranchHistory(repository: ws.root, submissionsPath: submissions, isSubmission: Submission.isSubmission(named:))
    }

    /// What the history holds, in one line.
    static func historyLine(_ history: BranchHistory) -> String {
        let teams = Set(history.versions.map(\.name)).count
        return "Versions from git: \(Formatting.count(history.versions.count)) version\(history.versions.count == 1 ? "" : "s") "
            + "of \(Formatting.count(teams)) team\(teams == 1 ? "" : "s") in \(Formatting.count(history.commitCount)) commits "
            + "of \(history.branch)'s first-parent history"
    }
}

/// One outcome as `score --json` prints it: the figures of the public rows only, rounded as
/// the public site shows them, since the output of `score` may be public (a CI log).
struct OutcomeJSON: Codable {
    var path: String, team: String, status: String, title: String?, format: String?, failure: String?
    var publicAUC: Double?, publicAUCLow: Double?, publicAUCHigh: Double?, accuracy: Double?, logLoss: Double?
    /// For a failed outcome, whose side it failed on: `participant` (recorded; the team sees
    /// why), `organizer` (not recorded: the disk or the database; `score` exits non-zero), or
    /// `in-transit` (not recorded: a file changed while it was read; the next run reads it).
    var failedOn: String?
    /// The organizer's fault that kept the outcome from being recorded.
    var organizerFault: String?
    /// The team's key, when the version was recorded, and whether that was after the deadline.
    var teamKey: String?, recordedAt: String?, late: Bool
    /// What to do about a held or late version, in one line.
    var note: String?

    init(_ o: ScoreRun.Outcome) {
        path = o.path
        team = o.team
        status = o.status.rawValue
        title = o.entry?.title
        format = o.entry?.format
        failure = ScoreTable.failure(of: o)
        if o.status == .failed {
            switch o.unrecorded {
            case nil: failedOn = "participant"
            case .organizerFault?: failedOn = "organizer"
            case .changedWhileRead?: failedOn = "in-transit"
            }
        }
        organizerFault = o.organizerFault
        publicAUC = SiteFormatting.shown(o.metrics?.publicAUC)
        publicAUCLow = SiteFormatting.shown(o.metrics?.publicAUCLow)
        publicAUCHigh = SiteFormatting.shown(o.metrics?.publicAUCHigh)
        accuracy = SiteFormatting.shown(o.publicMetrics?.accuracy)
        logLoss = SiteFormatting.shown(o.publicMetrics?.logLoss)
        teamKey = o.entry?.teamKey
        recordedAt = o.entry?.submittedAt
        late = o.late
        note = ScoreTable.note(o)
    }
}

/// The terminal table printed at the end of `score`: the public rows' figures, as the public
/// site shows them (`build --final` shows the others).
struct ScoreTable {
    var outcomes: [ScoreRun.Outcome]
    var hiddenRows: Int

    var text: String {
        guard !outcomes.isEmpty else { return "No submissions found." }
        let scored = outcomes.filter { $0.status == .scored }
            .sorted { ($0.metrics?.publicAUC ?? 0) > ($1.metrics?.publicAUC ?? 0) }
        var lines = ["Scored on \(Formatting.count(hiddenRows)) hidden rows; figures of the public part:", ""]
        lines.append("team                 entry                     format        public AUC [95% CI]        accuracy  log loss")
        for o in scored {
            guard let m = o.metrics, let p = o.publicMetrics, let e = o.entry else { continue }
            lines.append(
                Self.pad(e.team, 20) + " " + Self.pad(e.title, 25) + " " + Self.pad(e.format, 13) + " "
                    + String(
                        format: "%.4f [%.4f, %.4f]   %.4f    %.4f", m.publicAUC, m.publicAUCLow, m.publicAUCHigh,
                        p.accuracy, p.logLoss))
        }
        for o in outcomes where o.status == .failed {
            lines.append(Self.pad(o.team, 20) + " failed: " + TerminalText.escaped(Self.failure(of: o) ?? "unknown reason"))
        }
        for o in outcomes {
            guard let note = Self.note(o) else { continue }
            lines.append(Self.pad(o.team, 20) + " " + TerminalText.escaped(note))
        }
        let unchanged = outcomes.filter { $0.status == .unchanged }.count
        if unchanged > 0 { lines.append("(\(unchanged) unchanged submission\(unchanged == 1 ? "" : "s") skipped)") }
        lines += failureSummary
        return lines.joined(separator: "\n")
    }

    /// The closing lines on failures: how many failed on the participants' side (recorded,
    /// the run's success) and how many the organizer's side could not record (the run's
    /// failure), with the first reason and what to do.
    var failureSummary: [String] {
        let failed = outcomes.filter { $0.status == .failed }
        let organizer = failed.compactMap(\.organizerFault)
        let changing = failed.filter { $0.unrecorded == .changedWhileRead }.count
        let participants = failed.filter { $0.unrecorded == nil }.count
        var lines: [String] = []
        if participants > 0 {
            lines.append(
                "\(participants) submission\(participants == 1 ? "" : "s") failed on the participants' side "
                    + "(recorded; teams see why on the site)")
        }
        if changing > 0 {
            lines.append(
                "\(changing) submission\(changing == 1 ? "" : "s") changed while being read (not recorded; the next run "
                    + "reads \(changing == 1 ? "it" : "them") again)")
        }
        if let first = organizer.first {
            lines.append(
                "\(organizer.count) entr\(organizer.count == 1 ? "y" : "ies") could not be recorded (organizer side): "
                    + TerminalText.escaped(first) + "; run score again after fixing it")
        }
        return lines
    }

    /// The failure of a failed outcome as the table and the JSON give it: the entry's, else
    /// (when the database could not even be asked about it) the organizer's fault.
    static func failure(of o: ScoreRun.Outcome) -> String? {
        o.entry?.failure ?? o.organizerFault.map { "not recorded: " + $0 }
    }

    /// What a held or late version means and what to do, in one line; `nil` for others.
    static func note(_ o: ScoreRun.Outcome) -> String? {
        let day = o.entry.map { String($0.submittedAt.prefix(10)) } ?? "that day"
        if o.status == .held {
            return "held, not scored: the team's versions scored on \(day) (UTC) reached rules.max_per_day; "
                + "submit a new version on another day to have it scored"
        }
        if o.late {
            return "late: recorded after rules.deadline, so scored and shown but not counted in the ranking"
        }
        return nil
    }

    /// `text` escaped for the terminal, then cut or padded to `n` characters.
    static func pad(_ text: String, _ n: Int) -> String {
        let s = TerminalText.escaped(text)
        return s.count > n ? String(s.prefix(n - 1)) + "…" : s.padding(toLength: n, withPad: " ", startingAt: 0)
    }
}
