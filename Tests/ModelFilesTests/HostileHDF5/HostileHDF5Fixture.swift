import Foundation
import Glibc
import TestSupport
import Testing

/// A hostile fixture of `Fixtures/hostile-hdf5` (made by `make_hostile_hdf5.py`) aimed at
/// a fresh temporary folder that holds the files it names, watched for any open.
///
/// The fixtures name their outside files under a placeholder folder of fixed length; the
/// bytes read here have it replaced by the temporary folder, padded with '/' to the same
/// length (libhdf5 stores these names without checksums). Relative names climb to the
/// root first, so they reach the same folder.
final class HostileHDF5Fixture {
    /// The placeholder folder, without its leading '/' (relative names lack it).
    static let placeholder = "tmp/leaderboard-hostile-hdf5-" + String(repeating: "X", count: 170)
    /// The values of `outside.h5`'s dataset and of `sentinel.bin`: 1234.5 + i, 4321.25 + i.
    static let outsideValues = (0..<(28 * 16)).map { 1234.5 + Float($0) }
    static let sentinelValues = (0..<(28 * 16)).map { 4321.25 + Float($0) }

    let name: String
    let folder = TemporaryDirectory("hdf5-outside")
    /// The fixture's bytes, aimed at `folder`.
    let bytes: Data
    let watch: FolderOpenWatch

    /// Plants `outside.h5` and `sentinel.bin` in a fresh folder, watches it, and reads
    /// fixture `name` aimed at it (a fixture that names no file is read as it is).
    init(_ name: String) throws {
        self.name = name
        try Data(contentsOf: Fixtures.url("hostile-hdf5/outside.h5")).write(to: URL(fileURLWithPath: folder.file("outside.h5")))
        let sentinel = Self.sentinelValues.withUnsafeBytes { Data($0) }
        try sentinel.write(to: URL(fileURLWithPath: folder.file("sentinel.bin")))
        let target = String(folder.path.dropFirst())
        try #require(target.utf8.count <= Self.placeholder.utf8.count, "temporary folder path too long: \(folder.path)")
        let padded = target + String(repeating: "/", count: Self.placeholder.utf8.count - target.utf8.count)
        let original = try Data(contentsOf: Fixtures.url("hostile-hdf5/\(name)"))
        let pattern = Data(Self.placeholder.utf8)
        var aimed = Self.replacing(pattern, with: Data(padded.utf8), in: original)
        try Self.resealVirtualMappings(around: pattern, original: original, patched: &aimed)
        bytes = aimed
        watch = try FolderOpenWatch(folder.path)
    }

    /// What in the folder was opened or read since the watch started.
    func touched() -> [String] { watch.touched() }

    /// A virtual dataset's mappings are a global-heap object that ends with a checksum
    /// (libhdf5's `H5_checksum_metadata`, Jenkins lookup3): recomputes it wherever the
    /// placeholder sits in such an object. Each object is recognised by its header (size at
    /// 8 bytes before the data), its encoding version 0, one mapping, and a checksum that
    /// matches the original bytes.
    private static func resealVirtualMappings(around pattern: Data, original: Data, patched: inout Data) throws {
        typealias Checksum = @convention(c) (UnsafeRawPointer?, Int, UInt32) -> UInt32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "H5_checksum_metadata") else { return }
        let checksum = unsafeBitCast(symbol, to: Checksum.self)
        func sum(_ data: Data, _ range: Range<Int>) -> UInt32 {
            data[range].withUnsafeBytes { checksum($0.baseAddress, $0.count, 0) }
        }
        func integer(_ data: Data, at offset: Int, bytes: Int) -> Int {
            (0..<bytes).reduce(0) { $0 | Int(data[offset + $1]) << (8 * $1) }
        }
        var searchFrom = original.startIndex
        while let found = original.range(of: pattern, in: searchFrom..<original.endIndex) {
            searchFrom = found.upperBound
            for start in stride(from: found.lowerBound - 2, to: max(16, found.lowerBound - 256), by: -1)
            where original[start] == 0 && integer(original, at: start + 1, bytes: 8) == 1 {
                let size = integer(original, at: start - 8, bytes: 8)
                let end = start + size - 4
                guard size > 13, end + 4 <= original.count, end > found.upperBound,
                    sum(original, start..<end) == UInt32(integer(original, at: end, bytes: 4))
                else { continue }
                var resealed = sum(patched, start..<end)
                patched.replaceSubrange(end..<(end + 4), with: Data(bytes: &resealed, count: 4))
                break
            }
        }
    }

    private static func replacing(_ pattern: Data, with replacement: Data, in data: Data) -> Data {
        var result = data
        var searchFrom = result.startIndex
        while let range = result.range(of: pattern, in: searchFrom..<result.endIndex) {
            result.replaceSubrange(range, with: replacement)
            searchFrom = range.upperBound
        }
        return result
    }
}
