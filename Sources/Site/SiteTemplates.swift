import Foundation
import Mustache

/// The site's Mustache templates and stylesheet: the built-in ones, each replaceable by a
/// file of the same name in the workspace's `templates/` folder.
struct SiteTemplates {
    /// Template names the builder renders.
    static let names = ["layout", "leaderboard", "entry", "page", "data", "team", "deliverables"]

    let library: MustacheLibrary
    let stylesheet: String

    /// Loads the templates, preferring `overrides/NAME.mustache` and `overrides/style.css`.
    init(overrides: String?) throws(SiteError) {
        var library = MustacheLibrary()
        for name in Self.names {
            let text = try Self.text(named: name + ".mustache", overrides: overrides)
            do {
                try library.register(text, named: name)
            } catch {
                throw SiteError.badTemplate(name + ".mustache", TemplateProblem.describe(error, in: text))
            }
        }
        self.library = library
        stylesheet = try Self.text(named: "style.css", overrides: overrides)
    }

    /// Every built-in file: the templates and the stylesheet.
    static var fileNames: [String] { names.map { $0 + ".mustache" } + ["style.css"] }

    /// The built-in file `name`, for `init` to copy into a workspace.
    static func builtIn(_ name: String) -> String? {
        // The repository's templates/ folder, embedded file by file (Sources/Site/Templates is a
        // link to it): one copy, which the repository's own workspace also reads.
        guard
            let url = Bundle.module.url(forResource: name, withExtension: nil)
                ?? Bundle.module.resourceURL?.appendingPathComponent(name)
        else { return nil }
        return try? String(contentsOf: url, encoding: .utf8)
    }

    private static func text(named name: String, overrides: String?) throws(SiteError) -> String {
        if let overrides, let text = try? String(contentsOfFile: overrides + "/" + name, encoding: .utf8) {
            return text
        }
        guard let text = builtIn(name) else { throw SiteError.badTemplate(name, "the built-in copy is missing") }
        return text
    }

    /// Renders `object` with template `name`, its values read once (``TemplateValues``).
    func render(_ object: Any, with name: String) throws(SiteError) -> String {
        guard let html = library.render(TemplateValues.converted(object) as Any, withTemplate: name) else {
            throw SiteError.badTemplate(name + ".mustache", "it could not be rendered")
        }
        return html
    }
}

/// Why the site could not be built; one line with what to do.
enum SiteError: Error, CustomStringConvertible {
    /// A template is missing or does not parse.
    case badTemplate(String, String)
    /// A file or folder of the site could not be written.
    case unwritable(String, String)
    /// The database holds no data set yet.
    case noData

    /// One line with what to do.
    var description: String {
        switch self {
        case let .badTemplate(name, why):
            "template \(name): \(why). Fix it, or delete it from templates/ to use the built-in one."
        case let .unwritable(path, why):
            "\(path): cannot write the site (\(why)); the last good site was left in place."
        case .noData:
            "the database holds no scored data set yet. Run `leaderboard score` (or `leaderboard demo`) first."
        }
    }
}
