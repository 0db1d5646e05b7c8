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

    /// The entries of a tree object's raw content: repeated `<mode> <name>\0<20 or 32 bytes>`,
    /// each name once (the first entry of a name stands, as a crafted tree may repeat one),
    /// leaving out the names no folder of this machine can hold (see `isWritable`); the first
    /// `limit` of them, the rest of the tree unread.
    static func parse(_ content: Data, oidBytes: Int, limit: Int = .max) throws(GitError) -> [TreeEntry] {
        var entries: [TreeEntry] = []
        // By bytes, as the folder written holds them: names in two Unicode forms are two names.
        var seen = Set<[UInt8]>()
        var index = content.startIndex
        while index < content.endIndex, entries.count < limit {
            guard let space = content[index...].firstIndex(of: 0x20),
                let nul = content[space...].firstIndex(of: 0),
                content.endIndex - nul > oidBytes
            else { throw .unexpected("a tree object cut short") }
            let mode = String(decoding: content[index..<space], as: UTF8.self)
            let name = String(decoding: content[(space + 1)..<nul], as: UTF8.self)
            let oid = hex(content[(nul + 1)...(nul + oidBytes)])
            guard let kind = kind(mode) else { throw .unexpected("tree entry mode \(mode)") }
            if isWritable(name), seen.insert(Array(name.utf8)).inserted { entries.append(TreeEntry(kind: kind, name: name, oid: oid)) }
            index = nul + 1 + oidBytes
        }
        return entries
    }

    /// `bytes` in lowercase hex (an object id as git prints it).
    static func hex(_ bytes: Data) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes { text += [digits[Int(byte >> 4)], digits[Int(byte & 0xF)]] }
        return String(decoding: text, as: UTF8.self)
    }

    /// Whether a name from a tree can be written as one path component here. git refuses
    /// such names when it checks a tree out, but a crafted tree object can still hold them:
    /// empty, `.`, `..`, with a `/`, or longer than a file name may be (255 bytes).
    static func isWritable(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.contains("/") && !name.contains("\0")
            && name.utf8.count <= 255
    }

    /// The kind of a tree entry's octal mode, read as git reads it when it checks a tree out:
    /// by its type bits, a file being executable when its owner may execute it, and any
    /// other type a submodule. A crafted tree may hold modes git never writes (`100600`,
    /// `777777`); they are not the organizer's fault, so they never stop the history.
    /// `nil` for a mode that is not octal.
    static func kind(_ mode: String) -> Kind? {
        guard (1...7).contains(mode.utf8.count), mode.utf8.allSatisfy({ (0x30...0x37).contains($0) }),
            let bits = Int(mode, radix: 8)
        else { return nil }
        switch bits & 0o170000 {
        case 0o100000: return bits & 0o100 != 0 ? .executable : .file
        case 0o120000: return .link
        case 0o040000: return .folder
        default: return .submodule
        }
    }
}
