import CSystemZlib
import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Writes rows in HIGGS.csv's own text format: 29 comma-separated values, each printed as
/// `%.18e` (the label too: `1.000000000000000000e+00`), no header, `\n` line ends.
///
/// Chunks of rows are formatted on every core; with `gzipLevel` set, each chunk is also
/// compressed on its core into its own gzip member (as `pigz` does), which every gzip
/// reader — `gzip -d`, zlib, Python, polars, and ours — reads as one stream.
public struct HiggsTextWriter: Sendable {
    /// Rows per chunk formatted by one core.
    var chunkRows = 16_384
    /// Deflate level 1–9 for `.gz` output; `nil` writes plain text.
    public var gzipLevel: Int32?

    /// A writer of plain text, or of gzip when `gzipLevel` is given.
    public init(gzipLevel: Int32? = nil) {
        self.gzipLevel = gzipLevel
    }

    /// Writes `rowCount` rows to `path`; `fill` produces rows `range` into the buffers.
    /// `progress` receives the rows written so far.
    public func write(
        rowCount: Int, to path: String,
        progress: (@Sendable (Int) -> Void)? = nil,
        fill: @Sendable (Range<Int>, UnsafeMutableBufferPointer<UInt8>, UnsafeMutableBufferPointer<Float>) -> Void
    ) throws(DataError) {
        let temporary = path + ".tmp-\(getpid())"
        guard let file = fopen(temporary, "wb") else {
            throw DataError(path: path, reason: .unreadable("cannot create: \(String(cString: strerror(errno)))"))
        }
        var closed = false
        defer {
            if !closed { fclose(file) }
            unlink(temporary)
        }
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunks = (rowCount + chunkRows - 1) / chunkRows
        var chunk = 0
        while chunk < chunks {
            let batch = min(cores * 2, chunks - chunk)
            let texts = Unchecked([[UInt8]](repeating: [], count: batch))
            let results = UnsafeMutableBufferPointer<[UInt8]>.allocate(capacity: batch)
            results.initialize(repeating: [])
            let output = Unchecked(results)
            let first = chunk
            let rowsPerChunk = chunkRows
            let level = gzipLevel
            DispatchQueue.concurrentPerform(iterations: batch) { k in
                let start = (first + k) * rowsPerChunk
                let range = start..<min(rowCount, start + rowsPerChunk)
                var text = Self.format(range, fill: fill)
                if let level { text = Self.gzip(text, level: level) }
                output.value[k] = text
            }
            _ = texts
            for k in 0..<batch {
                let ok = results[k].withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) == $0.count }
                guard ok else {
                    results.deinitialize().deallocate()
                    throw DataError(path: path, reason: .unreadable("write failed: \(String(cString: strerror(errno)))"))
                }
            }
            results.deinitialize().deallocate()
            chunk += batch
            progress?(min(rowCount, chunk * chunkRows))
        }
        closed = true
        guard fclose(file) == 0, rename(temporary, path) == 0 else {
            throw DataError(path: path, reason: .unreadable("cannot finish: \(String(cString: strerror(errno)))"))
        }
    }

    /// Formats rows `range` as HIGGS text.
    static func format(
        _ range: Range<Int>,
        fill: (Range<Int>, UnsafeMutableBufferPointer<UInt8>, UnsafeMutableBufferPointer<Float>) -> Void
    ) -> [UInt8] {
        let labels = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: range.count)
        let features = UnsafeMutableBufferPointer<Float>.allocate(capacity: range.count * FeatureSchema.featureCount)
        defer {
            labels.deallocate()
            features.deallocate()
        }
        fill(range, labels, features)
        var text = [UInt8](repeating: 0, count: range.count * FeatureSchema.columnCount * 26)
        let length = text.withUnsafeMutableBufferPointer { out -> Int in
            var p = out.baseAddress!
            for row in 0..<range.count {
                for column in 0..<FeatureSchema.columnCount {
                    let value = column == 0 ? Double(labels[row]) : Double(features[row * FeatureSchema.featureCount + column - 1])
                    p += formatScientific18(value, into: p)
                    p.pointee = column == FeatureSchema.columnCount - 1 ? 0x0A : 0x2C
                    p += 1
                }
            }
            return p - out.baseAddress!
        }
        text.removeSubrange(length...)
        return text
    }

    /// Writes `value` as `%.18e` at `out` (no terminator); returns the byte count.
    @inline(__always)
    static func formatScientific18(_ value: Double, into out: UnsafeMutablePointer<UInt8>) -> Int {
        withVaList([value]) { args in
            Int(vsnprintf(UnsafeMutableRawPointer(out).assumingMemoryBound(to: CChar.self), 32, "%.18e", args))
        }
    }

    /// One gzip member holding `text`.
    static func gzip(_ text: [UInt8], level: Int32) -> [UInt8] {
        var stream = z_stream()
        deflateInit2_(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        defer { deflateEnd(&stream) }
        var out = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(text.count))) + 64)
        var input = text
        let produced = input.withUnsafeMutableBufferPointer { inBuf in
            out.withUnsafeMutableBufferPointer { outBuf -> Int in
                stream.next_in = inBuf.baseAddress
                stream.avail_in = uInt(inBuf.count)
                stream.next_out = outBuf.baseAddress
                stream.avail_out = uInt(outBuf.count)
                let status = deflate(&stream, Z_FINISH)
                precondition(status == Z_STREAM_END, "deflateBound guarantees room for the whole member")
                return outBuf.count - Int(stream.avail_out)
            }
        }
        out.removeSubrange(produced...)
        return out
    }
}
