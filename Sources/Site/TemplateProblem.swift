import Mustache

/// A Mustache parse error in words: where (line and column) and what is wrong, with the
/// line itself, for an organizer who edited a template.
enum TemplateProblem {
    /// `error` thrown while parsing a template, as one line without the file's name.
    static func describe(_ error: any Error) -> String {
        guard let parse = error as? MustacheTemplate.ParserError else { return "\(error)" }
        let context = parse.context
        var line = context.line.trimmingCharacters(in: .whitespaces)
        if line.count > 80 { line = String(line.prefix(77)) + "..." }
        let reads = line.isEmpty ? "" : " (the line reads: \(line))"
        return "line \(context.lineNumber), column \(context.columnNumber): \(what(parse.error))\(reads)"
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
