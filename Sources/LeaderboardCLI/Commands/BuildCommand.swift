import ArgumentParser
import Competition
import Site

/// `leaderboard build`: render the static site.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Render the static site (leaderboard, entry pages, content pages, JSON and CSV) into site/.",
        discussion: """
            The site is built from the database, the workspace's templates/ (files there replace the built-in templates of the same name) \
            and pages/ (Markdown). The same database gives the same bytes. The site is written beside the old one and swapped in when \
            complete. A build replaces only a folder that is new, empty or a site it built (it holds the file .leaderboard-site); never \
            the workspace, its submissions, the database's folder or a folder holding one of them. Builds take the workspace's lock, as \
            score does.
            """)

    @OptionGroup var global: GlobalOptions
    @Flag(help: "The final ranking, by the private part of the hidden rows (default: the public part).")
    var final = false
    @Option(help: "Build into this folder instead of the workspace's site/ (a new, empty or built-site folder).")
    var output: String?

    func run() throws {
        let ws = try global.openWorkspace()
        let destination = output ?? ws.sitePath
        // Refused before anything is opened; the build checks again before it writes.
        try SiteDestination.check(destination, protecting: ws.ownFolders)
        let session = try WorkspaceSession(workspace: ws, lock: try global.lock(ws))
        defer { withExtendedLifetime(session) {} }
        var builder = SiteBuilder(
            database: session.database, title: ws.config.title,
            templates: ws.templatesPath, pages: ws.pagesPath)
        builder.final = final
        builder.rules = ws.config.rules
        let summary = try builder.build(into: destination, protecting: ws.ownFolders)
        print(
            "site \(TerminalText.escaped(destination))/index.html: \(summary.ranked) ranked, \(summary.failed) not scored, "
                + "\(summary.late) late, \(summary.files) files"
        )
    }
}
