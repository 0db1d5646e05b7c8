/// YAML shapes that GitHub accepts in more than one spelling, decoded to one Swift type each.

/// A scalar read as the text GitHub would see: `true`, `3` and `'3'` all arrive as strings, so
/// that `env:`, `with:` and `if:` values keep their written form.
struct ScalarText: Decodable, Equatable, Sendable {
    let text: String

    init(_ text: String) { self.text = text }

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let string = try? container.decode(String.self) {
            text = string
        } else if let bool = try? container.decode(Bool.self) {
            text = bool ? "true" : "false"
        } else if let int = try? container.decode(Int.self) {
            text = String(int)
        } else if let double = try? container.decode(Double.self) {
            text = String(double)
        } else if container.decodeNil() {
            text = ""
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a scalar")
        }
    }
}

/// One string or a list of them (`needs: build`, `needs: [a, b]`, `runs-on: [self-hosted, linux]`).
struct OneOrMany: Decodable, Equatable, Sendable {
    let values: [String]

    init(_ values: [String]) { self.values = values }

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let list = try? container.decode([ScalarText].self) {
            values = list.map(\.text)
        } else {
            values = [try container.decode(ScalarText.self).text]
        }
    }
}

/// A string that may also be written as a mapping with one meaningful field (`container: image`
/// or `container: {image: …}`; `environment: name` or `environment: {name: …, url: …}`).
struct NameOrMapping: Decodable, Equatable, Sendable {
    let name: String
    let fields: [String: String]

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            name = text
            fields = [:]
        } else {
            let mapping = try container.decode([String: ScalarText].self)
            fields = mapping.mapValues(\.text)
            name = fields["image"] ?? fields["name"] ?? ""
        }
    }
}
