import ArgumentParser

/// The `leaderboard` command.
public struct LeaderboardCommand: ParsableCommand {
    public init() {}
}
