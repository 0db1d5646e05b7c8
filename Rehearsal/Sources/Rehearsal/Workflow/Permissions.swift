/// `permissions:` — `read-all`, `write-all`, `{}`, or a mapping from scope to `read`, `write`
/// or `none`.
struct Permissions: Decodable, Equatable, Sendable {
    /// Each scope's access; `read-all` and `write-all` appear as the scope `*`.
    let scopes: [String: String]

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            switch text {
            case "read-all": scopes = ["*": "read"]
            case "write-all": scopes = ["*": "write"]
            default:
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown permissions '\(text)'")
            }
        } else {
            scopes = try container.decode([String: String].self)
        }
    }

    /// The scopes given write access, sorted.
    var writeScopes: [String] { scopes.filter { $0.value == "write" }.keys.sorted() }
}
