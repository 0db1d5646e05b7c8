import ArgumentParser
import Rehearsal

/// `rehearse-workflow cache-put`: a cache entry made by hand, as a workflow's cache step would
/// have saved it (a rehearsal seeding the built tool).
struct PutCache: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache-put",
        abstract: "Save a folder into the cache store under a key written as in a workflow (hashFiles evaluated).")

    @Option(help: "The cache store (as given to a run).") var cacheStore: String
    @Option(help: "The folder the key's hashFiles and the path are relative to.") var workspace: String
    @Option(help: "The key as the workflow writes it, e.g. tool-${{ hashFiles('Sources/**') }}.") var key: String
    @Option(help: "The path, as the cache step's path: line.") var path: String

    func run() throws {
        let (key, saved) = try CacheSeed.put(store: cacheStore, workspace: workspace, keyExpression: key, path: path)
        print(saved ? "saved \(path) under \(key)" : "\(key) is already saved")
    }
}
