import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The check that a build only ever replaces a folder the tool made: a site is swapped in
/// for an existing folder only when that folder is empty, holds the marker file every build
/// writes (`.leaderboard-site`), or is a site built before the marker existed (an
/// `index.html` beside nothing but the files a build writes). A destination that is, or
/// contains, one of the workspace's own folders is refused whatever it holds.
public enum SiteDestination {
    /// The file every built site holds, by which a later build knows the folder is its own.
    static let markerName = ".leaderboard-site"
    /// The marker's text.
    static let markerText = "This folder is a site built by leaderboard; `leaderboard build` replaces it whole.\n"

    /// Refuses `destination` unless a build may replace it.
    ///
    /// - Parameter protected: folders that must never be replaced, nor any folder that
    ///   contains them (the workspace, the submissions, the database's folder).
    /// - Throws: `SiteDestinationError`.
    public static func check(_ destination: String, protecting protected: [String]) throws(SiteDestinationError) {
        let target = resolved(destination)
        if target == "/" { throw .holdsProtected(destination, "every folder") }
        for folder in protected {
            let kept = resolved(folder)
            if kept == target || kept.hasPrefix(target + "/") { throw .holdsProtected(destination, folder) }
        }
        var info = stat()
        guard lstat(target, &info) == 0 else {
            if errno == ENOENT { return }
            throw .notAFolder(destination, String(cString: strerror(errno)))
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw .notAFolder(destination, info.st_mode & S_IFMT == S_IFLNK ? "a symbolic link" : "not a folder")
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: target) else {
            throw .notAFolder(destination, "a folder that cannot be listed")
        }
        if names.contains(markerName) || names.allSatisfy({ $0 == ".gitkeep" }) { return }
        if names.contains("index.html"), names.allSatisfy({ isBuiltName($0, in: target) }) { return }
        throw .notASite(destination)
    }

    /// Whether `name` in `folder` is something a build before the marker wrote: a page, the
    /// stylesheet, an export, or the `entries` folder holding nothing but entry pages
    /// (`<id>.html`), so that no file of anyone else's can be inside what is replaced.
    static func isBuiltName(_ name: String, in folder: String) -> Bool {
        var info = stat()
        guard lstat(folder + "/" + name, &info) == 0 else { return false }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return name == "entries" && holdsOnlyEntryPages(folder + "/" + name)
        case S_IFREG: return name == ".gitkeep" || [".html", ".css", ".json", ".csv"].contains { name.hasSuffix($0) }
        default: return false
        }
    }

    /// Whether the folder holds only regular files named `<digits>.html`, as every build
    /// before the marker wrote its entry pages.
    static func holdsOnlyEntryPages(_ folder: String) -> Bool {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return false }
        return names.allSatisfy { name in
            var info = stat()
            let stem = name.dropLast(".html".count)
            return name.hasSuffix(".html") && !stem.isEmpty && stem.allSatisfy(\.isASCII) && stem.allSatisfy(\.isNumber)
                && lstat(folder + "/" + name, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
        }
    }

    /// `path` absolute, with `.`, `..` and symbolic links of its existing part resolved, so
    /// that two spellings of one folder compare equal.
    static func resolved(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var head = absolute
        var tail: [String] = []
        while head != "/" {
            if let real = realpath(head, nil) {
                defer { free(real) }
                let base = String(cString: real)
                return tail.isEmpty ? base : (base == "/" ? "" : base) + "/" + tail.reversed().joined(separator: "/")
            }
            tail.append((head as NSString).lastPathComponent)
            head = (head as NSString).deletingLastPathComponent
        }
        return "/" + tail.reversed().joined(separator: "/")
    }
}

/// Why a build refused to write its site into a folder.
public enum SiteDestinationError: Error, CustomStringConvertible {
    /// The destination is, or contains, a folder of the workspace.
    case holdsProtected(String, String)
    /// The destination holds files no build wrote.
    case notASite(String)
    /// The destination exists but is not a folder the tool can list; what it is.
    case notAFolder(String, String)

    /// One line with what to do.
    public var description: String {
        switch self {
        case let .holdsProtected(path, folder):
            "\(path): refusing to build the site there, it would replace \(folder); "
                + "choose an empty or new folder (or the workspace's site/)."
        case let .notASite(path):
            "\(path): refusing to replace a folder that holds files no build wrote (no \(SiteDestination.markerName)); "
                + "choose an empty or new folder, or empty this one."
        case let .notAFolder(path, what):
            "\(path): refusing to build the site there (\(what)); choose a new or empty folder."
        }
    }
}
