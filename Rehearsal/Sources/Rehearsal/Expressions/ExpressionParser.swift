/// Parses the text between `${{` and `}}` (or a bare `if:` condition) into `ExpressionSyntax`.
///
/// Grammar: or-chains of and-chains of comparisons of unary terms; a term is a literal, a
/// function call, a parenthesised expression, or a context with `.name` / `['name']` accessors.
struct ExpressionParser {
    private let characters: [Character]
    private var position = 0
    private let source: String

    init(_ source: String) {
        self.source = source
        characters = Array(source)
    }

    /// The whole text as one expression; trailing text is an error.
    static func parse(_ source: String) throws(RehearsalError) -> ExpressionSyntax {
        var parser = ExpressionParser(source)
        let syntax = try parser.parseBinary(minimumPrecedence: 1)
        parser.skipSpace()
        if parser.position < parser.characters.count {
            throw parser.failure("unexpected '\(parser.characters[parser.position])'")
        }
        return syntax
    }

    private mutating func parseBinary(minimumPrecedence: Int) throws(RehearsalError) -> ExpressionSyntax {
        var left = try parseUnary()
        while let op = peekOperator(), op.precedence >= minimumPrecedence {
            position += op.rawValue.count
            let right = try parseBinary(minimumPrecedence: op.precedence + 1)
            left = .binary(op, left, right)
        }
        return left
    }

    private mutating func parseUnary() throws(RehearsalError) -> ExpressionSyntax {
        skipSpace()
        if peek() == "!" && peek(offset: 1) != "=" {
            position += 1
            return .not(try parseUnary())
        }
        return try parsePostfix(try parsePrimary())
    }

    private mutating func parsePrimary() throws(RehearsalError) -> ExpressionSyntax {
        skipSpace()
        guard let character = peek() else { throw failure("unexpected end") }
        if character == "(" {
            position += 1
            let inner = try parseBinary(minimumPrecedence: 1)
            try expect(")")
            return inner
        }
        if character == "'" { return .literal(.string(try parseString())) }
        if character.isNumber || character == "-" || character == "+" || character == "." { return .literal(try parseNumber()) }
        if character.isLetter || character == "_" {
            let name = parseIdentifier()
            skipSpace()
            if peek() == "(" {
                position += 1
                return .call(name, try parseArguments())
            }
            switch name {
            case "true": return .literal(.bool(true))
            case "false": return .literal(.bool(false))
            case "null": return .literal(.null)
            case "NaN": return .literal(.number(.nan))
            case "Infinity": return .literal(.number(.infinity))
            default: return .context(name)
            }
        }
        throw failure("unexpected '\(character)'")
    }

    private mutating func parsePostfix(_ base: ExpressionSyntax) throws(RehearsalError) -> ExpressionSyntax {
        var syntax = base
        while true {
            skipSpace()
            if peek() == "." {
                position += 1
                if peek() == "*" { throw failure("the '.*' filter is not emulated") }
                let name = parseIdentifier()
                if name.isEmpty { throw failure("expected a property name after '.'") }
                syntax = .index(syntax, .literal(.string(name)))
            } else if peek() == "[" {
                position += 1
                if peek() == "*" { throw failure("the '[*]' filter is not emulated") }
                let index = try parseBinary(minimumPrecedence: 1)
                try expect("]")
                syntax = .index(syntax, index)
            } else {
                return syntax
            }
        }
    }

    private mutating func parseArguments() throws(RehearsalError) -> [ExpressionSyntax] {
        var arguments: [ExpressionSyntax] = []
        skipSpace()
        if peek() == ")" {
            position += 1
            return arguments
        }
        while true {
            arguments.append(try parseBinary(minimumPrecedence: 1))
            skipSpace()
            if peek() == "," {
                position += 1
            } else {
                try expect(")")
                return arguments
            }
        }
    }

    /// A single-quoted string; `''` stands for one quote.
    private mutating func parseString() throws(RehearsalError) -> String {
        position += 1
        var value = ""
        while let character = peek() {
            position += 1
            if character == "'" {
                if peek() == "'" {
                    value.append("'")
                    position += 1
                } else {
                    return value
                }
            } else {
                value.append(character)
            }
        }
        throw failure("unterminated string")
    }

    private mutating func parseNumber() throws(RehearsalError) -> ExpressionValue {
        let start = position
        while let character = peek(), character.isHexDigit || "+-.xXeE".contains(character) { position += 1 }
        let text = String(characters[start..<position])
        let value = ExpressionValue.string(text).numeric
        if value.isNaN { throw failure("bad number '\(text)'") }
        return .number(value)
    }

    private mutating func parseIdentifier() -> String {
        let start = position
        while let character = peek(), character.isLetter || character.isNumber || character == "_" || character == "-" {
            position += 1
        }
        return String(characters[start..<position])
    }

    private mutating func peekOperator() -> BinaryOperator? {
        skipSpace()
        let two = String(characters[position..<min(position + 2, characters.count)])
        if let op = BinaryOperator(rawValue: two) { return op }
        return BinaryOperator(rawValue: String(two.prefix(1)))
    }

    private mutating func expect(_ character: Character) throws(RehearsalError) {
        skipSpace()
        guard peek() == character else { throw failure("expected '\(character)'") }
        position += 1
    }

    private mutating func skipSpace() {
        while let character = peek(), character.isWhitespace { position += 1 }
    }

    private func peek(offset: Int = 0) -> Character? {
        position + offset < characters.count ? characters[position + offset] : nil
    }

    private func failure(_ reason: String) -> RehearsalError {
        .expression("cannot parse '\(source)': \(reason)")
    }
}
