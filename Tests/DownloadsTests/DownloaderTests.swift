import Crypto
import Downloads
import Foundation
import TestSupport
import Testing

/// Downloads from a real HTTP server in the test process: complete, cut and resumed, from a
/// server that ignores ranges, with a wrong digest, and from an address that is not there.
@Suite struct DownloaderTests {
    let dir = TemporaryDirectory()
    let server: LocalHTTPServer
    /// 3 MB of seeded bytes: many network reads, and cuts far from any boundary.
    let content: Data
    let file: PinnedFile

    init() throws {
        server = try LocalHTTPServer()
        var generator = SeededGenerator(seed: 16)
        content = Data((0..<3_000_017).map { _ in UInt8.random(in: 0...255, using: &generator) })
        server.serve(content, at: "data/HIGGS.csv.gz")
        let digest = SHA256.hash(data: content).map { String(format: "%02x", $0) }.joined()
        file = try PinnedFile(url: try #require(URL(string: server.url("data/HIGGS.csv.gz"))), sha256: digest.uppercased())
    }

    var downloader: Downloader { Downloader(folder: DownloadFolder(cacheDirectory: dir.file("cache"))) }
    var folder: DownloadFolder { downloader.folder }
    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    @Test func aCompleteDownloadIsKeptUnderItsDigest() throws {
        let outcome = try downloader.fetch(file)
        #expect(outcome.path == folder.verifiedPath(of: file) && outcome.bytes == content.count)
        #expect(!outcome.alreadyPresent && outcome.resumedFrom == 0 && outcome.fetchedBytes == content.count)
        #expect(outcome.path.hasSuffix("/downloads/\(file.sha256)-HIGGS.csv.gz"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: outcome.path)) == content)
        #expect(!exists(folder.partialPath(of: file)))
    }

    @Test func aSecondFetchAsksTheServerNothing() throws {
        _ = try downloader.fetch(file)
        let again = try downloader.fetch(file)
        #expect(again.alreadyPresent && again.fetchedBytes == 0 && again.bytes == content.count)
        #expect(server.served.count == 1)
    }

    @Test func aCutDownloadResumesFromWhereItStopped() throws {
        server.behave(.init(cutAfter: 1_234_567))
        #expect {
            try downloader.fetch(file)
        } throws: { error in
            guard case DownloadError.interrupted(_, let received, let expected, _) = error else { return false }
            return received == 1_234_567 && expected == content.count
        }
        #expect(!exists(folder.verifiedPath(of: file)))
        let outcome = try downloader.fetch(file)
        #expect(outcome.resumedFrom == 1_234_567)
        #expect(outcome.fetchedBytes == content.count - 1_234_567)
        #expect(server.served.map(\.range) == [nil, "bytes=1234567-"])
        #expect(server.served.map(\.bodyBytes).reduce(0, +) == content.count)
        #expect(try Data(contentsOf: URL(fileURLWithPath: outcome.path)) == content)
    }

    @Test func aServerIgnoringRangesSendsItAllAgainAndTheFileIsStillRight() throws {
        server.behave(.init(cutAfter: 2_000_000))
        #expect(throws: DownloadError.self) { try downloader.fetch(file) }
        server.behave(.init(honoursRange: false))
        let outcome = try downloader.fetch(file)
        #expect(outcome.resumedFrom == 0 && outcome.fetchedBytes == content.count)
        #expect(server.served.last?.range == "bytes=2000000-" && server.served.last?.status == 200)
        #expect(try Data(contentsOf: URL(fileURLWithPath: outcome.path)) == content)
    }

    @Test func aWrongDigestKeepsNothing() throws {
        let wrong = try PinnedFile(url: file.url, sha256: String(repeating: "ab", count: 32))
        #expect(throws: DownloadError.digestMismatch(url: file.url.absoluteString, expected: wrong.sha256, actual: file.sha256)) {
            try downloader.fetch(wrong)
        }
        #expect(!exists(folder.verifiedPath(of: wrong)) && !exists(folder.partialPath(of: wrong)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func aCorruptedPartialFileIsFoundOutAndRemoved() throws {
        // What an earlier run left is the file's beginning with one byte changed.
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        var corrupted = content.prefix(100_000)
        corrupted[500] ^= 1
        try corrupted.write(to: URL(fileURLWithPath: folder.partialPath(of: file)))
        #expect(throws: DownloadError.self) { try downloader.fetch(file) }
        #expect(!exists(folder.partialPath(of: file)) && !exists(folder.verifiedPath(of: file)))
        #expect(try downloader.fetch(file).fetchedBytes == content.count)
    }

    @Test func aPartialFileLongerThanTheFileStartsAfresh() throws {
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        try (content + Data([1, 2, 3])).write(to: URL(fileURLWithPath: folder.partialPath(of: file)))
        let outcome = try downloader.fetch(file)
        #expect(outcome.resumedFrom == 0 && outcome.bytes == content.count)
        #expect(server.served.map(\.status) == [416, 200])
    }

    @Test func aMissingFileIsOneLineAndLeavesNothing() throws {
        let missing = try PinnedFile(url: try #require(URL(string: server.url("nowhere.csv.gz"))), sha256: file.sha256)
        #expect(throws: DownloadError.httpStatus(url: missing.url.absoluteString, status: 404)) { try downloader.fetch(missing) }
        #expect(!exists(folder.partialPath(of: missing)))
        #expect(!"\(DownloadError.httpStatus(url: missing.url.absoluteString, status: 404))".contains("\n"))
    }

    @Test func aSecondFetchOfTheSameFileAtOnceIsRefusedAndSpoilsNothing() throws {
        // Another run holds the partial file, as a fetch in progress does.
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        try content.prefix(1_000).write(to: URL(fileURLWithPath: folder.partialPath(of: file)))
        let other = open(folder.partialPath(of: file), O_RDWR)
        defer { close(other) }
        #expect(flock(other, LOCK_EX | LOCK_NB) == 0)
        #expect(throws: DownloadError.busy(path: folder.partialPath(of: file))) { try downloader.fetch(file) }
        #expect(server.served.isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder.partialPath(of: file))) == content.prefix(1_000))
        flock(other, LOCK_UN)
        #expect(try downloader.fetch(file).resumedFrom == 1_000)
    }

    @Test func noServerIsOneLineAndLeavesNothing() throws {
        // A port that was listening and is closed again: nothing answers there.
        let gone = try LocalHTTPServer().url("HIGGS.csv.gz")
        let unreachable = try PinnedFile(url: try #require(URL(string: gone)), sha256: file.sha256)
        #expect {
            try downloader.fetch(unreachable)
        } throws: { error in
            guard case DownloadError.unreachable(let url, _) = error else { return false }
            return url == gone && !"\(error)".contains("\n")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}

/// What a pinned file accepts, and the names it is kept under.
@Suite struct PinnedFileTests {
    let digest = String(repeating: "0f", count: 32)

    @Test func onlyHTTPAddressesAndWholeDigestsAreAccepted() throws {
        for address in ["ftp://example.org/HIGGS.csv.gz", "file:///etc/passwd", "HIGGS.csv.gz"] {
            let url = try #require(URL(string: address))
            #expect(throws: DownloadError.unsupportedAddress(address)) { try PinnedFile(url: url, sha256: digest) }
        }
        let url = try #require(URL(string: "https://example.org/HIGGS.csv.gz"))
        for bad in ["", String(digest.dropLast()), digest + "0", String(digest.dropLast()) + "g"] {
            #expect(throws: DownloadError.malformedDigest(bad)) { try PinnedFile(url: url, sha256: bad) }
        }
    }

    @Test func theNameIsTheDigestAndASafeTail() throws {
        let names = try ["https://h/a/..", "https://h/x%2F..%2Fevil;rm -rf", "https://h/", "https://h/HIGGS.csv.gz?x=1"].map {
            try PinnedFile(url: try #require(URL(string: $0)), sha256: digest).fileName
        }
        #expect(names.allSatisfy { $0.hasPrefix(digest + "-") && !$0.contains("/") && !$0.hasSuffix("-..") })
        #expect(names.last == digest + "-HIGGS.csv.gz")
    }
}
