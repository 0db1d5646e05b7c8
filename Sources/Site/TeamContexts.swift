import Results

/// A team page's context (`team.mustache`): every version with its time, figures and
/// status, and which of them count. Private figures only in the final view.
struct TeamContext {
    /// One version as the team page's table shows it.
    struct Version {
        let number: Int, id: Int64, title: String, format: String
        /// When it was recorded, to the second (`2026-11-07 10:00:05 UTC`).
        let submitted: String
        /// The public AUC; the private one only in the final view; `nil` when not scored.
        let publicAUC: String?, privateAUC: String?
        let status: String
        /// The marks joined (`selected, counts`); `nil` for none.
        let marks: String?
        let reason: String?
        let counts: Bool
    }

    let name: String, key: String, isBaseline: Bool
    let members: String?
    let versions: [Version]
    let showPrivate: Bool
    /// Which versions count in this view, in words.
    let counting: String

    init(_ team: Standings.Team, final: Bool) {
        name = team.name
        key = team.key
        isBaseline = team.isBaseline
        members = team.members.isEmpty ? nil : team.members.joined(separator: ", ")
        showPrivate = final
        versions = team.versions.map { v in
            let marks = VersionMarks(v, final: final), m = v.entry.metrics, e = v.entry.entry
            return Version(
                number: v.number, id: e.id ?? 0, title: e.title, format: e.format,
                submitted: SiteFormatting.moment(e.submittedAt, seconds: true),
                publicAUC: m.map { SiteFormatting.fixed($0.publicAUC) },
                privateAUC: final ? m.map { SiteFormatting.fixed($0.privateAUC) } : nil,
                status: marks.status, marks: marks.marks.isEmpty ? nil : marks.marks.joined(separator: ", "), reason: marks.reason,
                counts: VersionMarks.counts(v, final: final))
        }
        counting = Self.counting(team, final: final)
    }

    /// Which versions the view's board takes for `team`, and why, in one sentence.
    static func counting(_ team: Standings.Team, final: Bool) -> String {
        guard final else {
            guard let choice = team.publicChoice else { return "No version counts on the public leaderboard." }
            return "The public leaderboard ranks the team by version \(choice.number): its best public AUC among the versions "
                + "that count (scored, in time, not withdrawn or disqualified)."
        }
        let numbers = team.finalChoices.map { String($0.number) }
        guard !numbers.isEmpty else { return "No version counts in the final ranking." }
        let list = numbers.count == 1 ? "version " + numbers[0] : "versions " + numbers.joined(separator: ", ")
        return team.selectedForFinal
            ? "The final ranking takes \(list), selected by the team (final: true), and ranks the team by the best private AUC among them."
            : "The team selected no version, so the final ranking takes \(list), its best public one."
    }
}

/// What an entry page says of the version it shows (`entry.mustache`'s `version` section):
/// its number among its team's versions, the team's page, and a notice when it is held,
/// late, withdrawn or disqualified.
struct EntryVersionContext {
    let number: Int, count: Int, team: String, teamPage: String
    let marks: String?
    /// Why it does not count, when that is not a failure (the page says a failure already).
    let notice: String?

    init(_ version: Standings.Version, of team: Standings.Team, final: Bool) {
        let marks = VersionMarks(version, final: final)
        number = version.number
        count = team.versions.count
        self.team = team.name
        teamPage = TeamPageName.of(team.key)
        self.marks = marks.marks.isEmpty ? nil : marks.marks.joined(separator: ", ")
        notice = marks.status == "failed" || marks.status == "scored" ? nil : marks.reason
    }
}
