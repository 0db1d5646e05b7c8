import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Writes a site into a fresh folder beside its destination and swaps it into place only
/// when complete, so a failed or interrupted build leaves the last good site untouched.
///
/// The swap is one `renameat2(RENAME_EXCHANGE)`: the destination names the old site until
/// the instant it names the new one, so a `kill -9` at any moment leaves a complete site.
struct SiteOutput {
    let destination: String
    let staging: String
    /// Called after each step of `publish` that changes the file system (for tests).
    var afterStep: (String) -> Void = { _ in }

    /// Checks that `destination` may be replaced (see `SiteDestination`) and prepares an
    /// empty staging folder next to it, holding the marker file.
    init(destination: String, protecting protected: [String]) throws {
        try SiteDestination.check(destination, protecting: protected)
        let absolute = URL(fileURLWithPath: destination).standardizedFileURL.path
        self.destination = absolute
        staging = absolute + ".building-\(getpid())"
        do {
            try? FileManager.default.removeItem(atPath: staging)
            try FileManager.default.createDirectory(atPath: staging + "/entries", withIntermediateDirectories: true)
        } catch {
            throw SiteError.unwritable(staging, "\(error)")
        }
        try write(SiteDestination.markerText, to: SiteDestination.markerName)
    }

    /// Writes `text` to `relative` inside the staging folder.
    func write(_ text: String, to relative: String) throws(SiteError) {
        try write(Data(text.utf8), to: relative)
    }

    /// Writes `bytes` to `relative` inside the staging folder.
    func write(_ bytes: Data, to relative: String) throws(SiteError) {
        let path = staging + "/" + relative
        do {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent,
                withIntermediateDirectories: true)
            try bytes.write(to: URL(fileURLWithPath: path))
        } catch {
            throw SiteError.unwritable(path, "\(error)")
        }
    }

    /// Puts the staged site in place of the old one, in one atomic exchange when there is
    /// an old one, then removes the old one (now at the staging path).
    func publish() throws(SiteError) {
        if rename(staging, destination) == 0 {
            afterStep("renamed")
            return
        }
        // Something is there: a folder with files, or a link to one.
        guard errno == EEXIST || errno == ENOTEMPTY || errno == ENOTDIR else {
            throw SiteError.unwritable(destination, String(cString: strerror(errno)))
        }
        guard FileExchange.exchange(staging, destination) == 0 else {
            throw SiteError.unwritable(destination, "cannot swap the new site in (\(String(cString: strerror(errno))))")
        }
        afterStep("exchanged")
        try? FileManager.default.removeItem(atPath: staging)
        afterStep("removed the old site")
    }

    /// Removes the staging folder after a failure.
    func discard() {
        try? FileManager.default.removeItem(atPath: staging)
    }
}

/// `renameat2(…, RENAME_EXCHANGE)`, which Swift's Glibc module does not declare; looked up
/// in the C library at run time.
enum FileExchange {
    private typealias Renameat2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    private static let renameat2: Renameat2? = dlsym(nil, "renameat2").map { unsafeBitCast($0, to: Renameat2.self) }
    private static let renameExchange: UInt32 = 1 << 1

    /// Swaps what `a` and `b` name, atomically; 0 on success, -1 with `errno` set.
    static func exchange(_ a: String, _ b: String) -> Int32 {
        guard let renameat2 else {
            errno = ENOSYS
            return -1
        }
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange)
    }
}
