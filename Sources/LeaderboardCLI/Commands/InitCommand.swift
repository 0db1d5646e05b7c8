import ArgumentParser
import Competition
import Site

/// `leaderboard init [DIR]`: a new competition workspace.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Make a new competition workspace: leaderboard.yml, the database, submissions/, templates/, pages/, site/.")

    @Argument(help: "The folder (default: the current one).") var directory: String = "."
    @Option(help: "The competition's title.") var title: String = "HIGGS hackathon"

    func run() throws {
        let workspace = try Workspace.create(at: directory, config: WorkspaceConfig(title: title))
        try SiteBuilder.writeDefaultTemplates(to: workspace.templatesPath)
        print(
            """
            Made a workspace in \(workspace.root)
              settings     \(Workspace.configFileName) (data: the embedded 7,500-event sample until you set `data:`)
              database     \(workspace.config.database)
              submissions  \(workspace.config.submissions)/   one folder per team
              templates    \(workspace.config.templates)/     the site's Mustache templates and stylesheet, yours to edit
              pages        \(workspace.config.pages)/         Markdown pages of the site
              site         \(workspace.config.site)/          the built site
            """)
    }
}
