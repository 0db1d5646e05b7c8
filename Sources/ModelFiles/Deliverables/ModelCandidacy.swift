import Foundation
import Results

/// Whether a file whose extension models share with other files (`.txt`, `.csv`, `.json`)
/// can be a model, from its first bytes: a LightGBM text model starts `tree` /
/// `version=v…`, a predictions file's header starts with the column `id`, an XGBoost JSON
/// model is an object with a `learner`, the baseline's JSON says its format first, and a
/// `.json` may hold XGBoost's UBJSON.
enum ModelCandidacy {
    /// Bytes read from the start of such a file to decide.
    static let sniffBytes = 4096

    /// Whether `fileName`'s extension is one that models share with other files.
    static func needsSniffing(_ fileName: String) -> Bool {
        ["txt", "csv", "json"].contains((fileName.lowercased() as NSString).pathExtension)
    }

    /// What the file is when its first bytes `head` say it cannot be a model; `nil` when it
    /// can (or when the extension is not one of the three).
    static func deliverableKind(fileName: String, head: Data) -> DeliverableKind? {
        switch (fileName.lowercased() as NSString).pathExtension {
        case "txt": return ModelFileFormat.isLightGBMText(head) ? nil : .document
        case "csv": return startsWithIDColumn(head) ? nil : .data
        case "json":
            let isModel =
                ModelFileFormat.isUBJSONObject(head) || AdaBoostModelFile.recognizes(head) || XGBoostModelFile.recognizes(head)
            return isModel ? nil : .data
        default: return nil
        }
    }

    /// Whether the first line has two comma-separated fields, the first `id` (quotes and
    /// case aside), as a predictions file's header `id,score` has: a header with another
    /// second name is still a candidate, so that the predictions reader says what is wrong.
    private static func startsWithIDColumn(_ head: Data) -> Bool {
        var text = String(decoding: head.prefix(256), as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let line = text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
        let fields = line.split(separator: ",", omittingEmptySubsequences: false)
        return fields.count == 2 && fields[0].trimmingCharacters(in: CharacterSet(charactersIn: " \"")).lowercased() == "id"
    }
}
