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
    /// are followed, nothing beneath it ever is.
    public init(opening path: String, resolve: Resolution = .best) throws(SubmittedFileError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw SubmittedFileError(errno: errno) }
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
    public func item(_ relative: String) throws(SubmittedFileError) -> Item {
        let probe = try openBeneath(relative, flags: lb_o_path())
        defer { close(probe) }
        var seen = stat()
        guard fstat(probe, &seen) == 0 else { throw SubmittedFileError(errno: errno) }
        let kind = FileKind(mode: seen.st_mode)
        guard kind == .file || kind == .folder else { throw kind == .link ? .symbolicLink : .notRegular(kind: kind) }
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

    /// The regular file `relative`, opened for reading.
    public func file(_ relative: String) throws(SubmittedFileError) -> SubmittedFile {
        guard case let .file(file) = try item(relative) else { throw .notRegular(kind: .folder) }
        return file
    }

    /// The sub-folder `relative`, opened.
    public func folder(_ relative: String) throws(SubmittedFileError) -> SubmissionRoot {
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
    public func entries() throws(SubmittedFileError) -> [Entry] {
        let fd = openat(descriptor, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw SubmittedFileError(errno: errno) }
        guard let directory = fdopendir(fd) else {
            let error = SubmittedFileError(errno: errno)
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

    private func openBeneath(_ relative: String, flags: Int32) throws(SubmittedFileError) -> Int32 {
        let fd = lb_open_beneath(descriptor, relative, flags, resolve.value)
        guard fd >= 0 else { throw SubmittedFileError(errno: errno) }
        return fd
    }
}

/// A regular file opened beneath a `SubmissionRoot`: read, hashed and copied from this one
/// descriptor, with its size checked against a limit before a byte is read.
public final class SubmittedFile {
    /// Its path beneath the root it was opened from.
    public let name: String
    /// The file as it was when opened.
    public let stamp: FileStamp
    private let descriptor: Int32
    private let counter: ReadCounter

    fileprivate init(descriptor: Int32, name: String, status: stat, counter: ReadCounter) {
        self.descriptor = descriptor
        self.name = name
        stamp = FileStamp(status)
        self.counter = counter
    }

    deinit { close(descriptor) }

    /// Its size when opened.
    public var size: Int { Int(stamp.size) }

    /// Calls `body` with each chunk of the file, from its start, in chunks of at most 1 MiB;
    /// `body` returns `false` to stop. Refuses a file over `maxBytes` before reading, and one
    /// that grows or changes while it is read.
    public func read(maxBytes: Int, _ body: (UnsafeRawBufferPointer) -> Bool) throws(SubmittedFileError) {
        guard size <= maxBytes else { throw .tooLarge(bytes: size, limit: maxBytes) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        var total = 0
        while true {
            let count = pread(descriptor, buffer.baseAddress, buffer.count, off_t(total))
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw SubmittedFileError(errno: errno) }
            if count == 0 { break }
            total += count
            counter.bytes.add(count, ordering: .relaxed)
            guard total <= maxBytes else { throw .changed }
            guard body(UnsafeRawBufferPointer(rebasing: buffer[0..<count])) else { return }
        }
        var after = stat()
        guard fstat(descriptor, &after) == 0, FileStamp(after) == stamp, total == size else { throw .changed }
    }

    /// The whole file, at most `maxBytes`.
    public func contents(maxBytes: Int) throws(SubmittedFileError) -> Data {
        var data = Data()
        try read(maxBytes: maxBytes) { chunk in
            data.append(contentsOf: chunk)
            return true
        }
        return data
    }
}

/// What an entry of a submission folder is, as `lstat` sees it.
public enum FileKind: Sendable, Equatable {
    case file, folder, link, other

    init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .file
        case S_IFDIR: self = .folder
        case S_IFLNK: self = .link
        default: self = .other
        }
    }
}

/// What tells two versions of a file apart without reading it: device, inode, size and
/// modification time to the nanosecond.
public struct FileStamp: Sendable, Equatable {
    public let device: UInt64, inode: UInt64, size: Int64, seconds: Int, nanoseconds: Int

    init(_ s: stat) {
        device = UInt64(s.st_dev)
        inode = UInt64(s.st_ino)
        size = Int64(s.st_size)
        seconds = Int(s.st_mtim.tv_sec)
        nanoseconds = Int(s.st_mtim.tv_nsec)
    }

    /// The stamp as text, for a digest.
    public var text: String { "\(device):\(inode):\(size):\(seconds).\(nanoseconds)" }
}

/// Why a submitted file or folder was not opened or read; callers name the file.
public enum SubmittedFileError: Error, Sendable, Equatable {
    /// A symbolic link, at the name or anywhere on the way to it.
    case symbolicLink
    /// A path that leaves the folder (`..`, absolute).
    case outside
    /// Not a regular file or folder (a FIFO, device or socket), or a folder where a file was
    /// expected.
    case notRegular(kind: FileKind)
    /// A file where a folder was expected.
    case notFolder
    /// No such file or folder.
    case missing
    /// Larger than the limit, before a byte was read.
    case tooLarge(bytes: Int, limit: Int)
    /// Replaced, grown or rewritten between its opening and the end of its reading.
    case changed
    /// The system's reason.
    case unreadable(detail: String)

    init(errno code: Int32) {
        switch code {
        case ELOOP: self = .symbolicLink
        case EXDEV: self = .outside
        case ENOENT: self = .missing
        default: self = .unreadable(detail: String(cString: strerror(code)).lowercased())
        }
    }

    /// What the file is or what happened to it, after its name: "is a symbolic link".
    public var phrase: String {
        switch self {
        case .symbolicLink: "is a symbolic link (or is reached through one)"
        case .outside: "is not inside the submission folder"
        case .notRegular(.folder): "is a folder, not a file"
        case .notRegular: "is not a regular file (a pipe, device or socket)"
        case .notFolder: "is a file, not a folder"
        case .missing: "does not exist"
        case let .tooLarge(bytes, limit): "is too large: \(bytes) bytes, over the limit of \(limit) bytes"
        case .changed: "changed while it was being read (an upload in progress?)"
        case let .unreadable(detail): "could not be read: \(detail)"
        }
    }

    /// Whether the failure belongs to the file (recorded as the entry's) rather than to the
    /// moment (a file changing mid-read: the next run tries again).
    public var isTheFiles: Bool { self != .changed }
}

/// Bytes read beneath one submissions folder, shared by the roots opened from it.
private final class ReadCounter: Sendable {
    let bytes = Atomic<Int>(0)
}
