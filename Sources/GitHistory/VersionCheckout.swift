import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A version's files written out of git into a folder of the tool's own, laid out as the
/// submissions folder was at that commit: the team's entry in full, and an empty folder for
/// each other team folder beside it (so that the rules that look at neighbours, a single
/// file named like a team's folder, see them).
///
/// Files are written as git stores them; a link stays a link (which the reader refuses, as
/// it does in the working tree) and a submodule an empty folder. A file larger than
/// `maxFileBytes` is written as a sparse file of its size: no reader reads past its limit,
/// so its content is never needed, and a folder holding a huge data file costs no disk.
/// A folder's entries past `maxEntries + 1` are left out (the reader refuses a folder over
/// `maxEntries` by its count), and folders deeper than `maxDepth` or past a total of
/// `maxTotalEntries` are written empty: only the team folder's top level and the paths a
/// manifest names are ever read.
public struct VersionCheckout: Sendable {
    /// The folder standing for the submissions folder at the version's commit.
    public let submissions: URL
    /// The version's own entry within it.
    public let entry: URL

    /// Writes `version` beneath `scratch` (an empty folder the caller owns and removes),
    /// reading through `reader` (one of the caller's, kept for the next version; else one of
    /// its own). After a failure, `reader` may be part-way through an answer: use another.
    public init(
        _ version: BranchHistory.Version, of history: BranchHistory, into scratch: URL, maxFileBytes: Int, maxEntries: Int,
        reader: ObjectReader? = nil
    ) throws(GitError) {
        submissions = scratch.appendingPathComponent("submissions")
        entry = submissions.appendingPathComponent(version.name)
        let objects: ObjectReader
        if let reader { objects = reader } else { objects = try ObjectReader(history) }
        do {
            try FileManager.default.createDirectory(at: submissions, withIntermediateDirectories: true)
            for folder in version.folders where !folder.utf8.elementsEqual(version.name.utf8) {
                try FileManager.default.createDirectory(
                    at: submissions.appendingPathComponent(folder), withIntermediateDirectories: false)
            }
        } catch {
            throw .cannotWrite("\(error.localizedDescription)")
        }
        var writer = Writer(reader: objects, maxFileBytes: maxFileBytes, maxEntries: maxEntries)
        try writer.write(version.entry, at: entry, depth: 0)
    }

    /// How deep folders are written, and how many entries in all.
    static let maxDepth = 16, maxTotalEntries = 20_000
    /// The longest path the system opens (`PATH_MAX`, its final NUL included).
    static let maxPathBytes = Int(PATH_MAX)

    /// Writes entries out of git within the limits, counting them.
    struct Writer {
        let reader: ObjectReader
        let maxFileBytes: Int, maxEntries: Int
        var written = 0

        /// Writes `item` at `url`, a folder's entries recursively.
        mutating func write(_ item: TreeEntry, at url: URL, depth: Int) throws(GitError) {
            written += 1
            guard item.kind == .folder else { return try VersionCheckout.write(item, at: url, reader: reader, maxFileBytes: maxFileBytes) }
            guard mkdir(url.path, 0o700) == 0 else { throw .cannotWrite(VersionCheckout.errorText(url)) }
            guard depth < VersionCheckout.maxDepth, written < VersionCheckout.maxTotalEntries else { return }
            // A folder entry that names no readable tree (a crafted one) is written empty, as
            // what the participant committed: the version then fails on the participant's side.
            let object = try reader.read(item.oid)
            guard object.header.type == "tree",
                let children = try? TreeEntry.parse(object.content, oidBytes: item.oid.count / 2, limit: maxEntries + 1)
            else { return }
            for child in children where written < VersionCheckout.maxTotalEntries {
                let childURL = url.appendingPathComponent(child.name)
                // Past the longest path the system opens, a name is left out, as git would fail to check it out.
                guard childURL.path.utf8.count < VersionCheckout.maxPathBytes else { continue }
                try write(child, at: childURL, depth: depth + 1)
            }
        }
    }

    /// Writes `item` (anything but a folder) at `url`.
    static func write(_ item: TreeEntry, at url: URL, reader: ObjectReader, maxFileBytes: Int) throws(GitError) {
        switch item.kind {
        case .folder:
            break
        case .submodule:
            guard mkdir(url.path, 0o700) == 0 else { throw .cannotWrite(errorText(url)) }
        case .link:
            let target = String(decoding: try reader.read(item.oid).content, as: UTF8.self)
            guard symlink(target, url.path) == 0 else { throw .cannotWrite(errorText(url)) }
        case .file, .executable:
            try writeFile(item.oid, at: url, reader: reader, maxFileBytes: maxFileBytes)
        }
    }

    /// Streams blob `oid` into a new file at `url`, or makes a sparse file of its size when
    /// it is over `maxFileBytes`.
    static func writeFile(_ oid: String, at url: URL, reader: ObjectReader, maxFileBytes: Int) throws(GitError) {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw .cannotWrite(errorText(url)) }
        defer { close(fd) }
        let header = try reader.stream(oid) { (header, chunk) throws(GitError) in
            guard header.size <= maxFileBytes else { return }
            let complete = chunk.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Bool in
                var offset = 0
                while offset < raw.count, let base = raw.baseAddress {
                    let n = Glibc.write(fd, base + offset, raw.count - offset)
                    if n < 0, errno == EINTR { continue }
                    guard n > 0 else { return false }
                    offset += n
                }
                return true
            }
            guard complete else { throw .cannotWrite(errorText(url)) }
        }
        if header.size > maxFileBytes {
            guard ftruncate(fd, off_t(header.size)) == 0 else { throw .cannotWrite(errorText(url)) }
        }
    }

    fileprivate static func errorText(_ url: URL) -> String {
        "\(url.lastPathComponent): \(String(cString: strerror(errno)).lowercased())"
    }
}
