import Foundation

/// `hashFiles(patterns…)` as GitHub computes it: the files under the workspace matching any
/// pattern (and no `!pattern`), sorted by path; the SHA-256 of the concatenated SHA-256 digests
/// of their contents; the empty string when nothing matches.
enum HashFiles {
    static func hash(patterns: [String], workspace: String) throws(RehearsalError) -> String {
        let files = try matchingFiles(patterns: patterns, workspace: workspace)
        if files.isEmpty { return "" }
        var outer = SHA256()
        for file in files {
            guard let handle = FileHandle(forReadingAtPath: workspace + "/" + file) else {
                throw .expression("hashFiles: cannot read '\(file)'")
            }
            defer { try? handle.close() }
            var inner = SHA256()
            while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty { inner.update(chunk) }
            outer.update(inner.finalize())
        }
        return SHA256.hexadecimal(outer.finalize())
    }

    /// The regular files (relative paths) matched by the patterns, sorted.
    static func matchingFiles(patterns: [String], workspace: String) throws(RehearsalError) -> [String] {
        let includes = patterns.filter { !$0.hasPrefix("!") }.map { Glob(relative($0, to: workspace)) }
        let excludes = patterns.filter { $0.hasPrefix("!") }.map { Glob(relative(String($0.dropFirst()), to: workspace)) }
        var found = Set<String>()
        for root in Set(includes.map(\.literalPrefix)) {
            let globs = includes.filter { $0.literalPrefix == root }
            for path in FileTree.regularFiles(under: workspace, startingAt: root)
            where globs.contains(where: { $0.matches(path) }) && !excludes.contains(where: { $0.matches(path) }) {
                found.insert(path)
            }
        }
        return found.sorted()
    }

    /// A pattern written as an absolute path inside the workspace, made relative to it.
    private static func relative(_ pattern: String, to workspace: String) -> String {
        let trimmed = pattern.trimmingCharacters(in: .whitespaces)
        return trimmed.hasPrefix(workspace + "/") ? String(trimmed.dropFirst(workspace.count + 1)) : trimmed
    }
}
