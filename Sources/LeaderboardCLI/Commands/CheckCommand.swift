import ArgumentParser
import Competition
import Foundation
import GitHistory
import HiggsData
import Metrics
import ModelFiles
import Results
import Scoring

/// `leaderboard check FOLDER|MODEL`: a participant's dry run before submitting.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Read a submission folder or a model file as `score` would, say what was understood, and score it on the "
            + "public validation rows.",
        discussion: """
            check FOLDER  validates a team folder exactly as `score` will: the manifest
                          it reads, which file it takes as the model and why, the
                          training history, the README, the notebooks and PDFs as
                          the entry's page will show them, the other files, then
                          the model's figures.
            check MODEL   validates one model file; the manifest.yml (or .yaml, .json)
                          beside it is read when there is one, unless --manifest
                          names another.
            check --changed-since REV
                          in a workspace that is a git clone, checks as check FOLDER
                          does each team folder (or single file) of the submissions
                          folder that the commits since the merge base of REV and
                          HEAD changed; one they removed is listed, not checked. The
                          exit status is non-zero when one cannot be scored. In a
                          pull request's job (the whole history fetched):
                            leaderboard check --changed-since origin/main \\
                              --markdown >> "$GITHUB_STEP_SUMMARY"

            Inside a workspace, its data, split and limits are used; elsewhere, the embedded sample and the default limits. The figures \
            are those of the validation rows (the end of the training rows, which are public), never of the hidden test rows. A \
            predictions file (id,score) holds scores of the hidden rows only: its shape is checked, not its figures. Every problem is one \
            line saying what to do, with a non-zero exit status.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "A submission folder, or a model file (.h5, .keras, .onnx, XGBoost .json/.ubj, LightGBM .txt).")
    var path: String?
    @Option(
        help: ArgumentHelp(
            "Instead of a path: check every team entry of the submissions folder that the commits since the merge base of "
                + "REV and HEAD changed (a pull request's, with REV its base branch, e.g. origin/main).",
            valueName: "REV"))
    var changedSince: String?
    @Option(
        help: ArgumentHelp(
            "With a model file: a manifest naming the features the model reads, their standardization, and an ONNX graph's "
                + "signal output (default: the manifest beside the model)."))
    var manifest: String?
    @Flag(help: "Print JSON instead of text.") var json = false
    @Flag(help: "Print GitHub-flavoured Markdown, for a job summary ($GITHUB_STEP_SUMMARY).") var markdown = false

    /// Why `check` stops: one line, printed as the command's error.
    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    func validate() throws {
        guard (path == nil) != (changedSince == nil) else {
            throw ValidationError("give a team folder or a model file, or --changed-since REV (not both)")
        }
        guard changedSince == nil || manifest == nil else {
            throw ValidationError("--manifest is for a model file; each team folder's manifest is the one in it")
        }
        guard !(json && markdown) else { throw ValidationError("--json and --markdown: give one") }
    }

    func run() throws {
        if let changedSince { return try checkChanged(since: changedSince) }
        let path = path ?? ""
        let ws = try global.workspaceIfAny()
        let check = try submissionCheck(ws)
        let report: CheckReport
        do {
            report = try check.check(path: path, manifest: manifest)
        } catch let problem as Problem where markdown {
            // The summary says why, as the error line does.
            print(CheckReport.markdown(refused: path, reason: problem.description), terminator: "")
            throw problem
        }
        try emit(report, markdown: report.markdown, text: report.text)
    }

    /// Prints `report` as asked: JSON, Markdown (which ends its own lines) or text.
    private func emit<Report: Encodable>(_ report: Report, markdown markdownText: String, text: String) throws {
        print(json ? try Formatting.json(report) : markdown ? markdownText : text, terminator: markdown ? "" : "\n")
    }

    /// The check of submissions with the limits and data of `ws` (none: the defaults and the
    /// embedded sample).
    private func submissionCheck(_ ws: Workspace?) throws -> SubmissionCheck {
        let limits = try ws.map { try RunLimits(workspace: $0) } ?? RunLimits()
        return SubmissionCheck(
            sandbox: SandboxedPrediction.forCommand(limits: limits), data: try CheckData(workspace: ws, loader: global.loader()),
            cacheDirectory: global.cacheDirectory)
    }

    /// `--changed-since REV`: every team entry the commits since the merge base of `REV` and
    /// `HEAD` touched, checked as `check FOLDER` checks one; exits non-zero when one cannot be scored.
    private func checkChanged(since revision: String) throws {
        let ws = try global.openWorkspace()
        let changes: ChangedTeams
        do throws(ChangedTeamsError) {
            changes = try ChangedTeams(
                since: revision, in: ws.root, submissionsFolder: ws.submissionsPath, isSubmission: Submission.isSubmission(named:))
        } catch {
            if markdown { print(ChangedTeamsReport.markdown(cannotRun: error.description), terminator: "") }
            throw error
        }
        var report = ChangedTeamsReport(changes, submissions: ws.relativePath(ws.submissionsPath))
        if changes.entries.contains(where: { $0.change == .touched }) {
            let check = try submissionCheck(ws)
            report.check { entry in
                let url = URL(fileURLWithPath: ws.submissionsPath).appendingPathComponent(entry)
                let found = Submission.discover(
                    in: [url.path], submissionsFolder: ws.submissionsPath, limits: check.sandbox.readerLimits.submission,
                    displayName: ws.relativePath)
                guard let submission = found.first, found.count == 1 else {
                    throw Problem(description: "\(entry): cannot be read as one team's entry; keep one folder or one file per team")
                }
                return try check.check(submission, named: ws.relativePath(url.path))
            }
        }
        try emit(report, markdown: report.markdown, text: report.text)
        let refused = report.teams.filter { $0.status == .refused }
        guard refused.isEmpty else {
            let names = refused.map(\.entry).joined(separator: ", ")
            let line =
                "\(refused.count) of \(report.teams.count) team entries cannot be scored (\(names)); "
                + "fix what the report says and push again"
            FileHandle.standardError.write(Data((TerminalText.escaped(line) + "\n").utf8))
            throw ExitCode(1)
        }
    }
}
