import ArgumentParser
import Competition
import Downloads
import Foundation
import HiggsData

/// `leaderboard data fetch [--url U --sha256 H]`: downloads the workspace's data (or the file
/// given) into the cache folder, resuming an interrupted download and verifying the digest.
struct DataFetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Download the data named by URL and sha256 (leaderboard.yml's data: {url, sha256}) into the cache folder.",
        discussion: """
            The file is kept in the cache folder's downloads/, named after its sha256, and only once its digest is \
            the expected one; commands that read the workspace's data then find it there. An interrupted download \
            is resumed by the next run; a file with another digest is removed, partial download included.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "The file's URL (default: the workspace's data.url).") var url: String?
    @Option(help: "The file's sha256 (with --url).") var sha256: String?
    @Flag(help: "When the workspace's data is not named by URL (the sample, or a path), say so and succeed (for CI).")
    var ifNamed = false
    @Flag(help: "Print JSON instead of text.") var json = false

    /// The workspace's data is a path or the sample, and no URL was given.
    struct NothingToFetch: Error, CustomStringConvertible {
        var description: String {
            "the workspace's data is not named by URL. Give --url and --sha256, or write data: {url: …, sha256: …} in "
                + "leaderboard.yml, e.g. the UCI HIGGS.csv.gz (`leaderboard init` shows it)."
        }
    }

    func validate() throws {
        guard (url == nil) == (sha256 == nil) else { throw ValidationError("Give --url and --sha256 together.") }
    }

    func run() throws {
        let file: PinnedFile
        do {
            file = try pinnedFile()
        } catch is NothingToFetch where ifNamed {
            print("nothing to download: the workspace's data is not named by URL (leaderboard.yml's data)")
            return
        }
        let display = ProgressDisplay(label: "downloading", unit: .bytes)
        var downloader = Downloader(folder: DownloadFolder(cacheDirectory: global.cacheDirectory))
        downloader.progress = { done, total in
            if let total { display.update(done, of: total) }
        }
        let outcome = try downloader.fetch(file)
        if json {
            print(try Formatting.json(outcome))
            return
        }
        let known = KnownDataSets.name(forSHA256: file.sha256).map { ", \($0)" } ?? ""
        if outcome.alreadyPresent {
            print("already here, verified\(known): \(outcome.path)")
        } else {
            let resumed = outcome.resumedFrom > 0 ? ", resumed after \(Formatting.count(outcome.resumedFrom)) bytes" : ""
            print("downloaded \(Formatting.count(outcome.bytes)) bytes, sha256 verified\(known)\(resumed): \(outcome.path)")
        }
    }

    /// The file the options name, else the workspace's.
    private func pinnedFile() throws -> PinnedFile {
        if let url, let sha256 {
            guard let address = URL(string: url) else { throw DownloadError.unsupportedAddress(url) }
            return try PinnedFile(url: address, sha256: sha256)
        }
        guard case .download(let file) = try global.openWorkspace().config.data else { throw NothingToFetch() }
        return file
    }
}
