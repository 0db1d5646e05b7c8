import Foundation

/// One entry of a git tree object: a file, an executable, a link, a folder or a submodule,
/// with its name and object id.
struct TreeEntry: Equatable, Sendable {
    /// What the entry is, from its mode.
    enum Kind: Equatable, Sendable {
        case file, executable, link, folder, submodule
    }
    var kind: Kind
    /// The entry's name (one path component). Names git stores as bytes that are not UTF-8
    /// are read with replacement characters.
    var name: String
    /// The object id, hex.
    var oid: String

    /// The entries of a tree object's raw content: repeated `<mode> <name>\0<20 or 32 bytes>`.
    static func parse(_ content: Data, oidBytes: Int) throws(GitError) -> [TreeEntry] {
        var entries: [TreeEntry] = []
        var index = content.startIndex
        while index < content.endIndex {
            guard let space = content[index...].firstIndex(of: 0x20),
                let nul = content[space...].firstIndex(of: 0),
                content.endIndex - nul > oidBytes
            else { throw .unexpected("a tree object cut short") }
            let mode = String(decoding: content[index..<space], as: UTF8.self)
            let name = String(decoding: content[(space + 1)..<nul], as: UTF8.self)
            let oid = content[(nul + 1)...(nul + oidBytes)].map { String(format: "%02x", $0) }.joined()
            guard let kind = kind(mode) else { throw .unexpected("tree entry mode \(mode)") }
            entries.append(TreeEntry(kind: kind, name: name, oid: oid))
            index = nul + 1 + oidBytes
        }
        return entries
    }

    /// The kind of a tree entry's octal mode.
    static func kind(_ mode: String) -> Kind? {
        switch mode {
        case "100644", "100664": .file
        case "100755": .executable
        case "120000": .link
        case "40000", "040000": .folder
        case "160000": .submodule
        default: nil
        }
    }
}
