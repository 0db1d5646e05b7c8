import ArgumentParser
import HiggsData

/// `leaderboard data …`: inspect, verify and cache data sets; make synthetic ones.
struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Fetch, inspect, verify and cache a data set; make HIGGS-shaped synthetic data.",
        subcommands: [
            DataInfoCommand.self, DataSplitCommand.self, DataCacheCommand.self,
            DataVerifyCommand.self, DataSynthCommand.self, DataFetchCommand.self,
        ])
}

/// Which data file a `data` subcommand works on.
struct DataFileArgument: ParsableArguments {
    @Argument(help: "HIGGS.csv or HIGGS.csv.gz (default: the workspace's data, else the embedded sample).")
    var file: String?

    /// Loads the file and splits it with the workspace's settings (the defaults outside one).
    func loadSplit(_ global: GlobalOptions, sha256: Bool = false) throws
        -> (path: String, loaded: DataLoader.Loaded, split: DataSplit)
    {
        let path = try path(global)
        let loaded = try global.loader(progress: "reading").load(path, sha256: sha256)
        let settings = try global.workspaceIfAny()?.config.split ?? SplitSettings()
        return (path, loaded, try DataSplit(rowCount: loaded.dataset.rowCount, settings: settings, path: path))
    }

    /// The file given, or the workspace's, or the embedded sample.
    func path(_ global: GlobalOptions) throws -> String {
        if let file { return file }
        return try global.workspaceIfAny()?.dataPath(cacheDirectory: global.cacheDirectory) ?? HiggsDataPaths.sample
    }
}

/// Where the embedded data lives.
enum HiggsDataPaths {
    static var sample: String { KnownDataSets.samplePath }
}
