import Foundation
import GitHistory
import Scoring

/// What `check --changed-since` found: each team entry of the submissions folder that the
/// commits since the merge base changed, checked as `check FOLDER` checks one (ready, or the
/// one line why it cannot be scored) or removed. Printed as text, `--json` or `--markdown`.
struct ChangedTeamsReport: Codable {
    /// The revision given.
    var since: String
    /// The merge base of it and `HEAD`.
    var mergeBase: String
    /// The submissions folder, as the workspace names it (`submissions`).
    var submissions: String
    /// The team entries changed, by name.
    var teams: [Team]

    /// One team entry the commits changed.
    struct Team: Codable {
        /// Its path relative to the workspace (`submissions/<team>`).
        var entry: String
        var status: Status
        /// What `check` found (a ready entry).
        var report: CheckReport?
        /// Why it cannot be scored.
        var problem: String?
    }

    /// What became of a team entry.
    enum Status: String, Codable {
        /// `score` would score it.
        case ready
        /// `score` would record it as failed, for `problem`.
        case refused = "cannot be scored"
        /// The commits removed it; nothing to check.
        case removed
    }

    /// The entries of `changes`, none checked yet; `submissions` is the folder's path relative to the workspace.
    init(_ changes: ChangedTeams, submissions: String) {
        since = changes.revision
        mergeBase = changes.mergeBase
        self.submissions = submissions
        teams = changes.entries.map { entry in
            let path = submissions + "/" + entry.name
            switch entry.change {
            case .touched: return Team(entry: path, status: .ready)
            case .removed: return Team(entry: path, status: .removed)
            case .unreadableName:
                return Team(
                    entry: path, status: .refused,
                    problem: "\(path): its name is not UTF-8, which no file path here can hold; rename it")
            }
        }
    }

    /// Checks every entry still there with `check` (given the entry's name beneath the
    /// submissions folder); an error it throws is the entry's one-line reason.
    mutating func check(_ check: (String) throws -> CheckReport) {
        for index in teams.indices where teams[index].status == .ready {
            let name = String(teams[index].entry.dropFirst(submissions.count + 1))
            do {
                teams[index].report = try check(name)
            } catch {
                teams[index].status = .refused
                teams[index].problem = String(describing: error)
            }
        }
    }

    /// The line said when no team entry changed.
    var nothingChanged: String { "This pull request changes no team folder under \(submissions)/." }

    /// One line counting the entries by status.
    var tally: String {
        let counts = [Status.ready, .refused, .removed].compactMap { status -> String? in
            let n = teams.filter { $0.status == status }.count
            return n == 0 ? nil : "\(n) \(status.rawValue)"
        }
        let noun = teams.count == 1 ? "team entry" : "team entries"
        return "\(teams.count) \(noun) under \(submissions)/ changed since \(since) (merge base \(mergeBase.prefix(12))): "
            + counts.joined(separator: ", ")
    }

    /// The report as text: a tally, then each entry's report, reason or removal.
    var text: String {
        guard !teams.isEmpty else { return nothingChanged }
        var parts = [TerminalText.escaped(tally)]
        for team in teams {
            let title = TerminalText.escaped("== \(team.entry): \(team.status.rawValue)")
            switch team.status {
            case .ready: parts.append(title + "\n" + (team.report?.text ?? ""))
            case .refused: parts.append(title + "\n" + TerminalText.escaped(team.problem ?? ""))
            case .removed: parts.append(title + "; removed by these commits, not checked")
            }
        }
        return parts.joined(separator: "\n\n")
    }

    /// The report as a job summary: a title and the tally, then a section per entry.
    var markdown: String {
        var parts = ["## Submission check\n\n" + MarkdownText.escaped(teams.isEmpty ? nothingChanged : tally) + "\n"]
        for team in teams {
            switch team.status {
            case .ready: parts.append(team.report?.markdown ?? "")
            case .refused: parts.append(CheckReport.markdown(refused: team.entry, reason: team.problem ?? ""))
            case .removed: parts.append(CheckReport.heading(team.entry) + "\n\nRemoved by this pull request; not checked.\n")
            }
        }
        return parts.joined(separator: "\n")
    }

    /// The job summary when the commits cannot be read: the one line why.
    static func markdown(cannotRun reason: String) -> String {
        "## Submission check\n\n**The check could not run:** \(MarkdownText.escaped(reason))\n"
    }
}
