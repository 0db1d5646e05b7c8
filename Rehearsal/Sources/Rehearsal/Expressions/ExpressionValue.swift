import Foundation

/// A value of GitHub's expression language: the JSON kinds, with the language's own truthiness,
/// loose equality and conversion to text.
indirect enum ExpressionValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([ExpressionValue])
    case object(ExpressionObject)

    /// false, 0, -0, NaN, '' and null are falsy; everything else, objects and arrays included, truthy.
    var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let value): value
        case .number(let value): value != 0 && !value.isNaN
        case .string(let value): !value.isEmpty
        case .array, .object: true
        }
    }

    /// The value as it is spliced into text: null is empty, whole numbers lose their fraction.
    var text: String {
        switch self {
        case .null: ""
        case .bool(let value): value ? "true" : "false"
        case .number(let value): Self.format(value)
        case .string(let value): value
        case .array: "Array"
        case .object: "Object"
        }
    }

    /// The value as a number, the way GitHub coerces operands of different kinds before comparing:
    /// null 0, booleans 1 and 0, strings parsed (empty is 0, unparsable NaN), containers NaN.
    var numeric: Double {
        switch self {
        case .null: return 0
        case .bool(let value): return value ? 1 : 0
        case .number(let value): return value
        case .string(let value):
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return 0 }
            if trimmed.lowercased().hasPrefix("0x"), let hex = Int(trimmed.dropFirst(2), radix: 16) { return Double(hex) }
            return Double(trimmed) ?? .nan
        case .array, .object: return .nan
        }
    }

    /// `==` as GitHub defines it: same kinds compare directly (strings ignoring case), different
    /// kinds compare as numbers; containers are equal only to themselves.
    func looselyEquals(_ other: ExpressionValue) -> Bool {
        switch (self, other) {
        case (.null, .null): true
        case (.string(let left), .string(let right)): left.caseInsensitiveCompare(right) == .orderedSame
        case (.bool(let left), .bool(let right)): left == right
        case (.number(let left), .number(let right)): left == right
        case (.array, .array), (.object, .object): self == other
        case (.array, _), (.object, _), (_, .array), (_, .object): false
        default: numeric == other.numeric
        }
    }

    /// `<` and friends: strings (both) compare ignoring case, anything else as numbers.
    func compare(_ other: ExpressionValue) -> ComparisonResult? {
        if case .string(let left) = self, case .string(let right) = other {
            return left.lowercased().compare(right.lowercased())
        }
        let (left, right) = (numeric, other.numeric)
        if left.isNaN || right.isNaN { return nil }
        return left < right ? .orderedAscending : left == right ? .orderedSame : .orderedDescending
    }

    /// The JSON text of the value, as `toJSON` gives it (pretty-printed, keys sorted).
    var json: String {
        json(indent: "")
    }

    private func json(indent: String) -> String {
        switch self {
        case .null: return "null"
        case .bool, .number: return text
        case .string(let value):
            let data = (try? JSONEncoder().encode(value)) ?? Data()
            return String(decoding: data, as: UTF8.self)
        case .array(let items):
            if items.isEmpty { return "[]" }
            let inner = indent + "  "
            return "[\n" + items.map { inner + $0.json(indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case .object(let object):
            if object.fields.isEmpty { return "{}" }
            let inner = indent + "  "
            let lines = object.fields.keys.sorted().map { key in
                "\(inner)\(ExpressionValue.string(key).json): \(object.fields[key, default: .null].json(indent: inner))"
            }
            return "{\n" + lines.joined(separator: ",\n") + "\n\(indent)}"
        }
    }

    /// Whole numbers without a fraction (`3`, not `3.0`), others in their shortest form.
    private static func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "Infinity" : "-Infinity" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}

/// An object of the expression language. A context the runner builds completely (`github`,
/// `runner`) is closed: reading a property it lacks is an error, not the silent null GitHub
/// would give for a property it has and the rehearsal does not.
struct ExpressionObject: Equatable, Sendable {
    var fields: [String: ExpressionValue]
    /// The dotted name used in the error when a missing property is read; nil for open objects.
    var closedName: String?

    init(_ fields: [String: ExpressionValue] = [:], closedName: String? = nil) {
        self.fields = fields
        self.closedName = closedName
    }

    /// The property, matched ignoring case as GitHub does.
    func property(_ name: String) throws(RehearsalError) -> ExpressionValue {
        if let value = fields[name] { return value }
        if let key = fields.keys.first(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) {
            return fields[key, default: .null]
        }
        if let closedName {
            throw .expression("'\(closedName).\(name)' is not emulated by the rehearsal")
        }
        return .null
    }
}

extension ExpressionValue {
    /// An open object from string values (`env`, `secrets`, step outputs).
    static func strings(_ values: [String: String]) -> ExpressionValue {
        .object(ExpressionObject(values.mapValues { .string($0) }))
    }
}
