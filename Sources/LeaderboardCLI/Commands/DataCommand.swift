import ArgumentParser

/// `leaderboard data …`: inspect, verify and cache data sets; make synthetic ones.
struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Inspect, verify and cache a data set; make HIGGS-shaped synthetic data.",
        subcommands: [DataInfoCommand.self, DataSplitCommand.self, DataCacheCommand.self,
                      DataVerifyCommand.self, DataSynthCommand.self])
}

/// Which data file a `data` subcommand works on.
struct DataFileArgument: ParsableArguments {
    @Argument(help: "HIGGS.csv or HIGGS.csv.gz (default: the workspace's data, else the embedded sample).")
    var file: String?

    /// The file given, or the workspace's, or the embedded sample.
    func path(_ global: GlobalOptions) throws -> String {
        if let file { return file }
        return try global.workspaceIfAny()?.dataPath ?? HiggsDataPaths.sample
    }
}

import HiggsData

/// Where the embedded data lives.
enum HiggsDataPaths {
    static var sample: String { KnownDataSets.samplePath }
}
