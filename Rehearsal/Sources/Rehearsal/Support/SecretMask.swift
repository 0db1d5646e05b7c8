import Foundation

/// Copies a step's output to the log with every secret's value replaced by `***`, as GitHub's
/// log does. Whole lines are masked, so a secret split across two reads is still caught.
struct SecretMask {
    private let secrets: [Data]

    /// Masks the non-empty values, longest first (so one that contains another is masked whole).
    init(_ values: [String]) {
        secrets = values.filter { !$0.isEmpty }.sorted { $0.count > $1.count }.map { Data($0.utf8) }
    }

    var isEmpty: Bool { secrets.isEmpty }

    /// Reads `source` to its end, writing masked lines to `output`.
    func copy(from source: FileHandle, to output: FileHandle) {
        var pending = Data()
        while let chunk = try? source.read(upToCount: 1 << 16), !chunk.isEmpty {
            pending.append(chunk)
            guard let lastNewline = pending.lastIndex(of: UInt8(ascii: "\n")) else { continue }
            output.write(mask(pending[...lastNewline]))
            pending = Data(pending[(lastNewline + 1)...])
        }
        if !pending.isEmpty { output.write(mask(pending[...])) }
    }

    /// The bytes with each secret replaced.
    func mask(_ bytes: Data.SubSequence) -> Data {
        var text = Data(bytes)
        for secret in secrets {
            var masked = Data()
            var rest = text[...]
            while let found = rest.firstRange(of: secret) {
                masked.append(rest[..<found.lowerBound])
                masked.append(contentsOf: Array("***".utf8))
                rest = rest[found.upperBound...]
            }
            masked.append(rest)
            text = masked
        }
        return text
    }
}
