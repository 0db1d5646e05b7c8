import Foundation
import ModelFiles
import TestSupport
import Testing

@testable import Scoring

/// A submissions folder as a hostile participant shapes it: a team folder that is a link
/// to a folder elsewhere, a file swapped for a link (or a FIFO) between discovery and copy,
/// and a failing folder holding a huge sparse file. Nothing behind a link is read, nothing
/// blocks, and an unchanged failing folder is not read again.
@Suite struct SubmissionFolderAttackTests {
    let dir = TemporaryDirectory()
    let fm = FileManager.default

    /// `submissions/good/model.h5` and `outside/{model.h5, README.md, history.csv}`, the
    /// outside files holding a sentinel; returns the submissions folder.
    private func layout() throws -> String {
        for folder in ["submissions/good", "outside"] {
            try fm.createDirectory(atPath: dir.file(folder), withIntermediateDirectories: true)
        }
        _ = try dir.write("good model", to: "submissions/good/model.h5")
        for name in ["model.h5", "README.md"] { _ = try dir.write("SENTINEL-\(name)", to: "outside/" + name) }
        _ = try dir.write("epoch,loss\n0,0.5\n", to: "outside/history.csv")
        return dir.file("submissions")
    }

    private func discover(_ paths: [String]? = nil) throws -> [String: Submission] {
        let submissions = dir.file("submissions")
        let found = Submission.discover(in: paths ?? [submissions], submissionsFolder: submissions) {
            String($0.dropFirst(dir.path.count + 1))
        }
        return Dictionary(found.map { ((($0.root as NSString).lastPathComponent), $0) }, uniquingKeysWith: { a, _ in a })
    }

    @Test func linkedTeamFolderIsRefused() throws {
        let submissions = try layout()
        try fm.createSymbolicLink(atPath: submissions + "/team-x", withDestinationPath: dir.file("outside"))
        for paths in [nil, [submissions + "/team-x"]] {
            let found = try discover(paths)
            let linked = try #require(found["team-x"])
            #expect(
                linked.problem == "'submissions/team-x' is a symbolic link: links are never followed in "
                    + "submissions; submit a real folder (or the file itself)")
            #expect(linked.readme == nil && linked.history == nil && linked.modelBytes == 0)
            let fields = [linked.team, linked.title, linked.modelName, linked.readme ?? ""]
            #expect(!fields.joined().contains("SENTINEL"))
            #expect(linked.base?.bytesRead == 0)
            #expect(throws: SubmissionError.self) { try linked.contentHashes() }
        }
        #expect(try discover()["good"]?.problem == nil)
    }

    @Test func modelSwappedForLinkIsRefused() throws {
        let submissions = try layout()
        let good = try #require(try discover()["good"])
        try fm.removeItem(atPath: submissions + "/good/model.h5")
        try fm.createSymbolicLink(atPath: submissions + "/good/model.h5", withDestinationPath: dir.file("outside/model.h5"))
        let failure = try #require(throws: SubmissionError.self) { try good.openFiles(maxModelBytes: 1 << 20) }
        #expect(failure.isTheSubmissions)
        #expect(failure.description.contains("'model.h5' is a symbolic link"), "\(failure.description)")
        #expect(good.base?.bytesRead == 0)
    }

    @Test func teamFolderSwappedForLinkIsRefused() throws {
        let submissions = try layout()
        let good = try #require(try discover()["good"])
        try fm.moveItem(atPath: submissions + "/good", toPath: dir.file("moved"))
        try fm.createSymbolicLink(atPath: submissions + "/good", withDestinationPath: dir.file("outside"))
        let failure = try #require(throws: SubmissionError.self) { try good.openFiles(maxModelBytes: 1 << 20) }
        #expect(failure.description.contains("is a symbolic link"), "\(failure.description)")
    }

    @Test func modelSwappedAfterOpeningIsCopiedAsOpened() throws {
        let submissions = try layout()
        let files = try #require(try discover()["good"]).openFiles(maxModelBytes: 1 << 20)
        try fm.removeItem(atPath: submissions + "/good/model.h5")
        try fm.createSymbolicLink(atPath: submissions + "/good/model.h5", withDestinationPath: dir.file("outside/model.h5"))
        let snapshot = try SubmissionSnapshot(files)
        defer { snapshot.remove() }
        #expect(try String(contentsOfFile: snapshot.modelPath, encoding: .utf8) == "good model")
    }

    @Test func modelSwappedForFifoIsRefused() throws {
        let submissions = try layout()
        let good = try #require(try discover()["good"])
        try fm.removeItem(atPath: submissions + "/good/model.h5")
        #expect(mkfifo(submissions + "/good/model.h5", 0o644) == 0)
        let fifo = try withinSeconds(5) { () -> String? in
            do {
                _ = try good.openFiles(maxModelBytes: 1 << 20)
                return nil
            } catch {
                return "\(error)"
            }
        }
        #expect(fifo?.contains("is not a regular file") == true, "\(fifo ?? "opened")")
        try fm.removeItem(atPath: submissions + "/good/model.h5")
        try fm.createSymbolicLink(atPath: submissions + "/good/model.h5", withDestinationPath: "/dev/zero")
        let zero = try withinSeconds(5) { () -> String? in
            do {
                _ = try good.contentHashes()
                return nil
            } catch {
                return "\(error)"
            }
        }
        #expect(zero?.contains("is a symbolic link") == true, "\(zero ?? "read")")
    }

    /// The parent used to hash every file of a failing folder (up to 4 GiB each) on every
    /// run; its identity now comes from the folder's listing, and nothing is read.
    @Test func aFailingFolderWithAHugeSparseFileIsNotRead() throws {
        let submissions = try layout()
        try fm.createDirectory(atPath: submissions + "/failing", withIntermediateDirectories: true)
        let sparse = submissions + "/failing/a.h5"
        #expect(fm.createFile(atPath: sparse, contents: nil))
        #expect(truncate(sparse, 200 << 20) == 0)
        _ = try dir.write("b", to: "submissions/failing/b.h5")
        let first = try #require(try discover()["failing"])
        let problem = try #require(first.problem)
        #expect(problem.contains("several files that could be the model"))
        let identity = first.failureIdentity(problem)
        let second = try #require(try discover()["failing"])
        #expect(second.failureIdentity(problem) == identity)
        #expect(first.base?.bytesRead == 0 && second.base?.bytesRead == 0)
        // Any change to the folder is a new identity, so the next run records it afresh.
        _ = try dir.write("b, edited", to: "submissions/failing/b.h5")
        #expect(try #require(try discover()["failing"]).failureIdentity(problem) != identity)
    }

    @Test func aModelOverTheLimitIsRefusedBeforeAByteIsHashed() throws {
        let submissions = try layout()
        #expect(truncate(submissions + "/good/model.h5", 200 << 20) == 0)
        let good = try #require(try discover()["good"])
        let failure = try #require(throws: SubmissionError.self) { try good.contentHashes(maxModelBytes: 1 << 20) }
        #expect(failure.isTheSubmissions && failure.description.contains("limits.max_file_bytes"), "\(failure.description)")
        #expect(good.base?.bytesRead == 0)
    }

    @Test func outsideFolderOpenedBeneathItsParent() throws {
        _ = try layout()
        try fm.createSymbolicLink(atPath: dir.file("elsewhere"), withDestinationPath: dir.file("outside"))
        let submission = Submission(at: URL(fileURLWithPath: dir.file("elsewhere")), displayName: "elsewhere")
        #expect(submission.problem?.contains("is a symbolic link") == true)
        #expect(submission.readme == nil)
    }
}
