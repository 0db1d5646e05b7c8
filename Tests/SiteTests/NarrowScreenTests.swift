import Foundation
import Results
import TestSupport
import Testing

@testable import Site

/// On a phone's narrow screen the page itself never scrolls sideways: what can be wider than
/// the column scrolls in its own box or is scaled to fit. (Measured in Chromium at 400 px: a
/// README's code block of one long command made its entry page 940 px wide, the Rules page's
/// YAML example 462 px, before the stylesheet held them.)
@Suite struct NarrowScreenTests {
    let dir = TemporaryDirectory()
    /// The database of the builder's tests: a hostile README, a failure, two scored entries.
    let source = SiteBuilderTests()

    @Test func everyTableTheTemplatesRenderScrollsInItsOwnBox() throws {
        let db = try source.database()
        try SiteBuilder(database: db, title: "T", templates: nil, pages: nil).build(into: dir.file("site"))
        var tables = 0
        let names = try FileManager.default.subpathsOfDirectory(atPath: dir.file("site"))
        for name in names where name.hasSuffix(".html") {
            let page = try String(contentsOfFile: dir.file("site/" + name), encoding: .utf8)
            let all = page.components(separatedBy: "<table").count - 1
            tables += all
            #expect(page.components(separatedBy: "<div class=\"table-scroll\">\n<table").count - 1 == all, "\(name)")
        }
        #expect(tables >= 10, "the leaderboard's, the failures', the entry pages' and the team pages' tables")
    }

    /// The rules of `css` (`selector, selector { declarations }`), by selector.
    static func declarations(_ css: String) -> [String: [String]] {
        var rules: [String: [String]] = [:]
        let withoutComments = css.replacingOccurrences(of: #"/\*[\s\S]*?\*/"#, with: "", options: .regularExpression)
        for rule in withoutComments.split(separator: "}") {
            let parts = rule.split(separator: "{", maxSplits: 1)
            guard parts.count == 2 else { continue }
            for selector in parts[0].split(separator: ",") {
                rules[selector.trimmingCharacters(in: .whitespacesAndNewlines), default: []].append(String(parts[1]))
            }
        }
        return rules
    }

    @Test func whatParticipantsMarkdownHoldsIsHeldToTheColumn() throws {
        let rules = Self.declarations(try #require(SiteTemplates.builtIn("style.css")))
        for container in [".readme", ".page", ".nb-markdown"] {
            for element in ["pre", "table", "img"] {
                let declared = rules[container + " " + element, default: []].joined(separator: ";")
                let holds = declared.contains("overflow-x: auto") || declared.contains("max-width: 100%")
                #expect(holds, "\(container) \(element) can be wider than a phone's screen: \(declared)")
            }
        }
    }
}
