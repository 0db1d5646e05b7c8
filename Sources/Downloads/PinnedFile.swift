import Foundation

/// A file named by its address and its SHA-256: what a download must deliver, byte for byte.
public struct PinnedFile: Sendable, Equatable {
    /// Where it is fetched from (`http` or `https`).
    public let url: URL
    /// Its SHA-256, 64 lowercase hexadecimal digits.
    public let sha256: String

    /// Checks the address's scheme and the digest's form; the digest is kept in lowercase.
    public init(url: URL, sha256: String) throws(DownloadError) {
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil else {
            throw .unsupportedAddress(url.absoluteString)
        }
        let digest = sha256.lowercased()
        guard digest.utf8.count == 64, digest.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
            throw .malformedDigest(sha256)
        }
        self.url = url
        self.sha256 = digest
    }

    /// The file's name in the download folder: its digest, then the address's last component
    /// reduced to safe characters (the loader recognises gzip by its bytes, the name is for people).
    public var fileName: String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
        let last = String(url.lastPathComponent.filter { allowed.contains($0) }.prefix(80))
        let tail = last.isEmpty || last.allSatisfy({ $0 == "." }) ? "data" : last
        return sha256 + "-" + tail
    }
}
