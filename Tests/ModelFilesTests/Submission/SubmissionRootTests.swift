import Foundation
import ModelFiles
import TestSupport
import Testing

/// The one way the parent reads participant bytes: names opened beneath a folder's
/// descriptor, no link followed at any depth, nothing but regular files and folders opened,
/// with `openat2` and with the component walk used where the kernel lacks it.
@Suite("Submission root")
struct SubmissionRootTests {
    let dir = TemporaryDirectory("submission-root")

    /// `submissions/team/{model.h5, sub/net.h5}` and `outside/secret.h5`, each holding its
    /// own name, plus links: `team/link.h5` and `team/sub/link.h5` to the secret,
    /// `team/linked-sub` to the outside folder, `team/inner.h5` to `model.h5` beside it.
    private func layout() throws -> String {
        let fm = FileManager.default
        for folder in ["submissions/team/sub", "outside"] {
            try fm.createDirectory(atPath: dir.file(folder), withIntermediateDirectories: true)
        }
        for file in ["submissions/team/model.h5", "submissions/team/sub/net.h5", "outside/secret.h5"] {
            _ = try dir.write(file, to: file)
        }
        try fm.createSymbolicLink(atPath: dir.file("submissions/team/link.h5"), withDestinationPath: dir.file("outside/secret.h5"))
        try fm.createSymbolicLink(atPath: dir.file("submissions/team/sub/link.h5"), withDestinationPath: "../../../outside/secret.h5")
        try fm.createSymbolicLink(atPath: dir.file("submissions/team/linked-sub"), withDestinationPath: dir.file("outside"))
        try fm.createSymbolicLink(atPath: dir.file("submissions/team/inner.h5"), withDestinationPath: "model.h5")
        try fm.createSymbolicLink(atPath: dir.file("submissions/linked-team"), withDestinationPath: dir.file("outside"))
        return dir.file("submissions")
    }

    @Test(
        "no link, `..` or absolute path opens",
        arguments: [SubmissionRoot.Resolution.best, .walk])
    func beneath(resolution: SubmissionRoot.Resolution) throws {
        let root = try SubmissionRoot(opening: try layout(), resolve: resolution)
        #expect(try root.file("team/model.h5").contents(maxBytes: 100) == Data("submissions/team/model.h5".utf8))
        #expect(try root.file("team/sub/net.h5").size == "submissions/team/sub/net.h5".utf8.count)
        let team = try root.folder("team")
        #expect(try team.file("sub/net.h5").size > 0)
        for path in [
            "team/link.h5", "team/sub/link.h5", "team/linked-sub/secret.h5", "team/inner.h5", "linked-team",
            "linked-team/secret.h5",
        ] {
            #expect(throws: SubmissionError.FileReason.symbolicLink, "\(path)") { try root.file(path) }
        }
        #expect(throws: SubmissionError.FileReason.symbolicLink) { try root.folder("linked-team") }
        #expect(throws: SubmissionError.FileReason.symbolicLink) { try team.folder("linked-sub") }
        #expect(throws: SubmissionError.FileReason.outside) { try team.file("../team/model.h5") }
        #expect(throws: SubmissionError.FileReason.outside) { try team.file(dir.file("outside/secret.h5")) }
        #expect(throws: SubmissionError.FileReason.missing) { try team.file("nothing.h5") }
        #expect(root.bytesRead == "submissions/team/model.h5".utf8.count)
    }

    /// A hard link is a regular file inside the folder whose other name can be any file of
    /// the organizer's on the same file system: it is refused, and not a byte is read.
    @Test("a hard-linked file is never read", arguments: [SubmissionRoot.Resolution.best, .walk])
    func hardLinks(resolution: SubmissionRoot.Resolution) throws {
        let submissions = try layout()
        #expect(link(dir.file("outside/secret.h5"), dir.file("submissions/team/README.md")) == 0)
        let root = try SubmissionRoot(opening: submissions, resolve: resolution)
        #expect(throws: SubmissionError.FileReason.hardLinked(names: 2)) { try root.file("team/README.md") }
        #expect(root.bytesRead == 0)
        #expect(try root.file("team/model.h5").size > 0)
    }

    @Test("listing shows links, follows none")
    func listing() throws {
        let team = try SubmissionRoot(opening: try layout()).folder("team")
        let entries = try team.entries()
        #expect(entries.map(\.name) == ["inner.h5", "link.h5", "linked-sub", "model.h5", "sub"])
        #expect(entries.map(\.kind) == [.link, .link, .link, .file, .folder])
        #expect(team.kind(of: "linked-sub") == .link)
    }

    @Test(
        "FIFO or /dev/zero never read or waited on",
        arguments: [SubmissionRoot.Resolution.best, .walk])
    func specialFiles(resolution: SubmissionRoot.Resolution) throws {
        try FileManager.default.createDirectory(atPath: dir.file("team"), withIntermediateDirectories: true)
        #expect(mkfifo(dir.file("team/model.h5"), 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: dir.file("team/zero.h5"), withDestinationPath: "/dev/zero")
        let root = try SubmissionRoot(opening: dir.path, resolve: resolution)
        @Sendable func failure(_ name: String) -> SubmissionError.FileReason? {
            do {
                _ = try root.file(name)
                return nil
            } catch {
                return error
            }
        }
        let outcome = try withinSeconds(5) { (fifo: failure("team/model.h5"), zero: failure("team/zero.h5")) }
        #expect(outcome.fifo == .notRegular(kind: .other))
        #expect(outcome.zero == .symbolicLink)
        #expect(root.bytesRead == 0)
    }

    @Test("size limit before reading; rereads give same bytes")
    func limits() throws {
        _ = try dir.write("0123456789", to: "ten.bin")
        let root = try SubmissionRoot(opening: dir.path)
        let file = try root.file("ten.bin")
        #expect(throws: SubmissionError.FileReason.tooLarge(bytes: 10, limit: 9)) { try file.contents(maxBytes: 9) }
        #expect(root.bytesRead == 0)
        #expect(try file.contents(maxBytes: 10) == file.contents(maxBytes: 10))
    }
}
