import Foundation

/// The functions of GitHub's expression language that workflows use; any other name is an error.
enum ExpressionFunctions {
    static func call(_ name: String, arguments: [ExpressionSyntax], evaluator: ExpressionEvaluator)
        throws(RehearsalError) -> ExpressionValue
    {
        let lowered = name.lowercased()
        guard let arity = arities[lowered] else { throw .expression("unknown function '\(name)()'") }
        guard arity.contains(arguments.count) else {
            throw .expression("\(name)() takes \(arity.lowerBound)\(arity.count > 1 ? " or more" : "") arguments, not \(arguments.count)")
        }
        var values: [ExpressionValue] = []
        for argument in arguments { values.append(try evaluator.evaluate(argument)) }
        let context = evaluator.context
        switch lowered {
        case "success": return .bool(!context.jobFailed)
        case "failure": return .bool(context.jobFailed)
        case "always": return .bool(true)
        case "cancelled": return .bool(false)
        case "contains": return .bool(contains(values[0], values[1]))
        case "startswith": return .bool(values[0].text.lowercased().hasPrefix(values[1].text.lowercased()))
        case "endswith": return .bool(values[0].text.lowercased().hasSuffix(values[1].text.lowercased()))
        case "format": return .string(try format(values[0].text, values.dropFirst().map(\.text)))
        case "join": return .string(join(values[0], separator: values.count > 1 ? values[1].text : ","))
        case "tojson": return .string(values[0].json)
        case "fromjson": return try fromJSON(values[0].text)
        case "hashfiles": return .string(try HashFiles.hash(patterns: values.map(\.text), workspace: context.workspace))
        default: throw .expression("unknown function '\(name)()'")
        }
    }

    /// How many arguments each function takes.
    private static let arities: [String: ClosedRange<Int>] = [
        "success": 0...0, "failure": 0...0, "always": 0...0, "cancelled": 0...0,
        "contains": 2...2, "startswith": 2...2, "endswith": 2...2, "format": 1...64, "join": 1...2,
        "tojson": 1...1, "fromjson": 1...1, "hashfiles": 1...64,
    ]

    /// A substring of a string ignoring case, or a loosely equal element of an array.
    private static func contains(_ haystack: ExpressionValue, _ needle: ExpressionValue) -> Bool {
        if case .array(let items) = haystack { return items.contains { $0.looselyEquals(needle) } }
        return haystack.text.lowercased().contains(needle.text.lowercased())
    }

    /// `format('{0} and {1}', a, b)`; `{{` and `}}` stand for braces.
    static func format(_ template: String, _ arguments: [String]) throws(RehearsalError) -> String {
        var result = ""
        let pending = Array(template)
        var index = 0
        while index < pending.count {
            let character = pending[index]
            let next: Character? = index + 1 < pending.count ? pending[index + 1] : nil
            if character == "{" && next == "{" || character == "}" && next == "}" {
                result.append(character)
                index += 2
            } else if character == "{" {
                guard let close = pending[index...].firstIndex(of: "}"), let position = Int(String(pending[(index + 1)..<close])),
                    position < arguments.count
                else { throw .expression("format('\(template)'): bad or missing argument index") }
                result += arguments[position]
                index = close + 1
            } else if character == "}" {
                throw .expression("format('\(template)'): unmatched '}'")
            } else {
                result.append(character)
                index += 1
            }
        }
        return result
    }

    private static func join(_ value: ExpressionValue, separator: String) -> String {
        if case .array(let items) = value { return items.map(\.text).joined(separator: separator) }
        return value.text
    }

    private static func fromJSON(_ text: String) throws(RehearsalError) -> ExpressionValue {
        do {
            return try JSONDecoder().decode(DecodedJSON.self, from: Data(text.utf8)).value
        } catch {
            throw .expression("fromJSON: not JSON: \(text.prefix(40))")
        }
    }
}

/// Any JSON text as an expression value (booleans stay booleans, numbers numbers).
private struct DecodedJSON: Decodable {
    let value: ExpressionValue

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            value = .null
        } else if let bool = try? container.decode(Bool.self) {
            value = .bool(bool)
        } else if let number = try? container.decode(Double.self) {
            value = .number(number)
        } else if let string = try? container.decode(String.self) {
            value = .string(string)
        } else if let array = try? container.decode([DecodedJSON].self) {
            value = .array(array.map(\.value))
        } else {
            value = .object(ExpressionObject(try container.decode([String: DecodedJSON].self).mapValues(\.value)))
        }
    }
}
