import Foundation

/// Reads Universal Binary JSON (draft 12, as XGBoost's `save_model('m.ubj')` writes it)
/// into a ``JSONValue``, refusing anything damaged before it allocates for it.
///
/// Numbers are big-endian; containers may declare a count (`#`) and one element type
/// (`$`), as XGBoost writes its per-node arrays (`[$d#L…` for float32). A declared count is
/// checked against the bytes left in the file before anything is reserved, and every value
/// counts against `maxValues`, so a file can make the reader hold no more than a few
/// values per byte it has. Containers nest at most ``maxDepth`` deep.
struct UBJSONReader {
    /// Why the bytes are not UBJSON: one line that says where.
    struct SyntaxError: Error, Sendable {
        var detail: String
    }

    /// Deepest nesting of arrays and objects read.
    static let maxDepth = 64

    private let bytes: [UInt8]
    private var position = 0
    private var valuesLeft: Int

    /// Parses `data` as one UBJSON value (trailing no-op `N` bytes allowed), holding at most
    /// `maxValues` values.
    static func decode(_ data: Data, maxValues: Int) throws(SyntaxError) -> JSONValue {
        var reader = UBJSONReader(bytes: [UInt8](data), valuesLeft: maxValues)
        let value = try reader.value(depth: 0)
        while reader.position < reader.bytes.count, reader.bytes[reader.position] == UInt8(ascii: "N") {
            reader.position += 1
        }
        guard reader.position == reader.bytes.count else {
            throw reader.failure("\(reader.bytes.count - reader.position) bytes follow the end of the top value")
        }
        return value
    }

    private init(bytes: [UInt8], valuesLeft: Int) {
        self.bytes = bytes
        self.valuesLeft = valuesLeft
    }

    private func failure(_ detail: String) -> SyntaxError {
        SyntaxError(detail: "UBJSON at byte \(position): \(detail)")
    }

    private mutating func byte() throws(SyntaxError) -> UInt8 {
        guard position < bytes.count else { throw failure("the data ends early (the file is truncated)") }
        defer { position += 1 }
        return bytes[position]
    }

    /// The next `count` bytes, big-endian, as an unsigned number.
    private mutating func bigEndian(_ count: Int) throws(SyntaxError) -> UInt64 {
        guard count <= bytes.count - position else { throw failure("the data ends early (the file is truncated)") }
        var value: UInt64 = 0
        for offset in 0..<count { value = value << 8 | UInt64(bytes[position + offset]) }
        position += count
        return value
    }

    /// Bytes a value of a fixed-size type takes, or nil for the others.
    private static func fixedSize(_ marker: UInt8) -> Int? {
        switch marker {
        case UInt8(ascii: "i"), UInt8(ascii: "U"), UInt8(ascii: "C"): return 1
        case UInt8(ascii: "I"): return 2
        case UInt8(ascii: "l"), UInt8(ascii: "d"): return 4
        case UInt8(ascii: "L"), UInt8(ascii: "D"): return 8
        default: return nil
        }
    }

    /// An integer of the type `marker` names (a length or count).
    private mutating func integer(_ marker: UInt8) throws(SyntaxError) -> Int64 {
        switch marker {
        case UInt8(ascii: "i"): return Int64(Int8(truncatingIfNeeded: try bigEndian(1)))
        case UInt8(ascii: "U"): return Int64(try bigEndian(1))
        case UInt8(ascii: "I"): return Int64(Int16(truncatingIfNeeded: try bigEndian(2)))
        case UInt8(ascii: "l"): return Int64(Int32(truncatingIfNeeded: try bigEndian(4)))
        case UInt8(ascii: "L"): return Int64(bitPattern: try bigEndian(8))
        default: throw failure("expected an integer marker, found \(Self.show(marker))")
        }
    }

    /// A length or count: an integer, not negative, for elements of at least `bytesEach`
    /// bytes that must fit in the rest of the file (checked after the integer is read) and,
    /// for values, in what is left of the reader's limit.
    private mutating func length(what: String, bytesEach: Int, values: Bool) throws(SyntaxError) -> Int {
        let value = try integer(try byte())
        guard value >= 0 else { throw failure("a negative \(what) (\(value))") }
        let room = (bytes.count - position) / bytesEach
        guard value <= Int64(room) else {
            throw failure("a \(what) of \(value), more than the \(room) the rest of the file can hold (is it truncated?)")
        }
        guard !values || value <= Int64(valuesLeft) else {
            throw failure("a \(what) of \(value), more values than the reader's limit leaves (\(valuesLeft))")
        }
        return Int(value)
    }

    private mutating func string() throws(SyntaxError) -> String {
        let count = try length(what: "string length", bytesEach: 1, values: false)
        defer { position += count }
        return String(decoding: bytes[position..<position + count], as: UTF8.self)
    }

    private mutating func take() throws(SyntaxError) {
        guard valuesLeft > 0 else { throw failure("more values than the reader's limit") }
        valuesLeft -= 1
    }

    /// The next marker, past any no-op `N` bytes.
    private mutating func nextMarker() throws(SyntaxError) -> UInt8 {
        var marker = try byte()
        while marker == UInt8(ascii: "N") { marker = try byte() }
        return marker
    }

    private mutating func value(depth: Int) throws(SyntaxError) -> JSONValue {
        try value(marker: try nextMarker(), depth: depth)
    }

    private mutating func value(marker: UInt8, depth: Int) throws(SyntaxError) -> JSONValue {
        try take()
        switch marker {
        case UInt8(ascii: "Z"): return .null
        case UInt8(ascii: "T"): return .bool(true)
        case UInt8(ascii: "F"): return .bool(false)
        case UInt8(ascii: "i"), UInt8(ascii: "U"), UInt8(ascii: "I"), UInt8(ascii: "l"), UInt8(ascii: "L"):
            return .number(Double(try integer(marker)))
        case UInt8(ascii: "d"): return .number(Double(Float(bitPattern: UInt32(try bigEndian(4)))))
        case UInt8(ascii: "D"): return .number(Double(bitPattern: try bigEndian(8)))
        case UInt8(ascii: "C"): return .string(String(UnicodeScalar(try byte())))
        case UInt8(ascii: "S"): return .string(try string())
        case UInt8(ascii: "H"):
            let text = try string()
            guard let number = Double(text) else { throw failure("a high-precision number \(String(text).quotedForMessage(limit: 40))") }
            return .number(number)
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            guard depth < Self.maxDepth else { throw failure("containers nest more than \(Self.maxDepth) deep") }
            return try container(object: marker == UInt8(ascii: "{"), depth: depth + 1)
        default:
            throw failure("unknown marker \(Self.show(marker))")
        }
    }

    /// An array or object, after its opening marker.
    private mutating func container(object: Bool, depth: Int) throws(SyntaxError) -> JSONValue {
        var type: UInt8?
        var count: Int?
        if position < bytes.count, bytes[position] == UInt8(ascii: "$") {
            position += 1
            let marker = try byte()
            guard
                Self.fixedSize(marker) != nil || marker == UInt8(ascii: "S") || marker == UInt8(ascii: "[")
                    || marker == UInt8(ascii: "{") || marker == UInt8(ascii: "H")
            else {
                throw failure("a container typed \(Self.show(marker)), which this reader does not accept")
            }
            type = marker
            guard position < bytes.count, bytes[position] == UInt8(ascii: "#") else {
                throw failure("a typed container without a count")
            }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "#") {
            position += 1
            // Each element takes at least one byte (its fixed size when typed; a key's
            // length marker at least, in an object), checked before anything is reserved.
            let perElement = (type.flatMap(Self.fixedSize) ?? 1) + (object ? 2 : 0)
            count = try length(what: "declared count", bytesEach: perElement, values: true)
        }
        if object {
            var members: [String: JSONValue] = [:]
            var index = 0
            while count.map({ index < $0 }) ?? true {
                if count == nil {
                    if try nextMarker() == UInt8(ascii: "}") { break }
                    position -= 1
                }
                let key = try string()
                members[key] = try element(type: type, depth: depth)
                index += 1
            }
            return .object(members)
        }
        var elements: [JSONValue] = []
        if let count { elements.reserveCapacity(count) }
        while count.map({ elements.count < $0 }) ?? true {
            if count == nil {
                let marker = try nextMarker()
                if marker == UInt8(ascii: "]") { break }
                elements.append(try value(marker: marker, depth: depth))
                continue
            }
            elements.append(try element(type: type, depth: depth))
        }
        return .array(elements)
    }

    /// One element of a container whose elements are all `type` (markers omitted), or of
    /// an untyped one.
    private mutating func element(type: UInt8?, depth: Int) throws(SyntaxError) -> JSONValue {
        if let type { return try value(marker: type, depth: depth) }
        return try value(depth: depth)
    }

    private static func show(_ marker: UInt8) -> String {
        (0x21...0x7E).contains(marker) ? "'\(String(UnicodeScalar(marker)))'" : "0x\(String(marker, radix: 16))"
    }
}
