import ArgumentParser

/// The `leaderboard` command: parses the arguments and dispatches to a subcommand.
public struct LeaderboardCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "leaderboard",
        abstract: "Run a HIGGS machine-learning hackathon: data, baselines, scoring, and the results site.",
        discussion: """
            Every command works inside a workspace (a folder with leaderboard.yml; see `init`), found from the current folder upwards or \
            given with --workspace. Without a data file configured, the embedded sample of 7,500 real HIGGS events is used.
            """,
        version: "0.1.0",
        subcommands: [
            DemoCommand.self, InitCommand.self, DataCommand.self, ScoreCommand.self, PredictCommand.self,
            CheckCommand.self, TrainCommand.self, BuildCommand.self, LimitsCommand.self,
            WithdrawCommand.self, DisqualifyCommand.self, RestoreCommand.self,
            PredictChildCommand.self,
        ])

    public init() {}
}
