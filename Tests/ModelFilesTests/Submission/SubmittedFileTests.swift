import Foundation
import ModelFiles
import TestSupport
import Testing

/// A submitted file is read from the descriptor it was opened with, and a file that grows,
/// shrinks or is rewritten while it is read (an upload in progress, or a participant racing
/// the reader) is refused as changed, so that what is hashed, copied or parsed is never a
/// mix of two versions; it is not the submission's fault, so the next run tries again.
@Suite("Submitted files changed mid-read")
struct SubmittedFileTests {
    let dir = TemporaryDirectory("submitted-file")
    /// Larger than one 1 MiB chunk, so the reader calls back before it reaches the end.
    static let size = 3 << 20

    /// Reads `name` (of `size` bytes) through a root, running `change` on the file's path
    /// after its first chunk.
    func read(changing change: (String) throws -> Void, maxBytes: Int = 64 << 20) throws -> (
        SubmissionRoot, Result<Int, SubmissionError.FileReason>
    ) {
        let path = dir.file("history.csv")
        #expect(FileManager.default.createFile(atPath: path, contents: Data(repeating: 0x31, count: Self.size)))
        let root = try SubmissionRoot(opening: dir.path)
        let file = try root.file("history.csv")
        var chunks = 0
        var failure: Error?
        do throws(SubmissionError.FileReason) {
            try file.read(maxBytes: maxBytes) { _ in
                chunks += 1
                if chunks == 1 {
                    do { try change(path) } catch { failure = error }
                }
                return true
            }
        } catch {
            return (root, .failure(error))
        }
        if let failure { throw failure }
        return (root, .success(chunks))
    }

    @Test("a file that grows while it is read is refused as changed")
    func grows() throws {
        let (_, result) = try read { path in
            let handle = try #require(FileHandle(forWritingAtPath: path))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("1\n".utf8))
            try handle.close()
        }
        #expect(throws: SubmissionError.FileReason.changed) { try result.get() }
    }

    @Test("a file that shrinks while it is read is refused as changed")
    func shrinks() throws {
        let (_, result) = try read { path in #expect(truncate(path, off_t(Self.size / 2)) == 0) }
        #expect(throws: SubmissionError.FileReason.changed) { try result.get() }
    }

    @Test("a file rewritten in place at the same size is refused as changed")
    func rewritten() throws {
        let (_, result) = try read { path in
            let handle = try #require(FileHandle(forWritingAtPath: path))
            try handle.write(contentsOf: Data("2".utf8))
            try handle.close()
            var times = [timespec(tv_sec: 946_684_800, tv_nsec: 0), timespec(tv_sec: 946_684_800, tv_nsec: 0)]
            #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        }
        #expect(throws: SubmissionError.FileReason.changed) { try result.get() }
    }

    @Test("a file that grows past the limit mid-read stops within one chunk of it")
    func growsPastLimit() throws {
        let limit = Self.size + 1_000
        let (root, result) = try read(
            changing: { path in
                let handle = try #require(FileHandle(forWritingAtPath: path))
                try handle.seekToEnd()
                try handle.write(contentsOf: Data(repeating: 0x31, count: 8 << 20))
                try handle.close()
            }, maxBytes: limit)
        #expect(throws: SubmissionError.FileReason.changed) { try result.get() }
        #expect(root.bytesRead <= limit + (1 << 20), "read \(root.bytesRead) bytes")
    }

    @Test("an unchanged file reads whole, and a change is retried rather than recorded")
    func unchangedAndRetried() throws {
        let (_, result) = try read { _ in }
        #expect(try result.get() == 3)
        #expect(
            !SubmissionError(subject: "team/history.csv", reason: .file(.changed, limit: .maxHistoryBytes))
                .isTheSubmissions)
    }
}
