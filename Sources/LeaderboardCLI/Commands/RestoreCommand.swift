import ArgumentParser

/// `leaderboard restore`: an organizer's ruling, recorded with who, when and why (`Ruling`).
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Undo a withdrawal or a disqualification of a team or of one version of its entry.",
        discussion: Ruling.discussion)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var ruling: RulingOptions

    func run() throws {
        try Ruling.record(.restore, ruling, global: global)
    }
}
