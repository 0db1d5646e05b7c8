import Foundation
import Results
import Site

/// Number and JSON formatting shared by the commands' output.
enum Formatting {
    /// `7500` as `7,500`.
    static func count(_ n: Int) -> String { CountText.of(n) }

    /// Pretty, key-sorted JSON of `value`, for `--json`, with no character a terminal acts on.
    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return TerminalText.jsonEscaped(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// Seconds with milliseconds.
    static func seconds(_ t: TimeInterval) -> String { String(format: "%.3f s", t) }
}
