import Foundation
import Yams

/// A manifest's parsed tree, the same for YAML and JSON, so that one validator reads both
/// and every message can give a line (YAML) or at least a key.
struct ManifestNode: Sendable {
    /// What the node holds.
    enum Value: Sendable {
        case null
        /// A scalar's text, and whether it may be read as a number (a JSON number, or a plain
        /// YAML scalar that resolves to an int or float).
        case scalar(text: String, isNumber: Bool)
        case sequence([ManifestNode])
        case mapping([(key: String, keyLine: Int?, value: ManifestNode)])
    }

    var value: Value
    /// The 1-based line in a YAML file; `nil` for JSON.
    var line: Int?

    /// How a message calls this node's type.
    var typeName: String {
        switch value {
        case .null: return "nothing"
        case let .scalar(_, isNumber): return isNumber ? "a number" : "text"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}

/// Turns YAML or JSON bytes into `ManifestNode`s, counting nodes against a budget.
struct ManifestDocumentParser {
    /// Why parsing stopped; the manifest reader turns it into a `SubmissionError`.
    enum Failure: Error {
        case syntax(String)
        /// A key given twice in one mapping (Yams finds these while composing).
        case duplicateKey(String)
        case tooManyNodes
        case notText
    }

    let maxNodes: Int
    private var visited = 0

    init(maxNodes: Int) { self.maxNodes = maxNodes }

    /// The root of `data`, read as JSON when `isJSON`, else as YAML; `nil` for an empty
    /// document.
    mutating func parse(_ data: Data, isJSON: Bool) throws(Failure) -> ManifestNode? {
        guard var text = String(data: data, encoding: .utf8) else { throw .notText }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.allSatisfy(\.isWhitespace) { return nil }
        if isJSON {
            let json: JSONValue
            do {
                json = try JSONValue.decode(text)
            } catch {
                throw .syntax(error.detail)
            }
            return try convert(json)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let YamlError.duplicatedKeysInMapping(duplicates, _) {
            throw .duplicateKey(duplicates.first ?? "")
        } catch {
            throw .syntax(Self.describe(yamlError: error))
        }
        guard let root else { return nil }
        return try convert(root)
    }

    private mutating func count() throws(Failure) {
        visited += 1
        if visited > maxNodes { throw .tooManyNodes }
    }

    private mutating func convert(_ node: Node) throws(Failure) -> ManifestNode {
        try count()
        let line = node.mark?.line
        switch node {
        case let .scalar(scalar):
            let tag = node.tag.rawValue
            if tag == Tag.Name.null.rawValue { return ManifestNode(value: .null, line: line) }
            let isNumber = scalar.style == .plain && (tag == Tag.Name.int.rawValue || tag == Tag.Name.float.rawValue)
            return ManifestNode(value: .scalar(text: scalar.string, isNumber: isNumber), line: line)
        case let .sequence(sequence):
            var items: [ManifestNode] = []
            for item in sequence { items.append(try convert(item)) }
            return ManifestNode(value: .sequence(items), line: line)
        case let .mapping(mapping):
            var pairs: [(key: String, keyLine: Int?, value: ManifestNode)] = []
            for (key, value) in mapping {
                try count()
                let keyText = key.scalar?.string ?? "\(key)"
                pairs.append((keyText, key.mark?.line, try convert(value)))
            }
            return ManifestNode(value: .mapping(pairs), line: line)
        case .alias:
            // compose resolves aliases to their nodes; an unresolved one is malformed.
            throw .syntax("line \(line ?? 0): an alias that names no anchor")
        }
    }

    private mutating func convert(_ json: JSONValue) throws(Failure) -> ManifestNode {
        try count()
        switch json {
        case .null: return ManifestNode(value: .null)
        case let .bool(flag): return ManifestNode(value: .scalar(text: flag ? "true" : "false", isNumber: false))
        // A number keeps its value as text, so that JSON and YAML numbers go through the same
        // validation.
        case let .number(number): return ManifestNode(value: .scalar(text: "\(number)", isNumber: true))
        case let .string(text): return ManifestNode(value: .scalar(text: text, isNumber: false))
        case let .array(items):
            var nodes: [ManifestNode] = []
            for item in items { nodes.append(try convert(item)) }
            return ManifestNode(value: .sequence(nodes))
        case let .object(members):
            var pairs: [(key: String, keyLine: Int?, value: ManifestNode)] = []
            // JSON objects are unordered; sort so that messages are deterministic.
            for (key, value) in members.sorted(by: { $0.key < $1.key }) {
                try count()
                pairs.append((key, nil, try convert(value)))
            }
            return ManifestNode(value: .mapping(pairs))
        }
    }

    /// One line from a Yams error: the problem and where, without the snippet Yams adds.
    static func describe(yamlError error: any Error) -> String {
        guard let yaml = error as? YamlError else { return describe(foundationError: error) }
        switch yaml {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return "line \(mark.line), column \(mark.column): \(problem)"
        case let .reader(problem, offset, _, _):
            return "\(problem)" + (offset.map { " at byte \($0)" } ?? "")
        case let .duplicatedKeysInMapping(duplicates, _):
            return "key \(duplicates.joined(separator: ", ")) given more than once"
        default:
            return "\(yaml)".split(whereSeparator: \.isNewline).first.map(String.init) ?? "not YAML"
        }
    }

    /// A short, one-line description of a Foundation or POSIX error.
    private static func describe(foundationError error: any Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
            let message = strerror(Int32(underlying.code))
        {
            return String(cString: message).lowercased()
        }
        if ns.domain == NSPOSIXErrorDomain, let message = strerror(Int32(ns.code)) {
            return String(cString: message).lowercased()
        }
        switch ns.code {
        case NSFileReadNoSuchFileError, NSFileNoSuchFileError: return "no such file"
        case NSFileReadNoPermissionError: return "permission denied"
        default: return ns.localizedDescription.split(whereSeparator: \.isNewline).first.map(String.init) ?? "\(ns.code)"
        }
    }
}
