import Foundation

/// The pages of a built site: every `.html` file under its folder, by path.
public enum SitePages {
    /// The pages' paths relative to `site`, sorted (`index.html`, `entries/1.html`, …).
    /// - Throws: when `site` is not a readable folder, or holds no page.
    public static func list(in site: URL) throws -> [String] {
        let root = site.standardizedFileURL.resolvingSymlinksInPath()
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
            throw BrowserError.pageFailed("\(site.path) is not a folder")
        }
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        var pages: [String] = []
        for case let url as URL in walker where url.pathExtension == "html" {
            let path = url.resolvingSymlinksInPath().path
            if path.hasPrefix(prefix) { pages.append(String(path.dropFirst(prefix.count))) }
        }
        guard !pages.isEmpty else { throw BrowserError.pageFailed("\(site.path) holds no .html page") }
        return pages.sorted { ($0.split(separator: "/").count, $0) < ($1.split(separator: "/").count, $1) }
    }
}
