import Foundation

/// Reads objects by oid through one `git cat-file --batch` process: the tree of a team's
/// folder and the files in it, streamed, so a large file is never held in memory whole.
/// One reader serves every version of a run (`VersionCheckout`): a process per version
/// would cost its start and its wait each time, which a history of thousands of versions
/// (a commit per README change) turns into minutes.
public final class ObjectReader {
    private let process: Process
    private let input: FileHandle
    private let output: FileHandle
    /// Bytes read from git and not yet consumed.
    private var buffer = Data()
    private var start = 0

    /// An object's header: its type (`blob`, `tree`…) and size in bytes.
    struct Header {
        var type: String
        var size: Int
    }

    /// A reader of `history`'s repository.
    public convenience init(_ history: BranchHistory) throws(GitError) {
        try self.init(GitCommand(repository: history.repository))
    }

    init(_ git: GitCommand) throws(GitError) {
        process = try git.started(["cat-file", "--batch"], input: true)
        guard let stdin = process.standardInput as? Pipe, let stdout = process.standardOutput as? Pipe else {
            throw .unexpected("no pipes to cat-file")
        }
        input = stdin.fileHandleForWriting
        output = stdout.fileHandleForReading
    }

    deinit {
        try? input.close()
        process.waitUntilExit()
    }

    /// The whole object `oid` (for trees, which are small).
    func read(_ oid: String) throws(GitError) -> (header: Header, content: Data) {
        var content = Data()
        let header = try stream(oid) { _, chunk in content.append(chunk) }
        return (header, content)
    }

    /// Object `oid`'s content, handed to `consume` in chunks with the object's header;
    /// returns the header.
    /// `consume` may throw to stop writing; the rest of the object is still read (the
    /// protocol's next answer starts after it).
    @discardableResult
    func stream(_ oid: String, _ consume: (Header, Data) throws(GitError) -> Void) throws(GitError) -> Header {
        guard oid.allSatisfy(\.isHexDigit) else { throw .unexpected("object id \(oid)") }
        input.write(Data((oid + "\n").utf8))
        let line = try readLine()
        let parts = line.split(separator: " ")
        guard parts.count == 3, let size = Int(parts[2]), size >= 0 else { throw .unexpected("cat-file answered '\(line)'") }
        let header = Header(type: String(parts[1]), size: size)
        var left = size
        var firstError: GitError?
        while left > 0 {
            if start == buffer.count { try fill() }
            let take = min(left, buffer.count - start)
            let chunk = buffer.subdata(in: start..<(start + take))
            start += take
            left -= take
            if firstError == nil {
                do throws(GitError) { try consume(header, chunk) } catch { firstError = error }
            }
        }
        if start == buffer.count { try fill() }
        guard buffer[start] == UInt8(ascii: "\n") else { throw .unexpected("no newline after an object") }
        start += 1
        if let firstError { throw firstError }
        return header
    }

    /// One line of git's answer, without its newline.
    private func readLine() throws(GitError) -> String {
        while true {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[start..<newline], as: UTF8.self)
                start = newline + 1
                return line
            }
            try fill()
        }
    }

    /// Reads more of git's answer, dropping what was consumed.
    private func fill() throws(GitError) {
        if start > 0 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        let more = output.availableData
        guard !more.isEmpty else { throw .unexpected("cat-file stopped answering") }
        buffer.append(more)
    }
}
