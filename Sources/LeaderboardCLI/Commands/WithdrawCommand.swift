import ArgumentParser

/// `leaderboard withdraw`: an organizer's ruling, recorded with who, when and why (`Ruling`).
struct WithdrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw",
        abstract:
            "Withdraw a team, or one version of its entry: it stays on the site, marked with "
            + "the reason, and no longer counts.",
        discussion: Ruling.discussion)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var ruling: RulingOptions

    func run() throws {
        try Ruling.record(.withdraw, ruling, global: global)
    }
}
