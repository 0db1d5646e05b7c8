import Foundation
import Results

/// Recognising a model file's container from its first bytes.
extension ModelFileFormat {
    static let hdf5Signature: [UInt8] = [0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Recognises `bytes` (the whole file, or at least its first few kilobytes for all
    /// but HDF5 files with a large user block), using `fileName`'s extension only where
    /// the content is ambiguous.
    public static func detect(_ bytes: Data, fileName: String = "") -> ModelFileFormat {
        let ext = (fileName as NSString).pathExtension.lowercased()
        if hasHDF5Signature(bytes) { return .hdf5 }
        let head = [UInt8](bytes.prefix(8))
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            return .zip
        }
        if head.count >= 2, head[0] == 0x80, (2...5).contains(head[1]) { return .pickle }
        if head.starts(with: [0x1F, 0x8B]) {
            return ["pkl", "pickle", "joblib", "sav"].contains(ext) ? .pickle : .gzip
        }
        if ext == "onnx", head.first == 0x08 { return .onnx }
        if ["pkl", "pickle", "joblib", "sav"].contains(ext) { return .pickle }
        let start = bytes.prefix(4096)
        if isUBJSONObject(start) { return .ubjson }
        if isLightGBMText(start) { return .lightgbm }
        if let first = start.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }),
            first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
        {
            return .json
        }
        if !start.isEmpty, !start.contains(0), String(data: trimmedToCharacter(start), encoding: .utf8) != nil {
            return .text
        }
        return .unknown
    }

    /// Whether `head` starts as a UBJSON object does: `{` and then a key length's integer
    /// marker (`i U I l L`) or a container's `$`/`#`, which JSON text never has there.
    static func isUBJSONObject(_ head: Data) -> Bool {
        guard head.count >= 2, head[head.startIndex] == UInt8(ascii: "{") else { return false }
        return Array("iUIlL$#".utf8).contains(head[head.startIndex + 1])
    }

    /// Whether `head` starts as LightGBM's text model does: a line `tree`, then `version=v`.
    static func isLightGBMText(_ head: Data) -> Bool {
        let text = String(decoding: head.prefix(64), as: UTF8.self)
        return text.hasPrefix("tree\nversion=v") || text.hasPrefix("tree\r\nversion=v")
    }

    /// Whether the HDF5 signature is at offset 0 or at a power of two from 512 on (where
    /// libhdf5 looks for a superblock after a user block).
    static func hasHDF5Signature(_ bytes: Data) -> Bool {
        var offset = 0
        while offset + hdf5Signature.count <= bytes.count {
            let start = bytes.startIndex + offset
            if bytes[start..<start + hdf5Signature.count].elementsEqual(hdf5Signature) { return true }
            offset = offset == 0 ? 512 : offset * 2
        }
        return false
    }

    /// `data` without a UTF-8 sequence cut at its end (so a prefix of a text file still
    /// decodes).
    private static func trimmedToCharacter(_ data: Data) -> Data {
        var end = data.endIndex
        var back = 0
        while end > data.startIndex, back < 3, data[end - 1] & 0xC0 == 0x80 {
            end -= 1
            back += 1
        }
        if end > data.startIndex, data[end - 1] >= 0xC0 { end -= 1 }
        return data[data.startIndex..<end]
    }
}
