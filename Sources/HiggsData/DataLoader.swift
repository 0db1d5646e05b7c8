import Crypto
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Loads HIGGS.csv, HIGGS.csv.gz or any file in their layout, through the binary cache.
///
/// The first load parses the text on every core (gzip is recognised by its magic bytes,
/// not by its name) and writes the cache; later loads of the unchanged file map the cache
/// and take milliseconds. A changed source (size, modification time or a fingerprint of its
/// ends) is parsed again.
public struct DataLoader: Sendable {
    /// Folder holding the caches, one file per source, named after it.
    public var cacheDirectory: String
    /// Called with (file bytes consumed, file size) as parsing goes; on a background thread.
    public var progress: (@Sendable (Int, Int) -> Void)?
    /// Text bytes per parsed block (smaller in tests, to cross many block boundaries).
    var blockBytes = 4 << 20

    /// A loader whose caches live in `cacheDirectory` (default: `defaultCacheDirectory`).
    public init(cacheDirectory: String = DataLoader.defaultCacheDirectory) {
        self.cacheDirectory = cacheDirectory
    }

    /// `$LEADERBOARD_CACHE`, else `$XDG_CACHE_HOME/leaderboard`, else `~/.cache/leaderboard`.
    public static var defaultCacheDirectory: String {
        let env = ProcessInfo.processInfo.environment
        if let dir = env["LEADERBOARD_CACHE"], !dir.isEmpty { return dir }
        if let xdg = env["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/leaderboard" }
        return NSHomeDirectory() + "/.cache/leaderboard"
    }

    /// A loaded data set and how it was obtained.
    public struct Loaded: Sendable {
        /// The rows.
        public var dataset: HiggsDataset
        /// Whether the rows came from an existing cache (no parsing).
        public var fromCache: Bool
        /// The source file's SHA-256, when it was asked for or is known from the cache.
        public var sha256: String?
        /// The source file's size in bytes.
        public var fileBytes: Int
        /// The cache file used.
        public var cachePath: String
    }

    /// Loads `path`.
    ///
    /// - Parameters:
    ///   - rebuild: parse the source even if a valid cache exists.
    ///   - sha256: also compute the source's SHA-256 (during the parse, or in one extra
    ///     read when the cache does not know it yet).
    /// - Throws: `DataError` naming the file (and line and column for bad rows).
    public func load(_ path: String, rebuild: Bool = false, sha256: Bool = false) throws(DataError) -> Loaded {
        let file = try FileDescriptor(readingFrom: path)
        let identity = try SourceIdentity(of: file)
        let cache = cachePath(for: path)
        if !rebuild, let header = BinaryCache.readHeader(cache), header.source == identity {
            var digest = header.sha256
            if sha256, digest == nil {
                digest = try Self.sha256(of: file)
                BinaryCache.storeSHA256(digest!, in: cache, header: header)
            }
            return Loaded(
                dataset: try BinaryCache.map(cache, header: header), fromCache: true,
                sha256: digest.map(\.hexString), fileBytes: identity.size, cachePath: cache)
        }
        do {
            try FileManager.default.createDirectory(atPath: cacheDirectory, withIntermediateDirectories: true)
        } catch {
            throw DataError(path: cache, reason: .cacheUnwritable("cannot create \(cacheDirectory)"))
        }
        let header = try parse(file, identity: identity, into: cache, sha256: sha256)
        guard header.rows > 0 else { throw DataError(path: path, reason: .empty) }
        return Loaded(
            dataset: try BinaryCache.map(cache, header: header), fromCache: false,
            sha256: header.sha256.map(\.hexString), fileBytes: identity.size, cachePath: cache)
    }

    /// The cache file for `path`: its name plus a hash of its absolute path.
    public func cachePath(for path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let key = SHA256.hash(data: Data(absolute.utf8)).hexString.prefix(16)
        return cacheDirectory + "/" + URL(fileURLWithPath: path).lastPathComponent + "-" + key + ".lbcache"
    }

    private func parse(
        _ file: FileDescriptor, identity: SourceIdentity, into cache: String,
        sha256: Bool
    ) throws(DataError) -> BinaryCache.Header {
        let gzip = try Self.isGzip(file)
        let source: any ByteSource = gzip ? GzipSource(file) : PlainFileSource(file)
        // HIGGS rows are ~680 bytes as %.18e text and ~200 bytes in the sample's format.
        let estimate = gzip ? identity.size / 150 : identity.size / 200
        let writer = try BinaryCache.Writer(path: cache, expectedRows: estimate)
        var reader = ParallelRowReader()
        reader.blockBytes = blockBytes
        if let progress {
            let total = identity.size
            reader.progress = { progress($0, total) }
        }
        let hasher = Unchecked(SHA256())
        do {
            _ = try reader.read(
                source, path: file.path,
                observe: sha256 ? { hasher.value.update(bufferPointer: $0) } : nil,
                sink: { labels, features, values in try writer.append(labels: labels, features: features, values: values) })
        } catch let error as DataError {
            throw error
        } catch {
            throw DataError(path: file.path, reason: .unreadable("\(error)"))
        }
        // For gzip the hash must cover the compressed file, not the text read through it.
        var digest: [UInt8]?
        if sha256 { digest = gzip ? try Self.sha256(of: file) : Array(hasher.value.finalize()) }
        return try writer.finish(source: identity, sha256: digest)
    }

    static func isGzip(_ file: FileDescriptor) throws(DataError) -> Bool {
        var magic: (UInt8, UInt8) = (0, 0)
        let n = withUnsafeMutableBytes(of: &magic) { pread(file.fd, $0.baseAddress, 2, 0) }
        return n == 2 && magic.0 == 0x1F && magic.1 == 0x8B
    }

    /// SHA-256 of the whole file, read in 4 MiB pieces.
    static func sha256(of file: FileDescriptor) throws(DataError) -> [UInt8] {
        var hasher = SHA256()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 4 << 20, alignment: 64)
        defer { buffer.deallocate() }
        var offset = 0
        while true {
            let n = pread(file.fd, buffer.baseAddress, buffer.count, off_t(offset))
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else { throw DataError(path: file.path, reason: .unreadable(String(cString: strerror(errno)))) }
            if n == 0 { break }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[..<n]))
            offset += n
        }
        return Array(hasher.finalize())
    }
}
