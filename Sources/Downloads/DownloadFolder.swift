/// The folder downloads are kept in: `downloads/` inside the cache folder, beside the parsed
/// caches. A verified file is named after its digest, so finding it is a name lookup; a file
/// still arriving has `.partial` appended and is never read as data.
public struct DownloadFolder: Sendable {
    /// The folder's path.
    public let path: String

    /// The download folder of the cache folder `cacheDirectory`.
    public init(cacheDirectory: String) {
        path = cacheDirectory + "/downloads"
    }

    /// Where `file` is once downloaded and verified.
    public func verifiedPath(of file: PinnedFile) -> String {
        path + "/" + file.fileName
    }

    /// Where `file`'s bytes accumulate while it is fetched, kept between runs to resume.
    public func partialPath(of file: PinnedFile) -> String {
        verifiedPath(of: file) + ".partial"
    }
}
