/// What URLs cmark-gfm's safe-mode HTML may keep, applied to that HTML.
///
/// In safe mode, cmark-gfm writes raw HTML of the text as a comment and escapes every `<`
/// and `"` of text and attribute values, so every `<a href="` and `<img src="` in its output
/// is a tag cmark-gfm made for a link or image node, and each attribute value ends at the
/// next `"`. That makes a scan of the output as exact as a walk of the document tree (which
/// would have to run in the bounded child, see `BoundedMarkdown`).
///
/// - A link keeps its URL when it is relative or its scheme is `http`, `https` or `mailto`;
///   any other URL is emptied.
/// - An image stays an image only when its URL is an inline `data:` PNG, GIF, JPEG or WebP;
///   any other image, which would make the browser fetch something, becomes a link to its
///   URL (under the rule above) with the image's description as its text.
///
/// A scheme is found as a browser finds it: after HTML character references are decoded,
/// leading spaces and control characters are dropped and tabs and line breaks removed,
/// compared without regard to case.
enum MarkdownURLPolicy {
    static let linkSchemes: Set<String> = ["http", "https", "mailto"]
    static let inlineImageTypes = ["png", "gif", "jpeg", "webp"]

    /// `html` (cmark-gfm's safe-mode output) with the rules applied.
    static func apply(to html: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(html.count)
        var i = 0
        while i < html.count {
            if let (replacement, end) = rewriteImage(html, at: i) ?? rewriteLink(html, at: i) {
                out += replacement
                i = end
            } else {
                out.append(html[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// At `<img src="URL" alt="ALT"[ title="…"] />`: the tag kept or turned into a link, and
    /// the index after it.
    private static func rewriteImage(_ html: [UInt8], at i: Int) -> ([UInt8], Int)? {
        guard let (url, afterURL) = attribute(html, at: i, opening: "<img src=\""),
            let (alt, afterAlt) = attribute(html, at: afterURL, opening: " alt=\""),
            let close = find(" />", in: html, from: afterAlt)
        else { return nil }
        let end = close + 3
        if isInlineImage(url) { return (Array(html[i..<end]), end) }
        let text = alt.isEmpty ? Array("image".utf8) : alt
        return (Array("<a href=\"".utf8) + policedLink(url) + Array("\">".utf8) + text + Array("</a>".utf8), end)
    }

    /// At `<a href="URL"`: the same with the URL policed, and the index after it.
    private static func rewriteLink(_ html: [UInt8], at i: Int) -> ([UInt8], Int)? {
        guard let (url, end) = attribute(html, at: i, opening: "<a href=\"") else { return nil }
        return (Array("<a href=\"".utf8) + policedLink(url) + [UInt8(ascii: "\"")], end)
    }

    /// When `html` at `i` starts with `opening`, the attribute value after it (up to the
    /// next `"`) and the index after that quote.
    private static func attribute(_ html: [UInt8], at i: Int, opening: String) -> ([UInt8], Int)? {
        let prefix = Array(opening.utf8)
        guard i + prefix.count <= html.count, html[i..<i + prefix.count].elementsEqual(prefix),
            let quote = html[(i + prefix.count)...].firstIndex(of: UInt8(ascii: "\""))
        else { return nil }
        return (Array(html[(i + prefix.count)..<quote]), quote + 1)
    }

    private static func find(_ needle: String, in html: [UInt8], from start: Int) -> Int? {
        let bytes = Array(needle.utf8)
        var j = start
        while j + bytes.count <= html.count {
            if html[j..<j + bytes.count].elementsEqual(bytes) { return j }
            if html[j] == UInt8(ascii: "<") || html[j] == UInt8(ascii: "\n") { return nil }
            j += 1
        }
        return nil
    }

    /// `url` (an escaped attribute value) if a link may keep it, else empty.
    static func policedLink(_ url: [UInt8]) -> [UInt8] {
        guard let scheme = scheme(of: url) else { return url }
        return linkSchemes.contains(scheme) ? url : []
    }

    /// Whether `url` is an inline raster image: `data:image/<type>` then `;` or `,`.
    static func isInlineImage(_ url: [UInt8]) -> Bool {
        let text = browserView(url).lowercased()
        return inlineImageTypes.contains { text.hasPrefix("data:image/\($0);") || text.hasPrefix("data:image/\($0),") }
    }

    /// The lowercased scheme of `url` as a browser reads it, or `nil` for a relative URL.
    static func scheme(of url: [UInt8]) -> String? {
        let text = browserView(url)
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let candidate = text[..<colon]
        guard let first = candidate.first, first.isASCII, first.isLetter,
            candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) })
        else {
            return nil
        }
        return candidate.lowercased()
    }

    /// `url` as a browser's URL parser sees it: character references decoded, leading
    /// spaces and controls dropped, tabs and line breaks removed.
    static func browserView(_ url: [UInt8]) -> String {
        var text = decodingReferences(String(decoding: url, as: UTF8.self))
        text.unicodeScalars.removeAll { $0 == "\t" || $0 == "\n" || $0 == "\r" }
        return String(text.unicodeScalars.drop { $0.value <= 0x20 })
    }

    /// `text` with HTML character references (`&amp;`, `&#106;`, `&#x6A;`, `&quot;`, …)
    /// decoded; a named reference other than the few cmark-gfm writes is kept as it is.
    static func decodingReferences(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let named: [String: String] = [
            "amp": "&", "quot": "\"", "lt": "<", "gt": ">", "apos": "'",
            "Tab": "\t", "NewLine": "\n", "colon": ":",
        ]
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semi = after.prefix(32).firstIndex(of: ";") else {
                out += "&"
                rest = after
                continue
            }
            let name = after[..<semi]
            var decoded: String?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
            } else if name.hasPrefix("#") {
                decoded = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
            } else {
                decoded = named[String(name)]
            }
            if let decoded {
                out += decoded
                rest = after[after.index(after: semi)...]
            } else {
                out += "&"
                rest = after
            }
        }
        return out + rest
    }
}
