/// The tokens of an XML text, for ``SVGSanitizer``: start and end tags with their
/// attributes (entities decoded), text (CDATA included); comments, processing instructions
/// and a document type without an internal subset are skipped. Anything else — an entity
/// other than the five predefined and numeric ones, a document type with `[`, an unclosed
/// construct — is `invalid`, and the caller stops.
struct XMLTokenizer {
    /// One attribute, its value decoded.
    struct Attribute {
        var name: String, value: String
    }

    /// One token.
    enum Token {
        case start(name: String, attributes: [Attribute], selfClosing: Bool)
        case end(name: String)
        case text(String)
        case invalid
    }

    private let bytes: [UInt8]
    private var index = 0
    private var failed = false

    init(_ text: String) { bytes = Array(text.utf8) }

    /// The next token; `nil` at the end (and after `invalid`).
    mutating func next() -> Token? {
        while index < bytes.count && !failed {
            if bytes[index] != UInt8(ascii: "<") { return text() }
            if starts("<!--") {
                guard skip(past: "-->") else { return fail() }
            } else if starts("<![CDATA[") {
                let begin = index + 9
                guard skip(past: "]]>") else { return fail() }
                return .text(String(decoding: bytes[begin..<(index - 3)], as: UTF8.self))
            } else if starts("<?") {
                guard skip(past: "?>") else { return fail() }
            } else if starts("<!") {
                // A document type: refused when it has an internal subset (entities).
                let begin = index
                guard skip(past: ">") else { return fail() }
                if bytes[begin..<index].contains(UInt8(ascii: "[")) { return fail() }
            } else if starts("</") {
                index += 2
                guard let name = name() else { return fail() }
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else { return fail() }
                index += 1
                return .end(name: name)
            } else {
                return tag()
            }
        }
        return nil
    }

    private mutating func fail() -> Token {
        failed = true
        return .invalid
    }

    private mutating func tag() -> Token {
        index += 1
        guard let name = name() else { return fail() }
        var attributes: [Attribute] = []
        while true {
            skipSpace()
            guard index < bytes.count else { return fail() }
            if bytes[index] == UInt8(ascii: ">") {
                index += 1
                return .start(name: name, attributes: attributes, selfClosing: false)
            }
            if starts("/>") {
                index += 2
                return .start(name: name, attributes: attributes, selfClosing: true)
            }
            guard let attribute = self.name() else { return fail() }
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { return fail() }
            index += 1
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
                return fail()
            }
            let quote = bytes[index]
            index += 1
            let begin = index
            while index < bytes.count, bytes[index] != quote {
                if bytes[index] == UInt8(ascii: "<") { return fail() }
                index += 1
            }
            guard index < bytes.count, let value = decoded(bytes[begin..<index]) else { return fail() }
            index += 1
            attributes.append(Attribute(name: attribute, value: value))
        }
    }

    private mutating func text() -> Token {
        let begin = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "<") { index += 1 }
        guard let value = decoded(bytes[begin..<index]) else { return fail() }
        return .text(value)
    }

    /// A name: letters, digits, `_ - . :` (and any non-ASCII byte).
    private mutating func name() -> String? {
        let begin = index
        while index < bytes.count {
            let byte = bytes[index]
            let isName =
                byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: ":")
            guard isName else { break }
            index += 1
        }
        return index > begin ? String(decoding: bytes[begin..<index], as: UTF8.self) : nil
    }

    private mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private func starts(_ prefix: String) -> Bool {
        let p = Array(prefix.utf8)
        return index + p.count <= bytes.count && bytes[index..<(index + p.count)].elementsEqual(p)
    }

    /// Moves past the next `end`; `false` when there is none.
    private mutating func skip(past end: String) -> Bool {
        let e = Array(end.utf8)
        while index + e.count <= bytes.count {
            if bytes[index..<(index + e.count)].elementsEqual(e) {
                index += e.count
                return true
            }
            index += 1
        }
        return false
    }

    /// `raw` with its entity references decoded; `nil` for an unknown or malformed one.
    private func decoded(_ raw: ArraySlice<UInt8>) -> String? {
        guard raw.contains(UInt8(ascii: "&")) else { return String(decoding: raw, as: UTF8.self) }
        var out = ""
        var rest = raw[...]
        while let amp = rest.firstIndex(of: UInt8(ascii: "&")) {
            out += String(decoding: rest[..<amp], as: UTF8.self)
            guard let semi = rest[amp...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else { return nil }
            let entity = String(decoding: rest[(amp + 1)..<semi], as: UTF8.self)
            switch entity {
            case "lt": out += "<"
            case "gt": out += ">"
            case "amp": out += "&"
            case "quot": out += "\""
            case "apos": out += "'"
            default:
                guard entity.hasPrefix("#") else { return nil }
                let digits = entity.dropFirst()
                let value = digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
                guard let value, let scalar = Unicode.Scalar(value) else { return nil }
                out.unicodeScalars.append(scalar)
            }
            rest = rest[(semi + 1)...]
        }
        return out + String(decoding: rest, as: UTF8.self)
    }
}
