import Crypto
import Foundation
import Results

/// How the pages and exports name where a version stands: one status word, the marks beside
/// it, and the reason when it does not count. Every page takes them from here, so that the
/// leaderboard, the team page, the entry page and the exports say the same.
struct VersionMarks {
    /// `scored`, `failed`, `held`, `late`, `withdrawn` or `disqualified`: the first that
    /// applies, in that order of weight from the last.
    let status: String
    /// `selected`, `selection dropped`, `counts`: what the team chose and what the view takes.
    let marks: [String]
    /// Why it does not count (a failure, the limit, the deadline, a ruling); `nil` when it can.
    let reason: String?
    /// The ruling in force, if any.
    let ruling: Standings.Ruling?

    /// The marks of `version` in the final view or the public one.
    init(_ version: Standings.Version, final: Bool) {
        let e = version.entry.entry
        ruling = version.ruling
        if let ruling = version.ruling {
            status = ruling.action == .withdraw ? "withdrawn" : "disqualified"
            reason =
                "\(status) by the organizers on \(SiteFormatting.day(ruling.ruledAt))"
                + "\(ruling.wholeTeam ? " (the whole team)" : ""): \(ruling.reason)"
        } else if version.held {
            status = "held"
            reason = "held: recorded over the daily limit of scored versions (rules.max_per_day), so not scored"
        } else if !version.scored {
            status = "failed"
            reason = e.failure ?? "not scored"
        } else if version.late {
            status = "late"
            reason = "late: recorded after the deadline (rules.deadline); shown, not counted"
        } else {
            status = "scored"
            reason = nil
        }
        var marks: [String] = []
        if version.selected { marks.append(version.selectionDropped ? "selection dropped" : "selected") }
        if final ? version.countsForFinal : version.countsForPublic { marks.append("counts") }
        self.marks = marks
    }

    /// Whether the view's board takes this version for its team.
    static func counts(_ version: Standings.Version, final: Bool) -> Bool {
        final ? version.countsForFinal : version.countsForPublic
    }
}

/// The file name of a team's page beneath `teams/`: the key when it is already a safe name
/// (lower-case letters, digits, `-` and `_`), else those characters of it, a dot and a digest
/// of the whole key. A safe name holds no dot, so no team's folder can be named after another
/// team's digested page name and overwrite it; the digest (SHA-256) cannot be aimed at another
/// key's; no key leaves the folder.
enum TeamPageName {
    static func of(_ key: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-_")
        var slug = String(key.lowercased().map { allowed.contains($0) ? $0 : "-" }.prefix(60))
        while slug.contains("--") { slug = slug.replacingOccurrences(of: "--", with: "-") }
        if slug == key && !slug.isEmpty { return slug + ".html" }
        let digest = SHA256.hash(data: Data(key.utf8)).prefix(8).map { String(format: "%02x", $0) }.joined()
        let trimmed = slug.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return (trimmed.isEmpty ? "team" : trimmed) + "." + digest + ".html"
    }
}
