import Foundation
import ModelFiles
import Testing

/// `.keras` archives whose directory points past the end of the file: ZIPFoundation's
/// in-memory reader trapped on them ("Range requires lowerBound <= upperBound"), found by
/// the `keras-zip` fuzz target. Each is now one clear refusal.
@Suite struct ZipBoundsTests {
    /// The refusal of `data` as a `.keras` named `name`, checked to be one line naming it.
    func refusal(_ data: Data, name: String) throws -> ModelFileError {
        let error = try #require(throws: ModelFileError.self) { try ModelFileReader.read(data, fileName: name) }
        #expect(!error.description.contains("\n"))
        #expect(error.description.hasPrefix("'\(name)' is damaged or inconsistent"))
        return error
    }

    /// The real `.keras` fixture with one 32-bit offset replaced by `value`: the end record's
    /// offset of the directory, or the first directory entry's offset of its local header.
    func patched(_ field: Field, value: UInt32) throws -> Data {
        var bytes = try Data(contentsOf: Fixtures.url("notebook_keras3.keras"))
        let end = bytes.count - 22
        #expect(bytes[end..<end + 4] == Data([0x50, 0x4B, 0x05, 0x06]))
        let directory = Int(bytes[end + 16]) | Int(bytes[end + 17]) << 8 | Int(bytes[end + 18]) << 16
        let at = field == .directoryOffset ? end + 16 : directory + 42
        withUnsafeBytes(of: value.littleEndian) { bytes.replaceSubrange(at..<at + 4, with: $0) }
        return bytes
    }

    enum Field { case directoryOffset, localHeaderOffset }

    @Test func theFuzzersInputIsRefused() throws {
        let data = try Data(contentsOf: Fixtures.url("fuzz/zip_directory_past_end.keras"))
        let error = try refusal(data, name: "zip_directory_past_end.keras")
        #expect(error.reason == .malformed(detail: "its zip directory points outside the file (directory entry 1)"))
    }

    @Test func aDirectoryPastTheEndIsRefused() throws {
        let error = try refusal(patched(.directoryOffset, value: 0x7FFF_0000), name: "m.keras")
        #expect(error.reason == .malformed(detail: "its zip directory points outside the file (directory entry 1)"))
    }

    @Test func aLocalHeaderPastTheEndIsRefused() throws {
        let error = try refusal(patched(.localHeaderOffset, value: 0xFFFF_FFF0), name: "m.keras")
        #expect(error.reason == .malformed(detail: "its zip directory points outside the file (local header of entry 1)"))
    }

    @Test func theUnpatchedFixtureStillReads() throws {
        let data = try Data(contentsOf: Fixtures.url("notebook_keras3.keras"))
        #expect(try ModelFileReader.read(data, fileName: "m.keras").inputCount == 28)
    }
}
