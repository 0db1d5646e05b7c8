import CCmark
#if canImport(Glibc)
import Glibc
#endif

/// Markdown to HTML through libcmark, in its safe mode: raw HTML in the text becomes a
/// comment and `javascript:`, `vbscript:`, `file:` and `data:` URLs are emptied, so a
/// participant's README cannot inject script into the site. libcmark lets `data:` PNG, GIF,
/// JPEG and WebP URLs through; they stay for images (inline plots) and are emptied in links.
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
        return withoutDataLinks(String(cString: rendered))
    }

    /// `html` with every `href="data:…"` emptied. libcmark escapes `"` inside attribute
    /// values, so a value ends at the next `"`.
    static func withoutDataLinks(_ html: String) -> String {
        guard html.contains("href=\"data:") else { return html }
        var out = ""
        var rest = Substring(html)
        while let start = rest.range(of: "href=\"data:") {
            out += rest[..<start.lowerBound] + "href=\""
            rest = rest[start.upperBound...]
            if let end = rest.firstIndex(of: "\"") { rest = rest[end...] }
        }
        return out + rest
    }
}
