import Foundation

/// The workspace's Markdown pages, rendered through cmark-gfm: `overview.md` becomes
/// `overview.html`, titled by its first heading. Organizers write these, so they are
/// trusted less than templates but more than submissions: still rendered in safe mode.
struct ContentPages {
    struct Page {
        var file: String
        var title: String
        var html: String
    }

    let pages: [Page]

    /// The page named `file` (e.g. `data.html`), if the folder has it.
    func page(_ file: String) -> Page? { pages.first { $0.file == file } }

    init(folder: String?) {
        guard let folder, let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            pages = []
            return
        }
        pages = names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted().compactMap { name in
            guard let text = try? String(contentsOfFile: folder + "/" + name, encoding: .utf8) else { return nil }
            let base = String(name.dropLast(3))
            let heading = text.split(separator: "\n").first { $0.hasPrefix("# ") }.map { String($0.dropFirst(2)) }
            return Page(file: base + ".html", title: heading ?? base, html: Markdown.html(text))
        }
    }
}
