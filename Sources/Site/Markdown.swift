import CCmark
#if canImport(Glibc)
import Glibc
#endif

/// Markdown to HTML through libcmark, in its safe mode: raw HTML in the text becomes a
/// comment and `javascript:`, `vbscript:`, `file:` and `data:` links (but images) are
/// emptied, so a participant's README cannot inject script into the site.
public enum Markdown {
    /// The HTML of `text` (CommonMark; smart punctuation on; `CMARK_OPT_UNSAFE` never set).
    public static func html(_ text: String) -> String {
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8
        let bytes = Array(text.utf8)
        guard let rendered = bytes.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_markdown_to_html($0, buffer.count, options)
                }
            } ?? cmark_markdown_to_html("", 0, options)
        }) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}
