import CCmarkGFM
import Foundation

/// Markdown rendered as GitHub renders a job summary or a README: cmark-gfm with GitHub's
/// extensions (tables, strikethrough, autolinks, task lists, the tag filter), and raw HTML
/// let through (`CMARK_OPT_UNSAFE`), so that a test sees any markup a text would smuggle in.
public enum GitHubMarkdown {
    /// The HTML of `markdown`.
    public static func html(_ markdown: String) -> String {
        cmark_gfm_core_extensions_ensure_registered()
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_UNSAFE
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink", "tasklist", "tagfilter"] {
            if let syntax = name.withCString({ cmark_find_syntax_extension($0) }) {
                cmark_parser_attach_syntax_extension(parser, syntax)
            }
        }
        let bytes = Array(markdown.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
            }
        }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}
