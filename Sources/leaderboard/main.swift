import LeaderboardCLI

LeaderboardCommand.main()
