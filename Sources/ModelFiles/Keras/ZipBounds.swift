import Foundation

/// Checks, before ZIPFoundation sees an archive held in memory, that every place it will
/// seek to lies inside the bytes.
///
/// ZIPFoundation's in-memory file traps (a range with its bounds reversed) when it reads
/// after seeking past the end, which a zip's directory can ask for with one wrong offset
/// (found by fuzzing). This walks the same structures the way ZIPFoundation does: the end
/// record (the first one found scanning back from the end), then each central directory
/// entry, its local header and, when the entry says so, its data descriptor. ZIP64 archives
/// are refused: a `.keras` file is far below their 4 GiB threshold.
enum ZipBounds {
    private static let endSignature: UInt32 = 0x0605_4B50
    private static let zip64LocatorSignature: UInt32 = 0x0706_4B50
    private static let centralSignature: UInt32 = 0x0201_4B50
    private static let localSignature: UInt32 = 0x0403_4B50

    /// Throws a `malformed` refusal unless the first `maxEntries` entries (and the end record)
    /// point inside `bytes`. An archive without an end record is left to ZIPFoundation to refuse.
    static func check(_ bytes: Data, maxEntries: Int) throws(ReasonError) {
        let length = bytes.count
        func u16(_ at: Int) -> Int { little16(bytes, at) }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        func outside(_ what: String) -> ReasonError {
            ReasonError(.malformed(detail: "its zip directory points outside the file (\(what))"))
        }
        guard let end = stride(from: length - 22, through: 0, by: -1).first(where: { u32($0) == endSignature }) else {
            return
        }
        if end >= 20, u32(end - 20) == zip64LocatorSignature {
            throw ReasonError(.malformed(detail: "it is a ZIP64 archive, which a .keras file never is"))
        }
        var at = u32(end + 16)
        for index in 0..<min(u16(end + 10), maxEntries + 1) {
            guard at <= length - 46, u32(at) == centralSignature else { throw outside("directory entry \(index + 1)") }
            let nameLength = u16(at + 28), extraLength = u16(at + 30), commentLength = u16(at + 32)
            let next = at + 46 + nameLength + extraLength + commentLength
            guard next <= length else { throw outside("directory entry \(index + 1)") }
            let local = u32(at + 42)
            guard local <= length - 30, u32(local) == localSignature else { throw outside("local header of entry \(index + 1)") }
            let data = local + 30 + u16(local + 26) + u16(local + 28)
            guard data <= length else { throw outside("data of entry \(index + 1)") }
            if hasZip64Field(bytes, from: at + 46 + nameLength, count: extraLength)
                || hasZip64Field(bytes, from: local + 30 + u16(local + 26), count: u16(local + 28))
            {
                throw ReasonError(.malformed(detail: "it is a ZIP64 archive, which a .keras file never is"))
            }
            if u16(at + 8) & 0x08 != 0 {
                // A data descriptor follows the data: stored entries by their size, others compressed.
                let size = u16(at + 10) == 0 ? u32(at + 24) : u32(at + 20)
                guard data + size <= length else { throw outside("data descriptor of entry \(index + 1)") }
            }
            at = next
        }
    }

    /// Whether the extra field at `from` holds a ZIP64 block (id 1), scanned as ZIPFoundation does.
    private static func hasZip64Field(_ bytes: Data, from start: Int, count: Int) -> Bool {
        var offset = 0
        while offset < count - 4 {
            let id = little16(bytes, start + offset)
            let size = little16(bytes, start + offset + 2)
            guard offset + 4 + size <= count else { return false }
            if id == 1 { return true }
            offset += 4 + size
        }
        return false
    }

    /// The little-endian 16-bit number at offset `at` of `bytes`.
    private static func little16(_ bytes: Data, _ at: Int) -> Int {
        Int(bytes[bytes.startIndex + at]) | Int(bytes[bytes.startIndex + at + 1]) << 8
    }
}
