import ArgumentParser

/// `leaderboard disqualify`: an organizer's ruling, recorded with who, when and why (`Ruling`).
struct DisqualifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disqualify",
        abstract:
            "Disqualify a team, or one version of its entry, for breaking the rules: it stays on "
            + "the site with the reason and no longer counts.",
        discussion: Ruling.discussion)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var ruling: RulingOptions

    func run() throws {
        try Ruling.record(.disqualify, ruling, global: global)
    }
}
