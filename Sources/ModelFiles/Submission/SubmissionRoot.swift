import CBeneath
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A folder of submitted files, held open by descriptor: the one way the parent process
/// reaches a participant's bytes.
///
/// Every name is opened beneath the folder's descriptor with `openat2` and
/// `RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS` (or, where the kernel
/// lacks `openat2`, one component at a time with `O_NOFOLLOW`): a symbolic link at any
/// depth is refused, and so is `..` or an absolute path. A name is first opened with
/// `O_PATH`, which reads and triggers nothing, and `fstat`ed; only a regular file or a
/// folder is then opened for reading (`O_NONBLOCK`, so that even a FIFO swapped in at that
/// instant cannot block), and the second descriptor must be the same file as the first.
/// What is read, hashed, size-checked and copied then comes from that descriptor, never
/// from the name again.
public final class SubmissionRoot: Sendable {
    /// The folder's path, for messages.
    public let path: String
    /// The open folder.
    private let descriptor: Int32
    /// Bytes read from files opened beneath this folder and its sub-folders (a test hook:
    /// it shows which runs read nothing).
    private let counter: ReadCounter
    /// How names are resolved (`openat2` where there is one, or the component walk).
    private let resolve: Resolution

    /// How names are resolved beneath the folder.
    public enum Resolution: Sendable {
        /// `openat2` where the kernel has it, else the component walk.
        case best
        /// The component walk only (what runs where `openat2` is missing).
        case walk

        var value: LBResolve { self == .best ? LB_RESOLVE_BEST : LB_RESOLVE_WALK }
    }

    /// Opens the folder at `path`, which belongs to the organizer: links in `path` itself
    /// are followed, nothing beneath it ever is. The folder is held as an `O_PATH`
    /// descriptor, which reads nothing: the sandboxed child, allowed to read only its two
    /// files, opens them beneath their folder without the right to list it.
    public init(opening path: String, resolve: Resolution = .best) throws(SubmissionError.FileReason) {
        let fd = open(path, lb_o_path() | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw SubmissionError.FileReason(errno: errno) }
        self.path = path
        descriptor = fd
        counter = ReadCounter()
        self.resolve = resolve
    }

    private init(descriptor: Int32, path: String, counter: ReadCounter, resolve: Resolution) {
        self.descriptor = descriptor
        self.path = path
        self.counter = counter
        self.resolve = resolve
    }

    deinit { close(descriptor) }

    /// Bytes read so far from files opened beneath this folder (its sub-folders included).
    public var bytesRead: Int { counter.bytes.load(ordering: .relaxed) }

    /// What `relative` (a `/`-separated path beneath this folder) is, opened without following
    /// links: a folder or a regular file, anything else refused.
    public func item(_ relative: String) throws(SubmissionError.FileReason) -> Item {
        let probe = try openBeneath(relative, flags: lb_o_path())
        defer { close(probe) }
        var seen = stat()
        guard fstat(probe, &seen) == 0 else { throw SubmissionError.FileReason(errno: errno) }
        let kind = FileKind(mode: seen.st_mode)
        guard kind == .file || kind == .folder else { throw kind == .link ? .symbolicLink : .notRegular(kind: kind) }
        if kind == .file, seen.st_nlink > 1 { throw .hardLinked(names: Int(seen.st_nlink)) }
        let fd = try openBeneath(relative, flags: O_RDONLY | (kind == .folder ? O_DIRECTORY : 0))
        var opened = stat()
        guard fstat(fd, &opened) == 0, opened.st_dev == seen.st_dev, opened.st_ino == seen.st_ino else {
            close(fd)
            throw .changed
        }
        let full = path + "/" + relative
        if kind == .folder { return .folder(SubmissionRoot(descriptor: fd, path: full, counter: counter, resolve: resolve)) }
        return .file(SubmittedFile(descriptor: fd, name: relative, status: opened, counter: counter))
    }

    /// The regular file at `url`, opened beneath the folder holding it: that folder is the
    /// caller's, and the file's own name is not followed if it is a link.
    public static func file(at url: URL) throws(SubmissionError.FileReason) -> SubmittedFile {
        try SubmissionRoot(opening: url.deletingLastPathComponent().path).file(url.lastPathComponent)
    }

    /// The regular file `relative`, opened for reading.
    public func file(_ relative: String) throws(SubmissionError.FileReason) -> SubmittedFile {
        guard case let .file(file) = try item(relative) else { throw .notRegular(kind: .folder) }
        return file
    }

    /// The sub-folder `relative`, opened.
    public func folder(_ relative: String) throws(SubmissionError.FileReason) -> SubmissionRoot {
        guard case let .folder(folder) = try item(relative) else { throw .notFolder }
        return folder
    }

    /// A folder or a regular file opened beneath a root.
    public enum Item {
        case folder(SubmissionRoot)
        case file(SubmittedFile)
    }

    /// The folder's entries (`.` and `..` aside), sorted by name, each as `lstat` sees it:
    /// a link is listed as a link, never followed.
    public func entries() throws(SubmissionError.FileReason) -> [Entry] {
        let fd = openat(descriptor, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw SubmissionError.FileReason(errno: errno) }
        guard let directory = fdopendir(fd) else {
            let error = SubmissionError.FileReason(errno: errno)
            close(fd)
            throw error
        }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted().map { name in
            var seen = stat()
            guard fstatat(descriptor, name, &seen, AT_SYMLINK_NOFOLLOW) == 0 else {
                return Entry(name: name, kind: .other, stamp: nil)
            }
            return Entry(name: name, kind: FileKind(mode: seen.st_mode), stamp: FileStamp(seen))
        }
    }

    /// What `relative` is, as `lstat` sees it (a link is a link); `nil` if it does not exist.
    /// Only the name's metadata is looked at.
    public func kind(of relative: String) -> FileKind? {
        status(of: relative).map { FileKind(mode: $0.st_mode) }
    }

    /// The stamp of `relative` as `lstat` sees it; `nil` if it does not exist.
    public func stamp(of relative: String) -> FileStamp? {
        status(of: relative).map(FileStamp.init)
    }

    private func status(of relative: String) -> stat? {
        var seen = stat()
        return fstatat(descriptor, relative, &seen, AT_SYMLINK_NOFOLLOW) == 0 ? seen : nil
    }

    /// One entry of a folder, as listed (links not followed).
    public struct Entry: Sendable, Equatable {
        /// The entry's name.
        public let name: String
        /// What it is.
        public let kind: FileKind
        /// Its device, inode, size and modification time; `nil` if it vanished while listed.
        public let stamp: FileStamp?
    }

    private func openBeneath(_ relative: String, flags: Int32) throws(SubmissionError.FileReason) -> Int32 {
        let fd = lb_open_beneath(descriptor, relative, flags, resolve.value)
        guard fd >= 0 else { throw SubmissionError.FileReason(errno: errno) }
        return fd
    }
}
