import Foundation
import Results
import TestSupport
import Testing

@testable import Site

/// The leaderboard lists the teams it cannot rank under two headings: those whose latest
/// version was not scored, with the reason in one line, and those whose latest version was
/// scored but arrived after the deadline, with when it was recorded and its AUC.
@Suite struct NotScoredAndLateTests {
    let dir = TemporaryDirectory()
    static let deadline = "2026-12-01T00:00:00Z"

    /// Teams `ontime` (scored before the deadline), `broken` (failed), `tardy` (scored after
    /// the deadline, AUC 0.6) and `tardy-broken` (failed after the deadline).
    func database() throws -> ResultsDatabase {
        let db = try ResultsDatabase(path: dir.file("lb.sqlite"))
        let id = try SiteBuilderTests.dataset(in: db)
        for (team, failure, time) in [
            ("ontime", nil, "2026-11-30T23:59:59Z"), ("broken", "'m.pkl' is a Python pickle <b>", "2026-11-30T10:00:00Z"),
            ("tardy", nil, "2026-12-01T00:00:01Z"), ("tardy-broken", "weights only: save the whole model", "2026-12-02T08:00:00Z"),
        ] {
            _ = try db.record(
                EntryRecord(
                    datasetID: id, contentSHA256: team, modelSHA256: team, team: team, title: "m", members: [],
                    path: "submissions/" + team, modelFile: team + ".h5", format: "keras-h5", fileBytes: 1, failure: failure,
                    submittedAt: time),
                metrics: failure == nil ? SiteBuilderTests.metrics(team == "tardy" ? 0.6 : 0.8) : nil, scores: nil)
        }
        return db
    }

    /// The leaderboard built under a deadline at `Self.deadline` (none with `deadline` false),
    /// cut into what comes before the "Late" heading and what comes after it.
    func board(deadline: Bool) throws -> (notScored: String, late: String, summary: SiteBuilder.Summary) {
        var builder = SiteBuilder(database: try database(), title: "T", templates: nil, pages: nil)
        builder.rules = CompetitionRules(deadline: deadline ? CompetitionRules.time(Self.deadline) : nil)
        let summary = try builder.build(into: dir.file(deadline ? "late" : "open"))
        let page = try String(contentsOfFile: dir.file((deadline ? "late" : "open") + "/index.html"), encoding: .utf8)
        let notScored = try #require(page.range(of: "<h2>Not scored</h2>"), "no Not scored section")
        let rest = page[notScored.upperBound...]
        guard let late = rest.range(of: "<h2>Late</h2>") else { return (String(rest), "", summary) }
        return (String(rest[..<late.lowerBound]), String(rest[late.upperBound...]), summary)
    }

    @Test func failedAndLateTeamsAreListedApartEachWithWhatExplainsIt() throws {
        let (notScored, late, summary) = try board(deadline: true)
        #expect(notScored.contains(">broken</a>") && notScored.contains("&#39;m.pkl&#39; is a Python pickle &lt;b&gt;"))
        #expect(notScored.contains(">tardy-broken</a>") && notScored.contains("weights only: save the whole model"))
        #expect(!notScored.contains(">tardy</a>") && !notScored.contains(">ontime</a>"))
        #expect(late.contains("Recorded after the deadline (2026-12-01 00:00 UTC): scored and shown here, never ranked."))
        #expect(late.contains(#"<a class="team" href="teams/tardy.html">tardy</a></td><td><a href="entries/3.html">tardy.h5</a>"#))
        #expect(
            late.contains(#"<td class="date">2026-12-01 00:00:01 UTC</td><td class="num">0.6000 <span class="ci">[0.5000, 0.7000]</span>"#))
        #expect(!late.contains("broken") && !late.contains(">ontime</a>"))
        #expect((summary.ranked, summary.failed, summary.late) == (1, 2, 1))
    }

    @Test func withoutADeadlineNothingIsLate() throws {
        let (notScored, late, summary) = try board(deadline: false)
        #expect(late.isEmpty && !notScored.contains(">tardy</a>"))
        #expect(notScored.contains(">broken</a>") && notScored.contains(">tardy-broken</a>"))
        #expect((summary.ranked, summary.failed, summary.late) == (2, 2, 0))
    }
}
