import Foundation

/// Folder operations the runner repeats: emptying, creating, resolving paths.
enum Folders {
    /// Creates the folder (and its parents) if missing.
    static func create(_ path: String) throws(RehearsalError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .command("cannot create \(path): \(error.localizedDescription)")
        }
    }

    /// Removes everything inside the folder, keeping the folder (a step's working directory may
    /// be it), and creates it if missing.
    static func empty(_ path: String) throws(RehearsalError) {
        try create(path)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        for name in names {
            do {
                try FileManager.default.removeItem(atPath: path + "/" + name)
            } catch {
                throw .command("cannot remove \(path)/\(name): \(error.localizedDescription)")
            }
        }
    }

    /// An absolute, standardised path: relative ones are taken from `base`, `~` is the home folder.
    static func absolute(_ path: String, base: String) -> String {
        var expanded = path
        if expanded == "~" || expanded.hasPrefix("~/") {
            let home = ProcessInfo.processInfo.environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path
            expanded = home + expanded.dropFirst()
        }
        if !expanded.hasPrefix("/") { expanded = base + "/" + expanded }
        return URL(fileURLWithPath: expanded).standardizedFileURL.path
    }
}
