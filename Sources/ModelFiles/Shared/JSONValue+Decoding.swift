import Foundation

extension JSONValue {
    /// Why a text is not JSON, as one line that says where and what.
    struct SyntaxError: Error, Sendable {
        var detail: String
    }

    /// Parses `text`, JSON5 too when `allowsJSON5` (Python's `json.dump` writes `NaN` and
    /// `Infinity`); a failure says where the text stops being JSON.
    static func decode(_ text: String, allowsJSON5: Bool = false) throws(SyntaxError) -> JSONValue {
        let data = Data(text.utf8)
        let decoder = JSONDecoder()
        decoder.allowsJSON5 = allowsJSON5
        do {
            return try decoder.decode(JSONValue.self, from: data)
        } catch {
            throw SyntaxError(detail: describeSyntaxError(in: data))
        }
    }

    /// One line saying where `data` stops being JSON. JSONDecoder's errors say only "not
    /// valid JSON" on Linux, so this asks JSONSerialization, whose message gives a character
    /// offset, and turns the offset into a line and column.
    static func describeSyntaxError(in data: Data) -> String {
        var detail = "not valid JSON"
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            // Foundation's message may quote the file's bytes raw (NULs, line breaks).
            if let message = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String {
                detail = message.escapingLineBreaks
            }
        }
        guard let range = detail.range(of: #"around (line \d+, column \d+|character \d+)"#, options: .regularExpression) else {
            let trimmed = detail.trimmingCharacters(in: CharacterSet(charactersIn: ". "))
            return trimmed.prefix(1).lowercased() + trimmed.dropFirst()
        }
        let message = detail[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
        let place = detail[range].dropFirst("around ".count)
        guard place.hasPrefix("character"), let offset = Int(place.dropFirst("character ".count)) else {
            return "\(place): \(message)"
        }
        var line = 1, column = 1
        for byte in data.prefix(offset) {
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
        }
        return "line \(line), column \(column): \(message.lowercased())"
    }
}
