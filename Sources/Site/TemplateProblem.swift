import Mustache

/// A Mustache parse error in words: where (line and column) and what is wrong, with the
/// line itself, for an organizer who edited a template.
enum TemplateProblem {
    /// `error` thrown while parsing `text`, as one line without the file's name.
    static func describe(_ error: any Error, in text: String) -> String {
        guard let parse = error as? MustacheTemplate.ParserError else { return "\(error)" }
        var place = (line: parse.context.line, number: parse.context.lineNumber, column: parse.context.columnNumber)
        let what: String
        if parse.error is MustacheTemplate.Error {
            what = Self.what(parse.error)
        } else if "\(parse.error)" == "overflow" {
            // The parser's own error (a type the library keeps internal): it ran out of text inside
            // a tag, and says so at the end of the file. What to fix is where that tag opened.
            what = "a tag is never closed: every {{ needs its }} (and a comment {{! … }} too)"
            if let opening = unclosedTag(in: text) { place = opening }
        } else {
            what = "the parser stopped (\(parse.error))"
        }
        var line = place.line.trimmingCharacters(in: .whitespaces)
        if line.count > 80 { line = String(line.prefix(77)) + "..." }
        let reads = line.isEmpty ? "" : " (the line reads: \(line))"
        return "line \(place.number), column \(place.column): \(what)\(reads)"
    }

    /// The last `{{` of `text` that no `}}` follows: its line, line number and column (from 1).
    static func unclosedTag(in text: String) -> (line: String, number: Int, column: Int)? {
        guard let open = text.range(of: "{{", options: .backwards), !text[open.upperBound...].contains("}}") else { return nil }
        let before = text[..<open.lowerBound]
        let lineStart = before.lastIndex(of: "\n").map(text.index(after:)) ?? text.startIndex
        let lineEnd = text[open.lowerBound...].firstIndex(of: "\n") ?? text.endIndex
        return (
            String(text[lineStart..<lineEnd]), before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 },
            text.distance(from: lineStart, to: open.lowerBound) + 1
        )
    }

    /// What a parser error means.
    static func what(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect:
            return "a section is closed with another name than the one that opened it ({{/name}} must match {{#name}} or {{^name}})"
        case .unfinishedName: return "a tag is not finished: every {{ needs its }} (and {{{ its }}})"
        case .expectedSectionEnd: return "the template ends before a section it opened is closed with {{/name}}"
        case .invalidSetDelimiter: return "a delimiter change {{=<% %>=}} is malformed"
        case .transformAppliedToInheritanceSection: return "a transform is applied to an inherited section, which cannot take one"
        case .illegalTokenInsideInheritSection: return "a partial's inherited section holds a tag it cannot hold"
        case .textInsideInheritSection: return "text stands inside a partial's inherited section, outside any block"
        case .invalidConfigVariableSyntax: return "a {{% … }} setting is malformed"
        case .unrecognisedConfigVariable: return "a {{% … }} setting names an unknown variable"
        }
    }
}
