import Crypto
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The binary cache of a parsed data file: a 4 KiB header, the float32 matrix, the labels,
/// and — only when some value of the file is not a float32 — the float64 matrix as written.
///
/// HIGGS.csv prints float32 values with 19 digits, so its float32 matrix is exact and the
/// cache holds nothing more; a file with fewer digits (three decimals, as the embedded
/// sample) also carries its values in float64, at 8-byte alignment after the labels, for the
/// models whose framework reads doubles. The header says which (`hasValues`). Version 2 added
/// it; a version 1 cache is not recognised, so its file is parsed again.
///
/// A cache is valid only for the exact source it was made from: the header records the
/// source's size, modification time and a fingerprint of its first and last 64 KiB, and a
/// load checks all three. Caches are written to a temporary name and renamed into place,
/// so a cache file that exists is complete. Byte order is the machine's (little-endian on
/// every platform the tool supports); the header's magic rejects anything else.
enum BinaryCache {
    static let magic: [UInt8] = Array("LBHIGGS\u{1}".utf8)
    static let version: UInt32 = 2
    static let headerBytes = 4096

    /// What a cache header says about itself and its source.
    struct Header: Equatable {
        var rows: Int
        var signal: Int
        var source: SourceIdentity
        var sha256: [UInt8]?
        /// Whether the float64 matrix follows the labels (some value is not a float32).
        var hasValues: Bool

        var featuresOffset: Int { BinaryCache.headerBytes }
        var labelsOffset: Int { featuresOffset + rows * FeatureSchema.featureCount * 4 }
        var valuesOffset: Int { (labelsOffset + rows + 7) & ~7 }
        var fileBytes: Int { hasValues ? valuesOffset + rows * FeatureSchema.featureCount * 8 : labelsOffset + rows }

        func encoded() -> [UInt8] {
            var bytes = [UInt8](repeating: 0, count: BinaryCache.headerBytes)
            bytes.replaceSubrange(0..<8, with: BinaryCache.magic)
            func put<T: FixedWidthInteger>(_ value: T, at offset: Int) {
                withUnsafeBytes(of: value.littleEndian) { bytes.replaceSubrange(offset..<(offset + $0.count), with: $0) }
            }
            put(BinaryCache.version, at: 8)
            put(UInt32(FeatureSchema.featureCount), at: 12)
            put(UInt64(rows), at: 16)
            put(UInt64(signal), at: 24)
            put(UInt64(source.size), at: 32)
            put(source.modified, at: 40)
            bytes.replaceSubrange(48..<80, with: source.fingerprint)
            if let sha256 {
                bytes[80] = 1
                bytes.replaceSubrange(88..<120, with: sha256)
            }
            bytes[120] = hasValues ? 1 : 0
            return bytes
        }

        init(rows: Int, signal: Int, source: SourceIdentity, sha256: [UInt8]?, hasValues: Bool) {
            self.rows = rows
            self.signal = signal
            self.source = source
            self.sha256 = sha256
            self.hasValues = hasValues
        }

        /// Decodes a header; `nil` if it is not one of ours.
        init?(_ bytes: [UInt8]) {
            guard bytes.count >= BinaryCache.headerBytes, Array(bytes[0..<8]) == BinaryCache.magic else { return nil }
            func get<T: FixedWidthInteger>(_: T.Type, at offset: Int) -> T {
                bytes[offset..<(offset + MemoryLayout<T>.size)].withUnsafeBytes { T(littleEndian: $0.loadUnaligned(as: T.self)) }
            }
            guard get(UInt32.self, at: 8) == BinaryCache.version,
                get(UInt32.self, at: 12) == UInt32(FeatureSchema.featureCount)
            else { return nil }
            let rows = get(UInt64.self, at: 16), signal = get(UInt64.self, at: 24)
            guard rows < UInt64(Int.max / 256), signal <= rows, bytes[120] <= 1 else { return nil }
            self.rows = Int(rows)
            self.signal = Int(signal)
            source = SourceIdentity(
                size: Int(get(UInt64.self, at: 32)), modified: get(Int64.self, at: 40),
                fingerprint: Array(bytes[48..<80]))
            sha256 = bytes[80] == 1 ? Array(bytes[88..<120]) : nil
            hasValues = bytes[120] == 1
        }
    }

    /// Writes a cache front to back as parsed blocks arrive, then publishes it atomically.
    ///
    /// The float32 matrix goes straight into the cache. The float64 matrix is written only
    /// from the first block that holds a value that is not a float32, to a second temporary
    /// file (the rows before it are their float32 values widened, read back from the cache),
    /// and copied after the labels at the end: a float32-exact file such as HIGGS.csv costs
    /// nothing more than before.
    final class Writer {
        private let finalPath: String
        private let temporaryPath: String
        private let fd: Int32
        private var values: (fd: Int32, path: String)?
        private var labels: [UInt8] = []
        private var rows = 0
        private var signal = 0

        /// Starts a cache at `path`; `expectedRows` only pre-sizes the label buffer.
        init(path: String, expectedRows: Int) throws(DataError) {
            finalPath = path
            temporaryPath = path + ".tmp-\(getpid())"
            fd = open(temporaryPath, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw DataError(path: path, reason: .cacheUnwritable(String(cString: strerror(errno)))) }
            labels.reserveCapacity(expectedRows)
            guard lseek(fd, off_t(BinaryCache.headerBytes), SEEK_SET) >= 0 else {
                throw DataError(path: path, reason: .cacheUnwritable(String(cString: strerror(errno))))
            }
        }

        deinit {
            close(fd)
            unlink(temporaryPath)
            if let values {
                close(values.fd)
                unlink(values.path)
            }
        }

        /// Appends one block of parsed rows: `blockValues` is the block as written when some
        /// value is not a float32, else `nil`.
        func append(
            labels blockLabels: UnsafeBufferPointer<UInt8>, features: UnsafeBufferPointer<Float>,
            values blockValues: UnsafeBufferPointer<Double>?
        ) throws(DataError) {
            try writeAll(UnsafeRawBufferPointer(features), to: fd)
            if blockValues != nil, values == nil { try startValues() }
            if let values {
                if let blockValues {
                    try writeAll(UnsafeRawBufferPointer(blockValues), to: values.fd)
                } else {
                    try writeAll(features.map(Double.init), to: values.fd)
                }
            }
            labels.append(contentsOf: blockLabels)
            rows += blockLabels.count
            for label in blockLabels { signal &+= Int(label) }
        }

        /// Opens the float64 file and fills it with the rows so far, widened from float32.
        private func startValues() throws(DataError) {
            let path = temporaryPath + ".f64"
            let valuesFD = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard valuesFD >= 0 else { throw DataError(path: path, reason: .cacheUnwritable(String(cString: strerror(errno)))) }
            values = (valuesFD, path)
            let chunk = 1 << 16
            var floats = [Float](repeating: 0, count: chunk)
            var done = 0
            let total = rows * FeatureSchema.featureCount
            while done < total {
                let count = min(chunk, total - done)
                let offset = off_t(BinaryCache.headerBytes + done * 4)
                let n = floats.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count * 4, offset) }
                guard n == count * 4 else {
                    throw DataError(path: finalPath, reason: .cacheUnwritable(String(cString: strerror(errno))))
                }
                try writeAll(floats[..<count].map(Double.init), to: valuesFD)
                done += count
            }
        }

        /// Writes the labels, the float64 matrix if any, and the header, and renames the file
        /// into place.
        func finish(source: SourceIdentity, sha256: [UInt8]?) throws(DataError) -> Header {
            let header = Header(rows: rows, signal: signal, source: source, sha256: sha256, hasValues: values != nil)
            try writeAll(labels, to: fd)
            labels = []
            if let values { try copyValues(from: values.fd, to: header.valuesOffset) }
            let encoded = header.encoded()
            let written = encoded.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
            guard written == encoded.count, rename(temporaryPath, finalPath) == 0 else {
                throw DataError(path: finalPath, reason: .cacheUnwritable(String(cString: strerror(errno))))
            }
            return header
        }

        /// Copies the whole float64 file to `offset` of the cache (past the labels' end: the
        /// gap reads as zeros).
        private func copyValues(from source: Int32, to offset: Int) throws(DataError) {
            let total = rows * FeatureSchema.featureCount * 8
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 4 << 20, alignment: 64)
            defer { buffer.deallocate() }
            guard lseek(fd, off_t(offset), SEEK_SET) >= 0 else {
                throw DataError(path: finalPath, reason: .cacheUnwritable(String(cString: strerror(errno))))
            }
            var done = 0
            while done < total {
                let n = pread(source, buffer.baseAddress, min(buffer.count, total - done), off_t(done))
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { throw DataError(path: finalPath, reason: .cacheUnwritable(String(cString: strerror(errno)))) }
                try writeAll(UnsafeRawBufferPointer(rebasing: buffer[..<n]), to: fd)
                done += n
            }
        }

        private func writeAll<T>(_ array: [T], to target: Int32) throws(DataError) {
            let problem = array.withUnsafeBytes { bytes -> DataError? in
                do throws(DataError) { try writeAll(bytes, to: target) } catch { return error }
                return nil
            }
            if let problem { throw problem }
        }

        private func writeAll(_ bytes: UnsafeRawBufferPointer, to target: Int32) throws(DataError) {
            var offset = 0
            while offset < bytes.count {
                let n = write(target, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0, errno == EINTR { continue }
                guard n > 0 else {
                    throw DataError(path: finalPath, reason: .cacheUnwritable(String(cString: strerror(errno))))
                }
                offset += n
            }
        }
    }

    /// Reads the header of the cache at `path`; `nil` if there is no valid cache.
    static func readHeader(_ path: String) -> Header? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: headerBytes)
        let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        var st = stat()
        guard n == headerBytes, fstat(fd, &st) == 0, let header = Header(bytes),
            Int(st.st_size) == header.fileBytes
        else { return nil }
        return header
    }

    /// Maps the cache at `path` read-only as a dataset.
    static func map(_ path: String, header: Header) throws(DataError) -> HiggsDataset {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw DataError(path: path, reason: .unreadable(String(cString: strerror(errno)))) }
        defer { close(fd) }
        let length = header.fileBytes
        guard let base = mmap(nil, length, PROT_READ, MAP_SHARED, fd, 0), base != MAP_FAILED else {
            throw DataError(path: path, reason: .unreadable(String(cString: strerror(errno))))
        }
        let mapping = Unchecked(base)
        let storage = DataStorage(
            labels: (base + header.labelsOffset).assumingMemoryBound(to: UInt8.self),
            features: (base + header.featuresOffset).assumingMemoryBound(to: Float.self),
            values: header.hasValues ? UnsafePointer((base + header.valuesOffset).assumingMemoryBound(to: Double.self)) : nil,
            release: { munmap(mapping.value, length) })
        return HiggsDataset(storage: storage, firstRow: 0, rowCount: header.rows)
    }

    /// Records a source's sha256 in an existing cache's header.
    static func storeSHA256(_ digest: [UInt8], in path: String, header: Header) {
        var updated = header
        updated.sha256 = digest
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { close(fd) }
        _ = updated.encoded().withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }
}

/// What identifies a source file's content well enough to trust a cache made from it.
struct SourceIdentity: Equatable {
    var size: Int
    var modified: Int64
    /// SHA-256 of the size, the first 64 KiB and the last 64 KiB.
    var fingerprint: [UInt8]

    /// Reads the identity of the open file.
    init(of file: FileDescriptor) throws(DataError) {
        let (size, modified) = try file.identity()
        var hasher = SHA256()
        withUnsafeBytes(of: UInt64(size).littleEndian) { hasher.update(bufferPointer: $0) }
        let window = 64 << 10
        var buffer = [UInt8](repeating: 0, count: window)
        for offset in [0, max(0, size - window)] {
            let n = buffer.withUnsafeMutableBytes { pread(file.fd, $0.baseAddress, window, off_t(offset)) }
            guard n >= 0 else { throw DataError(path: file.path, reason: .unreadable(String(cString: strerror(errno)))) }
            buffer.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[..<n])) }
        }
        self.init(size: size, modified: modified, fingerprint: Array(hasher.finalize()))
    }

    init(size: Int, modified: Int64, fingerprint: [UInt8]) {
        self.size = size
        self.modified = modified
        self.fingerprint = fingerprint
    }
}
