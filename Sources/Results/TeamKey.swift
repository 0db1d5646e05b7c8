/// The key that makes entries one team's versions: a team is its folder, so the key is the
/// submission's path beneath the submissions folder (a single top-level file: its name
/// without extension). The manifest's `team` is only the name shown, and may change from one
/// version to the next without making a new team. Baselines are keyed apart, by their name.
public enum TeamKey {
    /// The key of a submission at `relative` beneath the submissions folder; `isFile` for a
    /// single model file, whose extension is dropped (`alpha.csv` and `alpha.h5` are two
    /// versions of team `alpha`).
    public static func submission(relative: String, isFile: Bool) -> String {
        guard isFile, let dot = relative.lastIndex(of: ".") else { return relative }
        // The name's own dot, after its first character: not a dot file's, nor a folder's.
        let name = relative.lastIndex(of: "/").map { relative.index(after: $0) } ?? relative.startIndex
        guard dot > name else { return relative }
        return String(relative[..<dot])
    }

    /// The key of the baseline named `name` (`bdt`, `nn`): a prefix no submission's path
    /// beneath the submissions folder starts with, since baselines live outside it.
    public static func baseline(_ name: String) -> String { "baseline:" + name }

    /// The key of an entry recorded before keys existed (migration v10), from what it kept:
    /// its path relative to the workspace (beneath the default `submissions/`, or anywhere
    /// else, then its last component), whether that path is the model file itself, and
    /// whether it is a baseline.
    static func recorded(path: String, modelFile: String, isBaseline: Bool) -> String {
        let last = path.split(separator: "/").last.map(String.init) ?? path
        if isBaseline { return baseline(last) }
        let relative = path.hasPrefix("submissions/") ? String(path.dropFirst("submissions/".count)) : last
        return submission(relative: relative, isFile: !modelFile.isEmpty && modelFile == last)
    }
}
