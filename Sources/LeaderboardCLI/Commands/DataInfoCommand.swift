import ArgumentParser
import Foundation
import HiggsData

/// `leaderboard data info [FILE]`: rows, classes, per-feature statistics, sha256, and
/// whether the file is the official HIGGS.csv.gz.
struct DataInfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Rows, signal/background counts, per-feature min/mean/max, sha256, and whether it is the official file.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var data: DataFileArgument
    @Flag(help: "Print JSON instead of text.") var json = false

    func run() throws {
        let (path, loaded, split) = try data.loadSplit(global, sha256: true)
        let report = DataReport(path: path, loaded: loaded, split: split)
        print(json ? try Formatting.json(report) : report.text)
    }
}

/// `leaderboard data split`: the sizes of the fixed split of the workspace's data.
struct DataSplitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "split",
        abstract: "Show the fixed split: training, validation, hidden test (public and private).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var data: DataFileArgument
    @Flag(help: "Print JSON instead of text.") var json = false
    @Flag(
        help: ArgumentHelp(
            "Print the line number (1-based) of every private hidden row in the file, one a line: to check that the public site "
                + "does not depend on their labels.")
    )
    var privateRows = false

    func run() throws {
        let split = try data.loadSplit(global).split
        let sizes = DataReport.SplitSizes(split)
        if privateRows {
            for index in split.privateTestIndices { print(split.test.lowerBound + index + 1) }
        } else if json {
            print(try Formatting.json(sizes))
        } else {
            // Row numbers from 1, counted as the counts are (7,001–7,500).
            func rows(_ range: Range<Int>) -> String {
                "rows \(Formatting.count(range.lowerBound + 1))–\(Formatting.count(range.upperBound))"
            }
            print("training    \(rows(split.training))  (\(Formatting.count(sizes.training)))")
            print("validation  \(rows(split.validation))  (\(Formatting.count(sizes.validation)))")
            print(
                "hidden test \(rows(split.test))  (\(Formatting.count(sizes.test)): public "
                    + "\(Formatting.count(sizes.publicTest)), private \(Formatting.count(sizes.privateTest)))"
            )
        }
    }
}

/// `leaderboard data cache [FILE]`: parse the file into its binary cache (or check the cache).
struct DataCacheCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Parse a data file into its binary cache, so later loads take milliseconds.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var data: DataFileArgument
    @Flag(help: "Parse again even if a valid cache exists.") var rebuild = false
    @Flag(help: "Print JSON instead of text.") var json = false

    struct Outcome: Codable {
        var file: String, cache: String, rows: Int, fromCache: Bool, seconds: Double
    }

    func run() throws {
        let path = try data.path(global)
        let start = Date()
        let loaded = try global.loader(progress: "parsing").load(path, rebuild: rebuild)
        let outcome = Outcome(
            file: path, cache: loaded.cachePath, rows: loaded.dataset.rowCount,
            fromCache: loaded.fromCache, seconds: Date().timeIntervalSince(start))
        if json {
            print(try Formatting.json(outcome))
        } else {
            print(
                "\(Formatting.count(outcome.rows)) rows \(outcome.fromCache ? "mapped from the cache" : "parsed and cached") in "
                    + "\(Formatting.seconds(outcome.seconds)): \(outcome.cache)"
            )
        }
    }
}

/// `leaderboard data verify [FILE]`: is this the official HIGGS.csv.gz?
struct DataVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a file's sha256 against the official HIGGS.csv.gz (exit 1 if it differs).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var data: DataFileArgument

    struct NotOfficial: Error, CustomStringConvertible {
        var path: String, sha256: String
        var description: String {
            "\(path): sha256 \(sha256) is not the official HIGGS.csv.gz (\(KnownDataSets.officialHiggsGzipSHA256)). Download it "
                + "again from the UCI repository."
        }
    }

    func run() throws {
        let path = try data.path(global)
        let loaded = try global.loader(progress: "hashing").load(path, sha256: true)
        let digest = loaded.sha256 ?? ""
        guard digest == KnownDataSets.officialHiggsGzipSHA256 else {
            if let name = KnownDataSets.name(forSHA256: digest) {
                print("\(path): \(name) (sha256 \(digest)); not the official full data set.")
                return
            }
            throw NotOfficial(path: path, sha256: digest)
        }
        print("\(path): the official UCI HIGGS.csv.gz, \(Formatting.count(loaded.dataset.rowCount)) rows (sha256 \(digest)).")
    }
}
