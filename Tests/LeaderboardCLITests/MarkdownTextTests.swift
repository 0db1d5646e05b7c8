import Foundation
import TestSupport
import Testing

@testable import LeaderboardCLI

/// Participant text made inert in a Markdown job summary.
@Suite struct MarkdownTextTests {
    /// `markdown` rendered as GitHub renders a job summary (cmark-gfm, its extensions, raw HTML kept).
    func html(_ markdown: String) throws -> String { GitHubMarkdown.html(markdown) }

    @Test func everyPunctuationCharacterIsLiteralAndEveryControlASpace() throws {
        let punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
        let escaped = MarkdownText.escaped(punctuation + "\n\r\t\u{1B}\u{85}\u{202E}é")
        #expect(!escaped.unicodeScalars.contains { TerminalText.isControl($0, keepingLines: false) })
        // Rendered, the text is the text: nothing of it was read as syntax.
        let shown = try html("x " + escaped)
        #expect(shown == "<p>x !&quot;#$%&amp;'()*+,-./:;&lt;=&gt;?@\u{2060}[\\]^_`{|}~      é</p>\n")
    }

    @Test func aCodeBlockCannotBeClosedByItsContent() throws {
        let hostile = "layer ```\n```\n````\n<img src=x>\n# heading\u{1B}[2K"
        let block = MarkdownText.codeBlock(hostile)
        #expect(block.hasPrefix("`````\n") && block.hasSuffix("\n`````"))
        let shown = try html(block + "\n\nafter")
        #expect(shown == "<pre><code>layer ```\n```\n````\n&lt;img src=x&gt;\n# heading[2K\n</code></pre>\n<p>after</p>\n")
    }
}
