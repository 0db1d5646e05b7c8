import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a site into a fresh folder beside its destination and swaps it into place only
/// when complete, so a failed or interrupted build leaves the last good site untouched.
struct SiteOutput {
    let destination: String
    let staging: String

    /// Prepares an empty staging folder next to `destination`.
    init(destination: String) throws(SiteError) {
        let absolute = URL(fileURLWithPath: destination).standardizedFileURL.path
        self.destination = absolute
        staging = absolute + ".building-\(getpid())"
        do {
            try? FileManager.default.removeItem(atPath: staging)
            try FileManager.default.createDirectory(atPath: staging + "/entries", withIntermediateDirectories: true)
        } catch {
            throw SiteError.unwritable(staging, "\(error)")
        }
    }

    /// Writes `text` to `relative` inside the staging folder.
    func write(_ text: String, to relative: String) throws(SiteError) {
        let path = staging + "/" + relative
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            throw SiteError.unwritable(path, "\(error)")
        }
    }

    /// Puts the staged site in place of the old one.
    func publish() throws(SiteError) {
        let fm = FileManager.default
        let old = destination + ".old-\(getpid())"
        if fm.fileExists(atPath: destination) {
            guard rename(destination, old) == 0 else {
                throw SiteError.unwritable(destination, String(cString: strerror(errno)))
            }
        }
        guard rename(staging, destination) == 0 else {
            let why = String(cString: strerror(errno))
            _ = rename(old, destination)
            throw SiteError.unwritable(destination, why)
        }
        try? fm.removeItem(atPath: old)
    }

    /// Removes the staging folder after a failure.
    func discard() {
        try? FileManager.default.removeItem(atPath: staging)
    }
}
