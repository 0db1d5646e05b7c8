/// Puts a folder into the cache store as a workflow's cache step would have saved it, so a
/// rehearsal can start from a warm cache: the key written as in the workflow (`${{ }}` and
/// `hashFiles` evaluated in `workspace`), the path as the step's `path:` line.
public enum CacheSeed {
    /// Saves `path` (relative to `workspace`) under the key `keyExpression` evaluates to; gives
    /// the key, and whether it was new (a key once saved is kept, as on GitHub).
    public static func put(store: String, workspace: String, keyExpression: String, path: String)
        throws(RehearsalError) -> (key: String, saved: Bool)
    {
        let context = ExpressionContext(contexts: [:], jobFailed: false, workspace: workspace)
        let key = try Interpolation.expand(keyExpression, in: context)
        try Folders.create(store)
        let saved = try CacheStore(root: store).save(
            key: key, version: CacheStore.version(paths: [path]), paths: [workspace + "/" + path], workspace: workspace)
        return (key, saved)
    }
}
