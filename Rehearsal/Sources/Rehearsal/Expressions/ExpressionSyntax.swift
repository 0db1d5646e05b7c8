/// The parsed form of an expression.
indirect enum ExpressionSyntax: Equatable, Sendable {
    case literal(ExpressionValue)
    /// A context name at the root of a property chain (`github`, `env`, `steps`…).
    case context(String)
    /// `base.name` or `base['name']`; the index may be any expression.
    case index(ExpressionSyntax, ExpressionSyntax)
    case call(String, [ExpressionSyntax])
    case not(ExpressionSyntax)
    case binary(BinaryOperator, ExpressionSyntax, ExpressionSyntax)
}

/// The binary operators, each with its precedence (higher binds tighter).
enum BinaryOperator: String, Sendable {
    case or = "||"
    case and = "&&"
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="

    var precedence: Int {
        switch self {
        case .or: 1
        case .and: 2
        case .equal, .notEqual: 3
        case .less, .lessOrEqual, .greater, .greaterOrEqual: 4
        }
    }
}

extension ExpressionSyntax {
    /// The function names called anywhere in the expression, lowercased.
    var calledFunctions: Set<String> {
        switch self {
        case .literal, .context: Set<String>()
        case .index(let base, let index): base.calledFunctions.union(index.calledFunctions)
        case .call(let name, let arguments): arguments.reduce(into: [name.lowercased()]) { $0.formUnion($1.calledFunctions) }
        case .not(let operand): operand.calledFunctions
        case .binary(_, let left, let right): left.calledFunctions.union(right.calledFunctions)
        }
    }

    /// Every property path read, as dotted text rooted at a context (`github.event.pull_request`).
    var propertyPaths: [String] {
        switch self {
        case .literal: return []
        case .context(let name): return [name]
        case .index(let base, let index):
            let inner = index.propertyPaths
            guard case .literal(.string(let key)) = index else { return base.propertyPaths + inner }
            let paths = base.propertyPaths
            guard let last = paths.last else { return inner }
            return paths.dropLast() + [last + "." + key] + inner
        case .call(_, let arguments): return arguments.flatMap(\.propertyPaths)
        case .not(let operand): return operand.propertyPaths
        case .binary(_, let left, let right): return left.propertyPaths + right.propertyPaths
        }
    }
}
