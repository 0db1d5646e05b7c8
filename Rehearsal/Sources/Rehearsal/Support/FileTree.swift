import Foundation

/// Walks a folder for the regular files beneath it, without following links to folders.
enum FileTree {
    /// Paths relative to `base` of every regular file under `base/start` (or `start` itself when
    /// it is a file).
    static func regularFiles(under base: String, startingAt start: String) -> [String] {
        let root = start.isEmpty ? base : base + "/" + start
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else { return [] }
        if !isDirectory.boolValue { return [start] }
        let prefix = start.isEmpty ? "" : start + "/"
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var files: [String] = []
        while let relative = walker.nextObject() as? String {
            if walker.fileAttributes?[.type] as? FileAttributeType == .typeRegular { files.append(prefix + relative) }
        }
        return files
    }
}
