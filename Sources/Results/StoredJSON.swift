import Foundation

/// How the database's JSON text columns are written: keys sorted, so the same values always
/// give the same text (and the site built from them the same bytes).
public enum StoredJSON {
    /// `value` as compact, key-sorted JSON; `{}` if it cannot be encoded.
    public static func text<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
