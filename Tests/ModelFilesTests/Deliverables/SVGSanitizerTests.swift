import Foundation
import Testing

@testable import ModelFiles

/// The SVG rebuild: what a drawing keeps, and every way in that it closes.
@Suite("SVG sanitizer")
struct SVGSanitizerTests {
    private let open = ##"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10">"##

    @Test("a drawing keeps its shapes, ids, clip paths and #id references")
    func keepsDrawing() throws {
        let input =
            open + ##"<defs><clipPath id="p1"><rect x="0" y="0" width="5" height="5"/></clipPath>"##
            + ##"<path id="g-0" d="M 0 0 L 1 1"/></defs><g clip-path="url(#p1)" style="fill: #fff; stroke: #000">"##
            + ##"<use xlink:href="#g-0" x="1"/><text x="1">a &lt; b &amp; c</text></g></svg>"##
        let out = try #require(SVGSanitizer.sanitize(input))
        #expect(
            out == ##"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10">"##
                + ##"<defs><clipPath id="p1"><rect x="0" y="0" width="5" height="5"/></clipPath><path id="g-0" d="M 0 0 L 1 1"/>"##
                + ##"</defs><g clip-path="url(#p1)" style="fill: #fff; stroke: #000"><use xlink:href="#g-0" x="1"/>"##
                + ##"<text x="1">a &lt; b &amp; c</text></g></svg>"##)
    }

    @Test(
        "what is dropped",
        arguments: [
            ##"<script>alert(1)</script>"##, ##"<script><![CDATA[alert(1)]]></script>"##, ##"<rect onload="alert(1)" ONCLICK="x"/>"##,
            ##"<foreignObject><div>alert</div></foreignObject>"##, ##"<a href="javascript:alert(1)"><rect/></a>"##,
            ##"<use href="https://evil.example/a.svg#x"/>"##, ##"<use xlink:href="data:image/svg+xml,alert"/>"##,
            ##"<image href="https://evil.example/i.png"/>"##, ##"<rect fill="url(https://evil.example/p)"/>"##,
            ##"<rect style="background: url(https://evil.example/p)"/>"##, ##"<rect style="fill: u\72l(https://evil.example)"/>"##,
            ##"<style>@import url(https://evil.example/s.css);</style>"##, ##"<set attributeName="href" to="javascript:alert(1)"/>"##,
            ##"<animate attributeName="onload" values="alert(1)"/>"##, ##"<iframe src="https://evil.example"/>"##,
            ##"<rect fill="url(#a) url(https://evil.example)"/>"##,
        ])
    func dropped(inner: String) throws {
        let out = try #require(SVGSanitizer.sanitize(open + inner + "</svg>"))
        for banned in ["alert", "evil", "javascript", "script", "foreignObject", "onload", "onclick", "@import", "\\"] {
            #expect(!out.lowercased().contains(banned.lowercased()), "\(out)")
        }
    }

    @Test(
        "what refuses the whole drawing",
        arguments: [
            ##"<!DOCTYPE svg [<!ENTITY a "alert">]><svg>&a;</svg>"##, "<svg>&unknown;</svg>", "<svg><g></svg>", "<svg><g>",
            "<html><svg/></html>", "<svg/><svg/>", "text<svg/>", ##"<svg a="1<2"/>"##, "<svg a=1/>",
            String(repeating: "<g>", count: 300).replacingOccurrences(of: "<g>", with: "<svg>", options: .anchored)
                + String(repeating: "</g>", count: 299) + "</svg>",
        ])
    func refused(input: String) {
        #expect(SVGSanitizer.sanitize(input) == nil)
    }

    @Test("text between tags is escaped: a tag written as text stays text")
    func textStaysText() throws {
        let out = try #require(SVGSanitizer.sanitize(##"<svg>4animate values="javascript:x"/> &lt;script&gt;</svg>"##))
        #expect(out == ##"<svg xmlns="http://www.w3.org/2000/svg">4animate values="javascript:x"/&gt; &lt;script&gt;</svg>"##)
    }

    @Test("comments, processing instructions and a plain document type are skipped")
    func skipped() throws {
        let input =
            ##"<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/x.dtd">"##
            + ##"<!-- made by <b> --><svg><?pi x?><rect/></svg>"##
        #expect(try #require(SVGSanitizer.sanitize(input)) == ##"<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>"##)
    }
}
