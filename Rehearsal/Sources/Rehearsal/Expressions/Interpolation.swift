/// Evaluates `${{ }}` inside workflow text, and `if:` conditions.
enum Interpolation {
    /// `text` with each `${{ expression }}` replaced by its value's text.
    static func expand(_ text: String, in context: ExpressionContext) throws(RehearsalError) -> String {
        var result = ""
        for piece in try pieces(of: text) {
            switch piece {
            case .text(let literal): result += literal
            case .expression(let source): result += try evaluate(source, in: context).text
            }
        }
        return result
    }

    /// The value of one expression's source text.
    static func evaluate(_ source: String, in context: ExpressionContext) throws(RehearsalError) -> ExpressionValue {
        try ExpressionEvaluator(context: context).evaluate(try ExpressionParser.parse(source))
    }

    /// An `if:` condition: written with or without `${{ }}`; one that calls no status function
    /// is `success() && (condition)`, so a step after a failure is skipped unless it says otherwise.
    static func condition(_ text: String?, in context: ExpressionContext) throws(RehearsalError) -> Bool {
        guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return !context.jobFailed }
        let source = try conditionSource(text)
        let syntax = try ExpressionParser.parse(source)
        let statusFunctions: Set<String> = ["success", "failure", "always", "cancelled"]
        if syntax.calledFunctions.isDisjoint(with: statusFunctions) && context.jobFailed { return false }
        return try ExpressionEvaluator(context: context).evaluate(syntax).isTruthy
    }

    /// The expressions' source texts inside `text` (for the structure checks).
    static func expressions(in text: String) throws(RehearsalError) -> [String] {
        try pieces(of: text).compactMap { if case .expression(let source) = $0 { source } else { nil } }
    }

    /// A condition's expression: the inside of `${{ }}` when the whole text is one, else the text.
    private static func conditionSource(_ text: String) throws(RehearsalError) -> String {
        let parts = try pieces(of: text.trimmingCharacters(in: .whitespacesAndNewlines))
        if parts.count == 1, case .expression(let source) = parts[0] { return source }
        if parts.contains(where: { if case .expression = $0 { true } else { false } }) {
            throw .expression("condition '\(text)' mixes text and ${{ }}")
        }
        return text
    }

    private enum Piece {
        case text(String)
        case expression(String)
    }

    /// Splits text at `${{` … `}}`, skipping `}}` inside quoted strings of the expression.
    private static func pieces(of text: String) throws(RehearsalError) -> [Piece] {
        var pieces: [Piece] = []
        var rest = Substring(text)
        while let open = rest.range(of: "${{") {
            if open.lowerBound > rest.startIndex { pieces.append(.text(String(rest[..<open.lowerBound]))) }
            var index = open.upperBound
            var inString = false
            var close: Range<Substring.Index>?
            while index < rest.endIndex {
                let character = rest[index]
                if character == "'" { inString.toggle() }
                if !inString, character == "}", rest[index...].hasPrefix("}}") {
                    close = index..<rest.index(index, offsetBy: 2)
                    break
                }
                index = rest.index(after: index)
            }
            guard let close else { throw .expression("unterminated '${{' in '\(text)'") }
            pieces.append(.expression(String(rest[open.upperBound..<close.lowerBound])))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { pieces.append(.text(String(rest))) }
        return pieces
    }
}
