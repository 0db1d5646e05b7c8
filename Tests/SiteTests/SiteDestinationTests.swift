import Foundation
import TestSupport
import Testing

@testable import Site

/// A build replaces only folders the tool made, and swaps its site in atomically.
@Suite struct SiteDestinationTests {
    let dir = TemporaryDirectory()

    /// Writes `text` to `name` in the temporary folder, making its folders.
    func put(_ text: String, to name: String) throws {
        try FileManager.default.createDirectory(
            atPath: (dir.file(name) as NSString).deletingLastPathComponent,
            withIntermediateDirectories: true)
        try text.write(toFile: dir.file(name), atomically: false, encoding: .utf8)
    }

    /// A workspace-like tree: `ws/` with a config, `ws/submissions/team/model.h5`, and a
    /// database in its own folder `db/`.
    func workspace() throws -> [String] {
        try put("title: t\n", to: "ws/leaderboard.yml")
        try put("model", to: "ws/submissions/team/model.h5")
        try put("sqlite", to: "db/leaderboard.sqlite")
        return [dir.file("ws"), dir.file("ws/submissions"), dir.file("db")]
    }

    @Test(arguments: ["ws", "ws/submissions", "db", "ws/submissions/team", ".", "/", "ws/../ws", "ws/submissions/"])
    func theWorkspacesOwnFoldersAndTheirAncestorsAreRefused(destination: String) throws {
        let own = try workspace()
        let path = destination == "/" ? "/" : dir.file(destination)
        #expect(throws: SiteDestinationError.self) { try SiteOutput(destination: path, protecting: own) }
        #expect(FileManager.default.fileExists(atPath: dir.file("ws/submissions/team/model.h5")))
        #expect(FileManager.default.fileExists(atPath: dir.file("db/leaderboard.sqlite")))
    }

    @Test func aLinkToTheWorkspaceIsRefused() throws {
        let own = try workspace()
        try FileManager.default.createSymbolicLink(atPath: dir.file("link"), withDestinationPath: dir.file("ws"))
        #expect(throws: SiteDestinationError.self) { try SiteOutput(destination: dir.file("link"), protecting: own) }
        #expect(throws: SiteDestinationError.self) {
            try SiteOutput(destination: dir.file("link/submissions"), protecting: own)
        }
    }

    @Test func aFolderHoldingFilesNoBuildWroteIsRefusedUntouched() throws {
        try put("my notes", to: "mine/notes.txt")
        let error = try #require(throws: SiteDestinationError.self) {
            try SiteOutput(destination: dir.file("mine"), protecting: [])
        }
        #expect(error.description.contains("no .leaderboard-site"))
        #expect(!error.description.contains("\n"))
        #expect(try String(contentsOfFile: dir.file("mine/notes.txt"), encoding: .utf8) == "my notes")
        // An old site with a file of the organizer's beside it is not a site either.
        try put("<html>", to: "old/index.html")
        try put("keep", to: "old/draft.md")
        #expect(throws: SiteDestinationError.self) { try SiteOutput(destination: dir.file("old"), protecting: []) }
        // Nor is one whose entries/ holds anything but entry pages, at any depth.
        for (folder, file) in [("notes", "entries/keep.md"), ("deep", "entries/deep/thesis.tex"), ("named", "entries/about.html")] {
            try put("<html>", to: folder + "/index.html")
            try put("keep", to: folder + "/" + file)
            #expect(throws: SiteDestinationError.self) { try SiteOutput(destination: dir.file(folder), protecting: []) }
            #expect(try String(contentsOfFile: dir.file(folder + "/" + file), encoding: .utf8) == "keep")
        }
    }

    @Test func newEmptyMarkedAndEarlierBuiltFoldersAreReplaced() throws {
        try FileManager.default.createDirectory(atPath: dir.file("empty"), withIntermediateDirectories: true)
        try put("", to: "kept/.gitkeep")
        try put(SiteDestination.markerText, to: "marked/.leaderboard-site")
        try put("anything", to: "marked/extra.bin")
        // What a build before the marker wrote.
        for file in [
            "index.html", "data.html", "rules.html", "style.css", "leaderboard.json", "results.csv",
            "entries/1.html",
        ] {
            try put("old", to: "earlier/" + file)
        }
        for name in ["new", "empty", "kept", "marked", "earlier"] {
            let output = try SiteOutput(destination: dir.file(name), protecting: [])
            try output.write("<html>new", to: "index.html")
            try output.publish()
            #expect(try String(contentsOfFile: dir.file(name + "/index.html"), encoding: .utf8) == "<html>new", "\(name)")
            #expect(FileManager.default.fileExists(atPath: dir.file(name + "/.leaderboard-site")), "\(name)")
            #expect(!FileManager.default.fileExists(atPath: output.staging), "\(name)")
        }
    }

    /// At every step of a swap the destination is a complete site: the old one, then the
    /// new one (a `kill -9` between two renames used to leave none).
    @Test func theSiteIsCompleteAfterEveryStepOfTheSwap() throws {
        let site = dir.file("site")
        var first = try SiteOutput(destination: site, protecting: [])
        try first.write("old", to: "index.html")
        try first.publish()
        var seen: [String] = []
        first = try SiteOutput(destination: site, protecting: [])
        try first.write("new", to: "index.html")
        first.afterStep = { step in
            seen.append(step + ": " + ((try? String(contentsOfFile: site + "/index.html", encoding: .utf8)) ?? "no site"))
        }
        try first.publish()
        #expect(seen == ["exchanged: new", "removed the old site: new"])
    }

    /// Another process watching the site while it is rebuilt again and again never finds
    /// it missing.
    @Test func aWatcherNeverFindsTheSiteMissing() throws {
        let site = dir.file("site")
        let output = try SiteOutput(destination: site, protecting: [])
        try output.write("0", to: "index.html")
        try output.publish()
        let missing = Counter()
        let done = Counter()
        let watcher = Thread {
            var info = stat()
            while done.value == 0 { if stat(site + "/index.html", &info) != 0 { missing.add() } }
        }
        watcher.start()
        for round in 1...50 {
            let next = try SiteOutput(destination: site, protecting: [])
            try next.write("\(round)", to: "index.html")
            try next.publish()
        }
        done.add()
        #expect(missing.value == 0)
        #expect(try String(contentsOfFile: site + "/index.html", encoding: .utf8) == "50")
    }
}

/// A count shared between threads.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func add() { lock.withLock { count += 1 } }
}

extension SiteDestinationTests {
    /// The old site, once swapped out, is removed whole by several threads; a link in it is
    /// removed, and what it points to stays.
    @Test func theOldSiteIsRemovedWholeWithoutFollowingALink() throws {
        for id in 1...40 { try put("page \(id)", to: "old/entries/\(id).html") }
        try put("pdf", to: "old/entries/7/1-report.pdf")
        try put("kept", to: "elsewhere/keep.txt")
        try FileManager.default.createSymbolicLink(atPath: dir.file("old/entries/link"), withDestinationPath: dir.file("elsewhere"))
        try FileManager.default.createSymbolicLink(atPath: dir.file("old/file-link"), withDestinationPath: dir.file("elsewhere/keep.txt"))
        SiteOutput.remove(dir.file("old"))
        #expect(!FileManager.default.fileExists(atPath: dir.file("old")))
        #expect(try String(contentsOfFile: dir.file("elsewhere/keep.txt"), encoding: .utf8) == "kept")
    }
}
