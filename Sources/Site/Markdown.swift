import Foundation
import Plots

/// Markdown to HTML through cmark-gfm, in its safe mode, with three guarantees on top:
///
/// - raw HTML in the text becomes a comment, and no link keeps a URL other than a relative
///   one or an `http:`, `https:` or `mailto:` one (`MarkdownURLPolicy`; schemes compared
///   without regard to case, after entities are decoded and controls removed);
/// - no page loads anything from another host: an image stays an image only when it is an
///   inline `data:` PNG, GIF, JPEG or WebP (plots); any other image becomes a link to its URL;
/// - rendering is bounded: cmark-gfm runs in a child process with a CPU-time limit
///   (`BoundedMarkdown`), and a text that exceeds it is shown as plain, escaped text.
public enum Markdown {
    /// The HTML of `text` (CommonMark; smart punctuation on; `CMARK_OPT_UNSAFE` never set).
    static func html(_ text: String) -> String {
        boundedHTML(text) ?? plainText(text)
    }

    /// The HTML of `text`, or `nil` when cmark-gfm could not render it within its limits.
    static func boundedHTML(_ text: String) -> String? {
        guard !text.isEmpty else { return "" }
        return BoundedMarkdown.render(Array(text.utf8)).map(MarkdownURLPolicy.apply)
    }

    /// `text` as an escaped preformatted block, for a text cmark-gfm could not render in time
    /// (or, with `note`, was not given the time).
    static func plainText(
        _ text: String, note: String = "This text took too long to render as Markdown; it is shown as written."
    ) -> String {
        return "<p><em>\(note)</em></p>\n<pre>" + XMLEscaping.text(text) + "</pre>\n"
    }
}
