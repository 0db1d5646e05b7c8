import Foundation
import Results

/// Renders everything in the database into a static site: the leaderboard, a page per
/// entry and per team, the workspace's Markdown pages, `leaderboard.json`, `results.csv` and
/// `versions.csv`.
///
/// Reads only the database, the templates and the pages; the same inputs give the same
/// bytes (no build time, no random ids); the site is written beside the old one and swapped
/// in when complete. Every participant-written string is escaped by the templates, and
/// READMEs go through cmark-gfm's safe mode.
public struct SiteBuilder {
    /// The database to publish.
    public var database: ResultsDatabase
    /// The competition's title.
    public var title: String
    /// A folder whose templates replace the built-in ones (missing files fall back).
    public var templates: String?
    /// A folder of Markdown pages (`overview.md`, `rules.md`, `data.md`, …).
    public var pages: String?
    /// The final, private ranking instead of the public one.
    public var final = false
    /// The rules on versions (deadline, final selections) that decide what counts.
    public var rules = CompetitionRules()

    /// A builder of `database`'s site.
    public init(database: ResultsDatabase, title: String, templates: String?, pages: String?) {
        self.database = database
        self.title = title
        self.templates = templates
        self.pages = pages
    }

    /// Copies the built-in templates and stylesheet into `folder` for organizers to edit,
    /// leaving any file already there alone. Returns the names written.
    @discardableResult
    public static func writeDefaultTemplates(to folder: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var written: [String] = []
        for name in SiteTemplates.fileNames {
            let path = folder + "/" + name
            guard !FileManager.default.fileExists(atPath: path), let text = SiteTemplates.builtIn(name) else { continue }
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            written.append(name)
        }
        return written
    }

    /// What a build wrote.
    public struct Summary: Sendable {
        /// Rows ranked (baselines too), unranked teams whose latest version was not scored
        /// (failed or held), and those whose latest version arrived after the deadline.
        public var ranked: Int, failed: Int, late: Int
        /// Files written.
        public var files: Int
    }

    /// Builds the site into `destination`.
    ///
    /// - Parameter protected: folders the destination must not be, nor contain (see
    ///   `SiteDestination`).
    /// - Throws: `SiteDestinationError` (nothing was written), `SiteError` (the last good
    ///   site stays in place) or `ResultsError`.
    @discardableResult
    public func build(into destination: String, protecting protected: [String] = []) throws -> Summary {
        let templates = try SiteTemplates(overrides: self.templates)
        guard let dataset = try database.datasets().last, let datasetID = dataset.id else { throw SiteError.noData }
        let entries = try database.entries(datasetID: datasetID)
        let detail = try database.detail(datasetID: datasetID)
        let board = LeaderboardView(
            entries: entries, detail: detail, final: final, copies: try database.copies(datasetID: datasetID),
            rulings: try database.rulings(), rules: rules
        ) {
            (try? database.scores(entryID: $0)) ?? []
        }
        let contentPages = ContentPages(folder: pages)
        let output = try SiteOutput(destination: destination, protecting: protected)
        var files = 0
        do {
            // data.md, if written, opens the data page rather than standing alone.
            let standalone = contentPages.pages.filter { $0.file != "data.html" }
            let nav =
                [
                    LayoutContext.Link(href: "index.html", label: "leaderboard"),
                    LayoutContext.Link(href: "data.html", label: "data"),
                ]
                + standalone.map { LayoutContext.Link(href: $0.file, label: $0.title) }
            let footer =
                "Built by leaderboard from \(CountText.of(dataset.rows)) events; "
                + "\(CountText.of(dataset.testRows)) hidden test rows."
            let updated = (entries.map(\.entry.submittedAt) + (try database.trainingRuns(datasetID: datasetID)).map(\.trainedAt))
                .compactMap(SiteFormatting.utc).max().map { SiteFormatting.moment($0) }
            func page(_ pageTitle: String, root: String, content: String) throws(SiteError) -> String {
                try templates.render(
                    LayoutContext(
                        siteTitle: title, pageTitle: pageTitle, root: root, nav: nav, content: content, footer: footer,
                        updated: updated),
                    with: "layout")
            }
            let boardContext = LeaderboardContext(board: board, dataset: dataset)
            try output.write(
                try page(
                    final ? "Final ranking" : "Leaderboard", root: "",
                    content: templates.render(boardContext, with: "leaderboard")),
                to: "index.html")
            files += 1
            // In the view's order: the database lists entries by their AUC on all hidden rows.
            let baselines = board.rows.map(\.entry).filter(\.entry.isBaseline)
            let runs = try database.trainingRuns(datasetID: datasetID)
            var versions: [Int64: EntryVersionContext] = [:]
            for team in board.standings.teams {
                for version in team.versions {
                    guard let id = version.entry.entry.id else { continue }
                    versions[id] = EntryVersionContext(version, of: team, final: final)
                }
                try output.write(
                    try page(team.name, root: "../", content: templates.render(TeamContext(team, final: final), with: "team")),
                    to: "teams/" + TeamPageName.of(team.key))
                files += 1
            }
            // Each entry's page and PDFs: the files written for it.
            files += try ParallelPages.make(entries.count) { index -> Int in
                let ranked = entries[index]
                guard let id = ranked.entry.id else { return 0 }
                let training = runs.first { $0.entryID == id }
                let published = try publishPDFs(of: id, to: output)
                let context = EntryContext(
                    ranked, showPrivate: final, likenesses: board.likenesses.of(id),
                    plots: SitePlots.entry(
                        ranked, baselines: baselines, training: training,
                        final: final),
                    training: training, version: versions[id],
                    deliverables: DeliverablesContext(try database.deliverables(entryID: id), pdfLinks: published))
                try output.write(
                    try page(
                        ranked.entry.title + " · " + ranked.entry.team, root: "../",
                        content: templates.render(context, with: "entry")),
                    to: "entries/\(id).html")
                return published.count + 1
            }.reduce(0, +)
            try output.write(
                try page(
                    "The data", root: "",
                    content: templates.render(
                        DataContext(dataset: dataset, detail: detail, intro: contentPages.page("data.html")?.html),
                        with: "data")), to: "data.html")
            files += 1
            for p in standalone {
                try output.write(
                    try page(p.title, root: "", content: templates.render(PageContext(html: p.html), with: "page")),
                    to: p.file)
                files += 1
            }
            try output.write(templates.stylesheet, to: "style.css")
            try output.write(Exports.json(board: board, dataset: dataset), to: "leaderboard.json")
            try output.write(Exports.csv(board: board), to: "results.csv")
            try output.write(Exports.versionsCSV(board: board), to: "versions.csv")
            files += 4
            try output.publish()
        } catch {
            output.discard()
            throw error
        }
        return Summary(ranked: board.rows.count, failed: board.notScored.count, late: board.late.count, files: files)
    }

    /// Writes the PDFs stored for entry `id` into `entries/<id>/` under safe names
    /// (``DeliverablesContext/safePDFName(_:index:)``); returns each one's link from the
    /// entry's page, by its name in the folder.
    private func publishPDFs(of id: Int64, to output: SiteOutput) throws -> [String: String] {
        var links: [String: String] = [:]
        for (index, pdf) in try database.pdfs(entryID: id).enumerated() {
            let name = DeliverablesContext.safePDFName(pdf.name, index: index)
            try output.write(pdf.bytes, to: "entries/\(id)/\(name)")
            links[pdf.name] = "\(id)/\(name)"
        }
        return links
    }
}
