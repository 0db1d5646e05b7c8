import Foundation
import Results
import TestSupport
import Testing

@testable import Site

/// Times as the pages show them: one form (`2026-11-29 10:00:05 UTC`), in UTC whatever
/// offset a time was written with, never the raw ISO 8601 stamp.
@Suite struct SiteTimesTests {
    let dir = TemporaryDirectory()

    @Test(arguments: [
        ("2026-11-29T10:00:05Z", false, "2026-11-29 10:00 UTC"),
        ("2026-11-29T10:00:05Z", true, "2026-11-29 10:00:05 UTC"),
        ("2026-11-30T00:30:05+01:00", true, "2026-11-29 23:30:05 UTC"),
        ("2026-11-29T10:00:05.750Z", true, "2026-11-29 10:00:05 UTC"),
        ("2026-11-29", true, "2026-11-29 00:00:00 UTC"),
        ("not a time", true, "not a time"),
    ])
    func aMomentIsShownInUTC(stamp: String, seconds: Bool, shown: String) {
        #expect(SiteFormatting.moment(stamp, seconds: seconds) == shown)
    }

    @Test func aDayIsTheUTCDay() {
        #expect(SiteFormatting.day("2026-11-30T00:30:05+01:00") == "2026-11-29")
        #expect(SiteFormatting.day("2026-11-29T10:00:05Z") == "2026-11-29")
    }

    /// Two versions of one team recorded seconds apart, one stamp written with an offset.
    @Test func theTeamPageShowsEachVersionsTimeToTheSecondInUTC() throws {
        let db = try ResultsDatabase(path: dir.file("lb.sqlite"))
        let datasetID = try SiteBuilderTests.dataset(in: db)
        for (sha, time, failure) in [("v1", "2026-11-29T10:00:05Z", nil), ("v2", "2026-11-29T11:00:09+01:00", "not a model")] {
            let entry = EntryRecord(
                datasetID: datasetID, contentSHA256: sha, modelSHA256: sha, team: "alpha", title: sha, members: [],
                path: "submissions/alpha", modelFile: "model.h5", format: "keras-h5", fileBytes: 10, failure: failure,
                submittedAt: time)
            _ = try db.record(
                entry, metrics: failure == nil ? SiteBuilderTests.metrics(0.8) : nil,
                scores: failure == nil ? [0.9, 0.1, 0.8, 0.2, 0.7, 0.3, 0.6, 0.4] : nil)
        }
        try SiteBuilder(database: db, title: "Test", templates: nil, pages: nil).build(into: dir.file("site"))
        let team = try String(contentsOfFile: dir.file("site/teams/alpha.html"), encoding: .utf8)
        let cells = team.matches(of: /<td class="date">([^<]*)<\/td>/).map { String($0.1) }
        #expect(cells == ["2026-11-29 10:00:05 UTC", "2026-11-29 10:00:09 UTC"])
        let entry = try String(contentsOfFile: dir.file("site/entries/2.html"), encoding: .utf8)
        #expect(entry.contains("<th>submitted</th><td>2026-11-29 10:00:09 UTC</td>"))
        // No page shows a raw stamp; the footer's last update is the latest, to the minute.
        for page in ["index.html", "teams/alpha.html", "entries/1.html", "entries/2.html", "data.html"] {
            let html = try String(contentsOfFile: dir.file("site/" + page), encoding: .utf8)
            #expect(html.firstMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d/) == nil, "\(page)")
            #expect(html.contains("Last updated 2026-11-29 10:00 UTC."), "\(page)")
        }
    }
}
