/// Text from submissions (folder and team names, titles, failure reasons that quote a file)
/// made inert in GitHub-flavoured Markdown, for a job summary that a pull request's author
/// fills: it can show any name, and no name can add a link, an image, HTML, a heading, a
/// table cell or a line of its own.
///
/// Every control character (line breaks and tabs too, and the ones `TerminalText` escapes)
/// becomes a space, so the text stays on the line the tool put it on; every ASCII punctuation
/// character, each of which CommonMark lets a backslash make literal, gets one. That covers
/// the syntax (backslash, backtick, `*`, `_`, `[`, `]`, `<`, `>`, `#`, `|`, `!`), entities (`&`), strikethrough (`~`) and the
/// autolinks GitHub finds in bare text after `www.` and `https://`, whose escaped dots and
/// colons are no longer the text it looks for. E-mail addresses it finds even escaped: an
/// invisible word joiner follows each at sign.
enum MarkdownText {
    /// The ASCII punctuation characters, which CommonMark lets a backslash make literal.
    private static let punctuation = Set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars)

    /// `text` on one line, with nothing Markdown reads as syntax.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if TerminalText.isControl(scalar, keepingLines: false) {
                out.append(" ")
            } else {
                if punctuation.contains(scalar) { out.append("\\") }
                out.unicodeScalars.append(scalar)
                // GitHub finds e-mail addresses in text nodes, escaped or not: a word joiner
                // (invisible) after the at sign keeps `a@b.c` from being one.
                if scalar == "@" { out.unicodeScalars.append("\u{2060}") }
            }
        }
        return out
    }

    /// `text` as a fenced code block, shown as written: its control characters but line feeds
    /// dropped, and a fence longer than any run of backticks in it, so no line of it can close
    /// the block.
    static func codeBlock(_ text: String) -> String {
        var body = String.UnicodeScalarView()
        var run = 0, longest = 0
        for scalar in text.unicodeScalars where scalar == "\n" || !TerminalText.isControl(scalar, keepingLines: false) {
            run = scalar == "`" ? run + 1 : 0
            longest = max(longest, run)
            body.append(scalar)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return fence + "\n" + String(body) + "\n" + fence
    }
}
