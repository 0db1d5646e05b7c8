import Foundation
import TestSupport
import Testing

@testable import Site

/// The repository's `templates/` folder is the one copy of the templates: the binary embeds
/// exactly its files.
@Suite struct TemplatesFolderTests {
    @Test func theEmbeddedTemplatesAreTheRepositorysTemplatesFolder() throws {
        let folder = SharedFixtures.repositoryRoot + "/templates/"
        for name in SiteTemplates.fileNames {
            let embedded = try #require(SiteTemplates.builtIn(name), "\(name) is not embedded")
            #expect(embedded == (try String(contentsOfFile: folder + name, encoding: .utf8)), "\(name)")
        }
        let inFolder = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0 != "README.md" }.sorted()
        #expect(inFolder == SiteTemplates.fileNames.sorted(), "a file in templates/ the site never renders, or one missing")
    }
}
