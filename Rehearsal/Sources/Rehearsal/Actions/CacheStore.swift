import Foundation

/// The local stand-in for GitHub's cache service: entries under `<store>/entries/<digest>/`, each
/// a tar archive and its key. Like GitHub, an entry is found by key *and* by version (the
/// digest of its `path:` lines), and a key once saved is never overwritten.
struct CacheStore {
    let root: String

    /// An entry's record, beside its archive.
    struct Entry: Codable, Equatable {
        let key: String
        let version: String
        /// Larger is newer: restore-key prefix matches take the newest.
        let sequence: Int
    }

    /// The entry for the first key that matches: exactly, else the newest entry whose key starts
    /// with it. The primary key comes first, then the restore keys in order (as GitHub searches).
    func lookup(keys: [String], version: String) -> Entry? {
        let entries = all().filter { $0.version == version }
        for key in keys {
            if let exact = entries.first(where: { $0.key == key }) { return exact }
            if let newest = entries.filter({ $0.key.hasPrefix(key) }).max(by: { $0.sequence < $1.sequence }) { return newest }
        }
        return nil
    }

    /// Extracts the entry's archive: workspace-relative members into the workspace, absolute
    /// ones (paths outside it, `~/…`) where they were.
    func restore(_ entry: Entry, workspace: String) throws(RehearsalError) {
        try Shell.capture(["tar", "-xf", folder(entry.key, entry.version) + "/archive.tar", "-P", "-C", workspace], in: workspace)
    }

    /// Saves the paths under the key; false when the key is taken (GitHub refuses to overwrite).
    func save(key: String, version: String, paths: [String], workspace: String) throws(RehearsalError) -> Bool {
        if all().contains(where: { $0.key == key && $0.version == version }) { return false }
        let target = folder(key, version)
        let staging = target + ".partial"
        try? FileManager.default.removeItem(atPath: staging)
        try Folders.create(staging)
        let members = paths.map { path in
            path == workspace ? "." : path.hasPrefix(workspace + "/") ? String(path.dropFirst(workspace.count + 1)) : path
        }
        // The pax format (`--posix`), as actions/cache writes: times to the nanosecond, which a
        // file's parse cache compares.
        try Shell.capture(
            ["tar", "--posix", "-cf", staging + "/archive.tar", "-P", "-C", workspace, "--"] + members, in: workspace)
        let entry = Entry(key: key, version: version, sequence: (all().map(\.sequence).max() ?? 0) + 1)
        do {
            try JSONEncoder().encode(entry).write(to: URL(fileURLWithPath: staging + "/entry.json"))
            try FileManager.default.moveItem(atPath: staging, toPath: target)
        } catch {
            throw .command("cannot write the cache entry \(target): \(error.localizedDescription)")
        }
        return true
    }

    /// The version GitHub would give `path:` lines: here, the digest of the lines as written.
    static func version(paths: [String]) -> String { SHA256.hex(Array(paths.joined(separator: "\n").utf8)) }

    private func folder(_ key: String, _ version: String) -> String {
        root + "/entries/" + SHA256.hex(Array((version + "\n" + key).utf8))
    }

    private func all() -> [Entry] {
        let entries = root + "/entries"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: entries)) ?? []
        return names.filter { !$0.hasSuffix(".partial") }.compactMap { name in
            guard let data = FileManager.default.contents(atPath: "\(entries)/\(name)/entry.json") else { return nil }
            return try? JSONDecoder().decode(Entry.self, from: data)
        }
    }
}
