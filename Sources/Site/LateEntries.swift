import Foundation
import Results

extension LeaderboardContext {
    /// A team whose latest version arrived after the deadline, as the leaderboard's list of
    /// late entries shows it: scored, so with the view's AUC, but never ranked.
    struct Late {
        let id: Int64, team: String, file: String
        /// When it was recorded, to the second: what made it late.
        let recorded: String
        let auc: String, aucLow: String, aucHigh: String
        let teamPage: String

        init(_ unranked: LeaderboardView.Unranked, final: Bool) {
            let e = unranked.entry.entry, m = unranked.entry.metrics
            id = e.id ?? 0
            team = unranked.team.name
            file = e.modelFile.isEmpty ? e.path : e.modelFile
            recorded = SiteFormatting.moment(e.submittedAt, seconds: true)
            auc = SiteFormatting.fixed(final ? m?.privateAUC : m?.publicAUC)
            aucLow = SiteFormatting.fixed(final ? m?.privateAUCLow : m?.publicAUCLow)
            aucHigh = SiteFormatting.fixed(final ? m?.privateAUCHigh : m?.publicAUCHigh)
            teamPage = TeamPageName.of(unranked.team.key)
        }
    }

    /// The sentence above the late entries: what late means, and the deadline.
    static func lateNote(deadline: Date?) -> String {
        let when = deadline.map { " (" + SiteFormatting.moment(CompetitionRules.recordedText($0)) + ")" } ?? ""
        return "Recorded after the deadline\(when): scored and shown here, never ranked."
    }
}
