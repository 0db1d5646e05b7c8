/// Evaluates parsed expressions against a context.
struct ExpressionEvaluator {
    let context: ExpressionContext

    func evaluate(_ syntax: ExpressionSyntax) throws(RehearsalError) -> ExpressionValue {
        switch syntax {
        case .literal(let value):
            return value
        case .context(let name):
            return try context.context(name)
        case .index(let base, let index):
            let container = try evaluate(base)
            let key = try evaluate(index)
            switch container {
            case .object(let object):
                return try object.property(key.text)
            case .array(let items):
                let position = key.numeric
                guard position >= 0, position == position.rounded(), Int(position) < items.count else { return .null }
                return items[Int(position)]
            default:
                return .null
            }
        case .call(let name, let arguments):
            return try ExpressionFunctions.call(name, arguments: arguments, evaluator: self)
        case .not(let operand):
            return .bool(!(try evaluate(operand).isTruthy))
        case .binary(let op, let left, let right):
            return try evaluate(op, left, right)
        }
    }

    /// `&&` and `||` short-circuit and give one of their operands, as in GitHub (`a || 'b'`).
    private func evaluate(_ op: BinaryOperator, _ leftSyntax: ExpressionSyntax, _ rightSyntax: ExpressionSyntax)
        throws(RehearsalError) -> ExpressionValue
    {
        let left = try evaluate(leftSyntax)
        switch op {
        case .and: return left.isTruthy ? try evaluate(rightSyntax) : left
        case .or: return left.isTruthy ? left : try evaluate(rightSyntax)
        default: break
        }
        let right = try evaluate(rightSyntax)
        switch op {
        case .equal: return .bool(left.looselyEquals(right))
        case .notEqual: return .bool(!left.looselyEquals(right))
        case .less: return .bool(left.compare(right) == .orderedAscending)
        case .lessOrEqual: return .bool([.orderedAscending, .orderedSame].contains(left.compare(right)))
        case .greater: return .bool(left.compare(right) == .orderedDescending)
        case .greaterOrEqual: return .bool([.orderedDescending, .orderedSame].contains(left.compare(right)))
        case .and, .or: return .null
        }
    }
}
