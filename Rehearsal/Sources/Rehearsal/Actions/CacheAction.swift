import Foundation

/// `actions/cache` (restore now, save at the end of a job that succeeded without an exact hit),
/// `actions/cache/restore` and `actions/cache/save`, against the local `CacheStore`.
struct CacheAction: EmulatedAction {
    enum Mode {
        case restoreThenSave
        case restore
        case save
    }

    let mode: Mode

    var inputNames: Set<String> {
        var names: Set<String> = ["path", "key", "enableCrossOsArchive", "upload-chunk-size"]
        if mode != .save { names.formUnion(["restore-keys", "fail-on-cache-miss", "lookup-only"]) }
        return names
    }

    func run(_ inputs: ActionInputs, _ environment: ActionEnvironment) throws(RehearsalError) -> ActionOutcome {
        let key = try inputs.required("key")
        let lines = inputs.lines("path")
        if lines.isEmpty { throw .action("\(inputs.action): input 'path' is required") }
        let version = CacheStore.version(paths: lines)
        let store = CacheStore(root: environment.cacheStore)
        if mode == .save {
            try Self.save(store: store, key: key, version: version, lines: lines, environment: environment)
            return ActionOutcome()
        }
        var outputs = ["cache-hit": "false", "cache-primary-key": key, "cache-matched-key": ""]
        if let entry = store.lookup(keys: [key] + inputs.lines("restore-keys"), version: version) {
            if inputs.optional("lookup-only") != "true" { try store.restore(entry, workspace: environment.workspace) }
            outputs["cache-hit"] = entry.key == key ? "true" : "false"
            outputs["cache-matched-key"] = entry.key
            environment.log("  cache restored from key: \(entry.key)")
        } else {
            if inputs.optional("fail-on-cache-miss") == "true" {
                throw .action("\(inputs.action): no cache for key '\(key)' and fail-on-cache-miss is true")
            }
            environment.log("  cache not found for key: \(key)")
        }
        guard mode == .restoreThenSave, outputs["cache-hit"] != "true" else { return ActionOutcome(outputs: outputs) }
        let post = PostStep(name: "Post cache") { environment throws(RehearsalError) in
            try Self.save(store: store, key: key, version: version, lines: lines, environment: environment)
        }
        return ActionOutcome(outputs: outputs, post: post)
    }

    /// Saves what exists of the paths; none existing is a warning, as on GitHub, not a failure.
    private static func save(store: CacheStore, key: String, version: String, lines: [String], environment: ActionEnvironment)
        throws(RehearsalError)
    {
        let paths = try resolve(lines, workspace: environment.workspace)
        if paths.isEmpty {
            environment.log("  warning: none of the cache paths exist; nothing saved for key: \(key)")
        } else if try store.save(key: key, version: version, paths: paths, workspace: environment.workspace) {
            environment.log("  cache saved with key: \(key)")
        } else {
            environment.log("  cache key already saved, not overwritten: \(key)")
        }
    }

    /// The `path:` lines as absolute paths that exist: `~` expanded, relative to the workspace,
    /// wildcards matched against files, `!pattern` lines excluding.
    private static func resolve(_ lines: [String], workspace: String) throws(RehearsalError) -> [String] {
        let globbed = lines.filter { Glob.hasWildcard($0) || $0.hasPrefix("!") }
        var paths = lines.filter { !globbed.contains($0) }.map { Folders.absolute($0, base: workspace) }
            .filter { FileManager.default.fileExists(atPath: $0) }
        if globbed.contains(where: { !$0.hasPrefix("!") }) {
            paths += try HashFiles.matchingFiles(patterns: globbed, workspace: workspace).map { workspace + "/" + $0 }
        }
        return paths
    }
}
